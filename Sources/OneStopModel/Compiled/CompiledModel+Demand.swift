import DESKernel

extension CompiledModel.Compiler {
  typealias Stream = CompiledModel.Stream

  /// Demand entries: checked, then split into one arrival stream per group of
  /// procedures sharing channel options and per channel.
  mutating func compileDemand() {
    for (di, d) in c.demand.enumerated() {
      let at = ProblemLocation(.demand(di))
      guard let u = unitIndex[d.unit] else {
        problem(at.with(.unit), "unknown unit '\(d.unit)'", .unknown(.unit, name: d.unit, known: c.units.map(\.id)))
        continue
      }
      checkDemand(d, index: di)
      let (groups, totalWeight) = mixGroups(d, index: di, unit: u)
      guard totalWeight > 0, problems.isEmpty else { continue }
      addStreams(d, index: di, unit: u, groups: groups, totalWeight: totalWeight)
    }
  }

  /// The volumes, factors, profiles and shares of demand entry `di`.
  mutating func checkDemand(_ d: DemandConfiguration, index di: Int) {
    let at = ProblemLocation(.demand(di))
    func nonNegative(_ xs: [Double], count: Int) -> Bool { xs.count == count && !xs.contains { !($0 >= 0) } }
    if !(d.annualVolume >= 0) { problem(at.with(.annualVolume), "expected a number >= 0, got \(d.annualVolume)") }
    if !nonNegative(d.monthFactors, count: 12) { problem(at.with(.monthFactors), "expected 12 numbers >= 0") }
    if !nonNegative(d.weekdayFactors, count: 7) {
      problem(at.with(.weekdayFactors), "expected 7 numbers >= 0, Monday first")
    }
    for (k, period) in d.weekdayFactorPeriods.enumerated() where !nonNegative(period.factors, count: 7) {
      problem(.init(.weekdayPeriod(demand: di, index: k), .factors), "expected 7 numbers >= 0, Monday first")
    }
    if !nonNegative(d.walkInHourProfile, count: 24) { problem(at.with(.walkInHourProfile), "expected 24 numbers >= 0") }
    if !nonNegative(d.onlineHourProfile, count: 24) { problem(at.with(.onlineHourProfile), "expected 24 numbers >= 0") }
    if d.postalReturnShare < 0 || d.onlineReturnShare < 0 || d.postalReturnShare + d.onlineReturnShare > 1 {
      problem(at, "\(key: .postalReturnShare) and \(key: .onlineReturnShare) must be >= 0 and sum to at most 1")
    }
    for (field, r) in [(ConfigurationField.onlineShare, d.onlineShare), (.postalShare, d.postalShare)] {
      if r.points.contains(where: { !(0...1).contains($0.value) }) {
        problem(at.with(field), "expected shares in [0, 1]")
      }
    }
    if d.mix.isEmpty { problem(at.with(.mix), "expected at least one procedure") }
  }

  /// The mix of demand entry `di` at unit `u`, grouped by channel options (online
  /// capable, postal allowed), and its total weight; unknown procedures, bad weights and
  /// procedures without a route from the unit are problems.
  mutating func mixGroups(_ d: DemandConfiguration, index di: Int, unit u: Int) -> ([String: [(Int, Double)]], Double) {
    var groups: [String: [(Int, Double)]] = [:]
    var totalWeight = 0.0
    for (k, m) in d.mix.enumerated() {
      let at = ProblemLocation(.mixEntry(demand: di, index: k))
      guard let p = procedureIndex[m.procedure] else {
        problem(
          at, "unknown procedure '\(m.procedure)'",
          .unknown(.procedure, name: m.procedure, known: c.procedures.map(\.id)))
        continue
      }
      if !(m.weight >= 0) { problem(at.with(.weight), "expected a weight >= 0, got \(m.weight)") }
      if routes[p * units.count + u].isEmpty && !c.procedures[p].onTheSpot {
        problem(
          at,
          """
            procedure '\(m.procedure)' has no back-office route from unit '\(d.unit)' (no agency of a step's kind at \
            this unit or above it)
            """,
          .noRoute(procedure: m.procedure, unit: d.unit))
      }
      let pc = c.procedures[p]
      let key = "\(pc.onlineMode != .none)|\(pc.postalAllowed)"
      groups[key, default: []].append((p, m.weight))
      totalWeight += m.weight
    }
    if totalWeight == 0 && !d.mix.isEmpty && d.mix.allSatisfy({ procedureIndex[$0.procedure] != nil }) {
      problem(.init(.demand(di), .mix), "the weights must not all be zero")
    }
    return (groups, totalWeight)
  }

