import DESKernel

extension CompiledModel.Compiler {
  typealias Unit = CompiledModel.Unit
  typealias DeskGroup = CompiledModel.DeskGroup
  typealias Station = CompiledModel.Station

  /// Units, their desk groups and their online intake stations.
  mutating func compileUnits() {
    for (i, u) in c.units.enumerated() {
      let at = ProblemLocation(.unit(i))
      let level = levelIndex[u.level]
      if level == nil {
        problem(at.with(.level), "unknown level '\(u.level)'; expected one of \(c.levels.joined(separator: ", "))")
      }
      var parent: Int?
      if let p = u.parent {
        parent = unitIndex[p]
        if parent == nil {
          problem(at.with(.parent), "unknown unit '\(p)'", .unknown(.unit, name: p, known: c.units.map(\.id)))
        }
        if p == u.id { problem(at.with(.parent), "a unit cannot be its own parent") }
      }
      let sched = resolve(u.hours, at.with(.hours))
      if let cut = u.ticketCutoff, let why = CompiledModel.cutoffProblem(cut, within: u.hours) {
        problem(at.with(.ticketCutoff), "\(why)")
      }
      if u.desks.isEmpty { problem(at.with(.desks), "expected at least one desk group") }
      if u.onlineIntakeOfficers < 0 {
        problem(at.with(.onlineIntakeOfficers), "expected a number >= 0, got \(u.onlineIntakeOfficers)")
      }
      let firstGroup = groups.count
      for (k, g) in u.desks.enumerated() { compileDeskGroup(g, unit: i, index: k) }
      let onlineStation = stations.count
      addStation(
        id: "online-intake@\(u.id)", name: "online intake, \(u.name)", unit: i,
        officers: max(0, u.onlineIntakeOfficers),
        schedule: sched, discipline: .fifo, isOnlineIntake: true, absenceShare: 0, absenceSpell: 1,
        saturdayCompensation: .overtime)
      // A scenario that names things in Vietnamese names its named units' online intake too.
      if !c.names.isEmpty, let name = c.names.vi[ScenarioNames.key(.unit, u.id)] ?? (u.name == u.id ? nil : u.name) {
        let intake = ScenarioNames.key(.agency, "online-intake@\(u.id)")
        names.translations.vi[intake] = "Tiếp nhận trực tuyến, \(name)"
      }
      let digit = compileDigitisation(u, unit: i)
      names.units.append(.init(id: u.id, name: u.name))
      units.append(
        Unit(
          level: level ?? 0, parent: parent, schedule: sched,
          transferCutoff: Double(u.transferCutoff.seconds),
          ticketCutoff: u.ticketCutoff.map { Double($0.seconds) } ?? .infinity,
          closingRule: u.closingRule, deskGroups: firstGroup..<groups.count, onlineStation: onlineStation,
          digitisation: digit))
    }
  }

  /// Unit `i`'s digitisation periods as day indices, appended to `digitisation`:
  /// `digitisationFrom` is one period of share 1; `digitisation` must not come with it,
  /// and its dates must increase.
  mutating func compileDigitisation(_ u: UnitConfiguration, unit i: Int) -> Range<Int> {
    let first = digitisation.count
    if u.digitisationFrom != nil && !u.digitisation.isEmpty {
      problem(
        ProblemLocation(.unit(i), .digitisation),
        "give either \(key: .digitisationFrom) (every paper dossier) or \(key: .digitisation) (shares), not both")
    }
    if let from = u.digitisationFrom, u.digitisation.isEmpty {
      digitisation.append(.init(fromDay: from.dayNumber - epoch, share: 1))
    }
    for (k, p) in u.digitisation.enumerated() {
      let at = ProblemLocation(.digitisationPeriod(unit: i, index: k))
      if !(0...1).contains(p.share) { problem(at.with(.share), "expected a share in [0, 1], got \(p.share)") }
      if k > 0 && p.from <= u.digitisation[k - 1].from {
        let previous = u.digitisation[k - 1].from
        problem(at.with(.from), "expected a date after the previous period's (\(previous)), got \(p.from)")
      }
      digitisation.append(.init(fromDay: p.from.dayNumber - epoch, share: p.share))
    }
    return first..<digitisation.count
  }

