import DESKernel

/// Channel by which a dossier comes in.
public enum ChannelIn: Int, Sendable, CaseIterable, CustomStringConvertible {
  case walkIn = 0, postal, online
  public var description: String { ["walk-in", "postal", "online"][rawValue] }
}

/// Channel by which the result goes back.
public enum ChannelOut: Int, Sendable, CaseIterable, CustomStringConvertible {
  case pickup = 0, postal, online
  public var description: String { ["pickup", "postal", "online"][rawValue] }
}

/// A configuration with every name resolved to an index and every schedule laid out
/// over the run: immutable, shared by all replications (and threads).
public struct CompiledModel: Sendable {
  public struct Unit: Sendable {
    public let id: String
    public let name: String
    public let level: Int
    public let parent: Int?
    public let schedule: Int
    public let transferCutoff: Double
    public let ticketCutoff: Double?
    public let closingRule: ClosingRule
    public let deskGroups: Range<Int>
    public let onlineStation: Int
    /// First day index (from the run's start) with digitisation at intake.
    public let digitisationFromDay: Int
  }

  public struct DeskGroup: Sendable {
    public let id: String
    public let unit: Int
    public let count: Int
    public let firstDesk: Int
    /// Bit i set: serves field i.
    public let fieldMask: UInt64
    public let schedule: Int
    public let staff: StaffType
    public let factor: Double
  }

  /// A pool of officers working in working time: an agency's back office, or a unit's
  /// online intake officers.
  public struct Station: Sendable {
    public let id: String
    public let name: String
    public let unit: Int
    public let officers: Int
    public let schedule: Int
    public let discipline: QueueDiscipline
    public let isOnlineIntake: Bool
    /// Probability that an officer is away on a working day (absence days / working
    /// days of the year).
    public let absenceShare: Double
    /// Mean absence spell in working days.
    public let absenceSpell: Double
    public let saturdayCompensation: SaturdayCompensation
  }

  public struct Step: Sendable {
    public let work: Distribution
    public let appraisal: Bool
    public let leadTime: Distribution?
    public let fixedWait: FixedWait?
  }

  public struct Procedure: Sendable {
    public let id: String
    public let name: String
    public let field: Int
    public let deadline: Deadline
    /// Working days after the provincial cut (for `.workingDays`).
    public let effectiveDays: Int
    public let steps: [Step]
    public let onlineMode: OnlineMode
    public let postalAllowed: Bool
    public let onTheSpot: Bool
    public let pIncomplete, pRefused, pGuidanceOnly, pSupplement: Double
    public let maxSupplementRequests: Int
    public let supplementClock: SupplementClock
    public let intakeTime: Distribution
    public let feeAtPickup: Bool
    /// The agency responsible for the procedure (its first step's agency: the land
    /// office for a land certificate, even when a leader signs last), for reports.
    public let owner: String
  }

  /// One non-homogeneous Poisson arrival stream: a unit, a channel and a group of
  /// procedures sharing channel options.
  public struct Stream: Sendable {
    public let unit: Int
    public let channel: ChannelIn
    /// Procedure indices and the conditional mix within the stream.
    public let procedures: [Int]
    let mix: Distribution
    /// Expected arrivals per day before day factors: annual volume × group share /
    /// normaliser.
    let baseDaily: Double
    let onlineCapable: Bool
    let postalCapable: Bool
    let demand: Int
    /// Day profiles: per schedule pattern of the unit (walk-in, postal), or one for online.
    let profiles: [DayProfile]
    let usesUnitSchedule: Bool
  }

  public let configuration: ModelConfiguration
  public let calendar: WorkCalendar
  /// Day number of the run's first day, and number of simulated days.
  public let epochDay: Int
  public let horizonDays: Int
  /// Statistics start at this instant.
  public let warmupEnd: Double
  public let levels: [String]
  public let fields: [String]
  public let units: [Unit]
  public let deskGroups: [DeskGroup]
  public let deskCount: Int
  public let stations: [Station]
  public let procedures: [Procedure]
  public let schedules: [ResolvedSchedule]
  /// The schedules and the calendar again, as flat buffers the event loop reads without
  /// reference counting (`CalendarReader`).
  public let calendarTable: CalendarTable
  public let streams: [Stream]
  /// routes[p * units.count + u] = station of each step of procedure p received at unit u
  /// (empty when the route cannot be resolved: the procedure is not offered there).
  public let routes: [[Int32]]
  /// Dossier-level outcome probabilities of returns, per demand.
  public let demandReturnShares: [(postal: Double, online: Double)]
  public let demandConfigurations: [DemandConfiguration]
  /// Plain-data tables for the event loop.
  var hot = HotTables()

