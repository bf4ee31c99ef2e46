import DESKernel
import OneStopModel

/// Small configurations for model tests.
public enum ProvinceFixtures {
  /// One unit open around the clock every day (no holidays), `desks` desks, walk-in
  /// arrivals at `perHour`, exponential desk time of mean `serviceMinutes`, every dossier
  /// accepted and its result sent online: the desks form an M/M/c queue.
  public static func alwaysOpenDesks(
    desks: Int, perHour: Double, serviceMinutes: Double, days: Int, start: String = "2022-01-03"
  ) -> ModelConfiguration {
    let allDay = DailyHours(intervals: [OpenInterval(open: TimeOfDay("00:00")!, close: TimeOfDay("24:00")!)])
    let hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: allDay, count: 7)))
    var calendar = CalendarSettings()
    calendar.vietnam = false
    let startDate = CivilDate(iso: start)!
    return ModelConfiguration(
      name: "always-open M/M/c", start: startDate, end: startDate.adding(days: days), calendar: calendar,
      levels: ["only"], fields: ["all"],
      units: [
        UnitConfiguration(
          id: "u", level: "only", hours: hours, desks: [DeskGroupConfiguration(id: "d", count: desks)],
          onlineIntakeOfficers: 0)
      ],
      agencies: [AgencyConfiguration(id: "A@u", unit: "u", officers: 1000, hours: hours)],
      procedures: [
        ProcedureConfiguration(
          id: "p", field: "all", deadline: .workingDays(10),
          steps: [.init(place: .agency("A@u"), work: try! .deterministic(0.01))],
          onlineMode: .full, pIncomplete: 0, pRefused: 0, pGuidanceOnly: 0, pSupplement: 0,
          intakeTime: try! .exponential(mean: serviceMinutes * 60))
      ],
      demand: [
        DemandConfiguration(
          unit: "u", annualVolume: perHour * 24 * 365, mix: [("p", 1)], onlineShare: .constant(0),
          postalShare: .constant(0),
          onlineReturnShare: 1, weekdayFactors: Array(repeating: 1, count: 7),
          walkInHourProfile: Array(repeating: 1, count: 24))
      ])
  }

  /// A random small province: 2 or 3 levels, a few units, fields, agencies and
  /// procedures, all channels, random rules. Every random choice comes from `seed`.
  public static func random(seed: UInt64) -> ModelConfiguration {
    var rng = SplitMixGenerator(seed: seed)
    func pick<T>(_ xs: [T]) -> T { xs.randomElement(using: &rng)! }
    func uniform(_ a: Double, _ b: Double) -> Double { Double.random(in: a...b, using: &rng) }
    let levels = Bool.random(using: &rng) ? ["province", "commune"] : ["province", "district", "commune"]
    let fields = Array(["land", "civil", "business", "social"].prefix(Int.random(in: 2...4, using: &rng)))
    let saturday = Bool.random(using: &rng)
    let hours = OpeningSchedule(
      base: WeeklyHours(weekdays: .standardOffice, saturday: saturday ? .morningOnly : .closed))
    var units: [UnitConfiguration] = []
    var agencies: [AgencyConfiguration] = []
    func addUnit(_ id: String, level: Int, parent: String?) {
      let deskGroups = (0..<Int.random(in: 1...2, using: &rng)).map { g in
        DeskGroupConfiguration(
          id: "g\(g)", count: Int.random(in: 1...3, using: &rng),
          fields: g == 0 ? [] : [pick(fields)], staff: pick(StaffType.allCases))
      }
      units.append(
        UnitConfiguration(
          id: id, level: levels[level], parent: parent, hours: hours,
          transferCutoff: pick([TimeOfDay("15:00")!, TimeOfDay("16:00")!]),
          ticketCutoff: Bool.random(using: &rng) ? TimeOfDay("16:30")! : nil, closingRule: pick(ClosingRule.allCases),
          desks: deskGroups, onlineIntakeOfficers: Int.random(in: 0...2, using: &rng),
          digitisationFrom: Bool.random(using: &rng) ? CivilDate(iso: "2022-03-01") : nil))
      agencies.append(
        AgencyConfiguration(
          id: "OFFICE@\(id)", unit: id, officers: Int.random(in: 1...3, using: &rng),
          discipline: pick(QueueDiscipline.allCases)))
      if level == 0 {
        agencies.append(AgencyConfiguration(id: "TOP@\(id)", unit: id, officers: Int.random(in: 1...4, using: &rng)))
      }
    }
    addUnit("top", level: 0, parent: nil)
    for c in 0..<Int.random(in: 1...3, using: &rng) {
      let child = "u\(c)"
      addUnit(child, level: 1, parent: "top")
      if levels.count == 3 {
        for g in 0..<Int.random(in: 0...2, using: &rng) { addUnit("\(child)-\(g)", level: 2, parent: child) }
      }
    }
    func dist() -> Distribution {
      pick([
        try! .exponential(mean: uniform(0.2, 3)), try! .lognormal(mean: uniform(0.2, 3), cv: uniform(0.2, 1.5)),
        try! .deterministic(uniform(0.1, 2)), try! .triangular(low: 0.1, mode: 0.5, high: 3),
      ])
    }
    let procedures: [ProcedureConfiguration] = (0..<Int.random(in: 2...5, using: &rng)).map { k in
      let steps: [StepConfiguration] = (0..<Int.random(in: 1...3, using: &rng)).map { s in
        StepConfiguration(place: pick([.nearest("OFFICE"), .nearest("TOP")]), work: dist(), appraisal: s == 0)
      }
      let pIncomplete = uniform(0, 0.3), pRefused = uniform(0, 0.05), pGuidance = uniform(0, 0.1)
      return ProcedureConfiguration(
        id: "p\(k)", field: pick(fields),
        deadline: pick([.sameDay, .workingDays(Int.random(in: 1...20, using: &rng)), .workingHours(uniform(2, 16))]),
        steps: steps, onlineMode: pick(OnlineMode.allCases), postalAllowed: Bool.random(using: &rng),
        onTheSpot: k == 0 && Bool.random(using: &rng), pIncomplete: pIncomplete, pRefused: pRefused,
        pGuidanceOnly: pGuidance,
        pSupplement: uniform(0, 0.3), maxSupplementRequests: Int.random(in: 0...2, using: &rng),
        supplementClock: pick(SupplementClock.allCases),
        intakeTime: try! .lognormal(mean: uniform(4, 20) * 60, cv: 0.6),
        feeAtPickup: Bool.random(using: &rng))
    }
    let demand = units.map { u in
      DemandConfiguration(
        unit: u.id, annualVolume: uniform(200, 6000),
        mix: procedures.map { ($0.id, uniform(0.1, 1)) },
        onlineShare: Bool.random(using: &rng)
          ? .constant(uniform(0, 0.9))
          : Ramp(points: [(CivilDate(iso: "2022-02-15")!, 0.1), (CivilDate(iso: "2022-04-15")!, 0.9)]),
        postalShare: .constant(uniform(0, 0.4)), postalReturnShare: uniform(0, 0.4), onlineReturnShare: uniform(0, 0.5))
    }
    let start = CivilDate(iso: "2022-02-07")!
    var rules = ProcessingRules()
    rules.provinceCut = pick([0, 0.3])
    rules.apologyLeadWorkingDays = Int.random(in: 0...2, using: &rng)
    var behaviour = CitizenBehaviour()
    behaviour.pNeverSupplement = uniform(0, 0.3)
    let backlog =
      Bool.random(using: &rng)
      ? [
        BacklogEntry(
          unit: "top", procedure: procedures[procedures.count - 1].id, count: Int.random(in: 1...60, using: &rng),
          receivedFrom: CivilDate(iso: "2022-01-04")!, receivedThrough: CivilDate(iso: "2022-01-28")!)
      ] : []
    return ModelConfiguration(
      name: "random-\(seed)", start: start, end: start.adding(days: Int.random(in: 30...120, using: &rng)),
      warmupUntil: Bool.random(using: &rng) ? start.adding(days: 14) : nil,
      levels: levels, fields: fields, units: units, agencies: agencies, procedures: procedures, demand: demand,
      behaviour: behaviour, rules: rules, backlog: backlog)
  }
}
