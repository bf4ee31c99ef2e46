import DESKernel
import OneStopModel

/// Turns a scenario tree into a `ModelConfiguration`, filling defaults (Ciw's
/// fill-out step) and collecting every problem on the way. Key names are the snake_case
/// of the configuration's properties; `docs/scenario-format.md` lists them all.
final class ScenarioBuilder {
  let r: ScenarioReader
  /// Procedures with a reading problem: later "unknown procedure" or "no route" messages
  /// about them would only echo it.
  private(set) var taintedProcedures: Set<String> = []
  init(_ reader: ScenarioReader) { r = reader }

  static let topKeys = [
    "scenario", "description", "extends", "start", "end", "warmup_until", "seed", "replications", "calendar", "levels",
    "fields", "hours", "unit_defaults", "units", "agencies", "procedures", "demand", "behaviour", "rules", "backlog",
    "report_language",
  ]

  /// Languages `onestop report` writes (`report_language`).
  public static let reportLanguages = ["vi", "en"]

  func read(_ root: YNode) -> (ModelConfiguration, RunSettings)? {
    guard let top = r.mapping(root, "", keys: Self.topKeys) else { return nil }
    var settings = RunSettings()
    func required(_ key: String) -> YNode? {
      if let n = top[key] { return n }
      r.issue(root, key, "missing required key '\(key)'")
      return nil
    }
    let name = top["scenario"].flatMap { r.string($0, "scenario") } ?? "scenario"
    settings.description = top["description"].flatMap { r.string($0, "description") } ?? ""
    if let n = top["report_language"], let text = r.string(n, "report_language") {
      if Self.reportLanguages.contains(text) { settings.reportLanguage = text } else {
        r.issue(n, "report_language", "expected vi or en, found '\(text.prefix(40))'")
      }
    }
    if let n = top["seed"], let s = r.int(n, "seed", min: 0) { settings.seed = UInt64(s) }
    if let n = top["replications"], let k = r.int(n, "replications", min: 1, max: ModelLimits.replications) { settings.replications = k }
    let start = required("start").flatMap { r.date($0, "start") }
    let end = required("end").flatMap { r.date($0, "end") }
    var warmup = top["warmup_until"].flatMap { r.date($0, "warmup_until") }
    let calendar = top["calendar"].map { readCalendar($0) } ?? CalendarSettings()
    let levels = required("levels").flatMap { stringList($0, "levels") } ?? []
    let fields = required("fields").flatMap { stringList($0, "fields") } ?? []
    let hours = top["hours"].map { readNamedHours($0) } ?? [:]
    let unitDefaults = top["unit_defaults"].flatMap { r.mapping($0, "unit_defaults", keys: levels + ["all"]) } ?? [:]
    let units = required("units").map { readUnits($0, hours: hours, defaults: unitDefaults) } ?? []
    let agencies = top["agencies"].map { readAgencies($0, hours: hours, units: units) } ?? []
    let procedures = required("procedures").map { readProcedures($0) } ?? []
    let demand = top["demand"].map { readDemand($0, units: units) } ?? []
    let behaviour = top["behaviour"].map { readBehaviour($0) } ?? CitizenBehaviour()
    let rules = top["rules"].map { readRules($0) } ?? ProcessingRules()
    var backlog: [BacklogEntry] = []
    var backlogFrom: CivilDate?
    if let bn = top["backlog"] {
      if case .mapping = bn.kind {
        // `backlog: {from_warmup: DATE}`: the starting state is simulated from DATE.
        if let m = r.mapping(bn, "backlog", keys: ["from_warmup"]) {
          if let dn = m["from_warmup"] {
            backlogFrom = r.date(dn, "backlog.from_warmup")
            if let f = backlogFrom, let start, f >= start {
              r.issue(dn, "backlog.from_warmup", "must be before start (\(start)), got \(f)")
              backlogFrom = nil
            }
          } else {
            r.issue(bn, "backlog", "expected a list of carried-over entries or {from_warmup: DATE}")
          }
        }
      } else {
        backlog = readBacklog(bn)
      }
    }
    guard var start, let end else { return nil }
    if let from = backlogFrom {
      // Run from `from` and count from the scenario's start: what is in progress then is
      // the carried-over backlog, at its real stages.
      warmup = max(warmup ?? start, start)
      start = from
    }
    let config = ModelConfiguration(
      name: name, start: start, end: end, warmupUntil: warmup, calendar: calendar, levels: levels, fields: fields,
      units: units, agencies: agencies, procedures: procedures, demand: demand, behaviour: behaviour, rules: rules,
      backlog: backlog)
    return (config, settings)
  }

  func stringList(_ node: YNode, _ path: String) -> [String]? {
    guard let items = r.list(node, path) else { return nil }
    let out = items.enumerated().compactMap { r.string($1, "\(path)[\($0)]") }
    return out.count == items.count ? out : nil
  }

  // MARK: - Calendar and hours

