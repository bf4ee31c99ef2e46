import Foundation
import OneStopIO
import OneStopModel

/// The CSV files written next to `summary.json` by `onestop run --out DIR`: fixed column
/// order, `.` decimal point, the one number format of every onestop file
/// (`JSONText.number`), an empty cell where there is no value. Column names end in the
/// unit (`_pct`, `_min`, `_days`, `_hours`; counts have none); a mean over replications
/// has its 95 % interval in `NAME_ci95_low` and `NAME_ci95_high` next to it. Schemas in
/// docs/results.md. Each file is one `CSVTable`: its header and its rows come from one
/// list of columns, the measures' columns named by the table of measures.
public enum ResultFiles {
  /// Writes the CSV files of `s` into `dir` (each atomically), with a byte-order mark
  /// first when `bom` (for spreadsheet programs that want one).
  public static func write(_ s: ReplicationSummary, to dir: String, bom: Bool = false) throws {
    var files = tables(s)
    if !s.index766Scopes.isEmpty { files.append((Index766Table.file, Index766Table.csv(s))) }
    for (name, text) in files {
      try writeAtomically((bom ? "\u{FEFF}" : "") + text, to: (dir as NSString).appendingPathComponent(name))
    }
  }

  /// The CSV files of `s`: (file name, text), in the order they are written; the name
  /// columns in `language` (`vi` or `en`; default the scenario's `report_language`).
  public static func tables(_ s: ReplicationSummary, language: String? = nil) -> [(String, String)] {
    let names = language.map { s.model.names.written(in: $0) } ?? s.model.names
    return [
      ("units.csv", units(s, names)), ("agencies.csv", agencies(s, names)), ("hours.csv", hours(s)),
      ("hours_by_level.csv", hoursByLevel(s)), ("levels.csv", levels(s)), ("months.csv", months(s)),
      ("replications.csv", replications(s)), ("pools-months.csv", poolsMonths(s, names)),
    ]
  }

  /// A value of `unit` as the CSV files write it: rounded to what the unit carries
  /// (`KPIUnit.csvDecimals`), then the one number format.
  static func n(_ x: Double, _ unit: KPIUnit) -> String { JSONText.csvNumber(unit.csvRounded(x)) }

  /// The mean of an estimate, empty (NA) when no replication had a value.
  static func mean(_ e: Estimate, _ unit: KPIUnit) -> String { e.count > 0 ? n(e.mean, unit) : "" }

  typealias Column<Row> = CSVTable<Row>.Column

  /// `name, name_ci95_low, name_ci95_high` of each column of `E`, from `estimate(row, column)`.
  static func withCI<E: MeasureColumn>(
    _: E.Type, _ columns: [E] = Array(E.allCases), _ estimate: @escaping (Int, E) -> Estimate
  ) -> [Column<Int>] {
    columns.flatMap { c in
      [
        Column<Int>(c.header) { n(estimate($0, c).mean, c.measure.unit) },
        Column(c.header + "_ci95_low") { n(estimate($0, c).low, c.measure.unit) },
        Column(c.header + "_ci95_high") { n(estimate($0, c).high, c.measure.unit) },
      ]
    }
  }

  /// The mean of each column of `E` (empty when no replication had a value).
  static func means<E: MeasureColumn>(_: E.Type, _ estimate: @escaping (Int, E) -> Estimate) -> [Column<Int>] {
    E.allCases.map { c in Column<Int>(c.header) { mean(estimate($0, c), c.measure.unit) } }
  }

  static func units(_ s: ReplicationSummary, _ names: CompiledModel.Names) -> String {
    let m = s.model
    let keys: [Column<Int>] = [
      Column("unit") { csv(m.names.units[$0].id) }, Column("name") { csv(names.unitName($0)) },
      Column("level") { csv(m.names.levels[m.units[$0].level]) },
      Column("parent") { csv(m.units[$0].parent.map { m.names.units[$0].id } ?? "") },
    ]
    return CSVTable(keys + withCI(UnitColumn.self, UnitColumn.written(for: m), s.units.estimate)).text(m.units.indices)
  }

  static func agencies(_ s: ReplicationSummary, _ names: CompiledModel.Names) -> String {
    let m = s.model
    let keys: [Column<Int>] = [
      Column("station") { csv(m.names.stations[$0].id) }, Column("name") { csv(names.stationName($0)) },
      Column("unit") { csv(m.names.units[m.stations[$0].unit].id) },
      Column("kind") { m.stations[$0].isOnlineIntake ? "online-intake" : "agency" },
      Column("officers") { String(m.stations[$0].officers) },
    ]
    let columns = StationColumn.allCases.map { c in
      Column<Int>(c.header) { mean(s.stations.estimate($0, c), c.unit) }
    }
    return CSVTable(keys + columns).text(m.stations.indices)
  }

