import ArgumentParser
import OneStopModel
import OneStopScenario
import OneStopSensitivity

/// `onestop validate`: check scenario files without running them.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files and print every problem found.",
    discussion: """
      Each problem is printed as file:line:column: key.path: what was expected, found what. The ranges of the \
      uncertainty: section are built at both ends. Exits with status 2 when any file has a problem, 0 when all are \
      valid.
      """
  )

  @Argument(help: "Scenario files (YAML).")
  var files: [String]

  @Option(
    name: .customLong("set"), help: "Override a value: key.path=value (repeatable), e.g. --set rules.province_cut=0.3")
  var overrides: [String] = []

  func run() throws {
    var failed = false
    for file in files {
      if let why = InputKind.of(path: file)?.mismatch(file, expected: .scenario) {
        failed = true
        printError(why)
        continue
      }
      do {
        let (scenario, model) = try Scenario.load(path: file, overrides: overrides)
        if let problem = Self.rangeProblem(scenario, file: file, sets: overrides) {
          failed = true
          printError(problem)
          continue
        }
        let c = scenario.configuration
        let ranges = scenario.uncertainty.isEmpty ? "" : ", \(plural(scenario.uncertainty.count, "range"))"
        print(
          """
            \(file): ok (\(c.levels.count) levels, \(model.units.count) units, \(model.deskCount) desks, \
            \(c.agencies.count) agencies, \(c.procedures.count) procedures, \(c.start) to \(c.end)\(ranges))
            """
        )
        for line in details(scenario) { print("  " + line) }
      } catch {
        failed = true
        printError(error.description)
      }
    }
    if failed { throw ExitCode(2) }
  }

  /// The first range of the scenario's `uncertainty:` section that does not build at one
  /// of its ends (or whose triangular peak lies outside it), located at its entry.
  static func rangeProblem(_ scenario: Scenario, file: String, sets: [String]) -> String? {
    guard !scenario.uncertainty.isEmpty else { return nil }
    do {
      let base = try ScenarioBase(path: file, sets: sets)
      let probe = PointEvaluator(base: base, identity: file, kpis: [], seed: 0, replications: 1, threads: 1)
      let parameters = try scenario.uncertainty.map { (r: ScenarioRange) throws(SensitivityError) in
        try SensitivityParameter.fromScenario(r, root: base.root, priors: scenario.configuration.priors())
      }
      try SensitivityParameter.checkEnds(parameters, probe)
      return nil
    } catch let error as SensitivityError {
      return error.description
    } catch {
      return "\(error)"
    }
  }

  /// The unit table read (its ignored columns) and the demand per unit of each level.
  func details(_ scenario: Scenario) -> [String] {
    var lines: [String] = []
    if let t = scenario.unitTable {
      let ignored = t.ignoredColumns.isEmpty ? "none" : t.ignoredColumns.joined(separator: ", ")
      lines.append("unit table \(t.path): \(t.rows) rows; ignored columns: \(ignored)")
    }
    let levels = scenario.volumesByLevel.map { v in
      let units = "\(v.units) unit\(v.units == 1 ? "" : "s")"
      if v.min == v.max { return "\(v.level) \(whole(v.min)) (\(units))" }
      return "\(v.level) \(whole(v.min)) / \(whole(v.median)) / \(whole(v.max)) (\(units))"
    }
    lines.append("dossiers a year per unit (min / median / max): " + levels.joined(separator: "; "))
    return lines
  }

  /// A volume rounded to a whole number of dossiers.
  func whole(_ x: Double) -> String { String(Int(x.rounded())) }
}
