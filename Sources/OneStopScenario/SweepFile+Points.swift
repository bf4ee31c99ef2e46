import DESKernel
import Foundation
import OneStopModel

/// The design's limits, points and the scenario variant of each point.
extension SweepFile {
  /// Most points of a design (a grid's product of value counts, a hypercube's `points`).
  public static let maxPoints = 1_000_000
  /// Largest magnitude of a range's ends: 2^53, beyond which not every whole number is a
  /// double (so `integer: true` could not be honoured) and spans could overflow.
  public static let maxMagnitude = 9_007_199_254_740_992.0

  /// 2^53 - 1: seeds above it lose digits in jq, JavaScript, R and Excel.
  public static let maxSeed = (1 << 53) - 1

  /// A swept key as a plain column name: lower case, every run of characters other
  /// than a-z and 0-9 one `_` (`units[pasc].desks[land].count` ->
  /// `units_pasc_desks_land_count`), `@` read as `_at_`, `x` in front of a leading digit.
  public static func columnName(_ key: String) -> String {
    var out = ""
    for ch in key.lowercased().replacingOccurrences(of: "@", with: "_at_").unicodeScalars {
      if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
        out.unicodeScalars.append(ch)
      } else if !out.hasSuffix("_") {
        out += "_"
      }
    }
    while out.hasSuffix("_") { out.removeLast() }
    while out.hasPrefix("_") { out.removeFirst() }
    if out.isEmpty { return "x" }
    if let f = out.unicodeScalars.first, f >= "0" && f <= "9" { out = "x" + out }
    return out
  }

  /// a-z first, then a-z, 0-9 or `_`; at most 64 characters.
  public static func isPlainName(_ s: String) -> Bool {
    guard (1...64).contains(s.utf8.count), let f = s.unicodeScalars.first, f >= "a" && f <= "z" else { return false }
    return s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
  }

  /// Values of a range parameter on a grid.
  func gridValues(_ p: Parameter) -> [String] {
    if let v = p.values { return v }
    return (0..<valueCount(p)).map { text(p.from + Double($0) * (p.step ?? 1), p) }
  }

  /// How many values `gridValues` lists, without listing them (the reader bounds a range
  /// to 10,001 values).
  func valueCount(_ p: Parameter) -> Int {
    if let v = p.values { return v.count }
    return Int(((p.to - p.from) / (p.step ?? 1) + 1e-9).rounded(.down)) + 1
  }

  func text(_ x: Double, _ p: Parameter) -> String {
    var v = x
    if let step = p.step { v = p.from + ((x - p.from) / step).rounded() * step }
    if p.integer { return String(Int(v.rounded())) }
    // Shortest text that reads back as the same double, without float noise from steps.
    let r = (v * 1e9).rounded() / 1e9
    return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : "\(r)"
  }

  public var pointCount: Int {
    switch design {
    case .grid:
      // Saturating: five ranges of 10,001 values overflow Int; the reader refuses any
      // count above `maxPoints`, so Int.max only says "too many".
      var count = 1
      for p in parameters {
        let (product, overflow) = count.multipliedReportingOverflow(by: max(1, valueCount(p)))
        if overflow { return Int.max }
        count = product
      }
      return count
    case .latinHypercube(let n): return n
    case .list: return parameters.map { $0.values?.count ?? 0 }.max() ?? 0
    }
  }

  /// The points of the design, in a fixed order: each a value (text) per parameter.
  /// A grid varies the last parameter fastest. A Latin hypercube draws one permutation
  /// per parameter from a GSL stream named after the sweep seed and the parameter key,
  /// so the same file always gives the same points.
  public func points() -> [[String]] {
    switch design {
    case .grid:
      var out: [[String]] = [[]]
      for p in parameters {
        let values = gridValues(p)
        out = out.flatMap { prefix in values.map { prefix + [$0] } }
      }
      return out
    case .latinHypercube(let n):
      var columns: [[String]] = []
      for p in parameters {
        let rng = RandomStream(masterSeed: seed, replication: 0, source: "sweep/lhs/\(p.key)")
        var strata = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, rng.uniformInt(below: i + 1)) }
        columns.append(
          strata.map { s in
            let u = (Double(s) + rng.uniform()) / Double(n)
            if let values = p.values { return values[min(values.count - 1, Int(u * Double(values.count)))] }
            if p.integer && p.step == nil {
              // Whole numbers from...to inclusive, in equal strata.
              return String(Int(min(p.to, (p.from + (u * (p.to - p.from + 1)).rounded(.down)))))
            }
            return text(p.from + u * (p.to - p.from), p)
          })
      }
      return (0..<n).map { i in columns.map { $0[i] } }
    case .list:
      // One value per point, or the one value of a parameter every point shares.
      return (0..<pointCount).map { k in parameters.map { p in p.values.map { $0.count == 1 ? $0[0] : $0[k] } ?? "" } }
    }
  }

  /// The issue to report when point `values` cannot be built: placed on the parameter
  /// the scenario's message names, else on the first parameter.
  public func issue(forPoint id: String, values: [String], _ error: ScenarioErrors) -> ScenarioErrors {
    let assignment = zip(parameters, values).map { "\($0.key)=\($1)" }.joined(separator: ", ")
    return ScenarioErrors(
      issues: error.issues.map { e in
        // Which parameter: the one whose value was being read, else the one whose key the
        // problem's path starts with, else the first.
        let index =
          parameters.firstIndex { e.file == "--set \($0.key)" || e.file == "--set" && e.path == $0.key }
          ?? parameters.firstIndex { e.path.hasPrefix($0.key) } ?? 0
        let node = parameters.isEmpty ? root : parameters[index].node
        let what =
          e.file.hasPrefix("--set") || e.line == 0
          ? (e.path.isEmpty ? e.message : "\(e.path): \(e.message)") : e.description
        return ScenarioIssue(
          file: file, line: node.line, column: node.column, path: "parameters[\(index)]",
          message: "point \(id) (\(assignment)) is not a valid scenario: \(what)")
      })
  }

  /// KPIs naming a unit, level, agency, field or month the base scenario does not have
  /// (they would be NaN at every point), located at the KPI in the sweep file.
  public func unknownTargets(in model: CompiledModel) -> ScenarioErrors? {
    let issues = kpis.enumerated().compactMap { (i, k) -> ScenarioIssue? in
      let node = i < kpiNodes.count ? kpiNodes[i] : root
      if let unit = KPI.unknownUnit(k, in: model) {
        let hint = suggestion(for: unit, in: model.names.units.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
        return ScenarioIssue(
          file: file, line: node.line, column: node.column, path: "kpis[\(i)]",
          message: "the base scenario has no unit '\(unit)'\(hint)")
      }
      guard let message = KPI.unknownTarget(k, in: model) else { return nil }
      return ScenarioIssue(file: file, line: node.line, column: node.column, path: "kpis[\(i)]", message: message)
    }
    return issues.isEmpty ? nil : ScenarioErrors(issues: issues)
  }

  /// The base scenario's tree, parsed once (with `extends` resolved).
  public func loadBase() throws(ScenarioErrors) -> YNode { try ScenarioLoader.load(path: base) }

  /// The overrides of one point, typed (each value from its node in the file).
  public func overrides(_ values: [String]) throws(ScenarioErrors) -> [ScenarioOverride] {
    var out: [ScenarioOverride] = [], issues: [ScenarioIssue] = []
    for (p, v) in zip(parameters, values) {
      do { out.append(try p.override(v)) } catch { issues.append(error) }
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    return out
  }

  /// The scenario of one point: the base with the point's values set, compiled once.
  public func scenario(base root: YNode, values: [String]) throws(ScenarioErrors) -> (Scenario, CompiledModel) {
    try ScenarioBase(root: root, file: base).build(overrides(values))
  }
}
