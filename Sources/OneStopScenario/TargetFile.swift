import Foundation
import OneStopModel

/// A calibration target file (`scenarios/targets/<scenario>.yaml`): every figure the
/// scenario's source report gives that the model can produce, each with where it comes
/// from, its role (set by the scenario, fitted, or independent evidence), its tolerance
/// and precision; rank targets (the order of several figures); and the figures the model
/// cannot produce with the reason (docs/calibration.md).
///
///     scenario: ../tuyen-quang-2022.yaml
///     source: Report 004, Tuyên Quang 2022 thematic report (docs/sources.md)
///     targets:
///       - kpi: on_time_rate_of_received
///         value: 93.32
///         tolerance: 0.12
///         source: "004, row 2: 168,252 resolved early or on time = 93.32 % of received"
///       - kpi: withdrawn
///         value: 71
///         role: fitted
///         fitted_by: [behaviour.p_never_supplement]
///         source: "004, derived: ..."
///     not_produced:
///       - figure: "235,609 dossiers on the information system by service level"
///         reason: the model has no service levels
public struct TargetFile: Sendable {
  /// What a figure is to the fit: only `independent` figures are evidence.
  public enum Role: String, Sendable, CaseIterable {
    /// The scenario sets this figure (a carried-over count, a channel share it writes).
    case input
    /// A parameter was fitted to this figure one for one.
    case fitted
    /// Neither set nor fitted: the model produces it on its own.
    case independent
  }

  /// Whether the target file calibrates a province or only shows a what-if example.
  public enum Evidence: Sendable, Equatable {
    case calibrated
    /// The report gives only inputs (or only fitted figures): why the scenario is an example.
    case whatIf(reason: String)
  }

  /// How a figure's tolerance was given.
  public enum ToleranceRule: Sendable, Equatable {
    /// Written in the KPI's unit.
    case absolute
    /// Written as a percentage of the figure (`5%`): the percentage.
    case relative(Double)
    /// Not written, for a count: 2 x sqrt(max(value, 1)), the Poisson spread of one year.
    case countDefault
  }

  /// One figure of the source report: the KPI it is held against, the value with its
  /// tolerance, precision, weight and role, and where the report gives it.
  public struct Target: Sendable {
    public let kpi: String
    /// The report's figure; for a bound (`at_least`/`at_most`), the bound shown in the
    /// report column: the upper one when both are given.
    public let value: Double
    /// Bounds instead of a figure (`at_least`, `at_most`): what a report implies without
    /// writing it, e.g. an agency it leaves out of a list whose sum falls short of the total
    /// by 33 has at most 33. Within when the interval [at_least, at_most] widened by the
    /// allowance holds the mean.
    public var atLeast: Double? = nil
    public var atMost: Double? = nil
    /// The tolerance below `at_least`: a count's default is that bound's own spread,
    /// 2 x sqrt(at_least); `tolerance` is the shown (upper) bound's.
    public var toleranceBelow: Double {
      guard let lo = atLeast, toleranceRule == .countDefault else { return tolerance }
      return TargetFile.countTolerance(lo)
    }
    /// Absolute, in the KPI's unit (a relative tolerance or the count default resolved).
    public let tolerance: Double
    public let toleranceRule: ToleranceRule
    /// Half a unit of the last digit the report writes (or as given): the report's rounding.
    public let precision: Double
    public let weight: Double
    public let source: String
    /// The source in Vietnamese (`source_vi`), for a Vietnamese report's fit table.
    public var sourceVi: String? = nil
    public let role: Role
    /// The scenario keys fitted to this figure (role `fitted`).
    public let fittedBy: [String]
    /// Why a count's tolerance is larger than the count itself.
    public let toleranceReason: String?
    /// Where the target's `kpi` is written (key path, file, line, column), for errors
    /// found later against the scenario (a level, agency or month it does not have).
    public var path = ""
    public var file = ""
    public var line = 0
    public var column = 0
  }

  /// Several figures whose order the report gives: the simulated means must rank like
  /// the reported values (Spearman's rho at least `minSpearman`), and `top`, when given,
  /// must be the largest simulated mean.
  public struct RankTarget: Sendable {
    /// One figure of the ranking.
    public struct Item: Sendable {
      public let kpi: String
      public let value: Double
      /// Where the item's `kpi` is written (key path, file, line, column).
      public var path = ""
      public var file = ""
      public var line = 0
      public var column = 0
    }

    public let name: String
    public let items: [Item]
    public let minSpearman: Double
    public let top: String?
    public let source: String
    public let role: Role
    /// Where the `rank` list is written (key path, file, line, column).
    public var path = ""
    public var file = ""
    public var line = 0
    public var column = 0
  }

  public let file: String
  /// The scenario the targets are for (absolute path).
  public let scenario: String
  public let source: String
  public let targets: [Target]
  public let ranks: [RankTarget]
  public let notProduced: [(figure: String, reason: String)]
  public let evidence: Evidence

  /// The figure as a report column shows it: `3381`, `≤ 33`, `≥ 234`, `234-267`.
  public static func written(_ t: Target, _ number: (Double) -> String) -> String {
    switch (t.atLeast, t.atMost) {
    case (nil, nil): number(t.value)
    case (let lo?, nil): "≥ " + number(lo)
    case (nil, let hi?): "≤ " + number(hi)
    case (let lo?, let hi?): number(lo) + "-" + number(hi)
    }
  }