  /// Per pool of officers (station) and month of the statistics period: officer time
  /// present and in overtime, work, utilisation of the officers at work, surge days and
  /// planned leave (means over replications; empty where a pool has no value).
  static func poolsMonths(_ s: ReplicationSummary, _ names: CompiledModel.Names) -> String {
    let m = s.model, labels = s.poolMonthLabels, n = labels.count
    let keys: [Column<Int>] = [
      Column("pool") { csv(m.names.stations[$0 / n].id) }, Column("name") { csv(names.stationName($0 / n)) },
      Column("unit") { csv(m.names.units[m.stations[$0 / n].unit].id) },
      Column("kind") { m.stations[$0 / n].isOnlineIntake ? "online-intake" : "agency" },
      Column("month") { labels[$0 % n] }, Column("officers") { String(m.stations[$0 / n].officers) },
    ]
    let columns = PoolMonthColumn.allCases.map { c in
      Column<Int>(c.header) {
        mean(s.poolMonths.estimate(s.poolMonthRow(pool: $0 / n, month: $0 % n), c), c.unit)
      }
    }
    return CSVTable(keys + columns).text(0..<(m.stations.count * n))
  }

  /// Per clock hour of the ticket: waits over the replications that issued tickets in that
  /// hour, empty cells (NA) when none did; the queue over the days the desks were open
  /// in that hour, empty when never.
  static func hours(_ s: ReplicationSummary) -> String {
    CSVTable([Column("hour") { String($0) }] + means(HourColumn.self, s.hours.estimate)).text(0..<24)
  }

  /// Per level and clock hour of the ticket: tickets and the mean wait over the
  /// replications that issued tickets then (empty when none did). The provincial level is
  /// the provincial centre in most provinces: its hour-of-day profile, not the pooled one.
  static func hoursByLevel(_ s: ReplicationSummary) -> String {
    let levels = s.model.names.levels
    let keys: [Column<Int>] = [
      Column("level") { JSONText.csvField(levels[$0 / 24]) }, Column("hour") { String($0 % 24) },
    ]
    return CSVTable(keys + means(LevelHourColumn.self, s.levelHours.estimate)).text(0..<(levels.count * 24))
  }

  /// Per level: the breakdown's counts and on-time rate, then the level's own waits.
  static func levels(_ s: ReplicationSummary) -> String {
    let counts = s.breakdown(.level), waits = s.levelWaits
    let breakdown: [BreakdownColumn] = [
      .received, .resolvedOnTime, .resolvedOverdue, .inProgressEnd, .onTimeRateOfReceived,
    ]
    let columns: [Column<Int>] =
      [Column("level") { csv(counts.keys[$0]) }]
      + breakdown.map { c in Column(c.header) { n(counts.estimate($0, c).mean, c.measure.unit) } }
      + LevelWaitColumn.allCases.map { c in Column(c.header) { n(waits.estimate($0, c).mean, c.measure.unit) } }
    return CSVTable(columns).text(counts.keys.indices)
  }

  /// The monthly series: per month of the statistics period, each level then "all"; the
  /// last column, `scope`, says which (`level` or `all`), so that a sum over rows filters
  /// one scope and never counts a month twice.
  static func months(_ s: ReplicationSummary) -> String {
    let rows = s.monthRows, table = s.months
    let columns: [Column<Int>] =
      [Column("month") { rows[$0].month }, Column("level") { csv(rows[$0].level) }]
      + MonthColumn.allCases.map { c in Column(c.header) { n(table.estimate($0, c).mean, c.measure.unit) } }
      + [Column("scope") { rows[$0].level == "all" ? "all" : "level" }]
    return CSVTable(columns).text(rows.indices)
  }

  /// Every KPI of summary.json in every replication (long format): the mean of a KPI's
  /// values here is its `mean` in summary.json.
  static func replications(_ s: ReplicationSummary) -> String {
    let series = s.kpis, count = series.kpis.count
    let columns: [Column<Int>] = [
      Column("replication") { String($0 / count) }, Column("kpi") { csv(series.kpis[$0 % count].name) },
      Column("unit") { csv(series.kpis[$0 % count].unit.symbol) },
      Column("value") { n(series.values[$0 % count][$0 / count], series.kpis[$0 % count].unit) },
    ]
    return CSVTable(columns).text(0..<(s.count * count))
  }

  /// A CSV field, quoted when it needs it (RFC 4180).
  public static func csv(_ s: String) -> String { JSONText.csvField(s) }
}

extension StationColumn {
  /// The unit of the column's values (its CSV rounding).
  var unit: KPIUnit {
    switch self {
    case .utilisation: return .percent
    case .waitDays: return .days
    case .busyHours: return .hours
    case .busyOfficers: return .officers
    }
  }
}

extension PoolMonthColumn {
  /// The unit of the column's values (its CSV rounding).
  var unit: KPIUnit {
    switch self {
    case .presentHours, .overtimeHours, .busyHours: return .hours
    case .utilisationPresent, .surgeDays: return .percent
    case .plannedLeaveDays: return .days
    }
  }
}
