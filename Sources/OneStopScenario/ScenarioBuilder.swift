import DESKernel
import OneStopModel

/// Turns a scenario tree into a `ModelConfiguration`, filling defaults (Ciw's
/// fill-out step) and collecting every problem on the way. Key names are the snake_case
/// of the configuration's properties; `docs/scenario-format.md` lists them all.
final class ScenarioBuilder {
  let r: ScenarioReader
  /// Procedures with a reading problem: later "unknown procedure" or "no route" messages
  /// about them would only echo it.
  var taintedProcedures: Set<String> = []
  /// Unit ids by level, cached for `at_level` (see `unitsByLevel`).
  var levelCache: (count: Int, map: [String: [String]])?
  /// The scenario file, against which a `--set unit_table=...` path is resolved.
  var scenarioFile = ""
  /// The table `unit_table` names, once read.
  var unitTable: UnitTable?
  /// What the split drivers read of each unit, by id (`kind`, `population`, `area_km2`).
  var unitFacts: [String: UnitFacts] = [:]
  /// Each demand entry's units and volumes by its id, for a backlog `split: {like: ID}`.
  var demandShares: [String: [(unit: String, volume: Double)]] = [:]
  /// Every demand entry's id, read or not.
  var demandIDs: Set<String> = []
  /// Agency templates whose officers are a total to share (`split`), shared once the
  /// demand is read.
  var officerSplits: [OfficerSplit] = []
  /// The names given beside the ids (`name_vi`, desk groups' names), by scoped key.
  var names = ScenarioNames()
  init(_ reader: ScenarioReader, scenarioFile: String = "") {
    r = reader
    self.scenarioFile = scenarioFile
  }

  /// Top-level keys (`ConfigurationSchema.top`).
  static let topKeys = ConfigurationSchema.top.keyNames()

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
    readReportSettings(top, into: &settings)
    if let n = top["seed"], let s = r.int(n, "seed", min: 0) { settings.seed = UInt64(s) }
    if let n = top["replications"], let k = r.int(n, "replications", min: 1, max: ModelLimits.replications) {
      settings.replications = k
    }
    let start = required("start").flatMap { r.date($0, "start") }
    let end = required("end").flatMap { r.date($0, "end") }
    var warmup = top["warmup_until"].flatMap { r.date($0, "warmup_until") }
    let calendar = top["calendar"].map { readCalendar($0) } ?? CalendarSettings()
    let levels = required("levels").flatMap { stringList($0, "levels") } ?? []
    let fields = required("fields").flatMap { readFields($0) } ?? []
    let hours = top["hours"].map { readNamedHours($0) } ?? [:]
    let unitDefaults = top["unit_defaults"].flatMap { r.mapping($0, "unit_defaults", keys: levels + ["all"]) } ?? [:]
    unitTable = top["unit_table"].flatMap { UnitTable.load($0, scenarioFile: scenarioFile, reader: r) }
    // A table that cannot be read leaves every unit unknown: say only that.
    if top["unit_table"] != nil && unitTable == nil { return nil }
    // With a table, `units:` is optional (and its items merge over the rows).
    let unitList = unitTable.map { $0.merged(under: top["units"]) } ?? top["units"]
    if unitList == nil && top["unit_table"] == nil { _ = required("units") }
    let units = unitList.map { readUnits($0, hours: hours, defaults: unitDefaults) } ?? []
    var agencies = top["agencies"].map { readAgencies($0, hours: hours, units: units) } ?? []
    let procedures = required("procedures").map { readProcedures($0) } ?? []
    let demand = top["demand"].map { readDemand($0, units: units) } ?? []
    // Officer totals shared like a demand entry need its volumes: after the demand.
    agencies = splitOfficers(agencies)
    let behaviour = top["behaviour"].map { readBehaviour($0) } ?? CitizenBehaviour()
    let rules = top["rules"].map { readRules($0) } ?? ProcessingRules()
    settings.uncertainty = top["uncertainty"].map { readUncertainty($0) } ?? []
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
        backlog = readBacklog(bn, units: units)
      }
    }
    guard var start, let end else { return nil }
    if let from = backlogFrom {
      // Run from `from` and count from the scenario's start: what is in progress then is
      // the carried-over backlog, at its real stages.
      warmup = max(warmup ?? start, start)
      settings.countFrom = start
      start = from
    }
    var config = ModelConfiguration(
      name: name, start: start, end: end, warmupUntil: warmup, calendar: calendar, levels: levels, fields: fields,
      units: units, agencies: agencies, procedures: procedures, demand: demand, behaviour: behaviour, rules: rules,
      backlog: backlog)
    config.index766 = top["index766"].map { readIndex766($0, units: units) }
    names.language = settings.reportLanguage ?? "vi"
    config.names = names
    return (config, settings)
  }

  /// `title` and `title_vi`: kept only when written in the file that names the scenario
  /// (`scenario:`) or by `--set`, so that a variant never shows its base's title.
  func readTitle(_ top: [String: YNode]) {
    let own = top["scenario"]?.file
    for (key, language) in [("title", \ScenarioNames.en), ("title_vi", \ScenarioNames.vi)] {
      guard let n = top[key], let text = r.string(n, key), n.file == own || n.file.hasPrefix("--set") else { continue }
      names[keyPath: language][ScenarioNames.Kind.title.rawValue] = text
    }
  }

  /// `description`, `description_vi` and `report_language`.
  func readReportSettings(_ top: [String: YNode], into settings: inout RunSettings) {
    settings.description = top["description"].flatMap { r.string($0, "description") } ?? ""
    // A variant that writes its own description does not keep its base's Vietnamese one
    // (a `--set` of either is taken as meant).
    if let n = top["description_vi"], let text = r.string(n, "description_vi"),
      top["description"].map({ $0.file == n.file || $0.file.hasPrefix("--set") || n.file.hasPrefix("--set") }) ?? true
    {
      names.vi[ScenarioNames.Kind.description.rawValue] = text
    }
    readTitle(top)
    if let n = top["report_language"], let text = r.string(n, "report_language") {
      if Self.reportLanguages.contains(text) {
        settings.reportLanguage = text
      } else {
        r.issue(n, "report_language", "expected vi or en, found '\(text.prefix(40))'")
      }
    }
  }

  func stringList(_ node: YNode, _ path: String) -> [String]? {
    guard let items = r.list(node, path) else { return nil }
    let out = items.enumerated().compactMap { r.string($1, "\(path)[\($0)]") }
    return out.count == items.count ? out : nil
  }
}

extension YNode.Kind {
  var isNull: Bool { if case .null = self { return true } else { return false } }
}
