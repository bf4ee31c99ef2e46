import ArgumentParser
import DESKernel
import Foundation
import OneStopModel
import OneStopIO
import OneStopScenario

/// `onestop check`: re-run a scenario as recorded in a baseline and fail when a KPI moved.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare a scenario's KPIs with a committed baseline; fail when one moved.",
    discussion: """
      Re-runs the scenario with the baseline's replications and seed (or --replications, --seed) and, for every KPI, \
      tests the change with Welch's t-test over replications. A KPI fails when the change is significant (p < --alpha) \
      and larger than a practical threshold (2 % of the baseline, and at least a floor per unit: 10 dossiers, 0.2 \
      points of a percentage, 0.2 minutes, ...), or, whatever the p-value, when it is gross: one mean more than 10 \
      times the other (or of the other sign) and the change above 5 floors (1 minute, 50 dossiers, 1 point). With the \
      recorded seed and no model change the replications are identical and the check passes exactly. A baseline the \
      check cannot test against (no KPIs, fewer than 2 or more than 200 replications, KPIs without a value per \
      replication, values beyond 1e15) is refused. --update warns when the baseline has too few replications to detect \
      a change of half a KPI's mean (at least 5 floors) with 90 % power, and says how many it needs.

      --junit FILE writes a JUnit XML report (one test case per KPI) for CI systems; --json FILE ('-': standard \
      output) the same as JSON.

      Exit status: 0 pass, 1 a KPI moved, 2 bad input (a usage error, a scenario with problems, a missing or \
      untestable baseline).

      Examples:
        onestop check scenarios/tuyen-quang-2022.yaml \\
            --baseline results/baseline/tuyen-quang-2022.json
        onestop check scenarios/tuyen-quang-2022.yaml --junit check.xml
        onestop check scenarios/tuyen-quang-2022.yaml --update --replications 5
      """
  )

  @Argument(help: "Scenario file (YAML).")
  var file: String

  @Option(help: "Baseline file (default: results/baseline/<scenario file name>.json).")
  var baseline: String?

  @Option(
    name: .customLong("set"),
    help: "Override a value: key.path=value (repeatable), e.g. to check that a change is caught.")
  var overrides: [String] = []

  @Flag(help: "Write the baseline from this run instead of checking.")
  var update = false

  @OptionGroup var options: ReplicationOptions

  @OptionGroup var auto: PrecisionOptions

  @Option(parsing: .unconditional, help: "Significance level of each KPI's test, between 0 and 1.")
  var alpha = 0.001

  @Option(help: ArgumentHelp("Also write a JUnit XML report (one test case per KPI) to this file.", valueName: "file"))
  var junit: String?

  @Option(
    help: ArgumentHelp(
      "Also write the result as JSON to this file ('-': standard output, instead of the text).", valueName: "file"))
  var json: String?

  func validate() throws {
    guard alpha > 0 && alpha < 1 else {
      throw ValidationError("--alpha must lie strictly between 0 and 1, got \(alpha).")
    }
    if case .fixed(let n) = options.replications, n < 2 {
      throw ValidationError("--replications must be at least 2 to test a change, got \(n).")
    }
    try auto.check(with: options.replications)
    if update && (junit != nil || json != nil) {
      throw ValidationError("--junit and --json report a check; --update writes a baseline.")
    }
  }

  /// One KPI's verdict.
  struct Verdict {
    let name, unit: String
    let baselineMean, mean, tolerance, p: Double
    let problem: String?
    var failed: Bool { problem != nil }
  }

  func replicate(_ model: CompiledModel, seed: UInt64, default count: Int) throws -> ReplicationSummary {
    var stats = ReplicationSummary(model: model)
    // The progress line with time left, on a terminal only (as `run`'s).
    var n = count
    switch options.replications {
    case .auto:
      let progress = ProgressLine(total: auto.maxReplications)
      let outcome = AutoReplications.run(
        [model], seed: seed, threads: options.threadCount, targets: try auto.targets(),
        maximum: auto.maxReplications
      ) { done, total, events in progress.update(done: done, events: events, total: total) }
      progress.finish()
      AutoReplications.report(outcome, maximum: auto.maxReplications)
      return outcome.summaries[0]
    case .fixed(let k): n = k
    case nil: break
    }
    let progress = ProgressLine(total: n)
    Replications.run(model, seed: seed, count: n, threads: options.threadCount, into: &stats) { done, _, events in
      progress.update(done: done, events: events)
    }
    progress.finish()
    return stats
  }

  func run() throws {
    let path =
      baseline ?? "results/baseline/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".json"
    let scenario: Scenario, model: CompiledModel
    do { (scenario, model) = try ScenarioBase(path: file, sets: overrides).build() } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let hash = scenario.hash
    if update { return try writeBaseline(scenario, model, to: path) }
    let data: Data
    do { data = try Baseline.read(path) } catch {
      printError(error.missing ? "\(path): cannot read the baseline (create it with --update)" : "\(error)")
      throw ExitCode(2)
    }
    let base: Baseline
    do { base = try Baseline(json: data) } catch {
      printError("\(path): \(error)")
      throw ExitCode(2)
    }
    let s = options.seed ?? base.seed
    let stats = try replicate(model, seed: s, default: base.replications)
    let summary = Summary(scenario: scenario, stats: stats, seed: s, seconds: 0)
    let replications = summary.replications
    let now = Baseline(summary: summary, hash: hash)
    let toStdout = json == "-"
    if base.hash != hash && !toStdout {
      print("note: the scenario changed since the baseline was written (hash \(base.hash) -> \(hash))")
    }
    let verdicts = judge(base, now)
    let failed = verdicts.filter(\.failed)
    do {
      if let junit {
        try writeAtomically(
          junitXML(verdicts, base: base, baselinePath: path, seed: s, replications: replications), to: junit)
      }
      if let json {
        let text = jsonReport(verdicts, base: base, baselinePath: path, seed: s, replications: replications)
        if toStdout { print(text, terminator: "") } else { try writeAtomically(text, to: json) }
      }
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    if !toStdout {
      let against = replications == base.replications ? "" : " against \(base.replications)"
      let runs = "\(plural(replications, "replication"))\(against), seed \(s)"
      if failed.isEmpty {
        print("\(file): ok, \(verdicts.count) KPIs within tolerance of \(path) (\(runs))")
      } else {
        print("\(file): \(failed.count) KPI(s) moved against \(path) (\(runs)):")
        for f in failed { print("  \(f.name): \(f.problem!)") }
      }
    }
    if !failed.isEmpty { throw ExitCode(1) }
  }

  /// `--update`: runs the scenario and writes its baseline to `path`.
  func writeBaseline(_ scenario: Scenario, _ model: CompiledModel, to path: String) throws {
    let s = options.seed ?? scenario.seed
    if s > maxSeed {
      printError("\(file): " + seedRangeMessage("seed", s))
      throw ExitCode(2)
    }
    if options.replications == nil && scenario.replications < 2 {
      printError(
        """
        \(file): the scenario has replications: \(scenario.replications); a baseline needs at least 2 to test \
        against (give --replications N)
        """
      )
      throw ExitCode(2)
    }
    let stats = try replicate(model, seed: s, default: scenario.replications)
    let summary = Summary(scenario: scenario, stats: stats, seed: s, seconds: 0)
    let dir = (path as NSString).deletingLastPathComponent
    do {
      if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
      try writeAtomically(Baseline(summary: summary, hash: scenario.hash).json(), to: path)
    } catch {
      printError("\(path): cannot write the baseline: \(error)")
      throw ExitCode(2)
    }
    print("wrote \(path): \(plural(summary.replications, "replication")), seed \(s), \(summary.kpis.count) KPIs")
    warnIfUnderpowered(Baseline(summary: summary, hash: scenario.hash), path: path)
  }

  /// Warns, on standard error, when `baseline` has too few replications for Welch's test
  /// to detect the practical change (`CheckRules`) with 90 % power, naming the count needed.
  func warnIfUnderpowered(_ baseline: Baseline, path: String) {
    let limit = Baseline.maxReplications
    guard let (kpi, needed, sd) = CheckRules.tooFew(baseline, alpha: alpha, limit: limit) else { return }
    let what = needed.map { "needs \($0)" } ?? "needs more than \(limit), the most a baseline holds"
    printError(
      """
      warning: \(path): \(plural(baseline.replications, "replication")) cannot detect a change of half of \
      \(kpi)'s mean \
      with 90 % power at alpha \(alpha) (its replications vary with s.d. \(fmt(sd, 3))); \(what) \
      (onestop check \(file) --update --replications N). Gross changes (10x) are still caught.
      """)
  }

  /// Each KPI of the baseline against this run: Welch's test over replications, failing
  /// when significant (p < --alpha) and beyond 2 % of the baseline and the unit's floor,
  /// or when the change is gross (`CheckRules.isGross`) whatever the p-value.
  func judge(_ base: Baseline, _ now: Baseline) -> [Verdict] {
    var verdicts: [Verdict] = []
    for (name, old) in base.values {
      let unit = base.units[name] ?? ""
      let before = Estimate(old)
      let m1 = before.mean
      guard let new = now.values.first(where: { $0.0 == name })?.1 else {
        verdicts.append(
          Verdict(
            name: name, unit: unit, baselineMean: m1, mean: .nan, tolerance: .nan, p: .nan,
            problem: "missing from this run"))
        continue
      }
      let current = Estimate(new)
      let m2 = current.mean
      let p = before.welchPValue(against: current)
      let tolerance = max(0.02 * abs(m1), KPIUnit(rawValue: unit)?.checkFloor ?? 0)
      var problem: String?
      if !m1.isFinite || !m2.isFinite {
        // A KPI without a value (no tickets in a period, say) must stay without one.
        if m1.isFinite != m2.isFinite { problem = "\(fmt(m1, 3)) -> \(fmt(m2, 3)) (a value appeared or vanished)" }
      } else if p < alpha && abs(m2 - m1) > tolerance {
        problem =
          """
          \(fmt(m1, 3)) -> \(fmt(m2, 3)) (change \(fmt(m2 - m1, 3)), tolerance ±\(fmt(tolerance, 3)), p = \
          \(String(format: "%.2g", p)))
          """
      } else if CheckRules.isGross(m1, m2, unit: unit) {
        problem =
          """
          \(fmt(m1, 3)) -> \(fmt(m2, 3)) (change \(fmt(m2 - m1, 3)), a gross change: beyond 10x, p = \
          \(String(format: "%.2g", p)))
          """
      }
      verdicts.append(
        Verdict(name: name, unit: unit, baselineMean: m1, mean: m2, tolerance: tolerance, p: p, problem: problem))
    }
    return verdicts
  }

  func jsonReport(
    _ verdicts: [Verdict], base: Baseline, baselinePath: String, seed: UInt64, replications: Int
  ) -> String {
    /// The schema of `check --json`.
    struct File: Encodable {
      struct KPI: Encodable {
        let name, unit, status: String
        let baseline_mean, mean, change, tolerance, p_value: Double
        let message: String?
      }
      let scenario, file, baseline: String
      let seed: UInt64
      let replications, baseline_replications: Int
      let alpha: Double
      let ok: Bool
      let failed: Int
      let kpis: [KPI]
    }
    let kpis = verdicts.map { v in
      File.KPI(
        name: v.name, unit: v.unit, status: v.failed ? "moved" : "ok", baseline_mean: v.baselineMean, mean: v.mean,
        change: v.mean - v.baselineMean, tolerance: v.tolerance, p_value: v.p, message: v.problem)
    }
    return JSONText.encode(
      File(
        scenario: base.scenario, file: file, baseline: baselinePath, seed: seed, replications: replications,
        baseline_replications: base.replications, alpha: alpha, ok: !verdicts.contains(where: \.failed),
        failed: verdicts.filter(\.failed).count, kpis: kpis))
  }

  func junitXML(_ verdicts: [Verdict], base: Baseline, baselinePath: String, seed: UInt64, replications: Int) -> String
  {
    func x(_ s: String) -> String {
      var out = ""
      for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default:
          // XML 1.0 allows tab, LF, CR and no other control character.
          if ch.value < 0x20 && ch != "\t" && ch != "\n" && ch != "\r" {
            out += "?"
          } else {
            out.unicodeScalars.append(ch)
          }
        }
      }
      return out
    }
    let failures = verdicts.filter(\.failed).count
    let suite = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    lines.append(
      "<testsuites name=\"onestop check\" tests=\"\(verdicts.count)\" failures=\"\(failures)\" errors=\"0\">")
    lines.append(
      """
        <testsuite name=\"\(x(suite))\" tests=\"\(verdicts.count)\" failures=\"\(failures)\" errors=\"0\" \
      skipped=\"0\">
      """
    )
    lines.append(
      """
          <properties><property name=\"baseline\" value=\"\(x(baselinePath))\"/><property name=\"seed\" \
      value=\"\(seed)\"/><property name=\"replications\" value=\"\(replications)\"/><property name=\"alpha\" \
      value=\"\(jnum(alpha))\"/></properties>
      """
    )
    for v in verdicts {
      let open = "    <testcase classname=\"onestop.check.\(x(suite))\" name=\"\(x(v.name))\" time=\"0\""
      if let problem = v.problem {
        lines.append(open + ">")
        let detail =
          "baseline mean \(jnum(v.baselineMean)) \(v.unit), now \(jnum(v.mean)), "
          + "tolerance \(jnum(v.tolerance)), p = \(jnum(v.p))"
        lines.append("      <failure message=\"\(x(v.name + ": " + problem))\" type=\"moved\">\(x(detail))</failure>")
        lines.append("    </testcase>")
      } else {
        lines.append(open + "/>")
      }
    }
    lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }
}
