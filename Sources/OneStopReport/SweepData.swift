import Foundation
import OneStopResults

/// `sweep merge`: one row per point, the swept parameters and each KPI's mean and interval,
/// with what names them in words: each parameter's scenario key and each KPI's name and unit
/// (from `summary.json`), the points' values as written, and in newer files the base
/// scenario's titles, period and names.
public struct SweepData: Sendable {
  /// A swept parameter: its `results.csv` column and its scenario key (the column itself
  /// without a `summary.json`).
  public struct Parameter: Sendable {
    public let column, key: String
  }
  /// A KPI: its `results.csv` column, its name (`desk_wait_mean@pasc`) and its unit's symbol
  /// (empty when unknown).
  public struct KPIColumn: Sendable {
    public let column, kpi, unit: String
    /// Whether `summary.json` names its KPI (else `kpi` is the column).
    public let named: Bool
  }
  /// The sweep's id (the directory's name without a `summary.json`), and its base file.
  public let name, base: String
  public let parameters: [Parameter]
  public let kpis: [KPIColumn]
  public let rows: [[String: String]]
  /// Per point id, each parameter's value as the sweep file writes it (`55s`), by key.
  public let values: [String: [String: String]]
  /// The sweep's description (English free text; empty when it has none or in older files),
  /// and its Vietnamese `description_vi` (empty when the sweep file gives none).
  public let description, descriptionVi: String
  /// The base scenario's title by language and its period (empty, nil in older files).
  public let titles: [String: String]
  public let period: (start: String, end: String)?
  public let replications: Int?
  /// The base scenario's units and its names by language (`names` of a run's summary).
  public let units: [String: (name: String, level: String, parent: String)]
  public let localized: [String: [String: String]]

  init(dir: String) throws(ReportError) {
    let results = (dir as NSString).appendingPathComponent("results.csv")
    let table = try CSV.require(results, in: dir, columns: ["id", "seed", "replications"])
    let points = table.rows
    rows = points
    let header = table.header
    var j: ReportSchema.SweepSummary?
    let summary = (dir as NSString).appendingPathComponent("summary.json")
    if let data = try ReportFile.data(summary, in: dir) {
      j = try ReportSchema.decode(
        ReportSchema.SweepSummary.self, from: data, file: summary, writer: "onestop sweep merge")
    }
    var parameterColumns: [Parameter] = []
    if let j {
      if let p = j.parameters.first(where: { j.columns[$0] == nil }) {
        throw ReportError("\(summary): 'columns' has no column for the parameter '\(p)'; merge the sweep again")
      }
      parameterColumns = j.parameters.compactMap { k in j.columns[k].map { Parameter(column: $0, key: k) } }
      if let c = parameterColumns.first(where: { !header.contains($0.column) }) {
        throw ReportError("\(results): missing column '\(c.column)' that summary.json names; merge the sweep again")
      }
    }
    let fixed: Set<String> = ["id", "seed", "replications"]
    let swept = Set(parameterColumns.map(\.column))
    parameters = parameterColumns.filter { p in Set(points.map { $0[p.column] ?? "" }).count > 1 }
    // A KPI column named by its KPI (the column itself in a file without summary.json).
    let kpiOf = Dictionary((j?.columns ?? [:]).map { ($1, $0) }) { a, _ in a }
    kpis = header.filter { h in !fixed.contains(h) && !swept.contains(h) && !h.contains("_ci95_") }.map { c in
      let kpi = kpiOf[c] ?? c
      return KPIColumn(column: c, kpi: kpi, unit: j?.kpis[kpi] ?? "", named: kpiOf[c] != nil)
    }
    name = j?.sweep ?? (dir as NSString).lastPathComponent
    base = j?.base ?? ""
    values = Dictionary((j?.points ?? []).map { ($0.id, $0.values) }) { a, _ in a }
    description = j?.description ?? ""
    descriptionVi = j?.descriptionVi ?? ""
    titles = ["en": j?.title, "vi": j?.titleVi].compactMapValues { $0.flatMap { $0.isEmpty ? nil : $0 } }
    period = j?.start.flatMap { s in j?.end.map { (s, $0) } }
    replications = j?.replications
    units = Dictionary((j?.units ?? []).map { ($0.id, (name: $0.name, level: $0.level, parent: $0.parent)) }) { a, _ in
      a
    }
    localized = j?.names ?? [:]
  }

  /// A parameter's value at a row, as the sweep file writes it (`55s`), else its cell.
  public func value(_ p: Parameter, _ row: [String: String]) -> String {
    values[row["id"] ?? ""]?[p.key] ?? row[p.column] ?? ""
  }

  /// The study's heading in `l`: "Quét tham số: <the base scenario's title>, 12 điểm"; the
  /// catalogue's title of the period when the scenario gives none; no title at all in a
  /// file of an older version (its id stays in the footer).
  public func heading(_ l: ReportLanguage) -> String {
    let count = "\(rows.count) \(l.label("points"))"
    return l.label("sweep") + (l.scenarioTitle(titles, period: period).map { ": \($0), " } ?? ", ") + count
  }

  /// The sweep's description in the page's language: `description` (English free text) on an
  /// English page, `description_vi` on a Vietnamese one, else nothing.
  public func description(_ l: ReportLanguage) -> String { l == .en ? description : descriptionVi }

  /// A KPI column's header: its name with its scopes and its unit in words.
  public func header(_ k: KPIColumn, _ names: ReportNames, _ l: ReportLanguage) -> String {
    // An older file's column: the catalogue's header of the column ("..., (phút)").
    guard k.named else { return l.column(k.column) }
    let name = names.kpi(k.kpi, l)
    return k.unit.isEmpty ? name : Self.withUnit(name, l.unit(k.unit))
  }

  /// A name and its unit in parentheses; a name that ends in its own parentheses takes the
  /// unit inside them ("Lượt phải về (hết giờ; lượt)", not "(hết giờ) (lượt)").
  static func withUnit(_ name: String, _ unit: String) -> String {
    name.hasSuffix(")") ? "\(name.dropLast()); \(unit))" : "\(name) (\(unit))"
  }

  /// A KPI's mean at a row, with its unit's decimals.
  public func mean(_ k: KPIColumn, _ row: [String: String], _ l: ReportLanguage) -> String {
    guard let x = Double(row[k.column] ?? "") else { return row[k.column] ?? "" }
    return l.number(x, decimals: k.unit.isEmpty ? 2 : l.decimals(kpi: k.kpi, unit: k.unit))
  }
}
