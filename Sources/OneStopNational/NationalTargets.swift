import Foundation
import OneStopModel
import OneStopScenario

/// A national target file (`scenarios/targets/national/national-2025.yaml`): published figures per
/// scope (`national` or a province id) with their sources, tolerance, role (`input`,
/// `fitted`, `independent`, as in docs/calibration.md) and evidence (`official` or
/// `press-only`), checked against studies planned with the file's held-out seeds.
public struct NationalTargets: Sendable {
  /// One figure: where it applies, the KPI, its role, its evidence and its bounds.
  public struct Target: Sendable {
    public let scope, kpi, role, evidence, source: String
    /// A value with a tolerance, or a bound (`at_least`, `at_most`).
    public let value: Double?, tolerance: Double, relative: Bool, atLeast: Double?, atMost: Double?
    public let line: Int
  }

  public let file: String
  /// The `--set`s every checked study must carry (the period of the figures).
  public let sets: [String]
  public let heldOutSeeds: [UInt64]
  public let targets: [Target]

  public init(path: String) throws(ScenarioErrors) {
    guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
      throw NationalStudy.error("\(path): cannot read")
    }
    let root = try ScenarioLoader.parse(source, file: path)
    var issues: [ScenarioIssue] = []
    func bad(_ n: YNode?, _ key: String, _ expected: String) {
      issues.append(
        ScenarioIssue(
          file: path, line: n?.line ?? 1, column: n?.column ?? 1, path: key,
          message: "expected \(expected), found \(n?.found ?? "nothing")"))
    }
    func list(_ n: YNode?) -> [YNode] {
      if case .sequence(let items)? = n?.kind { return items }
      return []
    }
    sets = list(root["study"]?["set"]).compactMap(\.scalarText)
    heldOutSeeds = list(root["study"]?["held_out_seeds"]).compactMap { $0.scalarText.flatMap { UInt64($0) } }
    if heldOutSeeds.isEmpty { bad(root["study"]?["held_out_seeds"], "study.held_out_seeds", "a list of seeds") }
    var targets: [Target] = []
    for (i, t) in list(root["targets"]).enumerated() {
      let key = "targets[\(i)]"
      func text(_ k: String, _ allowed: [String]? = nil) -> String {
        guard let v = t[k]?.scalarText, allowed?.contains(v) ?? true else {
          bad(t[k] ?? t, "\(key).\(k)", allowed.map { "one of " + $0.joined(separator: ", ") } ?? "text")
          return ""
        }
        return v
      }
      func number(_ k: String) -> Double? {
        guard let n = t[k] else { return nil }
        guard let v = n.scalarText.flatMap(Double.init), v.isFinite, v >= 0 else {
          bad(n, "\(key).\(k)", "a number >= 0")
          return nil
        }
        return v
      }
      let kpi = text("kpi")
      if !kpi.isEmpty && KPI.named(kpi) == nil { bad(t["kpi"], "\(key).kpi", "a KPI of docs/results.md") }
      var tolerance = 0.0, relative = false
      if let tol = t["tolerance"]?.scalarText {
        relative = tol.hasSuffix("%")
        if let v = Double(relative ? String(tol.dropLast()) : tol), v >= 0 {
          tolerance = relative ? v / 100 : v
        } else {
          bad(t["tolerance"], "\(key).tolerance", "a number or a percentage")
        }
      }
      let value = number("value"), atLeast = number("at_least"), atMost = number("at_most")
      if value == nil && atLeast == nil && atMost == nil { bad(t, key, "value, at_least or at_most") }
      targets.append(
        Target(
          scope: text("scope"), kpi: kpi, role: text("role", ["input", "fitted", "independent"]),
          evidence: text("evidence", ["official", "press-only"]), source: text("source"), value: value,
          tolerance: tolerance, relative: relative, atLeast: atLeast, atMost: atMost, line: t.line))
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    file = path
    self.targets = targets
  }

  /// The study's mean and 95 % half-width of `t`, and whether it is within.
  public func check(_ t: Target, in merge: NationalMerge) -> (mean: Double, halfWidth: Double, within: Bool)? {
    guard let k = merge.study.kpis.firstIndex(of: t.kpi) else { return nil }
    let series: [Double]
    if t.scope == "national" {
      series = merge.national[k]
    } else if let p = merge.study.provinces.firstIndex(where: { $0.id == t.scope }) {
      series = merge.values[p][k]
    } else {
      return nil
    }
    let e = Estimate(series), h = e.count > 1 && e.halfWidth.isFinite ? e.halfWidth : 0
    var within = e.mean.isFinite
    if let v = t.value { within = within && abs(e.mean - v) <= (t.relative ? t.tolerance * v : t.tolerance) + h }
    if let lo = t.atLeast { within = within && e.mean + h >= lo }
    if let hi = t.atMost { within = within && e.mean - h <= hi }
    return (e.mean, h, within)
  }
}