  /// Desk group `k` of unit `i`: one group, or two with one id when a lunch stagger
  /// splits it (the event loop stays as it is).
  mutating func compileDeskGroup(_ g: DeskGroupConfiguration, unit i: Int, index k: Int) {
    let u = c.units[i]
    let at = ProblemLocation(.deskGroup(unit: i, index: k))
    // The lower bound of a desk count (its upper bound is a limit, checked first).
    if g.count < 0 { problem(at.with(.count), "expected a number of desks >= 0, got \(g.count)") }
    if !(g.serviceTimeFactor > 0) {
      problem(at.with(.serviceTimeFactor), "expected a number > 0, got \(g.serviceTimeFactor)")
    }
    var mask: UInt64 = 0
    if g.fields.isEmpty {
      mask = c.fields.count >= 64 ? .max : (UInt64(1) << UInt64(c.fields.count)) - 1
    }
    for f in g.fields {
      if let fi = fieldIndex[f] {
        mask |= UInt64(1) << UInt64(fi)
      } else {
        problem(at.with(.fields), "unknown field '\(f)'; expected one of \(c.fields.joined(separator: ", "))")
      }
    }
    let ghours = g.hours ?? u.hours
    let gs = resolve(ghours, at.with(.hours))
    if g.hours != nil {
      // A desk's weekday shifts must lie within the unit's opening hours.
      for d in 0..<5 where !u.hours.base.days[d].contains(ghours.base.days[d]) {
        problem(
          at.with(.hours),
          """
            desk hours \(ghours.base.days[d]) on \(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][d]) lie \
            outside the unit's opening hours \(u.hours.base.days[d])
            """
        )
        break
      }
    }
    let stagger = g.lunchStagger ?? 0
    if stagger < 0 { problem(at.with(.lunchStagger), "expected a duration >= 0") }
    if stagger > 0 && g.count >= 2 {
      if let a = g.appointments, a.bookShare > 0 {
        problem(at.with(.lunchStagger), "a desk group with appointments cannot stagger its lunch (yet)")
      }
      let early = (g.count + 1) / 2
      let lateHours = ghours.staggered(by: stagger)
      var why: ProblemText?
      if CompiledModel.staggerFits(lateHours, within: u.hours, problem: { why = $0 }) {
        names.deskGroups += [g.id, "\(g.id)/late"]
        groupAppointments += [nil, nil]
        groups.append(
          DeskGroup(
            unit: i, count: early, firstDesk: deskCount, fieldMask: mask,
            schedule: gs, staff: g.staff, factor: g.serviceTimeFactor))
        groups.append(
          DeskGroup(
            unit: i, count: g.count - early, firstDesk: deskCount + early,
            fieldMask: mask, schedule: resolve(lateHours, at.with(.lunchStagger)), staff: g.staff,
            factor: g.serviceTimeFactor))
      }
      if let why { problem(at.with(.lunchStagger), why) }
    } else {
      groupAppointments.append(g.appointments)
      names.deskGroups.append(g.id)
      groups.append(
        DeskGroup(
          unit: i, count: max(0, g.count), firstDesk: deskCount, fieldMask: mask,
          schedule: gs, staff: g.staff, factor: g.serviceTimeFactor))
    }
    deskCount += max(0, g.count)
  }

