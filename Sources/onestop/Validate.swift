import ArgumentParser
import OneStopModel
import OneStopScenario

/// `onestop validate`: check scenario files without running them.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files and print every problem found.",
    discussion: """
      Each problem is printed as file:line:column: key.path: what was expected, found what. Exits with status 2 when \
      any file has a problem, 0 when all are valid.
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
        let c = scenario.configuration
        print(
          """
            \(file): ok (\(c.levels.count) levels, \(model.units.count) units, \(model.deskCount) desks, \
            \(c.agencies.count) agencies, \(c.procedures.count) procedures, \(c.start) to \(c.end))
            """
        )
      } catch {
        failed = true
        printError(error.description)
      }
    }
    if failed { throw ExitCode(2) }
  }
}
