import DESKernel

extension FrontOffice {
  // MARK: - Daily quotas, silent leaving, estimated calls (issue 28)

  /// Takes one of the day's `limit` tickets for `field` at unit `u` on day index `day`:
  /// `false` when they are all gone (the citizen is turned away by the quota).
  mutating func takeQuota(unit u: Int, field: Int, day: Int, limit: Int) -> Bool {
    guard limit != Int.max else { return true }
    let q = u * fieldCount + field
    if quotaDay[q] != Int32(day) {
      quotaDay[q] = Int32(day)
      quotaUsed[q] = 0
    }
    guard Int(quotaUsed[q]) < limit else { return false }
    quotaUsed[q] += 1
    return true
  }

  /// The citizen of dossier `i` leaves the line of `field` at unit `u` without notice:
  /// the ticket keeps its place, marked `noAnswer`, and is called in turn; the citizen
  /// has left the desks' statistics. Returns when the ticket was taken, or `nil` when it
  /// is no longer in the line.
  mutating func leaveSilently(dossier i: Int32, unit u: Int, field: Int, at now: Double) -> Double? {
    let q = u * fieldCount + field
    guard let k = walkLines[q].firstPosition(where: { $0.dossier == i && $0.outcome == .none }) else { return nil }
    var ticket = walkLines[q].ordered[k]
    left(ticket, unit: u, at: now)
    ticket.outcome = .noAnswer
    walkLines[q].replace(at: k, with: ticket)
    return ticket.issuedAt
  }

  /// Desks that serve `field` at unit `u` (every group, open or not).
  func desks(unit u: Int, field: Int) -> Int {
    var n = 0
    for g in model.units[u].deskGroups where model.deskGroups[g].fieldMask & (UInt64(1) << UInt64(field)) != 0 {
      n += model.deskGroups[g].count
    }
    return n
  }

  // MARK: - The estimated call of a remote ticket

  /// Calls remembered per line for the recent call rate, and the calls needed before
  /// the rate replaces the prior (the mean intake time over the desks).
  static let callRing = 10
  static let callsForRate = 3

  /// Desks of unit `u` serving `field` open at `now` and free.
  func idleDesks(unit u: Int, field: Int, at now: Double) -> Int {
    var n = 0
    let bit = UInt64(1) << UInt64(field)
    for g in model.units[u].deskGroups where model.deskGroups[g].fieldMask & bit != 0 {
      if calendar.reader.isOpen(model.deskGroups[g].schedule, at: now) {
        n += servers[g].capacity - servers[g].busyCount
      }
    }
    return n
  }

  /// A desk calls the next ticket of the line of `field` at unit `u`: remembered in the
  /// line's ring of call times.
  @inline(__always)
  mutating func noteCall(unit u: Int, field: Int, at now: Double) {
    let q = u * fieldCount + field
    callTimes[q * Self.callRing + Int(callCount[q]) % Self.callRing] = now
    callCount[q] &+= 1
  }

  /// What a ticket app shows a remote ticket taken at `base` (now, or the opening still
  /// to come) that is the `ahead`-th to be called from the line of `field` at unit `u`.
  /// Desks open at `base` and free call the first tickets at once (then `base`); the
  /// others follow the last call today (or the next opening, where every desk calls one)
  /// at the line's open seconds per call over its last `callRing` calls, yesterday's
  /// included (`prior`, the mean intake time over the desks, before `callsForRate`
  /// calls), counted in the unit's open hours so that a lunch break or the closing is
  /// skipped.
  func estimatedCall(unit u: Int, field: Int, ahead: Int, prior: Double, from base: Double) -> Double {
    let q = u * fieldCount + field
    let schedule = model.units[u].schedule
    let clock = calendar.reader
    // Free desks call the first tickets at once; the others follow at the call rate.
    var toCall = ahead - idleDesks(unit: u, field: field, at: base)
    guard toCall > 0 else { return base }
    let count = Int(callCount[q])
    let last = count > 0 ? callTimes[q * Self.callRing + (count - 1) % Self.callRing] : -Double.infinity
    var anchor = base
    if count > 0 && calendar.day(last) == calendar.day(base) {
      anchor = last
    } else if !clock.isOpen(schedule, at: base), let opens = clock.nextOpening(schedule, atOrAfter: base) {
      anchor = opens
      toCall -= desks(unit: u, field: field)
      guard toCall > 0 else { return opens }
    }
    var perCall = prior
    if count >= Self.callsForRate {
      let n = Swift.min(count, Self.callRing)
      let first = callTimes[q * Self.callRing + (count - n) % Self.callRing]
      let open = clock.openSeconds(schedule, from: first, to: last)
      if open > 0 { perCall = open / Double(n - 1) }
    }
    let work = Double(toCall) * perCall
    var t = clock.addingWorkingTime(schedule, work, to: anchor)
    // Work ending at a closing is a call at the next opening.
    if t.isFinite && !clock.isOpen(schedule, at: t) { t = clock.nextOpening(schedule, atOrAfter: t) ?? t }
    return Swift.max(base, t.isFinite ? t : anchor + work)
  }
}
