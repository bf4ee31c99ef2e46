import ArgumentParser
import DESKernel
import Foundation
import OneStopCalibrate
import OneStopModel
import OneStopScenario
import OneStopIO
import OneStopStaff

/// `onestop calibrate`: how well a scenario matches its report, figure by figure, on the
/// seed it was fitted on and on held-out seeds.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Hold a scenario against its report's figures (a target file) and print the fit table.",
    discussion: """
      A target file (scenarios/targets/<scenario>.yaml, format in docs/calibration.md) lists every figure the \
      scenario's source report gives that the model can produce, each with its source, its role (input: the \
      scenario sets it; fitted: a parameter was fitted to it; independent: evidence), a tolerance and a precision; \
      rank targets; and the figures it cannot produce with the reason. This command runs the scenario on its seed \
      (the fit seed; with --param it first fits the parameters there), then on held-out seeds derived from the fit \
      seed whose random streams are disjoint from the fit's, and prints per figure the report's value, the fit \
      seed's mean and, per held-out seed, the mean with its 95 % interval and whether it is within: \
      |mean - report| <= tolerance + precision + the interval's half-width. Only independent figures within on \
      every held-out seed count as evidence. Exit status 0 when every independent figure and rank target holds, 1 \
      otherwise, 2 for a bad file.

      Examples:
        onestop calibrate scenarios/targets/tuyen-quang-2022.yaml
        onestop calibrate scenarios/targets/tuyen-quang-2022.yaml --check-seeds 3 --out runs/tq-fit
      """
  )

  @Argument(help: "Target file (YAML); it names its scenario.")
  var targets: String

  @Option(
    name: .customLong("set"), help: ArgumentHelp("Override a scenario key (repeatable).", valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(parsing: .unconditional, help: "Replications on the fit seed (default: the scenario's, at least 3).")
  var replications: Int?

  @Option(parsing: .unconditional, help: "Fit seed (default: the scenario's).", transform: parseSeed)
  var seed: UInt64?

  @Option(
    name: .customLong("check-seeds"), parsing: .unconditional,
    help: "Held-out seeds the fit is checked on (0 to skip: then nothing is evidence).")
  var heldOutSeeds: Int = 2

  @Option(
    name: .customLong("check-replications"), parsing: .unconditional,
    help: "Replications on each held-out seed (at least 10 unless --quick).")
  var heldOutReplications: Int = 10

  @Flag(help: "Allow --check-replications below 10 (tests and smoke runs: a weaker check).")
  var quick = false

  @Option(parsing: .unconditional, help: "Threads for replications (default: all CPUs). Results do not depend on it.")
  var threads: Int?

  @Option(
    help: "Directory for fit.csv (and, with --param, calibrated.yaml and the resumable journal calibration.jsonl).")
  var out: String?

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "A scenario key to fit, with its plausible range (repeatable); integer bounds on an integer key fit an integer.",
      valueName: "key.path=low..high"))
  var params: [String] = []

  @Option(
    parsing: .unconditional,
    help: "Latin-hypercube points of the screen before the local search (default: 4 per parameter, at least 6).")
  var screen: Int?

  @Option(parsing: .unconditional, help: "Scenario runs the local search (Nelder-Mead) may use.")
  var iterations: Int = 40

  @Option(
    parsing: .unconditional,
    help:
      """
        Plausibility bound: a candidate whose busiest back office runs above this utilisation (%) over the run is \
        penalised.
        """
  )
  var maxUtilisation: Double = 90

  /// Most screen points, and most local-search runs: each is a scenario run of every
  /// replication (the screen's points are held in memory at once).
  static let maxRuns = 10_000
  /// Most held-out seeds.
  static let maxCheckSeeds = 20
  /// Fewest replications per held-out seed without `--quick`.
  static let minCheckReplications = 10

  func validate() throws {
    if let replications { try checkReplications(replications, min: 2, why: " for an interval") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let seed, seed > maxSeed { throw ValidationError(seedRangeMessage("--seed", seed)) }
    if heldOutSeeds < 0 || heldOutSeeds > Self.maxCheckSeeds {
      throw ValidationError("--check-seeds must be from 0 to \(Self.maxCheckSeeds), got \(heldOutSeeds).")
    }
    let least = quick ? 2 : Self.minCheckReplications
    try checkReplications(
      heldOutReplications, min: least, option: "--check-replications",
      why: quick ? " for an interval" : " for a held-out check (--quick allows fewer, for tests)")
    if let screen, screen < 1 || screen > Self.maxRuns {
      throw ValidationError("--screen must be from 1 to \(Self.maxRuns) points, got \(screen).")
    }
    if iterations < 0 || iterations > Self.maxRuns {
      throw ValidationError("--iterations must be from 0 to \(Self.maxRuns), got \(iterations).")
    }
    if !(maxUtilisation > 0 && maxUtilisation <= 100) {
      throw ValidationError("--max-utilisation is a percentage in (0, 100], got \(maxUtilisation).")
    }
  }

  func run() throws {
    // The scenario's tree is read once: it compiles the model and tells where parameters are.
    let file: TargetFile, root: YNode, scenario: Scenario, model: CompiledModel
    if let why = InputKind.of(path: targets)?.mismatch(targets, expected: .targets) {
      printError(why)
      throw ExitCode(2)
    }
    do {
      file = try TargetFile.load(path: targets)
      root = try ScenarioLoader.load(path: file.scenario, overrides: overrides)
      (scenario, model) = try Scenario.build(root, file: file.scenario)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let problems = TargetCheck.problems(file, model: model)
    if !problems.isEmpty {
      printError(ScenarioErrors(issues: problems).description)
      throw ExitCode(2)
    }
    let reps = replications ?? max(3, scenario.replications)
    let s = seed ?? scenario.seed
    let threads = threads ?? AvailableCPUs.count
    var fitCheck: TargetCheck
    var checked = model
    var fitted: [(CalibrationParameter, Double)] = []
    var ranges: [FittedRange] = []
    if params.isEmpty {
      fitCheck = runCheck(file, model: model, seed: s, replications: reps, threads: threads)
    } else {
      let search: CalibrationSearch
      (search, fitCheck, fitted, ranges) = try fit(root: root, file: file, replications: reps, seed: s)
      do { checked = try search.model(fitted.map(\.1)) } catch {
        printError("error: \(error.description)")
        throw ExitCode(2)
      }
    }
    let seeds = HeldOutSeeds.seeds(
      fitSeed: s, fitReplications: reps, count: heldOutSeeds, checkReplications: heldOutReplications,
      sources: checked.randomSources)
    if !seeds.isEmpty { printError("checking on held-out seeds \(seeds.map(String.init).joined(separator: ", "))") }
    let checks = seeds.map { seed in
      FitAssessment.Run(
        seed: seed, replications: heldOutReplications,
        check: runCheck(file, model: checked, seed: seed, replications: heldOutReplications, threads: threads))
    }
    let assessment = FitAssessment(
      file: file, fit: FitAssessment.Run(seed: s, replications: reps, check: fitCheck), checks: checks)
    print("\(scenario.configuration.name) (\(file.scenario)) against \(targets)")
    if !file.source.isEmpty { print("source: \(file.source)") }
    let csv = printTable(assessment)
    if let out {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try writeAtomically(csv, to: (out as NSString).appendingPathComponent("fit.csv"))
      if !fitted.isEmpty {
        try writeVariant(
          fitted, ranges: ranges, file: file, scenario: scenario, root: root, assessment: assessment, to: out)
      }
    }
    if !assessment.passes { throw ExitCode(1) }
  }

  /// Runs `count` replications on `seed` with a progress line and holds them against `file`.
  func runCheck(_ file: TargetFile, model: CompiledModel, seed: UInt64, replications count: Int, threads: Int)
    -> TargetCheck
  {
    let progress = ProgressLine(total: count)
    let check = TargetCheck.run(file, model: model, seed: seed, replications: count, threads: threads) {
      done, _, events in
      progress.update(done: done, events: events)
    }
    progress.finish()
    return check
  }
}
