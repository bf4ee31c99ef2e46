import DESKernel
import Foundation
import OneStopModel

/// A parameter sweep as written by a researcher: a base scenario, the parameters to
/// vary, the design (full grid or a Latin hypercube), replications per point and the
/// KPIs to collect. Read with the same reader as scenarios, so a bad sweep file gets the
/// same `file:line:column: key.path: expected ..., found ...` errors. Format in
/// docs/sweeps.md.
public struct SweepFile: Sendable {
  /// How the points are chosen: every combination of the values, a Latin hypercube of
  /// `points` points over the ranges, or a list (point k takes the k-th value of every
  /// parameter: a design made elsewhere, such as `onestop sensitivity --design-only`).
  public enum Design: Sendable, Equatable {
    case grid
    case latinHypercube(points: Int)
    case list
  }

  /// Which seed each point runs with (`seeds:` in the file).
  public enum Seeds: String, Sendable, CaseIterable {
    /// Every point gets its own seed, derived from the master seed and the point's id.
    case perPoint = "per_point"
    /// Every point uses the master seed: common random numbers across points, so
    /// differences between points are estimated with less noise.
    case common
  }

  /// One varied key: `key` is a `--set` key path into the base scenario.
  public struct Parameter: Sendable {
    public let key: String
    /// Its column in the merged results.csv: the file's `name:`, else `columnName(key)`.
    public let name: String
    /// Explicit values (YAML text, as `--set` takes it), or nil for a range.
    public let values: [String]?
    public let from: Double
    public let to: Double
    /// Grid step; for a Latin hypercube, values are rounded to multiples of it from `from`.
    public let step: Double?
    public let integer: Bool
    let node: YNode
    /// `values` parsed once, as `--set` parses a value (`"{exponential: 1m}"` is a
    /// mapping); nil where a value is not valid YAML (its error comes with the point).
    var valueNodes: [YNode?] = []

    /// The override setting this parameter to `value` (one of `values`, or a number of
    /// the range as `points()` wrote it): parsed once per parameter, not per point.
    func override(_ value: String) throws(ScenarioIssue) -> ScenarioOverride {
      if let i = values?.firstIndex(of: value), i < valueNodes.count, let node = valueNodes[i] {
        return try ScenarioOverride(path: key, value: node)
      }
      if values == nil {
        return try ScenarioOverride(path: key, value: YNode(.scalar(value), file: "--set \(key)", line: 0, column: 0))
      }
      return try ScenarioOverride.parse("\(key)=\(value)")
    }
  }

  public let file: String
  public let name: String
  public let description: String
  /// The description in Vietnamese (`description_vi`), for the Vietnamese page; empty if none.
  public let descriptionVi: String
  /// Path of the base scenario (resolved against the sweep file's directory).
  public let base: String
  public let parameters: [Parameter]
  public let design: Design
  public let replications: Int
  public let seed: UInt64
  public let seeds: Seeds
  public let chunkSize: Int
  public let kpis: [String]
  /// Where each KPI and the file were written, for errors found when a point is built.
  let kpiNodes: [YNode]
  let root: YNode

  static let keys = [
    "sweep", "description", "description_vi", "base", "parameters", "design", "points", "replications", "seed", "seeds",
    "chunk_size", "kpis",
  ]
  static let defaultKPIs = [
    Measure.onTimeRateOfReceived, .overdueRateOfReceived, .resolvedOverdue, .inProgressEnd,
    .deskWaitMean, .deskWaitP90, .deskQueueLength, .deskUtilisation, .officerUtilisation,
  ].map(\.name)