  func readCalendar(_ node: YNode) -> CalendarSettings {
    var c = CalendarSettings()
    guard let m = r.mapping(node, "calendar", keys: ["vietnam", "extra_days_off", "extra_working_days", "saturday_counts_for_deadline", "allow_unbundled_years"]) else { return c }
    if let n = m["vietnam"], let v = r.bool(n, "calendar.vietnam") { c.vietnam = v }
    if let n = m["saturday_counts_for_deadline"], let v = r.bool(n, "calendar.saturday_counts_for_deadline") { c.saturdayCountsForDeadline = v }
    if let n = m["allow_unbundled_years"], let v = r.bool(n, "calendar.allow_unbundled_years") { c.allowUnbundledYears = v }
    for key in ["extra_days_off", "extra_working_days"] {
      guard let n = m[key], let items = r.list(n, "calendar.\(key)") else { continue }
      let dates = items.enumerated().compactMap { r.date($1, "calendar.\(key)[\($0)]") }
      if key == "extra_days_off" { c.extraDaysOff = dates } else { c.extraWorkingDays = dates }
    }
    return c
  }

  static let hoursKeys = ["weekdays", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend_from", "seasons"]

  func readNamedHours(_ node: YNode) -> [String: OpeningSchedule] {
    guard case .mapping(let pairs) = node.kind else {
      r.issue(node, "hours", "expected a mapping of named opening hours, found \(node.found)")
      return [:]
    }
    var out: [String: OpeningSchedule] = [:]
    for p in pairs {
      if let s = readSchedule(p.value, "hours.\(p.key)", named: [:]) { out[p.key] = s }
    }
    return out
  }

  /// Opening hours: the name of an entry under `hours:`, or an inline mapping.
  func readSchedule(_ node: YNode, _ path: String, named: [String: OpeningSchedule]) -> OpeningSchedule? {
    if let name = node.scalarText {
      if let s = named[name] { return s }
      let hint = suggestion(for: name, in: Array(named.keys)).map { "; did you mean '\($0)'?" } ?? ""
      r.issue(node, path, "unknown opening hours '\(Excerpt.excerpt(name))'; define it under hours:\(hint)")
      return nil
    }
    guard let m = r.mapping(node, path, keys: Self.hoursKeys) else { return nil }
    guard let weekly = readWeekly(m, path) else { return nil }
    var schedule = OpeningSchedule(base: weekly)
    if let n = m["weekend_from"] { schedule.weekendFrom = r.date(n, "\(path).weekend_from") }
    if let n = m["seasons"], let items = r.list(n, "\(path).seasons") {
      for (k, item) in items.enumerated() {
        let sp = "\(path).seasons[\(k)]"
        guard let sm = r.mapping(item, sp, keys: ["from", "through"] + Self.hoursKeys.filter { $0 != "seasons" && $0 != "weekend_from" }),
          let from = sm["from"].flatMap({ monthDay($0, "\(sp).from") }), let through = sm["through"].flatMap({ monthDay($0, "\(sp).through") }),
          let w = readWeekly(sm, sp)
        else { continue }
        schedule.seasons.append(.init(fromMonth: from.0, fromDay: from.1, throughMonth: through.0, throughDay: through.1, hours: w))
      }
    }
    return schedule
  }

  func monthDay(_ node: YNode, _ path: String) -> (Int, Int)? {
    if let s = node.scalarText {
      let parts = s.split(separator: "-")
      if parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m), (1...31).contains(d) { return (m, d) }
    }
    r.issue(node, path, "expected a month and day MM-DD, found \(node.found)")
    return nil
  }

  func readWeekly(_ m: [String: YNode], _ path: String) -> WeeklyHours? {
    let weekdays = m["weekdays"].flatMap { readDay($0, "\(path).weekdays") } ?? .standardOffice
    var days = Array(repeating: weekdays, count: 5) + [DailyHours.closed, .closed]
    for (i, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
      if let n = m[name], let d = readDay(n, "\(path).\(name)") { days[i] = d }
    }
    return WeeklyHours(days: days)
  }

  /// `["07:00-11:30", "13:30-17:00"]`, or `closed` / `[]`.
  func readDay(_ node: YNode, _ path: String) -> DailyHours? {
    if node.scalarText == "closed" { return .closed }
    guard let items = r.list(node, path) else { return nil }
    var intervals: [OpenInterval] = []
    for (k, item) in items.enumerated() {
      let p = "\(path)[\(k)]"
      guard let s = item.scalarText else { r.issue(item, p, "expected an interval HH:MM-HH:MM, found \(item.found)"); continue }
      let parts = s.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let a = TimeOfDay(parts[0]), let b = TimeOfDay(parts[1]) else {
        r.issue(item, p, "expected an interval HH:MM-HH:MM with times between 00:00 and 24:00, found '\(s)'")
        continue
      }
      intervals.append(OpenInterval(open: a, close: b))
    }
    let day = DailyHours(intervals: intervals)
    for problem in day.problems() { r.issue(node, path, problem) }
    return day.problems().isEmpty ? day : nil
  }

  // MARK: - Units and desks

