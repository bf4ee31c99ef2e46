import Foundation
import OneStopModel
import OneStopResults

/// What `onestop report` can draw, recognised by the files in a result directory:
/// `summary.json` of `run --out`, `compare.json` of `compare --out`, the tables of
/// `staff --out`, `results.csv` + `summary.json` of `sweep merge`, and `sensitivity.json` of
/// `sensitivity --out`.
public enum ReportInput: Sendable {
  case run(ReportData)
  case compare(CompareData)
  case staff(StaffData)
  case sweep(SweepData)
  case sensitivity(SensitivityData)

  public static func read(_ path: String) throws(ReportError) -> ReportInput {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReportError("\(path): no such file or directory")
    }
    let dir = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
    func has(_ f: String) -> Bool {
      FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(f))
    }
    if !isDirectory.boolValue && path.hasSuffix("compare.json") || isDirectory.boolValue && has("compare.json") {
      return .compare(try CompareData(dir: dir))
    }
    let sensitivity = "sensitivity.json"
    if !isDirectory.boolValue && path.hasSuffix(sensitivity) || isDirectory.boolValue && has(sensitivity) {
      return .sensitivity(try SensitivityData(file: (dir as NSString).appendingPathComponent(sensitivity), in: dir))
    }
    if isDirectory.boolValue && has("targets.csv") && has("tradeoff.csv") { return .staff(try StaffData(dir: dir)) }
    if isDirectory.boolValue && has("results.csv") && has("manifest.json") { return .sweep(try SweepData(dir: dir)) }
    if isDirectory.boolValue && !has("summary.json") {
      throw ReportError(
        """
          \(path): no result here; give a directory written by `onestop run --out`, `compare --out`, `staff --out`, \
          `sensitivity --out` or `sweep merge`
          """
      )
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
    /// With `compare --uncertainty`: the interval of noise and parameters, which way the
    /// KPI is better (`higher`, `lower`) and the share of the parameter sets in which B is.
    public var total: (low: Double, high: Double)?
    public var better: String?
    public var shareBetter: Double?
    /// `true` when B - A is 0 in every parameter set (no way is better).
    public var sameInEverySet: Bool { difference == 0 && total.map { $0.low == 0 && $0.high == 0 } == true }
  }
  public let a, b, aFile, bFile, seed, version: String
  public let replications: Int
  public let differences: [Difference]
  /// Parameter sets of `compare --uncertainty` (nil without it).
  public let uncertaintySets: Int?
  /// The `--set` overrides of each side, as written (empty without any).
  public let aOverrides, bOverrides: [String]
  /// The desk waits of the busiest centre (the unit with the most tickets in A) and of its
  /// desk groups, from `scoped_differences`: the decision a desk change is about.
  public let centreWaits: [Difference]
  /// A's units by id: name, level and parent (empty for files of older versions).
  public let units: [String: (name: String, level: String, parent: String)]
  /// Each side's title by language (`en`, `vi`; empty when the scenario gives none) and its
  /// period (nil in files of older versions), for naming the side in words.
  public let aTitles, bTitles: [String: String]
  public let aPeriod, bPeriod: (start: String, end: String)?

  init(dir: String) throws(ReportError) {
    let file = (dir as NSString).appendingPathComponent("compare.json")
    guard let data = try ReportFile.data(file, in: dir),
      (try? ReportSchema.keys(of: data, file: file))?.contains("differences") == true
    else { throw ReportError("\(file): not a comparison written by `onestop compare --out`") }
    let j = try ReportSchema.decode(
      ReportSchema.Compare.self, from: data, file: file, writer: "onestop compare --out DIR")
    a = j.a.scenario; b = j.b.scenario; aFile = j.a.file; bFile = j.b.file
    seed = String(j.seed)
    version = j.onestop_version
    replications = j.replications
    guard replications >= 1 else {
      throw ReportError("\(file): 'replications' is \(replications); a comparison has at least 1")
    }
    differences = j.differences.map { r in
      var d = Difference(
        kpi: r.kpi, unit: r.unit.symbol, a: r.a.value, b: r.b.value, difference: r.difference.value,
        halfWidth: r.half_width.value, unpairedHalfWidth: r.unpaired_half_width.value)
      if let t = r.ci95_total, t.count == 2, t[0].value.isFinite, t[1].value.isFinite {
        d.total = (t[0].value, t[1].value)
      }
      d.better = r.better
      d.shareBetter = r.share_b_better.flatMap { $0.value.isFinite ? $0.value : nil }
      return d
    }
    uncertaintySets = j.uncertainty?.sets
    aOverrides = j.a.overrides ?? []
    bOverrides = j.b.overrides ?? []
    centreWaits = Self.centreWaits(j.scoped)
    func titles(_ s: CompareFile.Side) -> [String: String] {
      ["en": s.title, "vi": s.title_vi].compactMapValues { $0.flatMap { $0.isEmpty ? nil : $0 } }
    }
    func period(_ s: CompareFile.Side) -> (start: String, end: String)? {
      guard let start = s.start, let end = s.end else { return nil }
      return (start, end)
    }
    (aTitles, bTitles, aPeriod, bPeriod) = (titles(j.a), titles(j.b), period(j.a), period(j.b))
    units = Dictionary(j.units.map { ($0.id, (name: $0.name, level: $0.level, parent: $0.parent)) }) { a, _ in a }
  }

  /// The busiest centre's desk waits (mean and p90) and its desk groups', in that order.
  static func centreWaits(_ scoped: [CompareDifference<ReportSchema.Number>]) -> [Difference] {
    let tickets = Measure.tickets.name + "@"
    let busiest = scoped.filter { $0.scope == "unit" && $0.kpi.hasPrefix(tickets) }.max { $0.a.value < $1.a.value }
    guard let unit = busiest.map({ String($0.kpi.dropFirst(tickets.count)) }) else { return [] }
    let waits = [Measure.deskWaitMean.name, Measure.deskWaitP90.name]
    let wanted = waits.map { "\($0)@\(unit)" } + waits.flatMap { w in
      scoped.map(\.kpi).filter { $0.hasPrefix("\(w)@desk:\(unit)/") }.sorted()
    }
    return wanted.compactMap { k in scoped.first { $0.kpi == k } }.map {
      Difference(
        kpi: $0.kpi, unit: $0.unit.symbol, a: $0.a.value, b: $0.b.value, difference: $0.difference.value,
        halfWidth: $0.half_width.value, unpairedHalfWidth: $0.unpaired_half_width.value)
    }
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
  /// A row of `changes.csv`: a staffed key, its current and planned value (a count, or an
  /// option's value), persons added.
  public struct Change: Sendable {
    public let key, current, plan: String
    public let persons: Int
  }
  public let targets: [Target]
  public let changes: [Change]
  /// Per step: persons added, key, and each target's KPI mean (targets order).
  public let steps: [(persons: Int, key: String, means: [Double])]

  init(dir: String) throws(ReportError) {
    func p(_ f: String) -> String { (dir as NSString).appendingPathComponent(f) }
    func d(_ r: [String: String], _ k: String) -> Double { Double(r[k] ?? "") ?? .nan }
    let t = try CSV.require(
      p("targets.csv"), in: dir,
      columns: [
        "target", "kpi", "unit", "limit", "now_mean", "now_ci_low",
        "now_ci_high", "plan_mean", "plan_ci_low", "plan_ci_high", "met",
      ]
    ).rows
    targets = t.map { r in
      Target(
        target: r["target"] ?? "", kpi: r["kpi"] ?? "", unit: r["unit"] ?? "", limit: d(r, "limit"),
        now: d(r, "now_mean"),
        nowLow: d(r, "now_ci_low"), nowHigh: d(r, "now_ci_high"), plan: d(r, "plan_mean"), planLow: d(r, "plan_ci_low"),
        planHigh: d(r, "plan_ci_high"), met: r["met"] == "true")
    }
    changes =
      try CSV.read(p("changes.csv"), in: dir, required: ["key", "current", "plan", "persons_added"])?.rows.map { r in
        Change(
          key: r["key"] ?? "", current: r["current"] ?? "", plan: r["plan"] ?? "",
          persons: Int(r["persons_added"] ?? "") ?? 0)
      } ?? []
    let curve = try CSV.require(p("tradeoff.csv"), in: dir, columns: ["persons_added", "key"])
    let names = curve.header.filter { $0.hasSuffix("_mean") }
    steps = curve.rows.map { r in (Int(r["persons_added"] ?? "") ?? 0, r["key"] ?? "", names.map { d(r, $0) }) }
  }
}
