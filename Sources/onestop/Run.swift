import ArgumentParser
import DESKernel
import Foundation
import OneStopModel
import OneStopScenario

/// `onestop run`: simulate a scenario and report.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and print waiting times, on-time and overdue rates, and utilisation.",
    discussion: """
      Runs the scenario's replications (each with its own random streams derived from the seed) and prints every key indicator as a mean over replications with a 95 % confidence interval, then breakdowns by level, agency and unit, and the assumptions (priors) the answer rests on.

      Examples:
        onestop run scenarios/tuyen-quang-2022.yaml
        onestop run scenarios/tuyen-quang-2022.yaml --replications 10 --seed 7
        onestop run scenarios/tuyen-quang-2022.yaml --json out.json \\
          --set rules.province_cut=0.3
      """
  )

  @Argument(help: "Scenario file (YAML).")
  var file: String

  @OptionGroup var options: ReplicationOptions

  @Option(name: .customLong("set"), help: "Override a value: key.path=value (repeatable), e.g. --set units[province].desks[land].count=6")
  var overrides: [String] = []

  @Option(help: "Write summary.json, units.csv, agencies.csv and hours.csv into this directory (created if needed).")
  var out: String?

  @Option(help: "Write the summary as JSON to this file ('-' for standard output).")
  var json: String?

  @Flag(help: "Print no progress on standard error.")
  var quiet = false

  func run() throws {
    let scenario: Scenario, model: CompiledModel
    do {
      (scenario, model) = try Scenario.load(path: file, overrides: overrides)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let reps = options.replications ?? scenario.replications
    let master = options.seed ?? scenario.seed
    let clock = ContinuousClock()
    let started = clock.now
    let progress = quiet ? nil : ProgressLine(total: reps)
    let results = Replications.run(model, seed: master, count: reps, threads: options.threads) { done, total, events in
      progress?.update(done: done, events: events)
    }
    progress?.finish()
    let elapsed = clock.now - started
    let violations = results.flatMap(\.conservationViolations)
    let summary = Summary(scenario: scenario, model: model, results: results, seed: master,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    if json != "-" { print(summary.text()) }
    let jsonText = summary.json()
    if let json {
      if json == "-" { print(jsonText) } else { try writeAtomically(jsonText, to: json) }
    }
    if let out {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try writeAtomically(jsonText, to: (out as NSString).appendingPathComponent("summary.json"))
      try ResultFiles.write(summary, to: out)
    }
    if !violations.isEmpty {
      printError("conservation check failed (a bug in onestop; please report it):\n" + violations.prefix(10).joined(separator: "\n"))
      throw ExitCode(3)
    }
  }
}

/// Writes `text` to `path` through a temporary file and a rename, so a killed run never
/// leaves a half-written file behind.
func writeAtomically(_ text: String, to path: String) throws {
  let tmp = path + ".tmp"
  guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else {
    throw ValidationError("cannot write \(path)")
  }
  if rename(tmp, path) != 0 { throw ValidationError("cannot write \(path)") }
}