  static let unitKeys = [
    "id", "name", "level", "parent", "count", "hours", "transfer_cutoff", "ticket_cutoff", "closing_rule", "desks",
    "online_intake_officers", "digitisation_from",
  ]

  /// Reads the units, expanding `count` templates. A template is read once and then
  /// copied with `{i}` filled in, so a mistake in it (or in `unit_defaults`) is reported
  /// once, not once per unit, and `count` is bounded before anything is expanded.
  func readUnits(_ node: YNode, hours: [String: OpeningSchedule], defaults: [String: YNode]) -> [UnitConfiguration] {
    guard let items = r.list(node, "units") else { return [] }
    let defaultKeys = Self.unitKeys.filter { !["id", "name", "level", "parent", "count"].contains($0) }
    var defaultMaps: [String: [String: YNode]] = [:]
    for (scope, dn) in defaults {
      if let dm = r.mapping(dn, "unit_defaults.\(scope)", keys: defaultKeys) { defaultMaps[scope] = dm }
    }
    var out: [UnitConfiguration] = []
    for (k, item) in items.enumerated() {
      let src = "units[\(k)]"
      guard let m0 = r.mapping(item, src, keys: Self.unitKeys) else { continue }
      guard let level = m0["level"].flatMap({ r.string($0, "\(src).level") }) else {
        r.issue(item, src, "missing required key 'level'")
        continue
      }
      // Defaults for the level, then for all levels, under the unit's own keys.
      var m = m0
      for scope in [level, "all"] {
        for (key, value) in defaultMaps[scope] ?? [:] where m[key] == nil { m[key] = value }
      }
      guard let idPattern = m["id"].flatMap({ r.string($0, "\(src).id") }) else {
        r.issue(item, src, "missing required key 'id'")
        continue
      }
      var count = 1
      if let n = m["count"] {
        count = r.int(n, "\(src).count", min: 1, max: ModelLimits.units, what: "a number of units") ?? 1
        if !idPattern.contains("{i}") { r.issue(n, "\(src).id", "a unit with count needs {i} in its id, e.g. 'commune-{i}'") }
        if out.count + count > ModelLimits.units {
          r.issue(n, "\(src).count", "expected at most \(ModelLimits.units) units in all, found \(out.count + count) with this count")
          count = 1
        }
      }
      let schedule = m["hours"].flatMap { readSchedule($0, "\(src).hours", named: hours) } ?? .standardOffice
      var desks: [DeskGroupConfiguration] = []
      var deskNodes: [(YNode, [String: YNode])] = []
      if let dn = m["desks"], let ditems = r.list(dn, "\(src).desks") {
        for (g, d) in ditems.enumerated() {
          let dp = "\(src).desks[\(g)]"
          guard let dm = r.mapping(d, dp, keys: ["id", "count", "fields", "hours", "staff", "service_time_factor", "lunch_stagger"]) else {
            deskNodes.append((d, [:]))
            continue
          }
          deskNodes.append((d, dm))
          let id = dm["id"].flatMap { r.string($0, "\(dp).id") } ?? "desk-\(g + 1)"
          let n = dm["count"].flatMap { r.int($0, "\(dp).count", min: 0, max: ModelLimits.desksPerGroup, what: "a number of desks") } ?? 1
          let f = dm["fields"].flatMap { stringList($0, "\(dp).fields") } ?? []
          let h = dm["hours"].flatMap { readSchedule($0, "\(dp).hours", named: hours) }
          let staff = dm["staff"].flatMap { r.choice($0, "\(dp).staff", StaffType.self) } ?? .civilServant
          let factor = dm["service_time_factor"].flatMap { r.double($0, "\(dp).service_time_factor", min: 0.01, max: 100) }
          var group = DeskGroupConfiguration(id: id, count: n, fields: f, hours: h, staff: staff, serviceTimeFactor: factor)
          if let sn = dm["lunch_stagger"], let v = r.duration(sn, "\(dp).lunch_stagger", unit: .seconds) { group.lunchStagger = Int(v.rounded()) }
          desks.append(group)
        }
      } else if m["desks"] == nil {
        r.issue(item, "\(src).desks", "missing required key 'desks' (or set it under unit_defaults)")
      }
      var template = UnitConfiguration(
        id: idPattern, name: m["name"].flatMap { r.string($0, "\(src).name") }, level: level,
        parent: m["parent"].flatMap { $0.kind.isNull ? nil : r.string($0, "\(src).parent") }, hours: schedule, desks: desks)
      if let n = m["transfer_cutoff"], let t = r.time(n, "\(src).transfer_cutoff") { template.transferCutoff = t }
      if let n = m["ticket_cutoff"], !n.kind.isNull { template.ticketCutoff = r.time(n, "\(src).ticket_cutoff") }
      if let n = m["closing_rule"], let c = r.choice(n, "\(src).closing_rule", ClosingRule.self) { template.closingRule = c }
      if let n = m["online_intake_officers"],
        let v = r.int(n, "\(src).online_intake_officers", min: 0, max: ModelLimits.officersPerStation, what: "a number of officers")
      {
        template.onlineIntakeOfficers = v
      }
      if let n = m["digitisation_from"] { template.digitisationFrom = r.date(n, "\(src).digitisation_from") }
      let name = m["name"] == nil ? nil : template.name
      for i in 1...count {
        let path = "units[\(out.count)]"
        r.mark(path, item)
        for (key, value) in m { r.mark("\(path).\(key)", value) }
        for (g, (d, dm)) in deskNodes.enumerated() {
          r.mark("\(path).desks[\(g)]", d)
          for (key, value) in dm { r.mark("\(path).desks[\(g)].\(key)", value) }
        }
        var unit = template
        if count > 1 || idPattern.contains("{i}") {
          unit.id = idPattern.replacingOccurrences(of: "{i}", with: String(i))
          unit.name = name?.replacingOccurrences(of: "{i}", with: String(i)) ?? unit.id
        }
        out.append(unit)
      }
    }
    return out
  }

