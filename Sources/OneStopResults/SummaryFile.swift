import OneStopIO
import OneStopModel

/// The schema of `summary.json` (`run --out`, `run --json`): key names and order as in
/// docs/results.md, every mean as `{"mean": m, "ci95": [low, high]}` (`Estimate`). The
/// writer encodes it; `onestop report` decodes the keys it draws through `Key` and the
/// same row types. Keep key names stable: scripts read them too.
public struct SummaryFile: Encodable {
  /// The top-level keys, in the order they are written.
  public enum Key: String, CodingKey {
    case scenario, file, description, scenario_hash, overrides, report_language, onestop_version, start, end, seed
    case replications, kpis
    case units_of_kpis, by_level, by_agency, by_field, by_procedure, by_channel, desk_waits_by_level, months
    case desk_waits_by_unit, pools, priors, procedures, names, uncertainty, index766
  }

  /// The scenario's name, file, hash and `report_language`.
  public let scenario, file, scenarioHash: String
  /// The scenario's `description` (written only when it has one).
  public var description = ""
  /// Per procedure of the scenario: its id and name, for reports that name it.
  public let procedures: [ProcedureName]
  /// Per language (`en`, `vi`): the names the scenario gives units, agencies, procedures
  /// and desk groups in it, by scoped key (`unit:pasc`), so that a report in either
  /// language names them; empty (and not written) when the scenario gives no `name_vi`.
  public let names: [(language: String, names: [(key: String, name: String)])]
  public let reportLanguage: String?
  /// The `--set` overrides of the run, as written; nil (and not written) without any, so
  /// that a run without them writes what it wrote before the key existed.
  public var overrides: [String]?
  public let version, start, end: String
  public let seed: UInt64
  public let replications: Int
  /// Every KPI of `KPI.all`, in report order, with its unit.
  public let kpis: [(name: String, unit: KPIUnit, estimate: Estimate)]
  /// The breakdowns; agencies, fields and procedures that received nothing are left out.
  public let byLevel, byAgency, byField, byProcedure, byChannel: [BreakdownRow<Estimate>]
  public let levelWaits: [LevelWaitsRow<Estimate>]
  /// The monthly series: per month of the statistics period, each level then "all".
  public let months: [MonthRow<Estimate>]
  public let unitWaits: [UnitWaitsRow<Estimate>]
  /// Each pool of officers' month of highest utilisation of the officers at work (with
  /// its overtime that month) and its overtime and planned leave over the period.
  public let pools: [PoolRow<Estimate>]
  public let priors: [SummaryPrior]
  /// Both intervals of every KPI under parameter uncertainty (`run --uncertainty`); nil
  /// (and not written) otherwise.
  public var uncertainty: UncertaintySummary?
  /// The service index's score cards (`Index766Table.cards`); nil (and not written)
  /// for a scenario without `index766`.
  public let index766: [Index766Card<Estimate>]?

  /// The summary of the replications folded into `stats`.
  public init(
    scenario: String, file: String, scenarioHash: String, reportLanguage: String?, version: String, start: String,
    end: String, seed: UInt64, stats: ReplicationSummary, priors: [SummaryPrior]
  ) {
    self.scenario = scenario
    self.file = file
    self.scenarioHash = scenarioHash
    self.reportLanguage = reportLanguage
    self.version = version
    self.start = start
    self.end = end
    self.seed = seed
    replications = stats.count
    let series = stats.kpis
    kpis = series.kpis.indices.map { (series.kpis[$0].name, series.kpis[$0].unit, series.estimate($0)) }
    func rows(_ d: ReportDimension) -> [BreakdownRow<Estimate>] {
      let table = stats.breakdown(d)
      return table.keys.indices.map { k in BreakdownRow(key: table.keys[k]) { table.estimate(k, $0) } }
    }
    byLevel = rows(.level)
    byAgency = rows(.agency).filter { $0[.received].mean > 0 }
    byField = rows(.field).filter { $0[.received].mean > 0 }
    byProcedure = rows(.procedure).filter { $0[.received].mean > 0 }
    byChannel = rows(.channel)
    let w = stats.levelWaits
    levelWaits = w.keys.indices.map { l in LevelWaitsRow(level: w.keys[l]) { w.estimate(l, $0) } }
    months = stats.monthRows.indices.map { k in
      MonthRow(month: stats.monthRows[k].month, level: stats.monthRows[k].level) { stats.months.estimate(k, $0) }
    }
    let model = stats.model
    unitWaits = model.units.indices.map { u in
      UnitWaitsRow(
        unit: model.names.units[u].id, name: model.names.unitName(u),
        level: model.names.levels[model.units[u].level],
        mean: stats.units.estimate(u, .waitMean), p90: stats.units.estimate(u, .waitP90))
    }
    pools = PoolEdge.peaks(stats)
    index766 = stats.index766Scopes.isEmpty ? nil : Index766Table.cards(stats)
    self.priors = priors
    names = ["en", "vi"].compactMap { l in
      let all = model.names.given(in: l)
      return all.isEmpty ? nil : (l, all)
    }
    procedures = model.names.procedures.indices.map {
      ProcedureName(id: model.names.procedures[$0].id, name: model.names.procedureName($0))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(scenario, forKey: .scenario)
    try c.encode(file, forKey: .file)
    if !description.isEmpty { try c.encode(description, forKey: .description) }
    try c.encode(scenarioHash, forKey: .scenario_hash)
    try c.encodeIfPresent(overrides, forKey: .overrides)
    try c.encodeIfPresent(reportLanguage, forKey: .report_language)
    try c.encode(version, forKey: .onestop_version)
    try c.encode(start, forKey: .start)
    try c.encode(end, forKey: .end)
    try c.encode(seed, forKey: .seed)
    try c.encode(replications, forKey: .replications)
    try c.encode(JSONObject(kpis.map { ($0.name, $0.estimate) }), forKey: .kpis)
    try c.encode(JSONObject(kpis.map { ($0.name, $0.unit) }), forKey: .units_of_kpis)
    try c.encode(byLevel, forKey: .by_level)
    try c.encode(byAgency, forKey: .by_agency)
    try c.encode(byField, forKey: .by_field)
    try c.encode(byProcedure, forKey: .by_procedure)
    try c.encode(byChannel, forKey: .by_channel)
    try c.encode(levelWaits, forKey: .desk_waits_by_level)
    try c.encode(months, forKey: .months)
    try c.encode(unitWaits, forKey: .desk_waits_by_unit)
    try c.encode(pools, forKey: .pools)
    try c.encode(priors, forKey: .priors)
    try c.encode(procedures, forKey: .procedures)
    if !names.isEmpty {
      let byLanguage = names.map { ($0.language, JSONObject($0.names.map { ($0.key, $0.name) })) }
      try c.encode(JSONObject(byLanguage), forKey: .names)
    }
    try c.encodeIfPresent(uncertainty, forKey: .uncertainty)
    try c.encodeIfPresent(index766, forKey: .index766)
  }
}

/// A procedure's id and name (`summary.json`'s `procedures`), so that a report names it.
public struct ProcedureName: Codable, Sendable {
  public let id, name: String
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
