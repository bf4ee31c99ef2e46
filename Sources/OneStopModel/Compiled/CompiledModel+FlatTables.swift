extension CompiledModel.Compiler {
  /// The flat tables the event loop reads besides the rows, once every check passed:
  /// the routes (a nested array would be retained on every read), the demand entries'
  /// day factors and ramps, the units' demand entry and planned-visit profiles, and the
  /// expected arrivals of every stream and day.
  mutating func compileFlatTables() {
    for route in routes {
      routeFirst.append(Int32(routeStations.count))
      routeStations += route
    }
    routeFirst.append(Int32(routeStations.count))
    for d in c.demand {
      dayFactors.month += d.monthFactors.count == 12 ? d.monthFactors : Array(repeating: 1, count: 12)
      let firstPeriod = dayFactors.periodFrom.count
      dayFactors.periodFrom.append(Int.min)
      dayFactors.weekday += d.weekdayFactors.count == 7 ? d.weekdayFactors : Array(repeating: 1, count: 7)
      for period in d.weekdayFactorPeriods.sorted(by: { $0.from < $1.from }) {
        dayFactors.periodFrom.append(period.from.dayNumber)
        dayFactors.weekday += period.factors.count == 7 ? period.factors : Array(repeating: 1, count: 7)
      }
      let online = dayFactors.ramps.count
      dayFactors.ramps += d.onlineShare.points.map { ($0.date.dayNumber, $0.value) }
      let postal = dayFactors.ramps.count
      dayFactors.ramps += d.postalShare.points.map { ($0.date.dayNumber, $0.value) }
      demands.append(
        CompiledModel.Demand(
          postalReturnShare: d.postalReturnShare, onlineReturnShare: d.onlineReturnShare, awayShare: d.awayShare,
          weekdayPeriods: firstPeriod..<dayFactors.periodFrom.count, onlineRamp: online..<postal,
          postalRamp: postal..<dayFactors.ramps.count))
    }
    for (i, d) in c.demand.enumerated() {
      if let u = unitIndex[d.unit], units[u].demand == nil { units[u].demand = i }
    }
    for u in units.indices {
      let demand = units[u].demand.map { c.demand[$0] }
      let weights = demand?.walkInHourProfile ?? DemandConfiguration.defaultWalkInProfile
      // Planned visits (pick-ups, returns) come before the ticket cutoff too.
      let follows = demand?.walkInProfileFollowsCutoff ?? true
      let cutoff = units[u].ticketCutoff
      let first = profiles.count
      for hours in schedules[units[u].schedule].patterns {
        profiles.append(
          DayProfile(hourWeights: weights, hours: hours, cutoff: follows && cutoff.isFinite ? cutoff : nil)
            .arrivingEarly(
              share: c.units[u].access.beforeOpeningShare, earliest: c.units[u].access.beforeOpeningEarliest))
      }
      units[u].visitProfiles = first..<profiles.count
    }
    let monthOfDay = (0..<horizon).map { CivilDate(dayNumber: epoch + $0).month - 1 }
    streamDaily.reserveCapacity(streams.count * horizon)
    for s in streams {
      for day in 0..<horizon {
        streamDaily.append(
          dayFactors.volume(stream: s, dayNumber: epoch + day, month: monthOfDay[day], demand: demands[s.demand]))
      }
    }
  }

  /// Carried-over entries: their unit, procedure, count and receipt dates, checked and
  /// resolved to indices and day indices.
  mutating func compileBacklog() {
    for (i, b) in c.backlog.enumerated() {
      let at = ProblemLocation(.backlog(i))
      let u = unitIndex[b.unit], p = procedureIndex[b.procedure]
      if u == nil {
        problem(at.with(.unit), "unknown unit '\(b.unit)'", .unknown(.unit, name: b.unit, known: c.units.map(\.id)))
      }
      if p == nil {
        problem(
          at.with(.procedure), "unknown procedure '\(b.procedure)'",
          .unknown(.procedure, name: b.procedure, known: c.procedures.map(\.id)))
      }
      if b.count < 0 { problem(at.with(.count), "expected a number >= 0, got \(b.count)") }
      if (b.receivedFrom == nil) != (b.receivedThrough == nil) {
        problem(
          at, "give both \(key: .receivedFrom) and \(key: .receivedThrough), or neither (ages then follow the deadline)"
        )
      }
      var received: ClosedRange<Int>?
      if let from = b.receivedFrom, let through = b.receivedThrough {
        if through < from { problem(at.with(.receivedThrough), "must not be before \(key: .receivedFrom)") }
        if through.dayNumber >= epoch {
          problem(at.with(.receivedThrough), "carried-over dossiers must be received before the start (\(c.start))")
        }
        if through >= from { received = (from.dayNumber - epoch)...(through.dayNumber - epoch) }
      }
      if !(0...1).contains(b.overdueShare) {
        problem(at.with(.overdueShare), "expected a share in [0, 1], got \(b.overdueShare)")
      }
      if let u, let p {
        backlog.append(
          CompiledModel.Backlog(
            unit: u, procedure: p, count: b.count, receivedDays: received, overdueShare: b.overdueShare))
      }
    }
  }
}