  /// Unit ids by level, for `at_level` (built once per call site, linear in units).
  func unitsByLevel(_ units: [UnitConfiguration]) -> [String: [String]] {
    if let cached = levelCache, cached.count == units.count { return cached.map }
    var map: [String: [String]] = [:]
    for u in units { map[u.level, default: []].append(u.id) }
    levelCache = (units.count, map)
    return map
  }
  private var levelCache: (count: Int, map: [String: [String]])?

  // MARK: - Agencies

  func readAgencies(_ node: YNode, hours: [String: OpeningSchedule], units: [UnitConfiguration]) -> [AgencyConfiguration] {
    guard let items = r.list(node, "agencies") else { return [] }
    var out: [AgencyConfiguration] = []
    for (k, item) in items.enumerated() {
      let src = "agencies[\(k)]"
      guard let m = r.mapping(item, src, keys: ["id", "name", "unit", "at_level", "officers", "hours", "discipline", "absence_days", "absence_spell", "saturday_comp"]) else { continue }
      guard let idPattern = m["id"].flatMap({ r.string($0, "\(src).id") }) else {
        r.issue(item, src, "missing required key 'id'")
        continue
      }
      let officers = m["officers"].flatMap { r.int($0, "\(src).officers", min: 0, max: ModelLimits.officersPerStation, what: "a number of officers") } ?? 1
      let schedule = m["hours"].flatMap { readSchedule($0, "\(src).hours", named: hours) }
      let discipline = m["discipline"].flatMap { r.choice($0, "\(src).discipline", QueueDiscipline.self) } ?? .fifo
      let absence = m["absence_days"].flatMap { r.double($0, "\(src).absence_days", min: 0, max: 200, what: "working days a year") }
      let spell = m["absence_spell"].flatMap { r.duration($0, "\(src).absence_spell", unit: .workingDays) }
      let comp = m["saturday_comp"].flatMap { r.choice($0, "\(src).saturday_comp", SaturdayCompensation.self) } ?? .overtime
      let name = m["name"].flatMap { r.string($0, "\(src).name") }
      var at: [String] = []
      if let ln = m["at_level"] {
        guard let level = r.string(ln, "\(src).at_level") else { continue }
        at = unitsByLevel(units)[level] ?? []
        if at.isEmpty { r.issue(ln, "\(src).at_level", "no unit has level '\(Excerpt.excerpt(level))'") }
        if out.count + at.count > ModelLimits.agencies {
          r.issue(ln, "\(src).at_level", "expected at most \(ModelLimits.agencies) agencies in all, found \(out.count + at.count) with this one")
          continue
        }
        if !idPattern.contains("{unit}") { r.issue(m["id"]!, "\(src).id", "an agency with at_level needs {unit} in its id, e.g. 'UBND@{unit}'") }
      } else if let un = m["unit"], let u = r.string(un, "\(src).unit") {
        at = [u]
      } else {
        r.issue(item, src, "missing 'unit' (or 'at_level' for one agency per unit of a level)")
      }
      for u in at {
        let path = "agencies[\(out.count)]"
        r.mark(path, item)
        for (key, value) in m { r.mark("\(path).\(key)", value) }
        out.append(AgencyConfiguration(id: idPattern.replacingOccurrences(of: "{unit}", with: u), name: name, unit: u,
          officers: officers, hours: schedule, discipline: discipline, absenceDays: absence, absenceSpellDays: spell ?? 1, saturdayCompensation: comp))
      }
    }
    return out
  }

  // MARK: - Procedures

  static let procedureKeys = [
    "id", "name", "field", "deadline", "steps", "online", "postal", "on_the_spot", "p_incomplete", "p_refused",
    "p_guidance_only", "p_supplement", "max_supplement_requests", "supplement_clock", "intake_time", "fee_at_pickup",
  ]

