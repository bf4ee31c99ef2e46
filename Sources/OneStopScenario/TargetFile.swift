import Foundation
import OneStopModel

/// A calibration target file (`scenarios/targets/<scenario>.yaml`): every figure the
/// scenario's source report gives that the model can produce, each with where it comes
/// from, a tolerance and a weight, and the figures the model cannot produce with the reason.
///
///     scenario: ../tuyen-quang-2022.yaml
///     source: Report 004, Tuyên Quang 2022 thematic report (docs/sources.md)
///     targets:
///       - kpi: on_time_rate_of_received
///         value: 93.32
///         tolerance: 1
///         source: "004, row 2: 168,252 resolved early or on time = 93.32 % of received"
///     not_produced:
///       - figure: "235,609 dossiers on the information system by service level"
///         reason: the model has no service levels
public struct TargetFile: Sendable {
  /// One figure of the source report: the KPI it is held against, the value with its
  /// tolerance and weight, and where the report gives it.
  public struct Target: Sendable {
    public let kpi: String
    public let value: Double
    /// Absolute, in the KPI's unit: within ± tolerance counts as a match.
    public let tolerance: Double
    public let weight: Double
    public let source: String
    /// Where the target's `kpi` is written (file, line, column), for errors found later
    /// against the scenario (a level, agency or month it does not have).
    public var file = ""
    public var line = 0
    public var column = 0
  }

  public let file: String
  /// The scenario the targets are for (absolute path).
  public let scenario: String
  public let source: String
  public let targets: [Target]
  public let notProduced: [(figure: String, reason: String)]

  static let keys = ["scenario", "source", "targets", "not_produced"]
  /// Largest magnitude of a figure and of a tolerance: every KPI is far below it (a
  /// province's year is under 10^8 dossiers), and the fit's squares stay finite.
  public static let maxValue = 1e12

  public static func load(path: String) throws(ScenarioErrors) -> TargetFile {
    let text = try ScenarioFile.read(path)
    let root = try ScenarioLoader.parse(text, file: path)
    let r = ScenarioReader()
    guard let top = r.mapping(root, "", keys: keys) else { throw ScenarioErrors(issues: r.issues) }
    var scenario = ""
    if let node = top["scenario"], let s = r.string(node, "scenario") {
      scenario =
        s.hasPrefix("/")
        ? s : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(s).standardizedFileURL.path
      if !FileManager.default.fileExists(atPath: scenario) {
        r.issue(node, "scenario", "no scenario file at \(scenario)")
      }
    } else if top["scenario"] == nil {
      r.issue(root, "scenario", "missing; a target file names its scenario (a path relative to the target file)")
    }
    let source = top["source"].flatMap { r.string($0, "source") } ?? ""
    var targets: [Target] = []
    if let node = top["targets"], let items = r.list(node, "targets") {
      for (i, item) in items.enumerated() {
        let path = "targets[\(i)]"
        guard let m = r.mapping(item, path, keys: ["kpi", "value", "tolerance", "weight", "source"]) else { continue }
        guard let kn = m["kpi"], let k = r.string(kn, "\(path).kpi") else {
          if m["kpi"] == nil { r.issue(item, "\(path).kpi", "missing; name the KPI (docs/results.md)") }
          continue
        }
        if KPI.named(k) == nil {
          let hint =
            KPI.problem(k).map { ": \($0)" }
            ?? suggestion(for: k, in: KPI.all.map(\.name)).map { "; did you mean '\($0)'?" } ?? "; see docs/results.md"
          r.issue(kn, "\(path).kpi", "unknown KPI '\(k)'\(hint)")
          continue
        }
        guard let vn = m["value"],
          let v = r.double(vn, "\(path).value", min: -maxValue, max: maxValue, what: "the report's figure")
        else {
          if m["value"] == nil { r.issue(item, "\(path).value", "missing; give the report's figure") }
          continue
        }
        guard let tn = m["tolerance"],
          let t = r.double(tn, "\(path).tolerance", min: 0, max: maxValue, what: "a tolerance >= 0 in the KPI's unit")
        else {
          if m["tolerance"] == nil { r.issue(item, "\(path).tolerance", "missing; give a tolerance in the KPI's unit") }
          continue
        }
        let w =
          m["weight"].flatMap {
            r.double($0, "\(path).weight", min: 0, max: ModelLimits.weightRange.upperBound, what: "a weight >= 0")
          } ?? 1
        guard let sn = m["source"], let s = r.string(sn, "\(path).source"), !s.isEmpty else {
          r.issue(item, "\(path).source", "missing; say where the figure comes from (report, row or sentence)")
          continue
        }
        targets.append(
          Target(kpi: k, value: v, tolerance: t, weight: w, source: s, file: kn.file, line: kn.line, column: kn.column))
      }
      if items.isEmpty { r.issue(node, "targets", "expected at least one target") }
    } else if top["targets"] == nil {
      r.issue(root, "targets", "missing; list the report's figures the model can produce")
    }
    var notProduced: [(String, String)] = []
    if let node = top["not_produced"], let items = r.list(node, "not_produced") {
      for (i, item) in items.enumerated() {
        guard let m = r.mapping(item, "not_produced[\(i)]", keys: ["figure", "reason"]) else { continue }
        let f = m["figure"].flatMap { r.string($0, "not_produced[\(i)].figure") } ?? ""
        let why = m["reason"].flatMap { r.string($0, "not_produced[\(i)].reason") } ?? ""
        if f.isEmpty || why.isEmpty {
          r.issue(item, "not_produced[\(i)]", "expected a figure and the reason the model cannot produce it")
        }
        notProduced.append((f, why))
      }
    }
    if !r.issues.isEmpty { throw ScenarioErrors(issues: r.issues) }
    return TargetFile(file: path, scenario: scenario, source: source, targets: targets, notProduced: notProduced)
  }
}
