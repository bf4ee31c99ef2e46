import DESKernel

/// What the flow reads of the compiled model to route a dossier and predict its dates:
/// non-mutating functions of the model and the run's calendar, so a reader sees that
/// they decide nothing and write nothing.
extension CompiledModel {
  /// Where dossier `d`'s route lies in `routeStations`: the route from its deciding unit
  /// (the receiving unit unless it was filed away from home).
  @inline(__always)
  func routeRange(_ d: Dossier) -> Range<Int> {
    let r = Int(d.procedure) * units.count + Int(d.decidingUnit)
    return Int(routeFirst[r])..<Int(routeFirst[r + 1])
  }

  /// The station of step `step` of dossier `d`'s route.
  @inline(__always)
  func routeStation(_ d: Dossier, step: Int) -> Int {
    Int(routeStations[routeRange(d).lowerBound + step])
  }

  /// When paper leaving a place with schedule `fromSchedule` (and the transfer cutoff of
  /// unit `u`) at `now` reaches a place with schedule `toSchedule` at level `toLevel`:
  /// the same day when the sender works today and it is before the cutoff, else the
  /// next day the sender works; crossing levels adds `interLevelHandoverWorkingDays`;
  /// then the receiver's next opening. A Saturday-working front office and agency hand
  /// paper over on Saturday (Decision 19/2022: receive, resolve and return on Saturday);
  /// a weekday-only agency gets it on Monday.
  func paperArrival(
    fromUnit u: Int, fromSchedule: Int, toSchedule: Int, toLevel: Int, at now: Double, _ calendar: RunCalendar
  ) -> Double {
    let clock = calendar.reader
    let unit = units[u]
    let day = calendar.day(now)
    let second = now - Double(day) * 86_400
    var leaveDay = day
    if clock.isClosedAllDay(fromSchedule, day) || second > unit.transferCutoff {
      leaveDay = day + 1
      while leaveDay < horizonDays && clock.isClosedAllDay(fromSchedule, leaveDay) { leaveDay += 1 }
    }
    var arrivalDay = leaveDay
    if toLevel != unit.level && rules.interLevelHandoverWorkingDays > 0 {
      arrivalDay = calendar.addingWorkingDays(rules.interLevelHandoverWorkingDays, to: leaveDay)
    }
    if arrivalDay == day && clock.isOpen(toSchedule, at: now) { return now }
    return clock.nextOpening(toSchedule, atOrAfter: arrivalDay == day ? now : Double(arrivalDay) * 86_400) ?? endTime
  }

  /// The end of step `j`'s fixed wait started at `t`.
  @inline(__always)
  func fixedWaitEnd(step j: Int, from t: Double, _ calendar: RunCalendar) -> Double {
    let n = Int(steps[j].fixedWaitDays)
    if steps[j].fixedWaitInCalendarDays { return t + Double(n) * 86_400 }
    return calendar.addingWorkingDays(n, toInstant: t)
  }

  /// A lower bound on when dossier `d` can be resolved: the rest of its current delay
  /// and every fixed legal wait and inter-level paper hand-over still ahead of it.
  /// Officer work and queues count as zero, so a dossier predicted late is late.
  func earliestResolution(_ d: Dossier, at now: Double, _ calendar: RunCalendar) -> Double {
    let p = procedures[Int(d.procedure)]
    let route = routeRange(d)
    var t = Swift.max(now, d.delayUntil)
    let handover = d.channelIn == .online ? 0 : rules.interLevelHandoverWorkingDays
    /// Paper crossing from level `a` to level `b` waits the hand-over's working days.
    func crossing(_ a: Int, _ b: Int, _ t: Double) -> Double {
      guard a != b && handover > 0 else { return t }
      return calendar.addingWorkingDays(handover, toInstant: t)
    }
    var level = units[stations[Int(routeStations[route.lowerBound + Int(d.step)])].unit].level
    for k in Int(d.step)..<route.count {
      let next = units[stations[Int(routeStations[route.lowerBound + k])].unit].level
      t = crossing(level, next, t)
      level = next
      let j = p.steps.lowerBound + k
      let pending = k > Int(d.step) || !d.inDelay
      if pending && steps[j].fixedWaitDays > 0 && steps[j].fixedWaitCounts {
        t = fixedWaitEnd(step: j, from: t, calendar)
      }
    }
    return crossing(level, units[Int(d.unit)].level, t)
  }
}