  /// Parent links must form a forest (no cycles) no deeper than the level limit. Each
  /// unit's depth is computed once (memoised), so a long chain costs linear time.
  mutating func checkParentLinks() {
    var depth = [Int](repeating: 0, count: units.count)  // 0: not yet known
    for i in units.indices where depth[i] == 0 {
      var chain: [Int] = []
      var onChain: Set<Int> = []
      var p: Int? = i
      while let q = p, depth[q] == 0 {
        if onChain.contains(q) {
          problem(.init(.unit(i), .parent), "parent links form a cycle through '\(names.units[q].id)'")
          for x in chain { depth[x] = ModelLimits.levels + 1 }
          chain = []
          break
        }
        onChain.insert(q)
        chain.append(q)
        p = units[q].parent
      }
      var d = p.map { depth[$0] } ?? 0
      for x in chain.reversed() {
        d += 1
        depth[x] = d
        if d == ModelLimits.levels + 1 {
          problem(.init(.unit(x), .parent), "units nest deeper than \(ModelLimits.levels) levels")
        }
      }
    }
  }

  /// Agencies: one back-office station each, on its unit's hours unless it has its own.
  mutating func compileAgencies() {
    for (i, a) in c.agencies.enumerated() {
      let at = ProblemLocation(.agency(i))
      if agencyStation[a.id] != nil { problem(at.with(.id), "duplicate id '\(a.id)'") }
      guard let u = unitIndex[a.unit] else {
        problem(at.with(.unit), "unknown unit '\(a.unit)'", .unknown(.unit, name: a.unit, known: c.units.map(\.id)))
        continue
      }
      if a.officers < 0 { problem(at.with(.officers), "expected a number of officers >= 0, got \(a.officers)") }
      let s = resolve(a.hours ?? c.units[u].hours, at.with(.hours))
      let absence = a.absenceDays ?? c.rules.officerAbsenceDays
      if !(1...100).contains(a.absenceSpellDays) {
        problem(at.with(.absenceSpellDays), "expected a mean spell of 1 to 100 working days, got \(a.absenceSpellDays)")
      }
      if !(0...200).contains(absence) {
        problem(at.with(.absenceDays), "expected working days a year in [0, 200], got \(absence)")
      }
      agencyStation[a.id] = stations.count
      // Staff changes: the station holds the most officers it ever has; the days before
      // the first change have `officers`.
      let changed = a.staffChanges.map { Int((Double(max(0, a.officers)) * min(max($0.factor, 0), 4)).rounded()) }
      addStation(
        id: a.id, name: a.name, unit: u, officers: max(0, a.officers, changed.max() ?? 0), schedule: s,
        discipline: a.discipline,
        isOnlineIntake: false, absenceShare: min(min(max(absence, 0), 200) / Double(max(1, workingDaysPerYear)), 0.95),
        absenceSpell: min(max(a.absenceSpellDays, 1), 100), saturdayCompensation: a.saturdayCompensation)
      compileOfficerTime(a, agency: i, station: stations.count - 1)
      if !changed.isEmpty {
        let first = staffFromDay.count
        staffFromDay.append(Int.min)
        staffOfficers.append(max(0, a.officers))
        for (change, n) in zip(a.staffChanges, changed) {
          staffFromDay.append(change.from.dayNumber - epoch)
          staffOfficers.append(n)
        }
        stations[stations.count - 1].staffChanges = first..<staffFromDay.count
      }
    }
    compileSurgeSchedules()
  }

  /// A station row and its names; the daily absence probabilities follow from the share
  /// and the mean spell.
  mutating func addStation(
    id: String, name: String, unit: Int, officers: Int, schedule: Int, discipline: QueueDiscipline,
    isOnlineIntake: Bool, absenceShare share: Double, absenceSpell spell: Double,
    saturdayCompensation: SaturdayCompensation
  ) {
    names.stations.append(.init(id: id, name: name))
    stations.append(
      Station(
        unit: unit, officers: officers, schedule: schedule, discipline: discipline, isOnlineIntake: isOnlineIntake,
        absenceShare: share, absenceSpell: spell, absenceStart: share / (spell * (1 - share)), absenceReturn: 1 / spell,
        saturdayCompensation: saturdayCompensation))
  }
}
