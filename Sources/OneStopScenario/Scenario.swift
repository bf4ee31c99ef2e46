import DESKernel
import OneStopModel

/// A scenario as loaded from a file: the model configuration, how to run it, and where
/// each key was written (to place semantic errors on their line).
public struct Scenario: Sendable {
  /// File the scenario was loaded from (after `extends`).
  public let file: String
  public let configuration: ModelConfiguration
  public let description: String
  /// Default master seed and replications (the command line overrides them).
  public let seed: UInt64
  public let replications: Int
  /// The language `onestop report` uses by default (`report_language`), if the file says.
  public var reportLanguage: String?
  /// The plausible ranges the file writes (`uncertainty:`), for sensitivity studies and
  /// `--uncertainty`; not part of `configuration` (the model and the hash never see them).
  public var uncertainty: [ScenarioRange] = []

  /// The table of units the scenario read (`unit_table`), if any.
  public var unitTable: UnitTableSummary?

  /// A short hash of the effective configuration (after `extends`, overrides and
  /// defaults) and of the unit table's text: two runs with equal hashes simulate the
  /// same model from the same inputs.
  public var hash: String { Self.hash(of: configuration, unitTable: unitTable?.digest) }

  /// The hash of a configuration (`hash`); a unit table's digest, when there is one,
  /// is hashed with it (a table's sources or unused columns change no volume, but two
  /// runs from different tables must not look alike).
  public static func hash(of configuration: ModelConfiguration, unitTable digest: String? = nil) -> String {
    // The text is `String(describing: configuration)` (`hashText`), written without reflection.
    var w = configuration.hashTextWriter()
    if let digest { w.raw("\nunit_table " + digest) }
    return String(w.fnv1a, radix: 16)
  }

  /// The hash (`hash`) of the scenario `root` describes, read and filled with defaults
  /// but not compiled: enough to tell whether a scenario changed without laying out a
  /// model. Throws the reading problems; the model's own checks need `build`.
  public static func readHash(_ root: YNode, file: String) throws(ScenarioErrors) -> String {
    let reader = ScenarioReader()
    let builder = ScenarioBuilder(reader, scenarioFile: file)
    guard let (config, _) = builder.read(root), reader.issues.isEmpty else {
      throw ScenarioErrors(
        issues: reader.issues.isEmpty
          ? [ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "not a scenario")] : reader.issues)
    }
    return hash(of: config, unitTable: builder.unitTable?.digest)
  }

  /// Loads, fills defaults, validates and compiles `path`; throws every problem found,
  /// each with file, line, column and key path.
  public static func load(path: String, overrides: [String] = []) throws(ScenarioErrors) -> (Scenario, CompiledModel) {
    let root = try ScenarioLoader.load(path: path, overrides: overrides)
    return try build(root, file: path)
  }

  /// Builds from an already-parsed tree; the compiler resolves `warmup` (`--warmup`).
  /// `checkRanges` checks that the keys of the `uncertainty:` section name values of the
  /// scenario (a reading of the tree per key the file does not write): a scenario as loaded
  /// is checked, a design point built from a checked base need not be.
  public static func build(
    _ root: YNode, file: String, warmup: Warmup? = nil, checkRanges: Bool = true
  ) throws(ScenarioErrors) -> (Scenario, CompiledModel) {
    let reader = ScenarioReader()
    let builder = ScenarioBuilder(reader, scenarioFile: file)
    guard var (config, settings) = builder.read(root) else {
      throw ScenarioErrors(issues: reader.issues)
    }
    do {
      let model = try CompiledModel(config, warmup: warmup, countingFrom: settings.countFrom)
      guard reader.issues.isEmpty else { throw ScenarioErrors(issues: reader.issues) }
      if checkRanges {
        let problems = rangeKeyProblems(settings.uncertainty, root: root, file: file)
        if !problems.isEmpty { throw ScenarioErrors(issues: problems) }
      }
      // The scenario records the warm-up in force, so that its hash tells runs apart.
      config.warmupUntil = model.warmupUntil
      var scenario = Scenario(
        file: file, configuration: config, description: settings.description, seed: settings.seed,
        replications: settings.replications)
      scenario.reportLanguage = settings.reportLanguage
      scenario.uncertainty = settings.uncertainty
      scenario.unitTable = builder.unitTable.map {
        UnitTableSummary(path: $0.path, rows: $0.rows.count, ignoredColumns: $0.ignoredColumns, digest: $0.digest)
      }
      return (scenario, model)
    } catch let error as ScenarioErrors {
      throw error
    } catch let error as ConfigurationErrors {
      throw ScenarioErrors(issues: placed(error.problems, reader: reader, builder: builder, root: root, warmup: warmup))
    } catch {
      throw ScenarioErrors(
        issues: reader.issues + [ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "\(error)")])
    }
  }
}

