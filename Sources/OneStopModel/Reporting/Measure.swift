/// A measure of a run's results, named once: its name (as in docs/results.md), its unit,
/// the scopes it exists at and how each scope computes it from a `RunResult`. The twin of
/// the scenario file's key schema on the output side: the KPI tables (`KPI.all`,
/// `KPI.perLevel`, ...), the columns of the summary tables (`BreakdownColumn`,
/// `MonthColumn`, ...), and through them the CSV headers, the JSON keys and the report's
/// reading of them all come from `Measure.all` (`Measure+Table.swift`).
///
/// A scope's computation is nil when the measure does not exist at that scope
/// (`desk_overtime` has no month). A count or rate of dossiers is written once, on the
/// counters of a cell (`cell`), and read at every scope through the cells it selects.
public struct Measure: Sendable {
  /// The value over the whole run (all units).
  public typealias Total = @Sendable (RunResult, CompiledModel) -> Double
  /// The value of one level, unit or field, given by its index.
  public typealias Indexed = @Sendable (RunResult, CompiledModel, Int) -> Double
  /// The value of the dossiers one agency decides, given by its name.
  public typealias Agency = @Sendable (RunResult, CompiledModel, String) -> Double

  /// The name in files, tables and KPI names (`desk_wait_mean`).
  public let name: String
  public let unit: KPIUnit
  /// Over the run: a KPI of `KPI.all` (and so a row of `replications.csv`) when
  /// `pooled`, else a KPI by name only (`KPI.named`: targets, sweeps, `--precision`).
  public let total: Total?
  /// Whether the whole-run value is a row of the pooled KPI table (`KPI.all`:
  /// `summary.json`'s `kpis`, `replications.csv`, baselines, the printed table). A
  /// measure added later is not, so that every output of a scenario that does not use it
  /// stays as it was.
  public let pooled: Bool
  /// Per level of the receiving unit, `NAME@level:LEVEL`.
  public let level: Indexed?
  /// Per unit, `NAME@UNIT`.
  public let atUnit: Indexed?
  /// Per desk group (the group's first index in `CompiledModel.deskGroups`; a lunch
  /// stagger's halves counted together), `NAME@desk:UNIT/GROUP`.
  public let desk: Indexed?
  /// Per deciding agency, `NAME@agency:AGENCY`.
  public let agency: Agency?
  /// Per field of the procedure, `NAME@field:FIELD`.
  public let field: Indexed?
  /// Per calendar month (`NAME@month:YYYY-MM`, `months.csv`), from the month's counters.
  public let month: (@Sendable (MonthCounters) -> Double)?
  /// Per clock hour of the ticket (`hours.csv`); nil in a replication without a value
  /// in that hour (no ticket, desks closed).
  public let hour: (@Sendable (HourResult) -> Double?)?
  /// From the counters of a cell (unit × procedure × channel) or of a sum of cells: the
  /// breakdown tables (by level, agency, field, procedure, channel, unit).
  public let cell: (@Sendable (CellCounters) -> Double)?

  /// A measure with the computations of the scopes it exists at.
  public init(
    _ name: String, _ unit: KPIUnit, total: Total? = nil, level: Indexed? = nil, unit atUnit: Indexed? = nil,
    desk: Indexed? = nil, agency: Agency? = nil, field: Indexed? = nil,
    month: (@Sendable (MonthCounters) -> Double)? = nil,
    hour: (@Sendable (HourResult) -> Double?)? = nil, cell: (@Sendable (CellCounters) -> Double)? = nil,
    pooled: Bool = true
  ) {
    self.name = name
    self.unit = unit
    self.total = total
    self.pooled = pooled
    self.level = level
    self.atUnit = atUnit
    self.desk = desk
    self.agency = agency
    self.field = field
    self.month = month
    self.hour = hour
    self.cell = cell
  }

  /// A measure of counters, written once on a cell: at each scope of `scopes` it is the
  /// cell function of the sum of the cells the scope selects (every cell for `.total`).
  /// `month` and `hour` are the month's and the hour's own.
  static func counted(
    _ name: String, _ unit: KPIUnit, at scopes: Set<MeasureScope>, month: (@Sendable (MonthCounters) -> Double)? = nil,
    pooled: Bool = true, _ cell: @escaping @Sendable (CellCounters) -> Double
  ) -> Measure {
    let total: Total = { r, _ in cell(r.total()) }
    let level: Indexed = { r, m, l in cell(r.total { u, _, _ in m.units[u].level == l }) }
    let atUnit: Indexed = { r, _, u in cell(r.total { uu, _, _ in uu == u }) }
    let agency: Agency = { r, m, a in cell(r.total { _, p, _ in m.names.procedures[p].owner == a }) }
    let field: Indexed = { r, m, f in cell(r.total { _, p, _ in m.procedures[p].field == f }) }
    return Measure(
      name, unit, total: scopes.contains(.total) ? total : nil, level: scopes.contains(.level) ? level : nil,
      unit: scopes.contains(.unit) ? atUnit : nil, agency: scopes.contains(.agency) ? agency : nil,
      field: scopes.contains(.field) ? field : nil, month: month, cell: cell, pooled: pooled)
  }

  /// The scopes the measure exists at, in `MeasureScope` order (every measure of the run
  /// as a whole also exists per replication).
  public var scopes: [MeasureScope] {
    var out: [MeasureScope] = []
    if total != nil { out.append(.total) }
    if level != nil { out.append(.level) }
    if atUnit != nil { out.append(.unit) }
    if desk != nil { out.append(.desk) }
    if agency != nil { out.append(.agency) }
    if field != nil { out.append(.field) }
    if month != nil { out.append(.month) }
    if hour != nil { out.append(.hour) }
    if cell != nil { out.append(.cell) }
    if total != nil && pooled { out.append(.replication) }
    return out
  }

  /// The column of this measure in every CSV file: the name and the unit's suffix
  /// (`desk_wait_mean_min`, `served_same_day_pct`, `tickets`).
  public var column: String { name + unit.columnSuffix }

  /// The key of this measure in the rows of `summary.json`: the name, with `_min` for
  /// minutes (`desk_wait_mean_min`; rates stay `on_time_rate_of_received`).
  public var jsonKey: String { name + unit.jsonKeySuffix }

  /// The measure called `name`, if the table has it.
  public static func named(_ name: String) -> Measure? { all.first { $0.name == name } }
}

/// Where a measure exists: over the run, per level, unit, desk group, deciding agency,
/// field, calendar month, clock hour, breakdown cell, and per replication.
public enum MeasureScope: String, Sendable, CaseIterable {
  case total, level, unit, desk, agency, field, month, hour, cell, replication
}

extension KPIUnit {
  /// The suffix of a key holding this unit in the rows of `summary.json`: `_min` for
  /// minutes, nothing otherwise (percentages are 0 ... 100 by convention there).
  public var jsonKeySuffix: String { self == .minutes ? columnSuffix : "" }
}
