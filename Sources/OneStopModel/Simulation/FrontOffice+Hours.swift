import DESKernel

// MARK: - Desk group hours, read lazily
//
// A desk group's state (open, closed, or in end-of-day overtime) changes at its
// schedule's openings and closings. Most of those changes need no action, so they are
// not events: a group's state is brought up to date when it is read (`refresh`), and the
// flow plans a wake only for an opening at which tickets are waiting for the group
// (`wakeTime`). This removed about a tenth of the events of a province-year.

extension FrontOffice {
  /// Brings group `g`'s state up to `now`: the state after its last opening or closing
  /// at or before `now` (as if each change were an event of `capacity` priority).
  @inline(__always)
  mutating func refresh(_ g: Int, at now: Double) {
    if now >= validUntil[g] { replayChanges(g, at: now) }
  }

  /// The state after the last change at or before `now`; the next change ends it.
  mutating func replayChanges(_ g: Int, at now: Double) {
    let clock = calendar.reader
    let group = model.deskGroups[g]
    let schedule = group.schedule
    var last = validUntil[g]
    var next = clock.nextChange(schedule, after: last)
    while let n = next, n.time <= now {
      last = n.time
      next = clock.nextChange(schedule, after: last)
    }
    validUntil[g] = next?.time ?? .infinity
    if clock.isOpen(schedule, at: last) {
      groupOpen[g] = true
      groupOvertime[g] = false
    } else {
      groupOpen[g] = false
      // A day that closes at 24:00 closes at the first instant of the next day index:
      // compare with the previous day's last closing too, or overtime never starts.
      let day = calendar.day(last)
      let endOfDay =
        clock.lastClose(schedule, dayIndex: day) == last || clock.lastClose(schedule, dayIndex: day - 1) == last
      groupOvertime[g] = endOfDay && model.units[group.unit].closingRule == .serveAll
    }
  }

  /// `true` when group `g` may call a ticket now (after `refresh`): open, or in its
  /// end-of-day overtime for walk-ins (postal dossiers wait for the next opening).
  @inline(__always)
  func mayCall(_ g: Int, postal: Bool) -> Bool { groupOpen[g] || (groupOvertime[g] && !postal) }

  /// When group `g`, closed now, must wake to call the tickets waiting for it: its next
  /// opening before the end of the run, unless a wake is already planned no later
  /// (`nil` then). The flow plans the wake; `woke` clears it.
  @inline(__always)
  mutating func wakeTime(group g: Int, at now: Double) -> Double? {
    guard let t = calendar.reader.nextOpening(model.deskGroups[g].schedule, atOrAfter: now), t < calendar.endTime else {
      return nil
    }
    let pending = wakeAt[g]
    if pending >= now && pending <= t { return nil }
    wakeAt[g] = t
    return t
  }

  /// Group `g`'s planned wake fires at `now`: refreshed, and `true` when it is open.
  @inline(__always)
  mutating func woke(group g: Int, at now: Double) -> Bool {
    if wakeAt[g] == now { wakeAt[g] = -1 }
    refresh(g, at: now)
    return groupOpen[g]
  }

  /// `true` when some desk group serving `field` at unit `u` opens on `day`: the ticket
  /// machine issues no ticket for a counter that stays closed (a Saturday opening for
  /// some fields only). `mutating` though it changes nothing: as a non-mutating method the
  /// compiler copied the whole front office (about 2,200 bytes) at every walk-in visit.
  mutating func counterOpens(unit u: Int, field: Int, day: Int) -> Bool {
    let bit = UInt64(1) << UInt64(field)
    for g in model.units[u].deskGroups where model.deskGroups[g].fieldMask & bit != 0 {
      if !calendar.reader.isClosedAllDay(model.deskGroups[g].schedule, day) { return true }
    }
    return false
  }
}
