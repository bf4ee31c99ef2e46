import ArgumentParser
import DESKernel
import Foundation
import OneStopModel
import OneStopResults
import OneStopIO
import OneStopScenario

/// `onestop run`: simulate a scenario and report.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and print waiting times, on-time and overdue rates, and utilisation.",
    discussion: """
      Runs the scenario's replications (each with its own random streams derived from the seed) and prints every key \
      indicator as a mean over replications with a 95 % confidence interval, then breakdowns by level, agency and \
      unit, and the assumptions (priors) the answer rests on.

      With --replications auto, replications are added (5 first, then in growing batches) until the 95 % half-width of \
      every --precision target is met, or --max-replications is reached. Targets are KPI=HALF-WIDTH in the KPI's unit, \
      or KPI=N% of its mean; the default targets are on_time_rate_of_received=0.1 (points) and desk_wait_mean=2%.

      Exit status: 0 done, 2 bad input (a usage error, a scenario with problems, an unwritable output), 3 a \
      conservation check failed (a bug).

      Examples:
        onestop run scenarios/tuyen-quang-2022.yaml
        onestop run scenarios/tuyen-quang-2022.yaml --replications 10 \\
            --seed 7 --out results/tq
        onestop run scenarios/tuyen-quang-2022.yaml --replications auto \\
            --precision desk_wait_p90=1%
        onestop run scenarios/tuyen-quang-2022.yaml --warmup 2022-02-01 \\
            --trace tq-trace.csv
        onestop run scenarios/tuyen-quang-2022.yaml --json out.json \\
            --set rules.province_cut=0.3
      """
  )

  @Argument(help: "Scenario file (YAML).")
  var file: String

  @OptionGroup var options: ReplicationOptions

  @OptionGroup var auto: PrecisionOptions

  @OptionGroup var workbook: WorkbookOptions

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      """
      Exclude everything before this date (YYYY-MM-DD) or this many days (e.g. 30d) from the statistics; overrides \
      the scenario's warmup_until.
      """,
      valueName: "date|Nd"))
  var warmup: String?

  @Option(
    name: .customLong("set"),
    help: "Override a value: key.path=value (repeatable), e.g. --set units[pasc].desks[land].count=6 (Tuyên Quang)")
  var overrides: [String] = []

  @Option(
    help:
      """
      Write summary.json, units.csv, levels.csv, months.csv, agencies.csv, hours.csv, hours_by_level.csv, \
      replications.csv and pools-months.csv into this directory (created if needed).
      """
  )
  var out: String?

  @Flag(
    help:
      """
      Begin every CSV file (--out, --trace) with a UTF-8 byte-order mark, so that Excel on Windows shows Vietnamese \
      names.
      """
  )
  var csvBom = false

  @Option(help: "Write the summary as JSON to this file ('-' for standard output).")
  var json: String?

  @Option(
    help: """
      Write the long form to this CSV file: one row per replication, KPI and scope (all, level, agency, field, \
      procedure, channel, unit, station, month), for R or pandas.
      """)
  var long: String?

  @Option(
    help: ArgumentHelp(
      "Write every hand-over of every dossier of the first replication (the Form 05 record) to this CSV file.",
      valueName: "file"))
  var trace: String?

  @Option(
    help: """
      The replications --trace records, e.g. 0,3 (default: 0); each is run again with its own streams, so its \
      trace is of the very replication the results hold.
      """,
    transform: { text in
      try text.split(separator: ",").map {
        guard let r = Int($0.trimmingCharacters(in: .whitespaces)), r >= 0 else {
          throw ValidationError("--trace-replications expects replication numbers like 0,3, got '\(text)'.")
        }
        return r
      }
    })
  var traceReplications: [Int] = [0]

  @Flag(help: "Print no progress on standard error.")
  var quiet = false

  @Option(
    help: ArgumentHelp(
      "Also run N parameter sets over the --param ranges (default: every printed prior at ±25 %) and give each key "
        + "indicator a second 95 % interval, of noise and parameters (docs/sensitivity.md).", valueName: "n"))
  var uncertainty: Int?

  @OptionGroup var ranges: ParameterRangeOptions

  func validate() throws {
    try auto.check(with: options.replications)
    if let uncertainty, uncertainty < 2 {
      throw ValidationError("--uncertainty needs at least 2 parameter sets, got \(uncertainty).")
    }
    try ranges.check(uncertainty: uncertainty)
    if let warmup, warmup.hasPrefix("-") {
      throw ValidationError(
        "--warmup cannot be negative, got '\(warmup)'; give a date (YYYY-MM-DD) or a number of days (e.g. 30d).")
    }
    if let warmup, Warmup(warmup) == nil {
      throw ValidationError("--warmup wants a date (YYYY-MM-DD) or a number of days (e.g. 30d), got '\(warmup)'.")
    }
  }

  func run() throws {
    let scenario: Scenario, model: CompiledModel
    do {
      // Loaded and compiled once; the warm-up is resolved against the scenario's start.
      (scenario, model) = try ScenarioBase(path: file, sets: overrides).build(warmup: warmup.flatMap(Warmup.init))
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let master = options.seed ?? scenario.seed
    if master > maxSeed {
      printError("\(file): " + seedRangeMessage("seed", master))
      throw ExitCode(2)
    }
    // A --precision KPI of a unit, level, agency, field or month the run does not have
    // would be NaN: refused now, with the check `calibrate` and target files use.
    let targets = try auto.targets()
    for t in targets {
      if let message = KPI.targetProblem(t.kpi.name, in: model) {
        printError("--precision: \(message)")
        throw ExitCode(2)
      }
    }
    let uncertain = try uncertaintyParameters(scenario)
    // Fail on an unwritable destination now, not after the run.
    for dir in [
      out, trace.map { ($0 as NSString).deletingLastPathComponent },
      json == "-" ? nil : json.map { ($0 as NSString).deletingLastPathComponent },
    ] {
      guard let dir, !dir.isEmpty else { continue }
      do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
        printError("cannot create the directory \(dir): \(error.localizedDescription)")
        throw ExitCode(2)
      }
    }
    if !quiet {
      var reps = scenario.replications
      if case .fixed(let n) = options.replications { reps = n }
      Run.warnIfLong(model, replications: options.replications == .auto ? 1 : reps, threads: options.threadCount)
    }
    let clock = ContinuousClock()
    let started = clock.now
    let stats = replicate(model, replications: scenario.replications, seed: master, targets: targets)
    let elapsed = clock.now - started
    if let trace {
      // Replication 0 records its trace as it runs (under auto it is re-run); any other is
      // re-run with tracing (same streams, same result).
      if let r = traceReplications.first(where: { $0 >= stats.count }) {
        printError(
          "--trace-replications: replication \(r) is not one of the \(stats.count) run (0 to \(stats.count - 1))")
        throw ExitCode(2)
      }
      let traced = traceReplications.map { r in
        (r == 0 ? stats.traced : nil)
          ?? OneStopSimulation.run(model, seed: master, replication: UInt64(r), trace: true)
      }
      try TraceFile.write(Array(zip(traced, traceReplications)), model: model, to: trace, bom: csvBom)
    }
    let violations = stats.violations
    let summary = Summary(
      scenario: scenario, stats: stats, seed: master,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
      overrides: overrides)
    if let uncertainty, violations.isEmpty {
      // The run's table first, then the parameter sets; the files hold both intervals.
      if json != "-" { print(summary.text()) }
      let u = try propagate(sets: uncertainty, parameters: uncertain, summary: summary, seed: master)
      try write(summary, uncertainty: u, printText: false)
    } else {
      try write(summary)
    }
    if !violations.isEmpty {
      printError(
        "conservation check failed (a bug in onestop; please report it):\n"
          + violations.prefix(10).joined(separator: "\n"))
      throw ExitCode(3)
    }
  }

  /// Runs the replications (a fixed number, or until the `--precision` targets are met),
  /// folding each into the summary as it finishes; replication 0 records its trace when
  /// `--trace` asks for it.
  func replicate(
    _ model: CompiledModel, replications: Int, seed: UInt64, targets: [PrecisionTarget]
  ) -> ReplicationSummary {
    if options.replications == .auto {
      let progress = quiet ? nil : ProgressLine(total: auto.maxReplications)
      let outcome = AutoReplications.run(
        [model], seed: seed, threads: options.threadCount, targets: targets, maximum: auto.maxReplications
      ) {
        done, total, events in progress?.update(done: done, events: events, total: total)
      }
      progress?.finish()
      AutoReplications.report(outcome, maximum: auto.maxReplications)
      return outcome.summaries[0]
    }
    var reps = replications
    if case .fixed(let n) = options.replications { reps = n }
    let progress = quiet ? nil : ProgressLine(total: reps)
    var stats = ReplicationSummary(model: model, long: long != nil)
    Replications.run(
      model, seed: seed, count: reps, threads: options.threadCount,
      traceReplication: trace == nil || !traceReplications.contains(0) ? nil : 0,
      into: &stats
    ) { done, _, events in
      progress?.update(done: done, events: events)
    }
    progress?.finish()
    return stats
  }

  /// The text table (unless the JSON goes to standard output), `--json` and `--out`.
  func write(_ summary: Summary, uncertainty: UncertaintySummary? = nil, printText: Bool = true) throws {
    if json != "-" && printText { print(summary.text()) }
    // The JSON text is built only when a file or stdout takes it: in a Hà Nội month it cost
    // 370 M instructions, a fifth of a run that prints the text summary alone.
    let jsonText = json != nil || out != nil ? summary.json(uncertainty: uncertainty) : ""
    if let json {
      if json == "-" { print(jsonText, terminator: "") } else { try writeAtomically(jsonText, to: json) }
    }
    if let out {
      try writeAtomically(jsonText, to: (out as NSString).appendingPathComponent("summary.json"))
      try ResultFiles.write(summary.stats, to: out, bom: csvBom)
    }
    if let long { try writeAtomically(LongFile.text(summary.stats), to: long) }
    try workbook.write(scenarioLanguage: summary.scenario.reportLanguage) { l in
      let kpis = summary.kpis.map { (kpi: $0.0, unit: $0.1.symbol, values: [$0.2.mean, $0.2.low, $0.2.high]) }
      let table = WorkbookOptions.kpiTable(kpis, columns: ["mean", "mean_ci95_low", "mean_ci95_high"], l)
      let files = ResultFiles.tables(summary.stats, language: l.rawValue)
      return [("kpis", table)] + files.map { (name: $0.0, csv: $0.1) }
    }
  }
}

extension Run {
  /// Says up front when a run will take more than a minute: how many dossiers, and
  /// roughly how long (the progress line then shows the rest on a terminal).
  static func warnIfLong(_ model: CompiledModel, replications: Int, threads: Int?) {
    let threads = threads ?? Replications.defaultThreads
    let seconds = model.estimatedSeconds(replications: replications, threads: threads)
    guard seconds > 60 else { return }
    let dossiers = model.expectedDossiers
    let time = seconds < 3600 ? "\(Int((seconds / 60).rounded())) min" : String(format: "%.1f h", seconds / 3600)
    printError(
      """
      note: each replication simulates about \(Int(dossiers.rounded())) dossiers over \(model.horizonDays) days; \
      \(replications) replication(s) on \(threads) thread(s) may take about \(time)
      """
    )
  }
}
