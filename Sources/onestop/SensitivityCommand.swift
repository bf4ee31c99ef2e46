import ArgumentParser
import DESKernel
import Foundation
import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario
import OneStopSensitivity
import OneStopStaff

/// `onestop sensitivity`: which parameters a KPI rests on, screened (Morris) and then
/// measured (Sobol indices), every point on common random numbers.
struct SensitivityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract: "Rank the parameters a KPI rests on: Morris screening, then Sobol indices of the top few.",
    discussion: """
      Each --param KEY=LOW..HIGH is a scenario key (the --set syntax) and its plausible range; KEY alone takes \
      ±25 % of today's value. Without --param, every prior the run prints is screened at ±25 % of its value \
      (±1 h for a time of day; probabilities kept within 0..1; lists, flags and choices left out, and said \
      so). Every design point is the scenario with those values, run on the same seed and replications (common \
      random numbers), so a parameter the model never reads for a KPI has an effect of exactly 0.

      Screening (Morris elementary effects, Campolongo et al. 2007): --trajectories r walks, r (k + 1) points \
      for k parameters; mu* is the mean absolute change of the KPI per whole range of the parameter, sigma the \
      spread of the changes (interactions, curvature). With --sobol N, the --top K parameters with the largest \
      mu* then get first-order and total Sobol indices (Saltelli 2010 and Jansen estimators, N (K + 2) \
      points), with bootstrap 95 % intervals. Method and reading: docs/sensitivity.md.

      Examples:
        onestop sensitivity scenarios/mmc.yaml --kpi desk_wait_mean \\
          --set end=2022-01-06 --sobol 64 \\
          --param 'demand[0].annual_volume=3400000..3800000' \\
          --param 'procedures[any].intake_time.exponential=0.9..1'
        onestop sensitivity scenarios/tuyen-quang-2022.yaml \\
          --kpi overdue_rate_of_received --trajectories 4 --replications 2 \\
          --out runs/tq-sens

      With --out DIR it writes DIR/sensitivity.csv, DIR/sensitivity.json and the journal DIR/sensitivity.jsonl \
      (one checksummed line per point): running the same command again goes on from the points already run. \
      Exit status 0 done, 2 bad input.
      """
  )

  @Argument(help: "Scenario file (YAML).")
  var scenario: String

  @Option(
    name: .customLong("kpi"),
    help: ArgumentHelp("A KPI to explain (repeatable), in any form --precision and targets take.", valueName: "kpi"))
  var kpis: [String] = []

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "A scenario key and its range (repeatable; default: every printed prior at ±25 %).",
      valueName: "key.path=low..high"))
  var params: [String] = []

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override a scenario key at every point (repeatable).", valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(help: "Morris walks (r); 0 skips the screening and gives Sobol indices of every parameter.")
  var trajectories = 10

  @Option(help: "Morris grid levels (even).")
  var levels = 4

  @Option(help: "Choose the walks among this many random ones, spread over the ranges (Campolongo et al. 2007).")
  var candidates = 0

  @Option(help: ArgumentHelp("Rows of the Sobol design (N) for the top parameters; 0: screening only.", valueName: "n"))
  var sobol = 0

  @Option(help: ArgumentHelp("Parameters the Sobol stage takes, the largest mu* first.", valueName: "k"))
  var top = 3

  @Option(help: "Replications per point (default: the scenario's).")
  var replications: Int?

  @Option(
    parsing: .unconditional, help: "Master seed of the replications and the designs (default: the scenario's).",
    transform: parseSeed)
  var seed: UInt64?

  @Option(help: "Threads for replications (default: all CPUs). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Bootstrap resamples of each interval.")
  var resamples = 1000

  @Option(help: "Directory for sensitivity.csv, sensitivity.json and the resumable journal sensitivity.jsonl.")
  var out: String?

  @Flag(
    help: """
      Write the design's points as a sweep file (DIR/sweep.yaml, docs/sweeps.md) instead of running them: for \
      `sweep run` on this machine, GNU parallel or Slurm. One stage only (--sobol 0, or --trajectories 0).
      """)
  var designOnly = false

  @Option(
    help: ArgumentHelp(
      "Take the points from a sweep directory of the --design-only sweep (run, merged or not) instead of running them.",
      valueName: "dir"))
  var fromSweep: String?

  func validate() throws {
    if kpis.isEmpty { throw ValidationError("give at least one --kpi, e.g. --kpi overdue_rate_of_received") }
    if trajectories < 0 { throw ValidationError("--trajectories must be at least 0, got \(trajectories).") }
    if levels < 2 || levels % 2 != 0 { throw ValidationError("--levels must be even and at least 2, got \(levels).") }
    if sobol < 0 || sobol == 1 {
      throw ValidationError("--sobol must be 0 (no Sobol stage) or at least 2 rows, got \(sobol).")
    }
    if trajectories == 0 && sobol == 0 {
      throw ValidationError("--trajectories 0 needs --sobol N: there would be nothing to run.")
    }
    if candidates < 0 { throw ValidationError("--candidates must be at least 0, got \(candidates).") }
    if top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
    if let replications, replications < 1 {
      throw ValidationError("--replications must be at least 1, got \(replications).")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let seed, seed > maxSeed { throw ValidationError(seedRangeMessage("--seed", seed)) }
    if resamples < 0 { throw ValidationError("--resamples must be at least 0, got \(resamples).") }
    if designOnly || fromSweep != nil {
      if designOnly && fromSweep != nil {
        throw ValidationError("--design-only writes a sweep; --from-sweep reads one.")
      }
      if designOnly && out == nil { throw ValidationError("--design-only needs --out DIR for the sweep file.") }
      if trajectories > 0 && sobol > 0 {
        throw ValidationError(
          "a sweep holds one stage: give --sobol 0 (the screening) or --trajectories 0 (Sobol indices of every "
            + "parameter); run the Sobol stage of the top few afterwards with their --param.")
      }
    }
  }

  func run() throws {
    do {
      try study()
    } catch let error as SensitivityError {
      printError("error: " + error.description)
      throw ExitCode(2)
    }
  }

  func study() throws {
    let base: ScenarioBase
    let scenarioValue: Scenario
    let model: CompiledModel
    do {
      base = try ScenarioBase(path: scenario, sets: overrides)
      (scenarioValue, model) = try base.build()
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let parsedKPIs = try kpis.map { (name: String) throws(SensitivityError) -> KPI in try Self.kpi(name, model: model) }
    let (parameters, skipped) = try makeParameters(
      base.root, ranges: scenarioValue.uncertainty, priors: scenarioValue.configuration.priors())
    let reps = replications ?? scenarioValue.replications
    let s = seed ?? scenarioValue.seed
    if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
    let evaluator = PointEvaluator(
      base: base, identity: "\(scenario)|\(overrides.joined(separator: ";"))", kpis: parsedKPIs,
      seed: s, replications: reps, threads: threads,
      journal: out.map { ($0 as NSString).appendingPathComponent("sensitivity.jsonl") })
    // Every range is built at both ends before anything runs: a misspelt key or an
    // impossible value fails now, with the scenario's message.
    try SensitivityParameter.checkEnds(parameters, evaluator)
    var options = SensitivityStudy.Options()
    options.trajectories = trajectories
    options.levels = levels
    options.candidates = candidates
    options.sobolRows = sobol
    options.top = top
    options.resamples = resamples
    options.seed = s
    if designOnly {
      return try writeDesign(parameters, options: options, name: scenarioValue.configuration.name, reps: reps, seed: s)
    }
    if let fromSweep { try load(fromSweep, into: evaluator, parameters: parameters, options: options, seed: s) }
    printHeader(name: scenarioValue.configuration.name, parameters: parameters, skipped: skipped, reps: reps, seed: s)
    if evaluator.resumed > 0 || evaluator.refused > 0 {
      printError(
        "resuming: \(plural(evaluator.resumed, "point")) already run in the journal"
          + (evaluator.refused > 0
            ? "; \(plural(evaluator.refused, "line")) refused (damaged or edited: run again)" : ""))
    }
    let started = Date()
    var line: (stage: String, progress: ProgressLine)?
    let result = try SensitivityStudy.run(evaluator, parameters: parameters, options: options) { stage, done, total in
      if line?.stage != stage {
        line?.progress.finish()
        line = (stage, ProgressLine(total: total))
      }
      line?.progress.update(rows: done, of: total)
    }
    line?.progress.finish()
    let seconds = Date().timeIntervalSince(started)
    printTables(result)
    print("")
    print(
      "\(plural(result.screeningPoints + result.sobolPoints, "point")), "
        + "\(plural(evaluator.replicationsRun, "replication")) run in \(fmt(seconds, 1)) s"
        + (evaluator.resumed > 0 ? " (\(evaluator.resumed) points from the journal)" : "")
        + (fromSweep.map { " (every point from the sweep \($0))" } ?? ""))
    if let out {
      var document = SensitivityFile(
        scenario: scenario, overrides: overrides, study: result, options: options, seed: s,
        replications: reps, skipped: skipped)
      document.describe(scenarioValue.configuration)
      try writeAtomically(SensitivityTable(result).csv, to: (out as NSString).appendingPathComponent("sensitivity.csv"))
      try writeAtomically(document.json + "\n", to: (out as NSString).appendingPathComponent("sensitivity.json"))
      print("wrote \(out)/sensitivity.csv and \(out)/sensitivity.json")
    }
  }

  /// The KPI called `name`, or an error that names the KPIs there are (and the units,
  /// levels, agencies, fields or months the scenario has) before anything runs.
  static func kpi(_ name: String, model: CompiledModel) throws(SensitivityError) -> KPI {
    guard let kpi = KPI.named(name) else {
      let base = name.split(separator: "@").first.map(String.init) ?? name
      let hint = suggestion(for: base, in: KPI.all.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
      throw SensitivityError(
        "--kpi '\(name)': unknown KPI\(hint); KPIs: \(KPI.all.map(\.name).joined(separator: ", "))"
          + ", per unit KPI@UNIT, per level KPI@level:LEVEL (docs/results.md)")
    }
    if let message = KPI.targetProblem(name, in: model) { throw SensitivityError("--kpi '\(name)': \(message)") }
    return kpi
  }

  func makeParameters(
    _ root: YNode, ranges: [ScenarioRange], priors: [Prior]
  ) throws(SensitivityError)
    -> ([SensitivityParameter], [(key: String, reason: String)])
  {
    let (parameters, skipped) = try SensitivityParameter.study(
      params: params, ranges: ranges, root: root, priors: priors)
    if parameters.isEmpty {
      throw SensitivityError("the scenario prints no prior with a numeric value; name keys with --param")
    }
    return (parameters, skipped)
  }

}
