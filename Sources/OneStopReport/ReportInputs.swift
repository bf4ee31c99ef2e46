import Foundation

/// What `onestop report` can draw, recognised by the files in a result directory:
/// `summary.json` of `run --out`, `compare.json` of `compare --out`, the tables of
/// `staff --out`, and `results.csv` + `summary.json` of `sweep merge`.
public enum ReportInput: Sendable {
  case run(ReportData)
  case compare(CompareData)
  case staff(StaffData)
  case sweep(SweepData)

  public static func read(_ path: String) throws(ReportError) -> ReportInput {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReportError("\(path): no such file or directory")
    }
    let dir = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
    func has(_ f: String) -> Bool { FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(f)) }
    if !isDirectory.boolValue && path.hasSuffix("compare.json") || isDirectory.boolValue && has("compare.json") { return .compare(try CompareData(dir: dir)) }
    if isDirectory.boolValue && has("targets.csv") && has("tradeoff.csv") { return .staff(try StaffData(dir: dir)) }
    if isDirectory.boolValue && has("results.csv") && has("manifest.json") { return .sweep(try SweepData(dir: dir)) }
    if isDirectory.boolValue && !has("summary.json") {
      throw ReportError("\(path): no result here; give a directory written by `onestop run --out`, `compare --out`, `staff --out` or `sweep merge`")
    }
    return .run(try ReportData(path: path))
  }
}

/// `compare.json`: the paired differences B - A of every KPI.
public struct CompareData: Sendable {
  /// One KPI of a comparison: both means, the paired difference B - A, its 95 % half-width
  /// and the half-width an unpaired comparison would have.
  public struct Difference: Sendable {
    public let kpi, unit: String
    public let a, b, difference, halfWidth, unpairedHalfWidth: Double
  }
  public let a, b, aFile, bFile, seed, version: String
  public let replications: Int
  public let differences: [Difference]

  init(dir: String) throws(ReportError) {
    let file = (dir as NSString).appendingPathComponent("compare.json")
    guard let data = FileManager.default.contents(atPath: file),
      (try? ReportSchema.keys(of: data, file: file))?.contains("differences") == true
    else { throw ReportError("\(file): not a comparison written by `onestop compare --out`") }
    let j = try ReportSchema.decode(ReportSchema.Compare.self, from: data, file: file, writer: "onestop compare --out DIR")
    a = j.a.scenario; b = j.b.scenario; aFile = j.a.file; bFile = j.b.file
    seed = String(j.seed)
    version = j.onestop_version
    replications = j.replications
    differences = j.differences.map { r in
      Difference(kpi: r.kpi, unit: r.unit.symbol, a: r.a.value, b: r.b.value, difference: r.difference.value,
        halfWidth: r.half_width.value, unpairedHalfWidth: r.unpaired_half_width.value)
    }
  }
}

/// A small CSV reader for the files onestop writes (RFC 4180 quoting).
enum CSV {
  static func read(_ path: String) throws(ReportError) -> [[String: String]] {
    guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
      throw ReportError("\(path): cannot read it")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var it = text.makeIterator()
    while let c = it.next() {
      if quoted {
        if c == "\"" {
          if let d = it.next() {
            if d == "\"" { field.append("\"") } else {
              quoted = false
              if d == "," { row.append(field); field = "" } else if d == "\n" || d == "\r\n" { row.append(field); rows.append(row); row = []; field = "" } else { field.append(d) }
            }
          } else { quoted = false }
        } else { field.append(c) }
      } else if c == "\"" { quoted = true } else if c == "," { row.append(field); field = "" } else if c == "\n" || c == "\r\n" {
        row.append(field); rows.append(row); row = []; field = ""
      } else if c != "\r" { field.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  static func header(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), let line = text.split(separator: "\n").first else { return [] }
    return line.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
  }
}

/// The tables of `onestop staff --out`.
public struct StaffData: Sendable {
  /// A row of `targets.csv`: the target, its limit, and the KPI now and under the plan with
  /// its interval.
  public struct Target: Sendable {
    public let target, kpi, unit: String
    public let limit, now, nowLow, nowHigh, plan, planLow, planHigh: Double
    public let met: Bool
  }
  /// A row of `changes.csv`: a staffed key, its current and planned count, persons added.
  public struct Change: Sendable { public let key: String; public let current, plan, persons: Int }
  public let targets: [Target]
  public let changes: [Change]
  /// Per step: persons added, key, and each target's KPI mean (targets order).
  public let steps: [(persons: Int, key: String, means: [Double])]

  init(dir: String) throws(ReportError) {
    func p(_ f: String) -> String { (dir as NSString).appendingPathComponent(f) }
    func d(_ r: [String: String], _ k: String) -> Double { Double(r[k] ?? "") ?? .nan }
    let t = try CSV.read(p("targets.csv"))
    targets = t.map { r in
      Target(target: r["target"] ?? "", kpi: r["kpi"] ?? "", unit: r["unit"] ?? "", limit: d(r, "limit"), now: d(r, "now_mean"),
        nowLow: d(r, "now_ci_low"), nowHigh: d(r, "now_ci_high"), plan: d(r, "plan_mean"), planLow: d(r, "plan_ci_low"),
        planHigh: d(r, "plan_ci_high"), met: r["met"] == "true")
    }
    changes = (try? CSV.read(p("changes.csv")))?.map { r in
      Change(key: r["key"] ?? "", current: Int(r["current"] ?? "") ?? 0, plan: Int(r["plan"] ?? "") ?? 0, persons: Int(r["persons_added"] ?? "") ?? 0)
    } ?? []
    let curve = try CSV.read(p("tradeoff.csv"))
    let names = CSV.header(p("tradeoff.csv")).filter { $0.hasSuffix("_mean") }
    steps = curve.map { r in (Int(r["persons_added"] ?? "") ?? 0, r["key"] ?? "", names.map { d(r, $0) }) }
  }
}

/// `sweep merge`: one row per point, the swept parameters and each KPI's mean and interval.
public struct SweepData: Sendable {
  public let name: String
  /// Column names of the swept parameters, and of the KPI means (with their units).
  public let parameters: [String]
  public let kpis: [String]
  public let rows: [[String: String]]

  init(dir: String) throws(ReportError) {
    let results = (dir as NSString).appendingPathComponent("results.csv")
    let points = try CSV.read(results)
    rows = points
    let header = CSV.header(results)
    var name = (dir as NSString).lastPathComponent
    var parameterColumns: [String] = []
    let summary = (dir as NSString).appendingPathComponent("summary.json")
    if let data = FileManager.default.contents(atPath: summary) {
      let j = try ReportSchema.decode(ReportSchema.SweepSummary.self, from: data, file: summary, writer: "onestop sweep merge")
      name = j.sweep
      parameterColumns = j.parameters.compactMap { j.columns[$0] }
    }
    let fixed: Set<String> = ["id", "seed", "replications"]
    parameters = parameterColumns.filter { c in Set(points.map { $0[c] ?? "" }).count > 1 }
    kpis = header.filter { h in !fixed.contains(h) && !parameterColumns.contains(h) && !h.contains("_ci95_") }
    self.name = name
  }
}
