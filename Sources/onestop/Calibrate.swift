import ArgumentParser
import DESKernel
import Foundation
import OneStopCalibrate
import OneStopModel
import OneStopScenario
import OneStopIO
import OneStopStaff

/// `onestop calibrate`: how well a scenario matches its report, figure by figure.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Hold a scenario against its report's figures (a target file) and print the fit table.",
    discussion: """
      A target file (scenarios/targets/<scenario>.yaml, format in docs/calibration.md) lists every figure the \
      scenario's source report gives that the model can produce, each with its source, a tolerance and a weight, and \
      the figures it cannot produce with the reason. This command runs the scenario and prints, per figure, the \
      report's value, the simulated mean with its 95 % interval, and whether it lies within the tolerance; then the \
      weighted misfit, sum of weight x ((simulated - report) / tolerance)^2. Exit status 0 when every figure is within \
      its tolerance, 1 otherwise.

      Examples:
        onestop calibrate scenarios/targets/tuyen-quang-2022.yaml
        onestop calibrate scenarios/targets/tuyen-quang-2022.yaml --replications 8 --out runs/tq-fit
      """
  )

  @Argument(help: "Target file (YAML); it names its scenario.")
  var targets: String

  @Option(
    name: .customLong("set"), help: ArgumentHelp("Override a scenario key (repeatable).", valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(parsing: .unconditional, help: "Replications (default: the scenario's, at least 3).")
  var replications: Int?

  @Option(parsing: .unconditional, help: "Master seed (default: the scenario's).", transform: parseSeed)
  var seed: UInt64?

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

  func validate() throws {
    if let replications { try checkReplications(replications, min: 2, why: " for an interval") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let seed, seed > maxSeed { throw ValidationError(seedRangeMessage("--seed", seed)) }
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

  /// `true` when a segment of `key` picks a list item by its position, not by an `id`.
  static func selectsByPosition(_ key: String, in root: YNode) -> Bool {
    var prefix = ""
    for segment in key.split(separator: ".") {
      prefix += (prefix.isEmpty ? "" : ".") + segment
      var s = Substring(segment)
      while let open = s.firstIndex(of: "["), let close = s[open...].firstIndex(of: "]") {
        let inner = String(s[s.index(after: open)..<close])
        let list = String(prefix.dropLast(segment.count)) + String(segment[..<open])
        if Int(inner) != nil, case .sequence(let items)? = StaffKeyPath.node(list, in: root)?.kind,
          !items.contains(where: { $0["id"]?.scalarText == inner })
        {
          return true
        }
        s = s[s.index(after: close)...]
      }
    }
    return false
  }

  /// Parses `--param key=LOW..HIGH`; integer bounds on a key that holds an integer today
  /// make an integer parameter.
  func parameters(_ root: YNode) throws -> [CalibrationParameter] {
    var seen = Set<String>()
    return try params.map { text in
      guard let eq = text.lastIndex(of: "=") else { throw ValidationError("--param '\(text)': expected KEY=LOW..HIGH") }
      let key = String(text[..<eq]), range = text[text.index(after: eq)...].components(separatedBy: "..")
      if let why = ScenarioOverride.keyProblem(key) { throw ValidationError("--param '\(key.prefix(120))': \(why)") }
      guard seen.insert(key).inserted else {
        throw ValidationError("--param '\(key)': given twice; give each key once")
      }
      let bound = SweepFile.maxMagnitude
      guard range.count == 2, let lo = Double(range[0]), let hi = Double(range[1]), abs(lo) <= bound, abs(hi) <= bound,
        lo <= hi
      else {
        throw ValidationError(
          "--param '\(text)': expected KEY=LOW..HIGH with numbers LOW <= HIGH, at most 2^53 in magnitude")
      }
      let current = StaffKeyPath.node(key, in: root)?.scalarText
      guard let current else { throw ValidationError("--param '\(key)': the scenario has no value at this key") }
      // A number, possibly with a unit after it (2.5h, 10wd, 15 %): the unit stays on every value.
      let number = String(current.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" })
      let suffix = String(current.dropFirst(number.count))
      guard Double(number) != nil, suffix.allSatisfy({ $0.isLetter || $0 == "%" || $0 == " " }) else {
        throw ValidationError("--param '\(key)': the value there ('\(current.prefix(40))') is not a number")
      }
      let integer = suffix.isEmpty && Int(current) != nil && Int(range[0]) != nil && Int(range[1]) != nil
      return CalibrationParameter(key: key, low: lo, high: hi, integer: integer, suffix: suffix)
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
    var perTarget: [[Double]]
    var fitted: [(CalibrationParameter, Double)] = []
    var ranges: [FittedRange] = []
    if params.isEmpty {
      let progress = ProgressLine(total: reps)
      var series = KPISeries(file.targets.map { KPI.named($0.kpi)! }, model: model)
      Replications.run(model, seed: s, count: reps, threads: threads ?? AvailableCPUs.count, into: &series) {
        done, _, events in
        progress.update(done: done, events: events)
      }
      progress.finish()
      perTarget = series.values
    } else {
      (perTarget, fitted, ranges) = try fit(root: root, file: file, replications: reps, seed: s)
    }
    print("\(scenario.configuration.name) (\(file.scenario)) against \(targets)")
    if !file.source.isEmpty { print("source: \(file.source)") }
    print("\(plural(reps, "replication")), seed \(s)")
    print("")
    let check = TargetCheck(file, perTarget: perTarget)
    let csv = printTable(check, file: file)
    let outside = check.outside.count
    if !file.notProduced.isEmpty {
      print("")
      print("Figures the model cannot produce:")
      for f in file.notProduced { print("  - \(f.figure): \(f.reason)") }
    }
    if let out {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try writeAtomically(csv, to: (out as NSString).appendingPathComponent("fit.csv"))
      if !fitted.isEmpty {
        try writeVariant(fitted, ranges: ranges, file: file, scenario: scenario, root: root, check: check, to: out)
      }
    }
    if outside > 0 { throw ExitCode(1) }
  }

  /// Fits the `--param` parameters to the target file's figures; prints the calibrated
  /// values and returns the fitted candidate's values per target with the fitted values.
  func fit(
    root: YNode, file: TargetFile, replications reps: Int, seed s: UInt64
  ) throws -> ([[Double]], [(CalibrationParameter, Double)], [FittedRange]) {
    let ps = try parameters(root)
    if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
    let search = CalibrationSearch(
      targets: file, overrides: overrides, parameters: ps, seed: s, replications: reps,
      threads: threads ?? AvailableCPUs.count, maxUtilisation: maxUtilisation,
      journal: out.map { ($0 as NSString).appendingPathComponent("calibration.jsonl") }
    ) { printError($0) }
    let current = ps.map { p -> Double in
      let text = StaffKeyPath.node(p.key, in: root)?.scalarText ?? ""
      let v = Double(text.dropLast(p.suffix.count)) ?? p.low
      return min(p.high, max(p.low, p.integer ? v.rounded() : v))
    }
    printError(
      """
        fitting \(plural(ps.count, "parameter")) to \(plural(file.targets.count, "figure")), \
        \(plural(reps, "replication")) per candidate (seed \(s))
        """
    )
    let best: CalibrationSearch.Evaluation
    do {
      best = try search.run(screen: screen ?? max(6, 4 * ps.count), iterations: iterations, current: current)
    } catch {
      printError("error: \(error.description)")
      throw ExitCode(2)
    }
    let fitted = Array(zip(ps, best.values))
    print(
      """
        Calibrated values (\(search.evaluations) candidates, \(search.runs) replications run; busiest back office \
        \(fmt(best.maxUtilisation, 1)) %):
        """
    )
    for (p, v) in fitted { print("  \(p.key) = \(p.text(v))   (range \(p.text(p.low)) .. \(p.text(p.high)))") }
    print("")
    let ranges = printFittedRanges(search, ps)
    return (best.kpis, fitted, ranges)
  }

  /// Prints the fit table and its summary line; returns the same rows as `fit.csv`.
  func printTable(_ check: TargetCheck, file: TargetFile) -> String {
    let width = max(40, (file.targets.map(\.kpi.count).max() ?? 0) + 2)
    print(
      pad("figure", width) + lpad("report", 11) + lpad("simulated", 11) + lpad("95% CI ±", 10) + lpad("tolerance", 11)
        + lpad("within", 8))
    var csv = "kpi,report,simulated_mean,simulated_ci95_low,simulated_ci95_high,tolerance,within,weight,source\n"
    for row in check.rows {
      let t = row.target
      print(
        pad(t.kpi, width) + lpad(number(t.value, row.unit), 11) + lpad(number(row.mean, row.unit), 11)
          + lpad(number(row.halfWidth, row.unit), 10)
          + lpad(number(t.tolerance, row.unit), 11) + lpad(row.within ? "yes" : "NO", 8))
      csv +=
        [
          JSONText.csvField(t.kpi), JSONText.number(t.value), JSONText.number(row.mean),
          JSONText.number(row.estimate.low),
          JSONText.number(row.estimate.high), JSONText.number(t.tolerance), row.within ? "true" : "false",
          JSONText.number(t.weight),
          JSONText.csvField(t.source),
        ].joined(separator: ",") + "\n"
    }
    print("")
    print(
      """
        \(file.targets.count - check.outside.count) of \(file.targets.count) figures within tolerance; weighted \
        misfit \(fmt(check.misfit, 2))
        """
    )
    return csv
  }

  /// Writes `calibrated.yaml` in `out`: a variant that extends the scenario with the fitted
  /// values, so `onestop run` runs the calibrated scenario.
  func writeVariant(
    _ fitted: [(CalibrationParameter, Double)], ranges: [FittedRange], file: TargetFile, scenario: Scenario,
    root: YNode,
    check: TargetCheck, to out: String
  ) throws {
    let inside = file.targets.count - check.outside.count
    var lines = [
      "# Calibrated by: onestop calibrate \(targets) " + params.map { "--param '\($0)'" }.joined(separator: " "),
      "# Weighted misfit \(fmt(check.misfit, 2)); \(inside) of \(file.targets.count) figures within tolerance.",
      "extends: \(StaffVariant.quote(file.scenario))",
    ]
    lines.append("scenario: \(StaffVariant.quote(scenario.configuration.name + "-calibrated"))")
    // A key that selects a list item by position (`steps[0]`) cannot go into a variant:
    // `extends` merges list items by id. Those values are given as --set lines.
    let positional = fitted.filter { Self.selectsByPosition($0.0.key, in: root) }
    let byId = fitted.filter { p in !positional.contains { $0.0.key == p.0.key } }
    if !byId.isEmpty { lines.append(StaffVariant.body(assignments: byId.map { ($0.0.key, $0.0.text($0.1)) })) }
    for (p, v) in positional {
      lines.append("# this list has no ids: run with --set '\(p.key)=\(p.text(v))'")
      print("note: \(p.key) selects a list item by position; calibrated.yaml gives it as a --set line")
    }
    lines += uncertaintyLines(fitted.map(\.0), ranges: ranges)
    let path = (out as NSString).appendingPathComponent("calibrated.yaml")
    try writeAtomically(lines.joined(separator: "\n") + "\n", to: path)
    print("")
    print("wrote \(path) (run it: onestop run \(path))")
  }
}
