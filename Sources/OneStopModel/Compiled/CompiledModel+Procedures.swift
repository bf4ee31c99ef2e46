import DESKernel

extension CompiledModel.Compiler {
  typealias Procedure = CompiledModel.Procedure
  typealias Step = CompiledModel.Step

  /// Procedures: their field, shares, deadline (after the provincial cut) and steps.
  mutating func compileProcedures() {
    let agencyKinds = Set(c.agencies.map { CompiledModel.kind(of: $0.id) })
    for (i, p) in c.procedures.enumerated() {
      let at = ProblemLocation(.procedure(i))
      let f = fieldIndex[p.field]
      if f == nil {
        problem(at.with(.field), "unknown field '\(p.field)'; expected one of \(c.fields.joined(separator: ", "))")
      }
      let shares: [(ConfigurationField, Double)] = [
        (.pIncomplete, p.pIncomplete), (.pRefused, p.pRefused),
        (.pGuidanceOnly, p.pGuidanceOnly), (.pSupplement, p.pSupplement),
      ]
      for (field, v) in shares where !(0...1).contains(v) {
        problem(at.with(field), "expected a probability in [0, 1], got \(v)")
      }
      if p.pIncomplete + p.pRefused + p.pGuidanceOnly > 1 {
        problem(
          at,
          """
          \(key: .pIncomplete) + \(key: .pRefused) + \(key: .pGuidanceOnly) must not exceed 1, got \
          \(p.pIncomplete + p.pRefused + p.pGuidanceOnly)
          """
        )
      }
      if p.steps.isEmpty && !p.onTheSpot {
        problem(at.with(.steps), "expected at least one back-office step (or \(key: .onTheSpot): true)")
      }
      let days = effectiveDays(p, at: at)
      var owner = "desk"
      for (k, s) in p.steps.enumerated() {
        let stepAt = ProblemLocation(.step(procedure: i, index: k))
        if let w = s.fixedWait, !(0...3650).contains(w.days) {
          problem(stepAt.with(.fixedWait), "expected at most 3650 days, got \(w.days)")
        }
        switch s.place {
        case .agency(let id):
          if agencyStation[id] == nil {
            problem(
              stepAt.with(.place), "unknown agency '\(id)'", .unknown(.agency, name: id, known: c.agencies.map(\.id)))
          }
          if k == 0 { owner = id }
        case .nearest(let kind):
          if !agencyKinds.contains(kind) {
            problem(stepAt.with(.place), "no agency of kind '\(kind)' (ids like '\(kind)@unit')")
          }
          if k == 0 { owner = kind }
        }
      }
      names.procedures.append(.init(id: p.id, name: p.name, owner: owner))
      let firstStep = steps.count
      for s in p.steps {
        steps.append(
          Step(
            appraisal: s.appraisal, hasLeadTime: s.leadTime != nil, fixedWaitDays: s.fixedWait?.days ?? 0,
            fixedWaitInCalendarDays: s.fixedWait?.calendarDays ?? false,
            fixedWaitCounts: s.fixedWait?.countsForDeadline ?? true))
        stepWork.append(s.work)
        stepLead.append(s.leadTime ?? (try! .deterministic(0)))
      }
      intakeTime.append(p.intakeTime)
      procedures.append(
        Procedure(
          field: f ?? 0, deadline: p.deadline, effectiveDays: days, steps: firstStep..<steps.count,
          onlineMode: p.onlineMode, postalAllowed: p.postalAllowed, onTheSpot: p.onTheSpot, pIncomplete: p.pIncomplete,
          pRefused: p.pRefused, pGuidanceOnly: p.pGuidanceOnly, pSupplement: p.pSupplement,
          maxSupplementRequests: p.maxSupplementRequests, supplementClock: p.supplementClock,
          feeAtPickup: p.feeAtPickup,
          decidedAtHome: p.decidedAt == .home))
    }
    if !(0..<1).contains(c.rules.provinceCut) {
      problem(.init(.rules, .provinceCut), "expected a fraction in [0, 1), got \(c.rules.provinceCut)")
    }
    if let share = c.rules.apologyCompliance, !(0...1).contains(share) {
      problem(.init(.rules, .apologyCompliance), "expected a share in [0, 1], got \(share)")
    }
  }

  /// Working days of `p`'s deadline after the provincial cut (0 for a same-day or a
  /// working-hours deadline), checking the deadline.
  mutating func effectiveDays(_ p: ProcedureConfiguration, at: ProblemLocation) -> Int {
    switch p.deadline {
    case .sameDay: return 0
    case .workingDays(let n):
      if n < 1 { problem(at.with(.deadline), "expected at least 1 working day, got \(n)") }
      if n >= c.rules.cutThresholdWorkingDays && c.rules.provinceCut > 0 {
        return Int((Double(n) * (1 - c.rules.provinceCut)).rounded(.up))
      }
      return n
    case .workingHours(let h):
      if !(h > 0) { problem(at.with(.deadline), "expected a number of working hours > 0, got \(h)") }
      return 0
    case .calendarDays(let n):
      if n < 1 { problem(at.with(.deadline), "expected at least 1 calendar day, got \(n)") }
      return n
    }
  }

  /// Routes: the station of each step, per (procedure, receiving unit). The nearest
  /// agency of a kind is looked up once per (kind, unit), not once per procedure.
  mutating func compileRoutes() {
    var nearestCache: [String: [Int32]] = [:]
    let units = self.units, agencyStation = self.agencyStation, unitIDs = names.units.map(\.id)
    func nearest(_ kind: String, from u: Int) -> Int? {
      if nearestCache[kind] == nil {
        nearestCache[kind] = units.indices.map { start in
          var at: Int? = start
          var hops = 0  // bounded: a parent cycle (already reported) must not hang the search
          while let x = at, hops <= ModelLimits.levels + 1 {
            if let found = agencyStation["\(kind)@\(unitIDs[x])"] { return Int32(found) }
            at = units[x].parent
            hops += 1
          }
          return -1
        }
      }
      let found = nearestCache[kind]![u]
      return found < 0 ? nil : Int(found)
    }
    var routes = [[Int32]](repeating: [], count: procedures.count * units.count)
    for (pi, p) in c.procedures.enumerated() {
      for u in units.indices {
        var route: [Int32] = []
        for s in p.steps {
          switch s.place {
          case .agency(let id):
            if let st = agencyStation[id] { route.append(Int32(st)) }
          case .nearest(let kind):
            if let found = nearest(kind, from: u) { route.append(Int32(found)) }
          }
        }
        if route.count == p.steps.count { routes[pi * units.count + u] = route }
      }
    }
    self.routes = routes
  }
}