  /// The arrival streams of demand entry `di` at unit `u`: per group of its mix, one
  /// stream per channel the group's procedures accept, normalised so that the year's
  /// expected arrivals are the entry's share of the annual volume.
  mutating func addStreams(
    _ d: DemandConfiguration, index di: Int, unit u: Int, groups: [String: [(Int, Double)]], totalWeight: Double
  ) {
    let sched = schedules[units[u].schedule]
    // Normaliser: expected day-weight over the first 365 days (or the horizon).
    let window = min(365, max(horizon, 1))
    // Walk-ins come before the ticket cutoff (unless the demand says otherwise).
    let walkInCutoff = d.walkInProfileFollowsCutoff && units[u].ticketCutoff.isFinite ? units[u].ticketCutoff : nil
    let epoch = self.epoch
    func dayWeight(_ day: Int, online: Bool, cutoff: Double? = nil) -> Double {
      let date = CivilDate(dayNumber: epoch + day)
      if online { return d.monthFactors[date.month - 1] * d.weekdayFactors[date.weekday - 1] }
      // Walk-in and postal: the factors in force that day (periods from a date), so
      // that factors whose open days sum to the same weekly total keep the volume of
      // every day before the first period unchanged.
      var factors = d.weekdayFactors, from = Int.min
      for p in d.weekdayFactorPeriods where p.from.dayNumber <= epoch + day && p.from.dayNumber >= from {
        factors = p.factors
        from = p.from.dayNumber
      }
      let w = d.monthFactors[date.month - 1] * (factors.count == 7 ? factors[date.weekday - 1] : 1)
      return sched.hours(dayIndex: day).cut(at: cutoff).intervals.isEmpty ? 0 : w
    }
    for key in groups.keys.sorted() {
      let members = groups[key]!
      let share = members.reduce(0) { $0 + $1.1 } / totalWeight
      // A group whose procedures all weigh 0 gets no stream (and no empirical mix,
      // which needs a positive weight).
      guard share > 0,
        let mix = try? Distribution.empirical(values: members.map { Double($0.0) }, weights: members.map(\.1))
      else { continue }
      let onlineCapable = c.procedures[members[0].0].onlineMode != .none
      let postalCapable = c.procedures[members[0].0].postalAllowed
      for channel in ChannelIn.allCases {
        if channel == .online && !onlineCapable { continue }
        if channel == .postal && !postalCapable { continue }
        let online = channel == .online
        let cutoff = channel == .walkIn ? walkInCutoff : nil
        let norm = (0..<window).reduce(0.0) { $0 + dayWeight($1, online: online, cutoff: cutoff) } / Double(window)
        guard norm > 0 else { continue }
        let profiles: [DayProfile]
        if online {
          profiles = [DayProfile(hourWeights: d.onlineHourProfile, hours: nil)]
        } else {
          let access = c.units[u].access
          profiles = sched.patterns.map {
            DayProfile(hourWeights: d.walkInHourProfile, hours: $0, cutoff: cutoff)
              .arrivingEarly(share: channel == .walkIn ? access.beforeOpeningShare : 0,
                earliest: access.beforeOpeningEarliest)
          }
        }
        let baseDaily = d.annualVolume * share / 365 / norm
        guard baseDaily.isFinite else {
          problem(
            .init(.demand(di), .annualVolume),
            """
              the day factors give no finite daily volume (\(baseDaily)); check \(key: .monthFactors), \
              \(key: .weekdayFactors) and the hour profiles
              """
          )
          continue
        }
        let firstProcedure = streamProcedures.count
        streamProcedures += members.map { Int32($0.0) }
        var stream = Stream(
          unit: u, channel: channel, demand: di, procedures: firstProcedure..<streamProcedures.count,
          baseDaily: baseDaily, onlineCapable: onlineCapable, postalCapable: postalCapable, usesUnitSchedule: !online)
        let firstProfile = self.profiles.count
        for p in profiles { self.profiles.append(p) }
        stream.profiles = firstProfile..<self.profiles.count
        streams.append(stream)
        streamMix.append(mix)
      }
    }
  }
}
