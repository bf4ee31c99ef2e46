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

  /// A short hash of the effective configuration (after `extends`, overrides and
  /// defaults): two runs with equal hashes simulate the same model.
  public var hash: String { String(StreamKey.fnv1a(String(describing: configuration)), radix: 16) }

  /// Loads, fills defaults, validates and compiles `path`; throws every problem found,
  /// each with file, line, column and key path.
  public static func load(path: String, overrides: [String] = []) throws(ScenarioErrors) -> (Scenario, CompiledModel) {
    let root = try ScenarioLoader.load(path: path, overrides: overrides)
    return try build(root, file: path)
  }

  /// Builds from an already-parsed tree.
  public static func build(_ root: YNode, file: String) throws(ScenarioErrors) -> (Scenario, CompiledModel) {
    let reader = ScenarioReader()
    let builder = ScenarioBuilder(reader)
    guard let (config, settings) = builder.read(root) else {
      throw ScenarioErrors(issues: reader.issues)
    }
    do {
      let model = try CompiledModel(config)
      guard reader.issues.isEmpty else { throw ScenarioErrors(issues: reader.issues) }
      var scenario = Scenario(file: file, configuration: config, description: settings.description, seed: settings.seed,
        replications: settings.replications)
      scenario.reportLanguage = settings.reportLanguage
      return (scenario, model)
    } catch let error as ScenarioErrors {
      throw error
    } catch let error as ConfigurationErrors {
      // Semantic problems from the model, placed on the line that wrote them; those under
      // a key that already has a reading problem are left out (they are its echo).
      let reported = reader.issues.map(\.path)
      func related(_ a: String, _ b: String) -> Bool { a == b || a.hasPrefix(b + ".") || a.hasPrefix(b + "[") }
      let semantic = error.problems.filter { p in !reported.contains { related(p.path, $0) || related($0, p.path) } }
        .filter { p in !builder.taintedProcedures.contains { p.message.contains("procedure '\($0)'") } }
      // A missing route is a consequence when a unit's parent is wrong: say only the cause.
      let parentProblem = semantic.contains { $0.path.hasSuffix(".parent") }
      let causes = semantic.filter { !(parentProblem && $0.message.contains("has no back-office route")) }
        .map { p -> ScenarioIssue in
          let node = reader.node(forPath: p.path) ?? root
          return ScenarioIssue(file: node.file, line: node.line, column: node.column, path: p.path, message: p.message)
        }
        .map { p -> ScenarioIssue in
          let node = reader.node(forPath: p.path) ?? root
          return ScenarioIssue(file: node.file, line: node.line, column: node.column, path: p.path, message: p.message)
        }
      // A reading already capped (its last line counts the rest) is enough to fix first.
      throw ScenarioErrors(issues: reader.issues.count > ScenarioReader.maxIssues ? reader.issues : Self.capped(reader.issues + causes))
    } catch {
      throw ScenarioErrors(issues: reader.issues + [ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "\(error)")])
    }
  }
}

extension Scenario {
  /// At most `ScenarioReader.maxIssues` problems and a count of the rest: the model's
  /// own checks can find one problem per unit, and five thousand lines help no one.
  static func capped(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
    let limit = ScenarioReader.maxIssues
    guard issues.count > limit + 1 else { return issues }
    let rest = issues.count - limit
    return Array(issues.prefix(limit)) + [ScenarioIssue(file: issues[0].file, line: 0, column: 0, path: "",
      message: "\(rest) more problems not listed; fix the ones above first")]
  }
}

struct RunSettings {
  var description = ""
  var reportLanguage: String?
  var seed: UInt64 = 1
  var replications = 1
}