  func readProcedures(_ node: YNode) -> [ProcedureConfiguration] {
    guard let items = r.list(node, "procedures") else { return [] }
    var out: [ProcedureConfiguration] = []
    for (k, item) in items.enumerated() {
      let path = "procedures[\(k)]"
      let before = r.issues.count
      defer {
        if r.issues.count > before, let id = item["id"]?.scalarText { taintedProcedures.insert(id) }
      }
      guard let m = r.mapping(item, path, keys: Self.procedureKeys) else { continue }
      guard let id = m["id"].flatMap({ r.string($0, "\(path).id") }), let field = m["field"].flatMap({ r.string($0, "\(path).field") }),
        let dn = m["deadline"], let deadline = readDeadline(dn, "\(path).deadline")
      else {
        for key in ["id", "field", "deadline"] where m[key] == nil { r.issue(item, path, "missing required key '\(key)'") }
        continue
      }
      var steps: [StepConfiguration] = []
      if let sn = m["steps"], let sitems = r.list(sn, "\(path).steps") {
        for (s, step) in sitems.enumerated() {
          let sp = "\(path).steps[\(s)]"
          guard let sm = r.mapping(step, sp, keys: ["agency", "nearest", "work", "appraisal", "lead_time", "fixed_wait", "fixed_wait_counts"]) else { continue }
          let place: StepPlace
          if let a = sm["agency"], let id = r.string(a, "\(sp).agency") {
            place = .agency(id)
          } else if let n = sm["nearest"], let kind = r.string(n, "\(sp).nearest") {
            place = .nearest(kind)
            r.mark("\(sp).agency", n)
          } else {
            r.issue(step, sp, "expected 'agency: ID' or 'nearest: KIND'")
            continue
          }
          guard let wn = sm["work"], let work = r.distribution(wn, "\(sp).work", unit: .hours) else {
            if sm["work"] == nil { r.issue(step, sp, "missing required key 'work' (officer time, e.g. {lognormal: {mean: 2h, cv: 0.6}})") }
            continue
          }
          let appraisal = sm["appraisal"].flatMap { r.bool($0, "\(sp).appraisal") } ?? (s == 0)
          let lead = sm["lead_time"].flatMap { r.distribution($0, "\(sp).lead_time", unit: .workingDays) }
          var wait = sm["fixed_wait"].flatMap { readFixedWait($0, "\(sp).fixed_wait") }
          if let n = sm["fixed_wait_counts"], let v = r.bool(n, "\(sp).fixed_wait_counts") {
            if wait == nil { r.issue(n, "\(sp).fixed_wait_counts", "fixed_wait_counts needs a fixed_wait") }
            wait?.countsForDeadline = v
          }
          steps.append(StepConfiguration(place: place, work: work, appraisal: appraisal, leadTime: lead, fixedWait: wait))
        }
      }
      var p = ProcedureConfiguration(id: id, name: m["name"].flatMap { r.string($0, "\(path).name") }, field: field,
        deadline: deadline, steps: steps)
      if let n = m["online"], let v = r.choice(n, "\(path).online", OnlineMode.self) { p.onlineMode = v }
      if let n = m["postal"], let v = r.bool(n, "\(path).postal") { p.postalAllowed = v }
      if let n = m["on_the_spot"], let v = r.bool(n, "\(path).on_the_spot") { p.onTheSpot = v }
      if let n = m["p_incomplete"], let v = r.probability(n, "\(path).p_incomplete") { p.pIncomplete = v }
      if let n = m["p_refused"], let v = r.probability(n, "\(path).p_refused") { p.pRefused = v }
      if let n = m["p_guidance_only"], let v = r.probability(n, "\(path).p_guidance_only") { p.pGuidanceOnly = v }
      if let n = m["p_supplement"], let v = r.probability(n, "\(path).p_supplement") { p.pSupplement = v }
      if let n = m["max_supplement_requests"], let v = r.int(n, "\(path).max_supplement_requests", min: 0, max: ModelLimits.supplementRequests) { p.maxSupplementRequests = v }
      if let n = m["supplement_clock"], let v = r.choice(n, "\(path).supplement_clock", SupplementClock.self) { p.supplementClock = v }
      if let n = m["intake_time"], let v = r.distribution(n, "\(path).intake_time", unit: .seconds) { p.intakeTime = v }
      if let n = m["fee_at_pickup"], let v = r.bool(n, "\(path).fee_at_pickup") { p.feeAtPickup = v }
      out.append(p)
    }
    return out
  }

  /// A fixed legal wait: `15d` (calendar days) or `10wd` (working days), whole days up
  /// to ten years.
  func readFixedWait(_ node: YNode, _ path: String) -> FixedWait? {
    let expected = "calendar days (15d) or working days (10wd), whole days from 1 to 3650"
    guard let s = node.scalarText else {
      r.issue(node, path, "expected \(expected), found \(node.found)")
      return nil
    }
    let calendar = !s.hasSuffix("wd") && s.hasSuffix("d")
    let digits = s.hasSuffix("wd") ? s.dropLast(2) : s.hasSuffix("d") ? s.dropLast(1) : Substring("")
    guard let n = Int(digits), (1...3650).contains(n) else {
      r.issue(node, path, "expected \(expected), found '\(s)'")
      return nil
    }
    return FixedWait(days: n, calendarDays: calendar)
  }

