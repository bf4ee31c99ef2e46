import DESKernel
import OneStopModel

extension ScenarioBuilder {
  // MARK: - Units and desks

  static let unitKeys = ConfigurationSchema.unit.keyNames()

  /// Reads the units, expanding `count` templates. A template is read once and then
  /// copied with `{i}` filled in, so a mistake in it (or in `unit_defaults`) is reported
  /// once, not once per unit, and `count` is bounded before anything is expanded.
  func readUnits(_ node: YNode, hours: [String: OpeningSchedule], defaults: [String: YNode]) -> [UnitConfiguration] {
    guard let items = r.list(node, "units") else { return [] }
    let own = ["id", "add", "name", "name_vi", "level", "parent", "count", "population", "area_km2"]
    let defaultKeys = Self.unitKeys.filter { !own.contains($0) }
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
      r.aliases = [:]
      for scope in [level, "all"] {
        for (key, value) in defaultMaps[scope] ?? [:]
        where m[key] == nil && Self.alternativeKeys[key].map({ m[$0] == nil }) ?? true {
          m[key] = value
          r.aliases["\(src).\(key)"] = "unit_defaults.\(scope).\(key)"
        }
      }
      defer { r.aliases = [:] }
      guard let idPattern = m["id"].flatMap({ r.string($0, "\(src).id") }) else {
        r.issue(item, src, "missing required key 'id'")
        continue
      }
      let count = readCount(m["count"], src, idPattern: idPattern, unitsSoFar: out.count)
      let schedule = m["hours"].flatMap { readSchedule($0, "\(src).hours", named: hours) } ?? .standardOffice
      var desks: [DeskGroupConfiguration] = []
      var deskNodes: [(YNode, [String: YNode])] = []
      if let dn = m["desks"], let ditems = r.list(dn, "\(src).desks") {
        (desks, deskNodes) = readDesks(ditems, src, hours: hours)
      } else if m["desks"] == nil {
        r.issue(item, "\(src).desks", "missing required key 'desks' (or set it under unit_defaults)")
      }
      var template = UnitConfiguration(
        id: idPattern, name: m["name"].flatMap { r.string($0, "\(src).name") }, level: level,
        parent: m["parent"].flatMap { $0.kind.isNull ? nil : r.string($0, "\(src).parent") }, hours: schedule,
        desks: desks)
      r.read(ConfigurationSchema.unit, from: m, at: src, into: &template)
      var periodNodes: [(YNode, [String: YNode])] = []
      if let dn = m["digitisation"] {
        (template.digitisation, periodNodes) = readDigitisation(dn, "\(src).digitisation")
      }
      let name = m["name"] == nil ? nil : template.name
      let nameVi = m["name_vi"].flatMap { r.string($0, "\(src).name_vi") }
      let deskNames = readDeskNames(deskNodes.map(\.1), desks, src)
      let facts = readFacts(m, src)
      for i in 1...count {
        let path = "units[\(out.count)]"
        r.mark(path, item)
        for (key, value) in m { r.mark("\(path).\(key)", value) }
        for (g, (d, dm)) in deskNodes.enumerated() {
          r.mark("\(path).desks[\(g)]", d)
          for (key, value) in dm { r.mark("\(path).desks[\(g)].\(key)", value) }
        }
        for (k, (d, pm)) in periodNodes.enumerated() {
          r.mark("\(path).digitisation[\(k)]", d)
          for (key, value) in pm { r.mark("\(path).digitisation[\(k)].\(key)", value) }
        }
        var unit = template
        if count > 1 || idPattern.contains("{i}") {
          unit.id = idPattern.replacingOccurrences(of: "{i}", with: String(i))
          unit.name = name?.replacingOccurrences(of: "{i}", with: String(i)) ?? unit.id
        }
        out.append(unit)
        unitFacts[unit.id] = facts
        if let nameVi { names.vi["unit:" + unit.id] = nameVi.replacingOccurrences(of: "{i}", with: String(i)) }
        for (group, language, name) in deskNames {
          names[keyPath: language][ScenarioNames.key(.desk, "\(unit.id)/\(group)")] = name
        }
      }
    }
    return out
  }

  /// The `name` and `name_vi` of a unit item's desk groups (read once for a template):
  /// (group id, language, name).
  func readDeskNames(
    _ maps: [[String: YNode]], _ desks: [DeskGroupConfiguration], _ src: String
  ) -> [(String, WritableKeyPath<ScenarioNames, [String: String]>, String)] {
    var out: [(String, WritableKeyPath<ScenarioNames, [String: String]>, String)] = []
    for (g, dm) in maps.enumerated() where desks.indices.contains(g) {
      let dp = "\(src).desks[\(g)]"
      if let n = dm["name"].flatMap({ r.string($0, "\(dp).name") }) { out.append((desks[g].id, \.en, n)) }
      if let n = dm["name_vi"].flatMap({ r.string($0, "\(dp).name_vi") }) { out.append((desks[g].id, \.vi, n)) }
    }
    return out
  }

  /// A template's `count` (1 without one), bounded so that the units stay within the
  /// model's limit; a count needs `{i}` in the id.
  func readCount(_ node: YNode?, _ src: String, idPattern: String, unitsSoFar: Int) -> Int {
    guard let n = node else { return 1 }
    let count = r.int(n, "\(src).count", min: 1, max: ModelLimits.units, what: "a number of units") ?? 1
    if !idPattern.contains("{i}") {
      r.issue(n, "\(src).id", "a unit with count needs {i} in its id, e.g. 'commune-{i}'")
    }
    if unitsSoFar + count > ModelLimits.units {
      r.issue(
        n, "\(src).count",
        "expected at most \(ModelLimits.units) units in all, found \(unitsSoFar + count) with this count")
      return 1
    }
    return count
  }

  /// A unit's `kind`, `population` and `area_km2`, which only the split drivers read.
  func readFacts(_ m: [String: YNode], _ src: String) -> UnitFacts {
    func number(_ key: String) -> Double? {
      m[key].flatMap {
        $0.kind.isNull ? nil : r.double($0, "\(src).\(key)", min: 0, max: UnitTable.maxValue, what: "a number >= 0")
      }
    }
    let kind = m["kind"].flatMap { $0.kind.isNull ? nil : r.string($0, "\(src).kind") }
    return UnitFacts(kind: kind, population: number("population"), area: number("area_km2"))
  }

  /// Keys that give one setting two ways: a unit (or a level's defaults) that gives one
  /// takes no default for the other, so `digitisation` on a unit replaces a level's
  /// `digitisation_from` (both in one mapping are refused by the model).
  static let alternativeKeys = ["digitisation_from": "digitisation", "digitisation": "digitisation_from"]

  /// A unit's `digitisation` list `[{from: DATE, share: P}, ...]`, with each item's node
  /// and keys (for locating problems); the order of the dates is the model's check.
  func readDigitisation(_ node: YNode, _ path: String) -> ([DigitisationPeriod], [(YNode, [String: YNode])]) {
    guard let items = r.list(node, path) else { return ([], []) }
    if items.isEmpty { r.issue(node, path, "expected at least one period {from: DATE, share: P}") }
    var periods: [DigitisationPeriod] = []
    var nodes: [(YNode, [String: YNode])] = []
    for (k, item) in items.enumerated() {
      let ip = "\(path)[\(k)]"
      guard let pm = r.mapping(item, ip, keys: ["from", "share"]) else { continue }
      for key in ["from", "share"] where pm[key] == nil { r.issue(item, ip, "missing required key '\(key)'") }
      guard let from = pm["from"].flatMap({ r.date($0, "\(ip).from") }),
        let share = pm["share"].flatMap({ r.probability($0, "\(ip).share") })
      else { continue }
      periods.append(DigitisationPeriod(from: from, share: share))
      nodes.append((item, pm))
    }
    return (periods, nodes)
  }

  /// The desk groups of a unit, with each item's node and keys (for locating problems).
  func readDesks(
    _ ditems: [YNode], _ src: String, hours: [String: OpeningSchedule]
  ) -> ([DeskGroupConfiguration], [(YNode, [String: YNode])]) {
    var desks: [DeskGroupConfiguration] = []
    var deskNodes: [(YNode, [String: YNode])] = []
    for (g, d) in ditems.enumerated() {
      let dp = "\(src).desks[\(g)]"
      guard let dm = r.mapping(d, dp, table: ConfigurationSchema.desk) else {
        deskNodes.append((d, [:]))
        continue
      }
      deskNodes.append((d, dm))
      let id = dm["id"].flatMap { r.string($0, "\(dp).id") } ?? "desk-\(g + 1)"
      let f = dm["fields"].flatMap { stringList($0, "\(dp).fields") } ?? []
      let h = dm["hours"].flatMap { readSchedule($0, "\(dp).hours", named: hours) }
      // The staff first: it sets the default service time factor.
      var group = DeskGroupConfiguration(id: id, count: 1, fields: f, hours: h)
      r.read(ConfigurationSchema.desk.filter { $0.key == "staff" }, from: dm, at: dp, into: &group)
      group = DeskGroupConfiguration(id: id, count: 1, fields: f, hours: h, staff: group.staff)
      r.read(ConfigurationSchema.desk.filter { $0.key != "staff" }, from: dm, at: dp, into: &group)
      if let sn = dm["lunch_stagger"], let v = r.duration(sn, "\(dp).lunch_stagger", unit: .seconds) {
        group.lunchStagger = Int(v.rounded())
      }
      if let an = dm["appointments"], let (a, am) = readAppointments(an, "\(dp).appointments", desks: group.count) {
        group.appointments = a
        for (key, value) in am { deskNodes[deskNodes.count - 1].1["appointments.\(key)"] = value }
      }
      desks.append(group)
    }
    return (desks, deskNodes)
  }

  /// Unit ids by level, for `at_level` (built once per call site, linear in units).
  func unitsByLevel(_ units: [UnitConfiguration]) -> [String: [String]] {
    if let cached = levelCache, cached.count == units.count { return cached.map }
    var map: [String: [String]] = [:]
    for u in units { map[u.level, default: []].append(u.id) }
    levelCache = (units.count, map)
    return map
  }

  // MARK: - Agencies

  func readAgencies(
    _ node: YNode, hours: [String: OpeningSchedule], units: [UnitConfiguration]
  ) -> [AgencyConfiguration] {
    guard let items = r.list(node, "agencies") else { return [] }
    var out: [AgencyConfiguration] = []
    for (k, item) in items.enumerated() {
      let src = "agencies[\(k)]"
      guard let m = r.mapping(item, src, table: ConfigurationSchema.agency) else { continue }
      guard let idPattern = m["id"].flatMap({ r.string($0, "\(src).id") }) else {
        r.issue(item, src, "missing required key 'id'")
        continue
      }
      let officers =
        m["officers"].flatMap {
          r.int($0, "\(src).officers", min: 0, max: ModelLimits.officersPerStation, what: "a number of officers")
        } ?? 1
      let schedule = m["hours"].flatMap { readSchedule($0, "\(src).hours", named: hours) }
      let discipline = m["discipline"].flatMap { r.choice($0, "\(src).discipline", QueueDiscipline.self) } ?? .fifo
      let absence = m["absence_days"].flatMap {
        r.double($0, "\(src).absence_days", min: 0, max: 200, what: "working days a year")
      }
      let spell = m["absence_spell"].flatMap { r.duration($0, "\(src).absence_spell", unit: .workingDays) }
      let comp =
        m["saturday_comp"].flatMap { r.choice($0, "\(src).saturday_comp", SaturdayCompensation.self) } ?? .overtime
      let name = m["name"].flatMap { r.string($0, "\(src).name") }
      let nameVi = m["name_vi"].flatMap { r.string($0, "\(src).name_vi") }
      let officerTime = readOfficerTime(m, src)
      let staffChanges = m["staff_changes"].map { readStaffChanges($0, "\(src).staff_changes") } ?? []
      var at: [String] = []
      if let ln = m["at_level"] {
        guard let level = r.string(ln, "\(src).at_level") else { continue }
        at = unitsByLevel(units)[level] ?? []
        if at.isEmpty { r.issue(ln, "\(src).at_level", "no unit has level '\(Excerpt.excerpt(level))'") }
        if out.count + at.count > ModelLimits.agencies {
          r.issue(
            ln, "\(src).at_level",
            "expected at most \(ModelLimits.agencies) agencies in all, found \(out.count + at.count) with this one")
          continue
        }
        if !idPattern.contains("{unit}") {
          r.issue(m["id"]!, "\(src).id", "an agency with at_level needs {unit} in its id, e.g. 'UBND@{unit}'")
        }
      } else if let un = m["unit"], let u = r.string(un, "\(src).unit") {
        at = [u]
      } else {
        r.issue(item, src, "missing 'unit' (or 'at_level' for one agency per unit of a level)")
      }
      if let sn = m["split"] {
        noteOfficerSplit(sn, m, src, agencies: out.count..<(out.count + at.count), total: officers)
      }
      for u in at {
        let path = "agencies[\(out.count)]"
        r.mark(path, item)
        for (key, value) in m { r.mark("\(path).\(key)", value) }
        let id = idPattern.replacingOccurrences(ofASCII: "{unit}", with: u)
        if let nameVi { names.vi["agency:" + id] = nameVi }
        var agency = AgencyConfiguration(
          id: id, name: name, unit: u,
          officers: officers, hours: schedule, discipline: discipline, absenceDays: absence,
          absenceSpellDays: spell ?? 1, saturdayCompensation: comp, annualLeaveDays: officerTime.annual,
          leaveSpellDays: officerTime.spell, leaveOutsideMonths: officerTime.outside, overtime: officerTime.overtime)
        agency.staffChanges = staffChanges
        out.append(agency)
      }
    }
    return out
  }
}
