import DESKernel
import Dispatch
import Foundation
import Synchronization
import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario

/// `DIR/results.csv` and `DIR/summary.json` from the row files, in manifest order: the
/// bytes depend only on the plan and the row results, never on how, where or in which
/// order the rows ran. Missing rows are never counted as zero: the merge refuses, or
/// (partial) leaves them out and lists them.
public enum SweepMerge {
  /// The merged table and summary, and the rows left out (empty unless the merge was partial).
  public struct Outcome {
    public let csv: String
    /// `results-long.csv`: one row per point, replication and KPI (scope `all`).
    public var long = ""
    public let json: String
    public let missing: [Manifest.Row]
  }

  /// Reads every row result of `manifest` under `directory` (on all cores), in manifest
  /// order: the valid results, the rows without a file, and the rows whose file is not
  /// their result (another point's, another plan's, edited, damaged) with the reason.
  public static func collect(
    _ manifest: Manifest, directory: String
  )
    -> (found: [RowResult], missing: [Manifest.Row], invalid: [(Manifest.Row, String)])
  {
    let rows = manifest.rows
    let read = Mutex<[Result<RowResult, RowResult.Problem>?]>(Array(repeating: nil, count: rows.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(AvailableCPUs.count, rows.count))) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        if k >= rows.count { return }
        let r = RowResult.read(rows[k], in: directory, manifest: manifest)
        read.withLock { $0[k] = r }
      }
    }
    var found: [RowResult] = [], missing: [Manifest.Row] = [], invalid: [(Manifest.Row, String)] = []
    for (row, r) in zip(rows, read.withLock { $0 }) {
      switch r! {
      case .success(let result): found.append(result)
      case .failure(.missing): missing.append(row)
      case .failure(.invalid(let why)): invalid.append((row, why))
      }
    }
    return (found, missing, invalid)
  }

  /// A parameter's values as numbers when they are numbers, with one unit dropped into
  /// the column name (`55s` -> `55` in `..._s`, `12m` -> `12` in `..._min`); other
  /// values (times of day, mappings) as written.
  static func plainValues(_ name: String, _ values: [String]) -> (String, [String]) {
    let units: [(String, String)] = [("wd", "_wd"), ("s", "_s"), ("m", "_min"), ("h", "_hours"), ("%", "_pct")]
    func isNumber(_ t: String) -> Bool {
      Double(t) != nil && t.lowercased() != "nan" && !t.lowercased().contains("inf")
    }
    if values.allSatisfy({ isNumber($0.trimmingCharacters(in: .whitespaces)) }) {
      return (name, values.map { $0.trimmingCharacters(in: .whitespaces) })
    }
    for (u, suffix) in units {
      let stripped = values.map { v -> String? in
        let t = v.trimmingCharacters(in: .whitespaces)
        guard t.hasSuffix(u), !(u == "s" && t.hasSuffix("wd")) else { return nil }
        let n = String(t.dropLast(u.count)).trimmingCharacters(in: .whitespaces)
        return isNumber(n) ? n : nil
      }
      if stripped.allSatisfy({ $0 != nil }) { return (name + suffix, stripped.map { $0! }) }
    }
    return (name, values)
  }

  /// `results.csv` and `summary.json` of `results` (in manifest order), `missing` listed;
  /// `words` (`SweepMerge.words`) name the study in `summary.json`.
  public static func merge(
    _ manifest: Manifest, results: [RowResult], missing: [Manifest.Row], words: SweepSummaryFile.Words = .init()
  ) -> Outcome {
    let units = manifest.kpis.map { KPI.named($0)?.unit }
    // Plain columns: a parameter's name with its values' unit; a KPI's name with its unit.
    let byRow = Dictionary(uniqueKeysWithValues: manifest.rows.enumerated().map { ($1.id, $0) })
    var parameterColumns: [String] = []
    var plain: [[String]] = Array(repeating: [], count: manifest.rows.count)
    for (p, name) in manifest.parameterNames.enumerated() {
      let (column, values) = plainValues(name, manifest.rows.map { $0.values[p] })
      parameterColumns.append(column)
      for (k, v) in values.enumerated() { plain[k].append(v) }
    }
    let kpiColumns = zip(manifest.kpis, units).map { SweepFile.columnName($0) + ($1?.columnSuffix ?? "") }
    let estimates = results.map { r in r.kpis.map { ($0.0, Estimate($0.1)) } }
    // Every cell quoted when it needs it, the header too (parameter values are text).
    func column(_ header: String, _ cell: @escaping (Int) -> String) -> CSVTable<Int>.Column {
      CSVTable<Int>.Column(JSONText.csvField(header)) { JSONText.csvField(cell($0)) }
    }
    func parameter(_ k: Int, _ p: Int) -> String {
      byRow[results[k].id].map { plain[$0][p] } ?? results[k].values[p]
    }
    var columns = [column("id") { results[$0].id }]
    columns += parameterColumns.indices.map { p in column(parameterColumns[p]) { parameter($0, p) } }
    columns += [
      column("seed") { String(results[$0].seed) }, column("replications") { _ in String(manifest.replications) },
    ]
    for (j, c) in kpiColumns.enumerated() {
      // Rounded to what the KPI's unit carries (KPIUnit.csvDecimals); summary.json keeps every digit.
      func r(_ x: Double) -> String { JSONText.csvNumber(units[j]?.csvRounded(x) ?? x) }
      columns += [
        column(c) { r(estimates[$0][j].1.mean) },
        column("\(c)_ci95_low") { r(estimates[$0][j].1.low) },
        column("\(c)_ci95_high") { r(estimates[$0][j].1.high) },
      ]
    }
    let points = results.indices.map { k in
      SweepSummaryFile.Point(
        id: results[k].id, seed: results[k].seed,
        values: JSONObject(Array(zip(manifest.parameters, results[k].values))),
        kpis: JSONObject(estimates[k]))
    }
    var summary = SweepSummaryFile(
      sweep: manifest.sweep, base: manifest.base, manifestHash: manifest.hash,
      replications: manifest.replications, seeds: manifest.seeds, parameters: manifest.parameters,
      kpis: JSONObject(zip(manifest.kpis, units).map { ($0, $1?.symbol ?? "") }),
      columns: JSONObject(Array(zip(manifest.parameters + manifest.kpis, parameterColumns + kpiColumns))),
      rows: manifest.rows.count, complete: missing.isEmpty, missing: missing.map(\.id), points: points)
    summary.words = words
    var outcome = Outcome(
      csv: CSVTable(columns).text(results.indices), json: JSONText.encode(summary), missing: missing)
    outcome.long = long(manifest, results: results, units: units)
    return outcome
  }

  /// The long form of the merged points: point id, replication, KPI, scope (`all`: a sweep
  /// keeps the pooled KPIs of its points), unit and value, rounded as every CSV file.
  static func long(_ manifest: Manifest, results: [RowResult], units: [KPIUnit?]) -> String {
    var text = "point,replication,kpi,scope,unit,value\n"
    for r in results {
      for (j, kpi) in r.kpis.enumerated() {
        let unit = j < units.count ? units[j] : nil
        for (rep, v) in kpi.1.enumerated() {
          let value = JSONText.csvNumber(unit?.csvRounded(v) ?? v)
          text += "\(JSONText.csvField(r.id)),\(rep),\(JSONText.csvField(kpi.0)),all,\(unit?.symbol ?? ""),\(value)\n"
        }
      }
    }
    return text
  }
}
