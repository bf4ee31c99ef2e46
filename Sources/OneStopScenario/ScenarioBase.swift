import OneStopModel

/// A scenario tree loaded once (`extends` resolved, the user's `--set` applied), from
/// which every point is built: `run`, `validate`, `check`, sweep plans and rows,
/// calibration and staffing candidates all go through `build`.
///
/// Why: a point is the base plus a few typed overrides; building it never reads or
/// parses the file again, and compiles the model exactly once.
public struct ScenarioBase: Sendable {
  /// The scenario file (errors and the scenario's `file` name it).
  public let file: String
  public let root: YNode

  /// Loads `path` and applies `overrides`.
  public init(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioErrors) {
    file = path
    root = try ScenarioLoader.load(path: path, overrides: overrides)
  }

  /// Loads `path` and applies `--set` texts.
  public init(path: String, sets: [String]) throws(ScenarioErrors) {
    try self.init(path: path, overrides: ScenarioOverride.parse(sets))
  }

  /// A base from a tree already loaded.
  public init(root: YNode, file: String) {
    self.root = root
    self.file = file
  }

  /// The scenario with `overrides` applied on top of the base, compiled once (the
  /// compiler resolves `warmup` against the start). The keys of the `uncertainty:` section
  /// are checked when the base itself is built, not at every point.
  public func build(
    _ overrides: [ScenarioOverride] = [], warmup: Warmup? = nil
  ) throws(ScenarioErrors) -> (Scenario, CompiledModel) {
    var node = root
    try ScenarioLoader.apply(overrides, to: &node)
    return try Scenario.build(node, file: file, warmup: warmup, checkRanges: overrides.isEmpty)
  }
}