extension Scenario {
  /// The model's problems placed on the lines that wrote them. Left out, by their typed
  /// cause: those under a key that already has a reading problem (its echo), those about
  /// a procedure that could not be read, and missing routes when a unit's parent is
  /// wrong (say only the cause). An unknown name gets the nearest known one suggested.
  static func placed(
    _ problems: [ConfigurationProblem], reader: ScenarioReader, builder: ScenarioBuilder, root: YNode,
    warmup: Warmup?
  ) -> [ScenarioIssue] {
    let reported = reader.issues.map(\.path)
    func related(_ a: String, _ b: String) -> Bool { a == b || a.hasPrefix(b + ".") || a.hasPrefix(b + "[") }
    let semantic = problems.filter { p in
      !reported.contains { related(p.location.keyPath, $0) || related($0, p.location.keyPath) }
    }
    .filter { p in p.procedure.map { !builder.taintedProcedures.contains($0) } ?? true }
    // A wrong parent or an unknown unit or agency leaves procedures without a route.
    let parentProblem = semantic.contains { p in
      if case .unknown(let kind, _, _) = p.cause, kind == .unit || kind == .agency { return true }
      return p.location.field == .parent
    }
    let causes = semantic.filter { p in
      if case .noRoute = p.cause { return !parentProblem }
      return true
    }.map { p -> ScenarioIssue in
      if let warmup, p.location == ProblemLocation(.configuration, .warmupUntil) {
        // The command line's warm-up, not the file's key.
        return ScenarioIssue(
          file: "--warmup \(warmup.text)", line: 0, column: 0, path: "", message: "the warm-up end \(p.fileMessage)")
      }
      var message = p.fileMessage
      if case .unknown(_, let name, let known) = p.cause, let near = suggestion(for: name, in: known) {
        message += "; did you mean '\(near)'?"
      }
      let path = p.location.keyPath
      let node = reader.node(forPath: path) ?? root
      return ScenarioIssue(file: node.file, line: node.line, column: node.column, path: path, message: message)
    }
    // A reading already capped (its last line counts the rest) is enough to fix first.
    return reader.issues.count > ScenarioReader.maxIssues ? reader.issues : capped(reader.issues + causes)
  }

  /// At most `ScenarioReader.maxIssues` problems and a count of the rest: the model's
  /// own checks can find one problem per unit, and five thousand lines help no one.
  static func capped(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
    let limit = ScenarioReader.maxIssues
    guard issues.count > limit + 1 else { return issues }
    let rest = issues.count - limit
    return Array(issues.prefix(limit)) + [
      ScenarioIssue(
        file: issues[0].file, line: 0, column: 0, path: "",
        message: "\(rest) more problems not listed; fix the ones above first")
    ]
  }
}

struct RunSettings {
  var description = ""
  /// The scenario's `start` when `backlog: {from_warmup: DATE}` moved the run's start
  /// to DATE: statistics never start before it.
  var countFrom: CivilDate?
  var reportLanguage: String?
  var seed: UInt64 = 1
  var replications = 1
  var uncertainty: [ScenarioRange] = []
}
