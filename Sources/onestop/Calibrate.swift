import ArgumentParser
import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import OneStopSweep

/// `onestop calibrate`: how well a scenario matches its report, figure by figure.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Hold a scenario against its report's figures (a target file) and print the fit table.",
    discussion: """
      A target file (scenarios/targets/<scenario>.yaml, format in docs/calibration.md) lists every figure the scenario's source report gives that the model can produce, each with its source, a tolerance and a weight, and the figures it cannot produce with the reason. This command runs the scenario and prints, per figure, the report's value, the simulated mean with its 95 % interval, and whether it lies within the tolerance; then the weighted misfit, sum of weight x ((simulated - report) / tolerance)^2. Exit status 0 when every figure is within its tolerance, 1 otherwise.

      Examples:
        onestop calibrate scenarios/targets/tuyen-quang-2022.yaml
        onestop calibrate scenarios/targets/tuyen-quang-2022.yaml --replications 8 --out runs/tq-fit
      """
  )

  @Argument(help: "Target file (YAML); it names its scenario.")
  var targets: String

  @Option(name: .customLong("set"), help: ArgumentHelp("Override a scenario key (repeatable).", valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(help: "Replications (default: the scenario's, at least 3).")
  var replications: Int?

  @Option(help: "Master seed (default: the scenario's).")
  var seed: UInt64?

  @Option(help: "Threads for replications (default: all CPUs). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Directory for fit.csv.")
  var out: String?

  func validate() throws {
    if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 for an interval, got \(replications).") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let seed, seed > maxSeed { throw ValidationError(seedRangeMessage("--seed", seed)) }
  }

  func run() throws {
    let file: TargetFile, scenario: Scenario, model: CompiledModel
    do {
      file = try TargetFile.load(path: targets)
      (scenario, model) = try Scenario.load(path: file.scenario, overrides: overrides)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    for t in file.targets {
      if let message = KPI.unknownLevel(t.kpi, in: model) ?? KPI.unknownAgency(t.kpi, in: model)
        ?? KPI.unknownUnit(t.kpi, in: model).map({ "the scenario has no unit '\($0)' (in KPI '\(t.kpi)')" }) {
        printError("\(targets): \(message)")
        throw ExitCode(2)
      }
    }
    let reps = replications ?? max(3, scenario.replications)
    let s = seed ?? scenario.seed
    let progress = ProgressLine(total: reps)
    let results = Replications.run(model, seed: s, count: reps, threads: threads ?? AvailableCPUs.count) { done, _, events in
      progress.update(done: done, events: events)
    }
    progress.finish()
    print("\(scenario.configuration.name) (\(file.scenario)) against \(targets)")
    if !file.source.isEmpty { print("source: \(file.source)") }
    print("\(plural(reps, "replication")), seed \(s)")
    print("")
    print(pad("figure", 40) + lpad("report", 11) + lpad("simulated", 11) + lpad("95% CI ±", 10) + lpad("tolerance", 11) + lpad("within", 8))
    var misfit = 0.0, outside = 0
    var csv = "kpi,report,simulated_mean,simulated_ci95_low,simulated_ci95_high,tolerance,within,weight,source\n"
    for t in file.targets {
      let kpi = KPI.named(t.kpi)!
      let values = results.map { kpi.value($0, model) }
      let e = Summary.Estimate(values)
      let within = abs(e.mean - t.value) <= t.tolerance
      if !within { outside += 1 }
      if t.tolerance > 0 { misfit += t.weight * pow((e.mean - t.value) / t.tolerance, 2) }
      print(pad(t.kpi, 40) + lpad(number(t.value, kpi.unit), 11) + lpad(number(e.mean, kpi.unit), 11) + lpad(number(e.halfWidth, kpi.unit), 10)
        + lpad(number(t.tolerance, kpi.unit), 11) + lpad(within ? "yes" : "NO", 8))
      csv += [JSONText.csvField(t.kpi), JSONText.number(t.value), JSONText.number(e.mean), JSONText.number(max(0, e.mean - e.halfWidth)),
        JSONText.number(e.mean + e.halfWidth), JSONText.number(t.tolerance), within ? "true" : "false", JSONText.number(t.weight),
        JSONText.csvField(t.source)].joined(separator: ",") + "\n"
    }
    print("")
    print("\(file.targets.count - outside) of \(file.targets.count) figures within tolerance; weighted misfit \(fmt(misfit, 2))")
    if !file.notProduced.isEmpty {
      print("")
      print("Figures the model cannot produce:")
      for f in file.notProduced { print("  - \(f.figure): \(f.reason)") }
    }
    if let out {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try writeAtomically(csv, to: (out as NSString).appendingPathComponent("fit.csv"))
    }
    if outside > 0 { throw ExitCode(1) }
  }
}