  /// `same-day`, `15wd` (working days) or `8wh` (working hours).
  func readDeadline(_ node: YNode, _ path: String) -> Deadline? {
    guard let s = node.scalarText else {
      r.issue(node, path, "expected same-day, working days (15wd) or working hours (8wh), found \(node.found)")
      return nil
    }
    if s == "same-day" { return .sameDay }
    let days = ModelLimits.deadlineWorkingDays, hours = ModelLimits.deadlineWorkingHours
    if s.hasSuffix("wd"), let n = Int(s.dropLast(2)), n >= 1, n <= days { return .workingDays(n) }
    if s.hasSuffix("wh"), let h = Double(s.dropLast(2)), h > 0, h <= hours { return .workingHours(h) }
    r.issue(node, path, "expected same-day, working days (1wd to \(days)wd) or working hours (up to \(Int(hours))wh), found \(node.found)")
    return nil
  }

  // MARK: - Demand

  static let demandKeys = [
    "id", "unit", "units", "at_level", "annual_volume", "mix", "online_share", "postal_share", "postal_return_share", "online_return_share",
    "month_factors", "weekday_factors", "walk_in_hour_profile", "online_hour_profile", "weekday_factors_from",
    "walk_in_profile_follows_cutoff",
  ]

  func readDemand(_ node: YNode, units: [UnitConfiguration]) -> [DemandConfiguration] {
    guard let items = r.list(node, "demand") else { return [] }
    var out: [DemandConfiguration] = []
    for (k, item) in items.enumerated() {
      let src = "demand[\(k)]"
      guard let m = r.mapping(item, src, keys: Self.demandKeys) else { continue }
      var at: [String] = []
      if let ln = m["at_level"], let level = r.string(ln, "\(src).at_level") {
        at = unitsByLevel(units)[level] ?? []
        if at.isEmpty { r.issue(ln, "\(src).at_level", "no unit has level '\(Excerpt.excerpt(level))'") }
      } else if let un = m["units"], let list = stringList(un, "\(src).units") {
        at = list
      } else if let un = m["unit"], let u = r.string(un, "\(src).unit") {
        at = [u]
      } else {
        r.issue(item, src, "missing 'unit' (or 'units: [...]', or 'at_level' to share the volume over every unit of a level)")
        continue
      }
      if out.count + at.count > ModelLimits.demandEntries {
        r.issue(item, src, "expected at most \(ModelLimits.demandEntries) demand entries in all (after at_level and units are expanded), found \(out.count + at.count) with this one")
        continue
      }
      guard let vn = m["annual_volume"],
        let volume = r.double(vn, "\(src).annual_volume", min: 0, max: ModelLimits.annualVolume, what: "a number of dossiers per year")
      else {
        if m["annual_volume"] == nil { r.issue(item, src, "missing required key 'annual_volume'") }
        continue
      }
      var mix: [(procedure: String, weight: Double)] = []
      if let mn = m["mix"] {
        if case .mapping(let pairs) = mn.kind {
          for (j, p) in pairs.enumerated() {
            if let w = r.double(p.value, "\(src).mix.\(Excerpt.excerpt(p.key))", min: 0, max: ModelLimits.weightRange.upperBound, what: "a weight") {
              if w != 0 && w < ModelLimits.weightRange.lowerBound {
                r.issue(p.value, "\(src).mix.\(Excerpt.excerpt(p.key))", "expected a weight of 0 or at least \(ModelLimits.weightRange.lowerBound), found \(p.value.found)")
              } else {
                mix.append((p.key, w))
              }
            }
            r.mark("\(src).mix[\(j)]", p.keyNode)
          }
        } else {
          r.issue(mn, "\(src).mix", "expected a mapping procedure: weight, found \(mn.found)")
        }
      } else {
        r.issue(item, src, "missing required key 'mix'")
      }
      var base = DemandConfiguration(unit: "", annualVolume: volume / Double(max(at.count, 1)), mix: mix)
      if let n = m["online_share"], let v = readShare(n, "\(src).online_share") { base.onlineShare = v }
      if let n = m["postal_share"], let v = readShare(n, "\(src).postal_share") { base.postalShare = v }
      if let n = m["postal_return_share"], let v = r.probability(n, "\(src).postal_return_share") { base.postalReturnShare = v }
      if let n = m["online_return_share"], let v = r.probability(n, "\(src).online_return_share") { base.onlineReturnShare = v }
      if let n = m["month_factors"], let v = numbers(n, "\(src).month_factors", count: 12) { base.monthFactors = v }
      if let n = m["weekday_factors"], let v = numbers(n, "\(src).weekday_factors", count: 7) { base.weekdayFactors = v }
      if let n = m["weekday_factors_from"], let items = r.list(n, "\(src).weekday_factors_from") {
        for (j, item) in items.enumerated() {
          let ip = "\(src).weekday_factors_from[\(j)]"
          guard let pm = r.mapping(item, ip, keys: ["date", "factors"]) else { continue }
          guard let dn = pm["date"], let date = r.date(dn, "\(ip).date"), let fn = pm["factors"],
            let factors = numbers(fn, "\(ip).factors", count: 7)
          else {
            for key in ["date", "factors"] where pm[key] == nil { r.issue(item, ip, "missing required key '\(key)'") }
            continue
          }
          base.weekdayFactorPeriods.append((date, factors))
        }
      }
      if let n = m["walk_in_hour_profile"], let v = numbers(n, "\(src).walk_in_hour_profile", count: 24) { base.walkInHourProfile = v }
      if let n = m["online_hour_profile"], let v = numbers(n, "\(src).online_hour_profile", count: 24) { base.onlineHourProfile = v }
      if let n = m["walk_in_profile_follows_cutoff"], let v = r.bool(n, "\(src).walk_in_profile_follows_cutoff") {
        base.walkInProfileFollowsCutoff = v
      }
      for u in at {
        let path = "demand[\(out.count)]"
        r.mark(path, item)
        for (key, value) in m { r.mark("\(path).\(key)", value) }
        if let mn = m["mix"], case .mapping(let pairs) = mn.kind {
          for (j, p) in pairs.enumerated() { r.mark("\(path).mix[\(j)]", p.keyNode) }
        }
        var d = base
        d.unit = u
        out.append(d)
      }
    }
    return out
  }