  /// Whether `mean` is within `allowance` (tolerance + precision + the mean's half-width)
  /// of the figure, or of the interval its bounds give. A count's default tolerance is
  /// each bound's own Poisson spread: the lower bound of `5-38` is held to 2 x sqrt(5).
  public static func within(_ t: Target, mean: Double, allowance: Double) -> Bool {
    guard mean.isFinite else { return false }
    if t.atLeast == nil && t.atMost == nil { return abs(mean - t.value) <= allowance }
    let below = allowance - t.tolerance + t.toleranceBelow
    return mean + below >= (t.atLeast ?? -.infinity) && mean - allowance <= (t.atMost ?? .infinity)
  }

  /// How far `mean` is from the figure, or outside the interval its bounds give (0 inside).
  public static func miss(_ t: Target, mean: Double) -> Double {
    if t.atLeast == nil && t.atMost == nil { return mean - t.value }
    if let lo = t.atLeast, mean < lo { return mean - lo }
    if let hi = t.atMost, mean > hi { return mean - hi }
    return 0
  }

  /// Every KPI the file reads, in the order of `values`: the figures, then each rank
  /// target's items.
  public var kpis: [String] { targets.map(\.kpi) + ranks.flatMap { $0.items.map(\.kpi) } }

  static let keys = ["scenario", "source", "evidence", "reason", "targets", "not_produced"]
  /// Largest magnitude of a figure and of a tolerance: every KPI is far below it (a
  /// province's year is under 10^8 dossiers), and the fit's squares stay finite.
  public static let maxValue = 1e12

  /// The default tolerance of a count figure: 2 x sqrt(max(value, 1)). A reported count
  /// is one year's realisation; its Poisson standard deviation is sqrt(N).
  public static func countTolerance(_ value: Double) -> Double { 2 * (max(abs(value), 1)).squareRoot() }

  /// Counts of things (dossiers, letters, results): a count gets the default tolerance
  /// and may not have a tolerance larger than itself without a reason.
  public static func isCount(_ unit: KPIUnit) -> Bool { [.dossiers, .letters, .results].contains(unit) }

  /// Half a unit of the last digit of a number as written: `93.32` -> 0.005, `3381` ->
  /// 0.5, `1.5e3` -> 50. Nil for text that is not a plain decimal number.
  public static func precision(ofWritten text: String) -> Double? {
    var s = text.replacingOccurrences(of: "_", with: "").trimmingCharacters(in: .whitespaces)
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let x = Int(s[s.index(after: e)...]), abs(x) < 300 else { return nil }
      exponent = x
      s = String(s[..<e])
    }
    if s.hasPrefix("-") || s.hasPrefix("+") { s.removeFirst() }
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !s.isEmpty, s != "."
    else { return nil }
    let decimals = parts.count == 2 ? parts[1].count : 0
    return 0.5 * pow(10, Double(exponent - decimals))
  }

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
    let evidence = readEvidence(top, root: root, r)
    var targets: [Target] = []
    var ranks: [RankTarget] = []
    if let node = top["targets"], let items = r.list(node, "targets") {
      for (i, item) in items.enumerated() {
        if case .mapping(let pairs) = item.kind, pairs.contains(where: { $0.key == "rank" }) {
          if let rank = readRank(item, "targets[\(i)]", r) { ranks.append(rank) }
        } else if let target = readFigure(item, "targets[\(i)]", r) {
          targets.append(target)
        }
      }
      if items.isEmpty { r.issue(node, "targets", "expected at least one target") }
    } else if top["targets"] == nil {
      r.issue(root, "targets", "missing; list the report's figures the model can produce")
    }
    let notProduced = readNotProduced(top["not_produced"], r)
    if !r.issues.isEmpty { throw ScenarioErrors(issues: r.issues) }
    return TargetFile(
      file: path, scenario: scenario, source: source, targets: targets, ranks: ranks, notProduced: notProduced,
      evidence: evidence)
  }

  /// `evidence: calibrated | what-if` (default calibrated), with `reason:` for a what-if.
  static func readEvidence(_ top: [String: YNode], root: YNode, _ r: ScenarioReader) -> Evidence {
    let reason = top["reason"].flatMap { r.string($0, "reason") }
    guard let node = top["evidence"], let word = r.string(node, "evidence") else {
      if let node = top["reason"], reason != nil {
        r.issue(node, "reason", "goes with 'evidence: what-if' (why the scenario is an example, not calibrated)")
      }
      return .calibrated
    }
    switch word {
    case "calibrated":
      if let node = top["reason"] { r.issue(node, "reason", "goes with 'evidence: what-if', not 'calibrated'") }
      return .calibrated
    case "what-if":
      guard let reason, !reason.isEmpty else {
        r.issue(node, "reason", "missing; a what-if target file says why (e.g. the report gives only inputs)")
        return .whatIf(reason: "")
      }
      return .whatIf(reason: reason)
    default:
      let hint = suggestion(for: word, in: ["calibrated", "what-if"]).map { "; did you mean '\($0)'?" } ?? ""
      r.issue(node, "evidence", "expected calibrated or what-if, found '\(Excerpt.excerpt(word))'\(hint)")
      return .calibrated
    }
  }

  /// `not_produced`: the report's figures the model cannot produce, each with the reason.
  static func readNotProduced(_ node: YNode?, _ r: ScenarioReader) -> [(figure: String, reason: String)] {
    guard let node, let items = r.list(node, "not_produced") else { return [] }
    var out: [(String, String)] = []
    for (i, item) in items.enumerated() {
      guard let m = r.mapping(item, "not_produced[\(i)]", keys: ["figure", "reason"]) else { continue }
      let f = m["figure"].flatMap { r.string($0, "not_produced[\(i)].figure") } ?? ""
      let why = m["reason"].flatMap { r.string($0, "not_produced[\(i)].reason") } ?? ""
      if f.isEmpty || why.isEmpty {
        r.issue(item, "not_produced[\(i)]", "expected a figure and the reason the model cannot produce it")
      }
      out.append((f, why))
    }
    return out
  }
}