  /// Reads and checks `path`; throws every problem found.
  public static func load(path: String) throws(ScenarioErrors) -> SweepFile {
    let text = try ScenarioFile.read(path)  // bounded, regular .yaml/.yml files only
    let root = try ScenarioLoader.parse(text, file: path)
    let r = ScenarioReader()
    guard let top = r.mapping(root, "", keys: keys) else { throw ScenarioErrors(issues: r.issues) }
    func required(_ key: String) -> YNode? {
      if let n = top[key] { return n }
      r.issue(root, key, "missing; a sweep needs \(key)")
      return nil
    }
    let name =
      top["sweep"].flatMap { r.string($0, "sweep") }
      ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let description = top["description"].flatMap { r.string($0, "description") } ?? ""
    let descriptionVi = top["description_vi"].flatMap { r.string($0, "description_vi") } ?? ""
    var base = ""
    if let node = required("base"), let b = r.string(node, "base") {
      base =
        b.hasPrefix("/")
        ? b : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(b).standardizedFileURL.path
      if !FileManager.default.fileExists(atPath: base) {
        r.issue(node, "base", "no scenario file at \(base)")
      } else if let why = ScenarioFile.refusal(base) {
        r.issue(node, "base", "cannot use this file as a base scenario: \(why)")
      }
    }
    let replications =
      top["replications"].flatMap {
        r.int($0, "replications", min: 1, max: ModelLimits.replications, what: "a number of replications")
      } ?? 1
    let seedText = top["seed"].flatMap { r.int($0, "seed", min: 0, what: "a seed") }
    let seeds = top["seeds"].flatMap { r.choice($0, "seeds", Seeds.self) } ?? .perPoint
    let chunkSize =
      top["chunk_size"].flatMap {
        r.int($0, "chunk_size", min: 1, max: maxPoints, what: "a number of points per chunk")
      } ?? 1
    let (kpis, kpiNodes) = readKPIs(top["kpis"], r)
    let design = readDesign(top["design"], points: top["points"], required: required, r)
    var parameters: [Parameter] = []
    if let node = required("parameters"), let items = r.list(node, "parameters") {
      if items.isEmpty { r.issue(node, "parameters", "expected at least one parameter") }
      for (i, item) in items.enumerated() {
        if let p = readParameter(item, at: "parameters[\(i)]", design: design, known: parameters, r) {
          parameters.append(p)
        }
      }
    }
    if design == .list { checkList(parameters, r) }
    if !r.issues.isEmpty { throw ScenarioErrors(issues: r.issues) }
    if let seedText, seedText > SweepFile.maxSeed, let node = top["seed"] {
      r.issue(
        node, "seed",
        """
          expected a seed from 0 to \(SweepFile.maxSeed) (2^53 - 1, the largest every JSON reader reads exactly), \
          found \(seedText)
          """
      )
      throw ScenarioErrors(issues: r.issues)
    }
    let seed: UInt64
    if let seedText { seed = UInt64(seedText) } else { seed = 1 }
    let sweep = SweepFile(
      file: path, name: name, description: description, descriptionVi: descriptionVi, base: base,
      parameters: parameters, design: design, replications: replications, seed: seed, seeds: seeds,
      chunkSize: chunkSize, kpis: kpis, kpiNodes: kpiNodes, root: root)
    let count = sweep.pointCount
    if count > maxPoints {
      let what = count == Int.max ? "more than \(maxPoints)" : "\(count)"
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: root.line, column: root.column, path: "parameters",
          message: "the design has \(what) points; at most \(maxPoints) are supported")
      ])
    }
    return sweep
  }

  /// The `design` (a grid when absent) and its `points`, which only a Latin hypercube takes.
  static func readDesign(
    _ node: YNode?, points: YNode?, required: (String) -> YNode?, _ r: ScenarioReader
  ) -> Design {
    var design = Design.grid
    if let node, let d = r.string(node, "design") {
      switch d {
      case "grid": design = .grid
      case "latin_hypercube":
        if let pn = required("points"), let n = r.int(pn, "points", min: 2, max: maxPoints, what: "a number of points")
        {
          design = .latinHypercube(points: n)
        }
      case "list": design = .list
      default: r.issue(node, "design", "expected grid, latin_hypercube or list, found '\(d)'")
      }
    }
    if design == .grid || design == .list, let pn = points {
      r.issue(
        pn, "points",
        "only a latin_hypercube design takes points; a grid has one point per combination, a list one per value")
    }
    return design
  }

  /// A list design's parameters each list one value per point, or one value for every point.
  static func checkList(_ parameters: [Parameter], _ r: ScenarioReader) {
    let n = parameters.map { $0.values?.count ?? 0 }.max() ?? 0
    for (i, p) in parameters.enumerated() {
      guard let values = p.values else {
        r.issue(p.node, "parameters[\(i)]", "a list design takes values: [...], one per point, not from/to")
        continue
      }
      if values.count != n && values.count != 1 {
        r.issue(
          p.node, "parameters[\(i)].values",
          "a list design takes one value per point (\(n), as the longest list) or one for every point, "
            + "found \(values.count)")
      }
    }
  }

  /// The `kpis` list (the default list when absent), with the node of each KPI.
  static func readKPIs(_ node: YNode?, _ r: ScenarioReader) -> ([String], [YNode]) {
    var kpis = defaultKPIs
    var kpiNodes: [YNode] = []
    if let node, let items = r.list(node, "kpis") {
      kpis = []
      let known = KPI.all.map(\.name)
      for (i, item) in items.enumerated() {
        guard let k = r.string(item, "kpis[\(i)]") else { continue }
        if KPI.named(k) != nil {
          kpis.append(k)
          kpiNodes.append(item)
        } else {
          let hint =
            suggestion(for: k, in: known).map { "; did you mean '\($0)'?" }
            ?? """
              ; see docs/results.md for the KPI names (per unit: \(KPI.perUnit.map { $0.0 }.joined(separator: ", ")) \
              with @UNIT)
              """
          r.issue(item, "kpis[\(i)]", "unknown KPI '\(k)'\(hint)")
        }
      }
      if items.isEmpty { r.issue(node, "kpis", "expected at least one KPI") }
    }
    return (kpis, kpiNodes)
  }

  /// One item of `parameters`, or nil after reporting why it cannot be read.
  static func readParameter(
    _ item: YNode, at: String, design: Design, known: [Parameter], _ r: ScenarioReader
  ) -> Parameter? {
    guard let m = r.mapping(item, at, keys: ["key", "name", "values", "from", "to", "step", "integer"]) else {
      return nil
    }
    guard let keyNode = m["key"] else {
      r.issue(
        item, at + ".key", "missing; each parameter needs the key path it sets, e.g. units[pasc].desks[land].count")
      return nil
    }
    guard let key = r.string(keyNode, at + ".key") else { return nil }
    if let why = ScenarioOverride.keyProblem(key) {
      r.issue(keyNode, at + ".key", why)
      return nil
    }
    if known.contains(where: { $0.key == key }) { r.issue(keyNode, at + ".key", "'\(key)' is varied twice") }
    var name = SweepFile.columnName(key)
    if let nameNode = m["name"], let n = r.string(nameNode, at + ".name") {
      if SweepFile.isPlainName(n) {
        name = n
      } else {
        r.issue(
          nameNode, at + ".name",
          "expected a plain column name (a-z, 0-9 and _, starting with a letter), found '\(String(n.prefix(40)))'")
      }
      if known.contains(where: { $0.name == n }) {
        r.issue(nameNode, at + ".name", "the column name '\(n)' is used twice")
      }
    }
    let integer = m["integer"].flatMap { r.bool($0, at + ".integer") } ?? false
    if let v = m["values"] {
      for extra in ["from", "to", "step"] where m[extra] != nil {
        r.issue(m[extra]!, "\(at).\(extra)", "give either values or from/to, not both")
      }
      guard let list = r.list(v, at + ".values") else { return nil }
      if list.isEmpty { r.issue(v, at + ".values", "expected at least one value") }
      let texts = list.enumerated().compactMap { (j, n) -> String? in
        if let s = n.scalarText { return s }
        r.issue(n, "\(at).values[\(j)]", "expected a single value, found \(n.found)")
        return nil
      }
      return Parameter(
        key: key, name: name, values: texts, from: 0, to: 0, step: nil, integer: integer, node: item,
        valueNodes: texts.map { try? ScenarioLoader.parse($0, file: "--set \(key)") })
    }
    guard let fromNode = m["from"], let toNode = m["to"] else {
      r.issue(item, at, "expected values: [...] or from: and to: (with step: for a grid)")
      return nil
    }
    let bound = SweepFile.maxMagnitude, what = "a number"
    guard let from = r.double(fromNode, at + ".from", min: -bound, max: bound, what: what),
      let to = r.double(toNode, at + ".to", min: -bound, max: bound, what: what)
    else { return nil }
    if to < from { r.issue(toNode, at + ".to", "expected a number >= from (\(fmt(from))), found \(fmt(to))") }
    let step = m["step"].flatMap { r.double($0, at + ".step", min: 1e-12, what: "a positive step") }
    if design == .grid && step == nil && m["step"] == nil {
      r.issue(item, at, "a grid needs step: to list the values from \(fmt(from)) to \(fmt(to))")
    }
    // (to - from) / step is finite (both ends within 2^53, step >= 1e-12) but may be far
    // above Int.max: compared as a double, printed as an Int only when it is one.
    if let step, (to - from) / step > 10_000 {
      let n = (to - from) / step
      r.issue(
        m["step"]!, at + ".step",
        "expected at most 10000 values, found " + (n < 1e15 ? "\(Int(n) + 1)" : "about \(fmt(n))"))
    }
    return Parameter(key: key, name: name, values: nil, from: from, to: to, step: step, integer: integer, node: item)
  }
}