  /// A share: a number, or a ramp `[{date: 2020-05-19, share: 0.09}, ...]`.
  func readShare(_ node: YNode, _ path: String) -> Ramp? {
    if node.scalarText != nil { return r.probability(node, path).map { Ramp.constant($0) } }
    guard let items = r.list(node, path) else { return nil }
    var points: [(date: CivilDate, value: Double)] = []
    for (k, item) in items.enumerated() {
      guard let m = r.mapping(item, "\(path)[\(k)]", keys: ["date", "share"]),
        let d = m["date"].flatMap({ r.date($0, "\(path)[\(k)].date") }), let v = m["share"].flatMap({ r.probability($0, "\(path)[\(k)].share") })
      else { continue }
      points.append((d, v))
    }
    if points.isEmpty { r.issue(node, path, "expected a share or a list of {date, share} points") }
    return points.isEmpty ? nil : Ramp(points: points)
  }

  func numbers(_ node: YNode, _ path: String, count: Int) -> [Double]? {
    guard let items = r.list(node, path) else { return nil }
    guard items.count == count else {
      r.issue(node, path, "expected \(count) numbers, found \(items.count)")
      return nil
    }
    // 0, or a factor a planner could mean: a subnormal 1e-320 would divide a volume
    // into infinity when the factors are normalised.
    let range = ModelLimits.factorRange
    let v = items.enumerated().compactMap { k, item -> Double? in
      guard let x = r.double(item, "\(path)[\(k)]", min: 0, max: range.upperBound, what: "a number >= 0") else { return nil }
      if x != 0 && x < range.lowerBound {
        r.issue(item, "\(path)[\(k)]", "expected 0 or a factor from \(range.lowerBound) to \(Int(range.upperBound)), found \(item.found)")
        return nil
      }
      return x
    }
    return v.count == count ? v : nil
  }

  // MARK: - Behaviour, rules, backlog

  func readBehaviour(_ node: YNode) -> CitizenBehaviour {
    var b = CitizenBehaviour()
    let keys = [
      "p_return_after_incomplete", "return_delay", "p_return_after_turned_away", "p_never_supplement", "supplement_delay",
      "p_pickup_on_due_day", "pickup_delay", "p_pickup_early", "guidance_time", "pickup_time", "fee_payment_time",
      "on_the_spot_time", "digitisation_time", "wasted_visit_time", "postal_intake_factor", "postal_incomplete_factor",
      "online_check_time",
    ]
    guard let m = r.mapping(node, "behaviour", keys: keys) else { return b }
    let p = "behaviour"
    if let n = m["p_return_after_incomplete"], let v = r.probability(n, "\(p).p_return_after_incomplete") { b.pReturnAfterIncomplete = v }
    if let n = m["p_return_after_turned_away"], let v = r.probability(n, "\(p).p_return_after_turned_away") { b.pReturnAfterTurnedAway = v }
    if let n = m["p_never_supplement"], let v = r.probability(n, "\(p).p_never_supplement") { b.pNeverSupplement = v }
    if let n = m["p_pickup_on_due_day"], let v = r.probability(n, "\(p).p_pickup_on_due_day") { b.pPickupOnDueDay = v }
    if let n = m["p_pickup_early"], let v = r.probability(n, "\(p).p_pickup_early") { b.pPickupEarly = v }
    if let n = m["return_delay"], let v = r.distribution(n, "\(p).return_delay", unit: .workingDays) { b.returnDelayWorkingDays = v }
    if let n = m["supplement_delay"], let v = r.distribution(n, "\(p).supplement_delay", unit: .workingDays) { b.supplementDelayWorkingDays = v }
    if let n = m["pickup_delay"], let v = r.distribution(n, "\(p).pickup_delay", unit: .workingDays) { b.pickupDelayWorkingDays = v }
    if let n = m["guidance_time"], let v = r.distribution(n, "\(p).guidance_time", unit: .seconds) { b.guidanceTime = v }
    if let n = m["pickup_time"], let v = r.distribution(n, "\(p).pickup_time", unit: .seconds) { b.pickupTime = v }
    if let n = m["fee_payment_time"], let v = r.distribution(n, "\(p).fee_payment_time", unit: .seconds) { b.feePaymentTime = v }
    if let n = m["on_the_spot_time"], let v = r.distribution(n, "\(p).on_the_spot_time", unit: .seconds) { b.onTheSpotTime = v }
    if let n = m["digitisation_time"], let v = r.distribution(n, "\(p).digitisation_time", unit: .seconds) { b.digitisationTime = v }
    if let n = m["wasted_visit_time"], let v = r.distribution(n, "\(p).wasted_visit_time", unit: .seconds) { b.wastedVisitTime = v }
    if let n = m["online_check_time"], let v = r.distribution(n, "\(p).online_check_time", unit: .seconds) { b.onlineCheckTime = v }
    if let n = m["postal_intake_factor"], let v = r.double(n, "\(p).postal_intake_factor", min: 0.01, max: 100) { b.postalIntakeFactor = v }
    if let n = m["postal_incomplete_factor"], let v = r.double(n, "\(p).postal_incomplete_factor", min: 0, max: 10) { b.postalIncompleteFactor = v }
    return b
  }