  /// Instant (seconds from the start) at which the run ends.
  public var endTime: Double { Double(horizonDays) * 86_400 }

  /// Compiles `configuration`, or throws every problem found.
  public init(_ configuration: ModelConfiguration) throws(ConfigurationErrors) {
    let c = configuration
    // Sizes first: nothing below may be laid out for a horizon or a count out of range.
    let limits = Self.limitProblems(c)
    if !limits.isEmpty { throw ConfigurationErrors(problems: limits) }
    var problems: [ConfigurationProblem] = []
    func problem(_ path: String, _ message: String, _ cause: ConfigurationProblem.Cause = .invalid) {
      problems.append(ConfigurationProblem(path, message, cause: cause))
    }
    self.configuration = c
    levels = c.levels
    fields = c.fields

    // Time range and calendar.
    let epoch = c.start.dayNumber
    let horizon = c.end.dayNumber - c.start.dayNumber
    epochDay = epoch
    horizonDays = horizon
    if horizon <= 0 { problem("end", "must be after start (\(c.start)), got \(c.end)") }
    let earliestBacklog = c.backlog.compactMap { $0.receivedFrom?.dayNumber }.min() ?? epoch
    // Backlog without a receipt range is spread over up to 1.5 deadlines before the start.
    let longestDeadline = c.procedures.map { p -> Int in
      if case .workingDays(let n) = p.deadline { return min(max(n, 0), 3650) } else { return 1 }
    }.max() ?? 1
    let calendarFirst = min(earliestBacklog, epoch) - 7 - (c.backlog.contains { $0.receivedFrom == nil } ? longestDeadline * 3 + 30 : 0)
    let calendarLast = epoch + max(horizon, 1) + 800
    warmupEnd = c.warmupUntil.map { Double($0.dayNumber - c.start.dayNumber) * 86_400 } ?? 0
    if let w = c.warmupUntil, w.dayNumber < c.start.dayNumber || w.dayNumber >= c.end.dayNumber {
      problem("warmup_until", "must lie in [start, end), got \(w)")
    }
    var cal = WorkCalendar(first: calendarFirst, last: calendarLast, daysOff: [], workingWeekendDays: [])
    if c.calendar.vietnam {
      do {
        // Years of the simulated period must be bundled; the margin after the end (for
        // due dates) falls back to plain weekends when a year is missing.
        _ = try WorkCalendar.vietnam(first: min(earliestBacklog, epoch), last: epoch + max(horizon, 1) - 1,
          allowUnbundledYears: c.calendar.allowUnbundledYears)
        cal = try WorkCalendar.vietnam(first: calendarFirst, last: calendarLast,
          extraDaysOff: Set(c.calendar.extraDaysOff.map(\.dayNumber)),
          extraWorkingDays: Set(c.calendar.extraWorkingDays.map(\.dayNumber)),
          saturdayCountsForDeadline: c.calendar.saturdayCountsForDeadline, allowUnbundledYears: true)
      } catch {
        problem("calendar", error.message)
      }
    } else {
      cal = WorkCalendar(first: calendarFirst, last: calendarLast,
        daysOff: Set(c.calendar.extraDaysOff.map(\.dayNumber)),
        workingWeekendDays: Set(c.calendar.extraWorkingDays.map(\.dayNumber)),
        saturdayCountsForDeadline: c.calendar.saturdayCountsForDeadline)
    }
    calendar = cal
    let scheduleDays = max(horizon, 1) + 800
    // Working days in a year of the run (absence days are spread over them).
    let workingDaysPerYear = max(1, cal.workingDays(after: epoch - 1, through: epoch + 364))

    // Names.
    if c.levels.isEmpty { problem("levels", "expected at least one level") }
    if c.fields.isEmpty { problem("fields", "expected at least one field") }
    if c.fields.count > 64 { problem("fields", "at most 64 fields are supported, got \(c.fields.count)") }
    func indexMap(_ ids: [String], _ path: String) -> [String: Int] {
      var m: [String: Int] = [:]
      for (i, id) in ids.enumerated() {
        if m[id] != nil { problem("\(path)[\(i)].id", "duplicate id '\(id)'") } else { m[id] = i }
      }
      return m
    }
    let levelIndex = indexMap(c.levels, "levels")
    let fieldIndex = indexMap(c.fields, "fields")
    let unitIndex = indexMap(c.units.map(\.id), "units")
    let procedureIndex = indexMap(c.procedures.map(\.id), "procedures")

    // Schedules are shared by value: identical opening schedules resolve once.
    var scheduleIndex: [OpeningSchedule: Int] = [:]
    var schedules: [ResolvedSchedule] = []
    func resolve(_ s: OpeningSchedule, _ path: String) -> Int {
      for (d, day) in s.base.days.enumerated() {
        for p in day.problems() { problem("\(path).\(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][d])", p) }
      }
      for (k, season) in s.seasons.enumerated() {
        for day in season.hours.days { for p in day.problems() { problem("\(path).seasons[\(k)]", p) } }
      }
      if let i = scheduleIndex[s] { return i }
      let i = schedules.count
      schedules.append(ResolvedSchedule(s, calendar: cal, epochDay: epoch, days: scheduleDays))
      scheduleIndex[s] = i
      return i
    }

    // Units, desks and online intake stations.
    var units: [Unit] = []
    var groups: [DeskGroup] = []
    var stations: [Station] = []
    var deskCount = 0
    for (i, u) in c.units.enumerated() {
      let path = "units[\(i)]"
      let level = levelIndex[u.level]
      if level == nil { problem("\(path).level", "unknown level '\(u.level)'; expected one of \(c.levels.joined(separator: ", "))") }
      var parent: Int?
      if let p = u.parent {
        parent = unitIndex[p]
        if parent == nil { problem("\(path).parent", "unknown unit '\(p)'", .unknown(.unit, name: p, known: c.units.map(\.id))) }
        if p == u.id { problem("\(path).parent", "a unit cannot be its own parent") }
      }
      let sched = resolve(u.hours, "\(path).hours")
      if let cut = u.ticketCutoff, let why = Self.cutoffProblem(cut, within: u.hours) { problem("\(path).ticket_cutoff", why) }
      if u.desks.isEmpty { problem("\(path).desks", "expected at least one desk group") }
      if u.onlineIntakeOfficers < 0 { problem("\(path).online_intake_officers", "expected a number >= 0, got \(u.onlineIntakeOfficers)") }
      let firstGroup = groups.count
      for (k, g) in u.desks.enumerated() {
        let gp = "\(path).desks[\(k)]"
        // The lower bound of a desk count (its upper bound is a limit, checked first).
        if g.count < 0 { problem("\(gp).count", "expected a number of desks >= 0, got \(g.count)") }
        if !(g.serviceTimeFactor > 0) { problem("\(gp).service_time_factor", "expected a number > 0, got \(g.serviceTimeFactor)") }
        var mask: UInt64 = 0
        if g.fields.isEmpty {
          mask = c.fields.count >= 64 ? .max : (UInt64(1) << UInt64(c.fields.count)) - 1
        }
        for f in g.fields {
          if let fi = fieldIndex[f] { mask |= UInt64(1) << UInt64(fi) } else {
            problem("\(gp).fields", "unknown field '\(f)'; expected one of \(c.fields.joined(separator: ", "))")
          }
        }
        let ghours = g.hours ?? u.hours
        let gs = resolve(ghours, "\(gp).hours")
        if g.hours != nil {
          // A desk's weekday shifts must lie within the unit's opening hours.
          for d in 0..<5 where !u.hours.base.days[d].contains(ghours.base.days[d]) {
            problem("\(gp).hours", "desk hours \(ghours.base.days[d]) on \(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][d]) lie outside the unit's opening hours \(u.hours.base.days[d])")
            break
          }
        }
        let stagger = g.lunchStagger ?? 0
        if stagger < 0 { problem("\(gp).lunch_stagger", "expected a duration >= 0") }
        if stagger > 0 && g.count >= 2 {
          // Two groups with one id: the event loop stays as it is.
          let early = (g.count + 1) / 2
          let lateHours = ghours.staggered(by: stagger)
          if Self.staggerFits(lateHours, within: u.hours, problem: { problem("\(gp).lunch_stagger", $0) }) {
            groups.append(DeskGroup(id: g.id, unit: i, count: early, firstDesk: deskCount, fieldMask: mask,
              schedule: gs, staff: g.staff, factor: g.serviceTimeFactor))
            groups.append(DeskGroup(id: "\(g.id)/late", unit: i, count: g.count - early, firstDesk: deskCount + early,
              fieldMask: mask, schedule: resolve(lateHours, "\(gp).lunch_stagger"), staff: g.staff, factor: g.serviceTimeFactor))
          }
        } else {
          groups.append(DeskGroup(id: g.id, unit: i, count: max(0, g.count), firstDesk: deskCount, fieldMask: mask,
            schedule: gs, staff: g.staff, factor: g.serviceTimeFactor))
        }
        deskCount += max(0, g.count)
      }
      let onlineStation = stations.count
      stations.append(Station(id: "online-intake@\(u.id)", name: "online intake, \(u.name)", unit: i,
        officers: max(0, u.onlineIntakeOfficers), schedule: sched, discipline: .fifo, isOnlineIntake: true,
        absenceShare: 0, absenceSpell: 1, saturdayCompensation: .overtime))
      let digit = u.digitisationFrom.map { $0.dayNumber - epoch } ?? Int.max
      units.append(Unit(id: u.id, name: u.name, level: level ?? 0, parent: parent, schedule: sched,
        transferCutoff: Double(u.transferCutoff.seconds), ticketCutoff: u.ticketCutoff.map { Double($0.seconds) },
        closingRule: u.closingRule, deskGroups: firstGroup..<groups.count, onlineStation: onlineStation,
        digitisationFromDay: digit))
    }
    // Parent links must form a forest (no cycles) no deeper than the level limit. Each
    // unit's depth is computed once (memoised), so a long chain costs linear time.
    var depth = [Int](repeating: 0, count: units.count)  // 0: not yet known
    for i in units.indices where depth[i] == 0 {
      var chain: [Int] = []
      var onChain: Set<Int> = []
      var p: Int? = i
      while let q = p, depth[q] == 0 {
        if onChain.contains(q) {
          problem("units[\(i)].parent", "parent links form a cycle through '\(units[q].id)'")
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
          problem("units[\(x)].parent", "units nest deeper than \(ModelLimits.levels) levels")
        }
      }
    }

    // Agencies.
    var agencyStation: [String: Int] = [:]
    for (i, a) in c.agencies.enumerated() {
      let path = "agencies[\(i)]"
      if agencyStation[a.id] != nil { problem("\(path).id", "duplicate id '\(a.id)'") }
      guard let u = unitIndex[a.unit] else {
        problem("\(path).unit", "unknown unit '\(a.unit)'", .unknown(.unit, name: a.unit, known: c.units.map(\.id)))
        continue
      }
      if a.officers < 0 { problem("\(path).officers", "expected a number of officers >= 0, got \(a.officers)") }
      let s = resolve(a.hours ?? c.units[u].hours, "\(path).hours")
      let absence = a.absenceDays ?? c.rules.officerAbsenceDays
      if !(1...100).contains(a.absenceSpellDays) { problem("\(path).absence_spell", "expected a mean spell of 1 to 100 working days, got \(a.absenceSpellDays)") }
      if !(0...200).contains(absence) { problem("\(path).absence_days", "expected working days a year in [0, 200], got \(absence)") }
      agencyStation[a.id] = stations.count
      stations.append(Station(id: a.id, name: a.name, unit: u, officers: max(0, a.officers), schedule: s,
        discipline: a.discipline, isOnlineIntake: false,
        absenceShare: min(min(max(absence, 0), 200) / Double(max(1, workingDaysPerYear)), 0.95),
        absenceSpell: min(max(a.absenceSpellDays, 1), 100), saturdayCompensation: a.saturdayCompensation))
    }

    // Procedures.
    let agencyKinds = Set(c.agencies.map { Self.kind(of: $0.id) })
    var procedures: [Procedure] = []
    for (i, p) in c.procedures.enumerated() {
      let path = "procedures[\(i)]"
      let f = fieldIndex[p.field]
      if f == nil { problem("\(path).field", "unknown field '\(p.field)'; expected one of \(c.fields.joined(separator: ", "))") }
      for (name, v) in [("p_incomplete", p.pIncomplete), ("p_refused", p.pRefused), ("p_guidance_only", p.pGuidanceOnly), ("p_supplement", p.pSupplement)] where !(0...1).contains(v) {
        problem("\(path).\(name)", "expected a probability in [0, 1], got \(v)")
      }
      if p.pIncomplete + p.pRefused + p.pGuidanceOnly > 1 {
        problem("\(path)", "p_incomplete + p_refused + p_guidance_only must not exceed 1, got \(p.pIncomplete + p.pRefused + p.pGuidanceOnly)")
      }
      if p.steps.isEmpty && !p.onTheSpot { problem("\(path).steps", "expected at least one back-office step (or on_the_spot: true)") }
      var days = 0
      switch p.deadline {
      case .sameDay: days = 0
      case .workingDays(let n):
        if n < 1 { problem("\(path).deadline", "expected at least 1 working day, got \(n)") }
        days = n
        if n >= c.rules.cutThresholdWorkingDays && c.rules.provinceCut > 0 {
          days = Int((Double(n) * (1 - c.rules.provinceCut)).rounded(.up))
        }
      case .workingHours(let h):
        if !(h > 0) { problem("\(path).deadline", "expected a number of working hours > 0, got \(h)") }
      }
      var owner = "desk"
      for (k, s) in p.steps.enumerated() {
        if let w = s.fixedWait, !(0...3650).contains(w.days) {
          problem("\(path).steps[\(k)].fixed_wait", "expected at most 3650 days, got \(w.days)")
        }
        switch s.place {
        case .agency(let id):
          if agencyStation[id] == nil {
            problem("\(path).steps[\(k)].agency", "unknown agency '\(id)'", .unknown(.agency, name: id, known: c.agencies.map(\.id)))
          }
          if k == 0 { owner = id }
        case .nearest(let kind):
          if !agencyKinds.contains(kind) {
            problem("\(path).steps[\(k)].agency", "no agency of kind '\(kind)' (ids like '\(kind)@unit')")
          }
          if k == 0 { owner = kind }
        }
      }
      procedures.append(Procedure(id: p.id, name: p.name, field: f ?? 0, deadline: p.deadline, effectiveDays: days,
        steps: p.steps.map { Step(work: $0.work, appraisal: $0.appraisal, leadTime: $0.leadTime, fixedWait: $0.fixedWait) }, onlineMode: p.onlineMode,
        postalAllowed: p.postalAllowed, onTheSpot: p.onTheSpot, pIncomplete: p.pIncomplete, pRefused: p.pRefused,
        pGuidanceOnly: p.pGuidanceOnly, pSupplement: p.pSupplement, maxSupplementRequests: p.maxSupplementRequests,
        supplementClock: p.supplementClock, intakeTime: p.intakeTime, feeAtPickup: p.feeAtPickup, owner: owner))
    }
    if !(0..<1).contains(c.rules.provinceCut) { problem("rules.province_cut", "expected a fraction in [0, 1), got \(c.rules.provinceCut)") }

    // Routes: the station of each step, per (procedure, receiving unit). The nearest
    // agency of a kind is looked up once per (kind, unit), not once per procedure.
    var nearestCache: [String: [Int32]] = [:]
    func nearest(_ kind: String, from u: Int) -> Int? {
      if nearestCache[kind] == nil {
        nearestCache[kind] = units.indices.map { start in
          var at: Int? = start
          var hops = 0  // bounded: a parent cycle (already reported) must not hang the search
          while let x = at, hops <= ModelLimits.levels + 1 {
            if let found = agencyStation["\(kind)@\(units[x].id)"] { return Int32(found) }
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

    // Demand streams.
    var streams: [Stream] = []
    var returnShares: [(postal: Double, online: Double)] = []
    for (di, d) in c.demand.enumerated() {
      let path = "demand[\(di)]"
      returnShares.append((d.postalReturnShare, d.onlineReturnShare))
      guard let u = unitIndex[d.unit] else {
        problem("\(path).unit", "unknown unit '\(d.unit)'", .unknown(.unit, name: d.unit, known: c.units.map(\.id)))
        continue
      }
      if !(d.annualVolume >= 0) { problem("\(path).annual_volume", "expected a number >= 0, got \(d.annualVolume)") }
      if d.monthFactors.count != 12 || d.monthFactors.contains(where: { !($0 >= 0) }) { problem("\(path).month_factors", "expected 12 numbers >= 0") }
      if d.weekdayFactors.count != 7 || d.weekdayFactors.contains(where: { !($0 >= 0) }) { problem("\(path).weekday_factors", "expected 7 numbers >= 0, Monday first") }
      for (k, period) in d.weekdayFactorPeriods.enumerated() where period.factors.count != 7 || period.factors.contains(where: { !($0 >= 0) }) {
        problem("\(path).weekday_factors_from[\(k)].factors", "expected 7 numbers >= 0, Monday first")
      }
      if d.walkInHourProfile.count != 24 || d.walkInHourProfile.contains(where: { !($0 >= 0) }) { problem("\(path).walk_in_hour_profile", "expected 24 numbers >= 0") }
      if d.onlineHourProfile.count != 24 || d.onlineHourProfile.contains(where: { !($0 >= 0) }) { problem("\(path).online_hour_profile", "expected 24 numbers >= 0") }
      if d.postalReturnShare < 0 || d.onlineReturnShare < 0 || d.postalReturnShare + d.onlineReturnShare > 1 {
        problem("\(path).return_shares", "postal and online return shares must be >= 0 and sum to at most 1")
      }
      for (label, r) in [("online_share", d.onlineShare), ("postal_share", d.postalShare)] {
        if r.points.contains(where: { !(0...1).contains($0.value) }) { problem("\(path).\(label)", "expected shares in [0, 1]") }
      }
      if d.mix.isEmpty { problem("\(path).mix", "expected at least one procedure") }
      var groups: [String: [(Int, Double)]] = [:]
      var totalWeight = 0.0
      for (k, m) in d.mix.enumerated() {
        guard let p = procedureIndex[m.procedure] else {
          problem("\(path).mix[\(k)]", "unknown procedure '\(m.procedure)'",
            .unknown(.procedure, name: m.procedure, known: c.procedures.map(\.id)))
          continue
        }
        if !(m.weight >= 0) { problem("\(path).mix[\(k)].weight", "expected a weight >= 0, got \(m.weight)") }
        if routes[p * units.count + u].isEmpty && !c.procedures[p].onTheSpot {
          problem("\(path).mix[\(k)]", "procedure '\(m.procedure)' has no back-office route from unit '\(d.unit)' (no agency of a step's kind at this unit or above it)",
            .noRoute(procedure: m.procedure, unit: d.unit))
        }
        let pc = c.procedures[p]
        let key = "\(pc.onlineMode != .none)|\(pc.postalAllowed)"
        groups[key, default: []].append((p, m.weight))
        totalWeight += m.weight
      }
      if totalWeight == 0 && !d.mix.isEmpty && d.mix.allSatisfy({ procedureIndex[$0.procedure] != nil }) {
        problem("\(path).mix", "the weights must not all be zero")
      }
      guard totalWeight > 0, problems.isEmpty else { continue }
      let sched = schedules[units[u].schedule]
      // Normaliser: expected day-weight over the first 365 days (or the horizon).
      let window = min(365, max(horizon, 1))
      // Walk-ins come before the ticket cutoff (unless the demand says otherwise).
      let walkInCutoff = d.walkInProfileFollowsCutoff ? units[u].ticketCutoff : nil
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
        guard share > 0, let mix = try? Distribution.empirical(values: members.map { Double($0.0) }, weights: members.map(\.1)) else { continue }
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
            profiles = sched.patterns.map { DayProfile(hourWeights: d.walkInHourProfile, hours: $0, cutoff: cutoff) }
          }
          let baseDaily = d.annualVolume * share / 365 / norm
          guard baseDaily.isFinite else {
            problem("\(path).annual_volume", "the day factors give no finite daily volume (\(baseDaily)); check month_factors, weekday_factors and the hour profiles")
            continue
          }
          streams.append(Stream(unit: u, channel: channel, procedures: members.map(\.0), mix: mix,
            baseDaily: baseDaily, onlineCapable: onlineCapable, postalCapable: postalCapable,
            demand: di, profiles: profiles, usesUnitSchedule: !online))
        }
      }
    }

    for (i, b) in c.backlog.enumerated() {
      let path = "backlog[\(i)]"
      if unitIndex[b.unit] == nil { problem("\(path).unit", "unknown unit '\(b.unit)'", .unknown(.unit, name: b.unit, known: c.units.map(\.id))) }
      if procedureIndex[b.procedure] == nil {
        problem("\(path).procedure", "unknown procedure '\(b.procedure)'", .unknown(.procedure, name: b.procedure, known: c.procedures.map(\.id)))
      }
      if b.count < 0 { problem("\(path).count", "expected a number >= 0, got \(b.count)") }
      if (b.receivedFrom == nil) != (b.receivedThrough == nil) {
        problem("\(path)", "give both received_from and received_through, or neither (ages then follow the deadline)")
      }
      if let from = b.receivedFrom, let through = b.receivedThrough {
        if through < from { problem("\(path).received_through", "must not be before received_from") }
        if through.dayNumber >= epoch { problem("\(path).received_through", "carried-over dossiers must be received before the start (\(c.start))") }
      }
      if !(0...1).contains(b.overdueShare) { problem("\(path).overdue_share", "expected a share in [0, 1], got \(b.overdueShare)") }
    }

    if !problems.isEmpty { throw ConfigurationErrors(problems: problems) }
    self.units = units
    self.deskGroups = groups
    self.deskCount = deskCount
    self.stations = stations
    self.procedures = procedures
    self.schedules = schedules
    self.calendarTable = CalendarTable(schedules: schedules, calendar: calendar)
    self.streams = streams
    self.routes = routes
    self.demandReturnShares = returnShares
    self.demandConfigurations = c.demand
    self.hot = HotTables(self)
  }

  /// `true` when desk hours moved by a lunch stagger are valid and lie within the
  /// unit's hours on every day of the week (and of each season the unit shares);
  /// otherwise reports why through `problem`.
  static func staggerFits(_ late: OpeningSchedule, within unit: OpeningSchedule, problem: (String) -> Void) -> Bool {
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    var weeks = [(late.base, unit.base, "")]
    for s in late.seasons {
      let match = unit.seasons.first { $0.fromMonth == s.fromMonth && $0.fromDay == s.fromDay && $0.throughMonth == s.throughMonth && $0.throughDay == s.throughDay }
      weeks.append((s.hours, match?.hours ?? unit.base, " (season from \(s.fromMonth)-\(s.fromDay))"))
    }
    for (desk, open, season) in weeks {
      for d in 0..<7 {
        if let p = desk.days[d].problems().first {
          problem("the later half's hours on \(names[d])\(season) are invalid (\(p)): the stagger is longer than the afternoon")
          return false
        }
        if !open.days[d].contains(desk.days[d]) {
          problem("the later half's hours \(desk.days[d]) on \(names[d])\(season) lie outside the unit's opening hours \(open.days[d]); open the unit through lunch (e.g. hours 07:00-17:00) and give the desks their break in their own hours")
          return false
        }
      }
    }
    return true
  }

  /// Why a ticket cutoff lies outside the unit's weekly opening hours (at or before
  /// the first opening, after the last closing), or nil when it lies within them.
  static func cutoffProblem(_ cut: TimeOfDay, within hours: OpeningSchedule) -> String? {
    let intervals = ([hours.base] + hours.seasons.map(\.hours)).flatMap { $0.days.flatMap(\.intervals) }
    guard let first = intervals.map(\.open).min(), let last = intervals.map(\.close).max() else { return nil }
    if cut.seconds > first && cut.seconds <= last { return nil }
    func hhmm(_ s: Int) -> String { TimeOfDay(hours: s / 3600, minutes: (s % 3600) / 60)?.description ?? "\(s) s" }
    return "expected a time after the unit opens (\(hhmm(first))) and at most when it closes (\(hhmm(last))), found \(cut)"
  }

  /// The kind of an agency id: the part before "@" ("TNMT@province" -> "TNMT").
  static func kind(of id: String) -> String {
    if let at = id.firstIndex(of: "@") { return String(id[..<at]) }
    return id
  }

  /// Expected arrivals of stream `k` on day index `day`.
  @inline(__always)
  func dailyVolume(stream k: Int, day: Int) -> Double {
    if day >= 0 && day < hot.horizonDays { return hot.streamDaily[k * hot.horizonDays + day] }
    return hot.volume(stream: k, dayNumber: epochDay + day, month: CivilDate(dayNumber: epochDay + day).month - 1)
  }
}