  func readRules(_ node: YNode) -> ProcessingRules {
    var x = ProcessingRules()
    let keys = [
      "province_cut", "cut_threshold", "inter_level_handover", "apology_lead", "apology_extension", "online_receipt",
      "postal_in_transit", "postal_out_transit", "postal_collection_time", "lead_time_after_supplement", "officer_absence_days",
    ]
    guard let m = r.mapping(node, "rules", keys: keys) else { return x }
    let p = "rules"
    if let n = m["province_cut"], let v = r.double(n, "\(p).province_cut", min: 0, max: 0.99, what: "a fraction") { x.provinceCut = v }
    if let n = m["cut_threshold"], let v = r.duration(n, "\(p).cut_threshold", unit: .workingDays) { x.cutThresholdWorkingDays = Int(v) }
    if let n = m["inter_level_handover"], let v = r.duration(n, "\(p).inter_level_handover", unit: .workingDays) { x.interLevelHandoverWorkingDays = Int(v) }
    if let n = m["apology_lead"], let v = r.duration(n, "\(p).apology_lead", unit: .workingDays) { x.apologyLeadWorkingDays = Int(v) }
    if let n = m["apology_extension"], let v = r.duration(n, "\(p).apology_extension", unit: .workingDays) { x.apologyExtensionWorkingDays = Int(v) }
    if let n = m["online_receipt"], let v = r.choice(n, "\(p).online_receipt", OnlineReceipt.self) { x.onlineReceipt = v }
    if let n = m["postal_in_transit"], let v = r.distribution(n, "\(p).postal_in_transit", unit: .workingDays) { x.postalInTransit = v }
    if let n = m["postal_out_transit"], let v = r.distribution(n, "\(p).postal_out_transit", unit: .workingDays) { x.postalOutTransit = v }
    if let n = m["postal_collection_time"], let v = r.time(n, "\(p).postal_collection_time") { x.postalCollectionTime = v }
    if let n = m["officer_absence_days"], let v = r.double(n, "\(p).officer_absence_days", min: 0, max: 200, what: "working days a year") {
      x.officerAbsenceDays = v
    }
    if let n = m["lead_time_after_supplement"], let v = r.double(n, "\(p).lead_time_after_supplement", min: 0, max: 1, what: "a fraction") {
      x.leadTimeAfterSupplement = v
    }
    return x
  }

  func readBacklog(_ node: YNode) -> [BacklogEntry] {
    guard let items = r.list(node, "backlog") else { return [] }
    return items.enumerated().compactMap { k, item -> BacklogEntry? in
      let path = "backlog[\(k)]"
      guard let m = r.mapping(item, path, keys: ["unit", "procedure", "count", "received_from", "received_through", "overdue_share"]) else { return nil }
      guard let u = m["unit"].flatMap({ r.string($0, "\(path).unit") }), let p = m["procedure"].flatMap({ r.string($0, "\(path).procedure") }),
        let c = m["count"].flatMap({ r.int($0, "\(path).count", min: 0, max: ModelLimits.backlogCount, what: "a number of dossiers") })
      else {
        for key in ["unit", "procedure", "count"] where m[key] == nil { r.issue(item, path, "missing required key '\(key)'") }
        return nil
      }
      let from = m["received_from"].flatMap { r.date($0, "\(path).received_from") }
      let through = m["received_through"].flatMap { r.date($0, "\(path).received_through") }
      let overdue = m["overdue_share"].flatMap { r.probability($0, "\(path).overdue_share") } ?? 0
      return BacklogEntry(unit: u, procedure: p, count: c, receivedFrom: from, receivedThrough: through, overdueShare: overdue)
    }
  }
}

extension YNode.Kind {
  var isNull: Bool { if case .null = self { return true } else { return false } }
}
