import ArgumentParser
import DESKernel
import Foundation
import OneStopModel
import OneStopSweep
import OneStopScenario

/// `onestop check`: re-run a scenario as recorded in a baseline and fail when a KPI moved.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare a scenario's KPIs with a committed baseline; fail when one moved.",
    discussion: """
      Re-runs the scenario with the baseline's replications and seed (or --seed) and, for every KPI, tests the change with Welch's t-test over replications. A KPI fails when the change is significant (p < --alpha) and larger than a practical threshold (2 % of the baseline, and at least a floor per unit: 10 dossiers, 0.2 points of a percentage, 0.2 minutes, ...). With the recorded seed and no model change the replications are identical and the check passes exactly.

      Exit status: 0 pass, 1 a KPI moved, 2 bad input.

      Examples:
        onestop check scenarios/tuyen-quang-2022.yaml --baseline results/baseline/tuyen-quang-2022.json
        onestop check scenarios/tuyen-quang-2022.yaml --baseline results/baseline/tuyen-quang-2022.json --update --replications 5
      """
  )

  @Argument(help: "Scenario file (YAML).")
  var file: String

  @Option(help: "Baseline file (default: results/baseline/<scenario file name>.json).")
  var baseline: String?

  @Option(name: .customLong("set"), help: "Override a value: key.path=value (repeatable), e.g. to check that a change is caught.")
  var overrides: [String] = []

  @Flag(help: "Write the baseline from this run instead of checking.")
  var update = false

  @OptionGroup var options: ReplicationOptions

  @Option(help: "Significance level of each KPI's test.")
  var alpha = 0.001

  func run() throws {
    let path = baseline ?? "results/baseline/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".json"
    let scenario: Scenario, model: CompiledModel
    do { (scenario, model) = try Scenario.load(path: file, overrides: overrides) } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let hash = String(StreamKey.fnv1a(String(describing: scenario.configuration)), radix: 16)
    if update {
      let reps = try options.fixedReplications(command: "check") ?? scenario.replications
      let s = options.seed ?? scenario.seed
      let results = Replications.run(model, seed: s, count: reps, threads: options.threads)
      let summary = Summary(scenario: scenario, model: model, results: results, seed: s, seconds: 0)
      try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try writeAtomically(Baseline(summary: summary, hash: hash).json(), to: path)
      print("wrote \(path): \(reps) replications, seed \(s), \(summary.kpis.count) KPIs")
      return
    }
    guard let data = FileManager.default.contents(atPath: path), let base = Baseline(json: data) else {
      printError("\(path): cannot read the baseline (create it with --update)")
      throw ExitCode(2)
    }
    let s = options.seed ?? base.seed
    let results = Replications.run(model, seed: s, count: base.replications, threads: options.threads)
    let summary = Summary(scenario: scenario, model: model, results: results, seed: s, seconds: 0)
    let now = Baseline(summary: summary, hash: hash)
    if base.hash != hash {
      print("note: the scenario changed since the baseline was written (hash \(base.hash) -> \(hash))")
    }
    var failed: [String] = []
    for (name, old) in base.values {
      guard let new = now.values.first(where: { $0.0 == name })?.1 else {
        failed.append("\(name): missing from this run")
        continue
      }
      let (m1, v1) = meanVariance(old), (m2, v2) = meanVariance(new)
      let p = StudentT.welchPValue(mean1: m1, variance1: v1, count1: old.count, mean2: m2, variance2: v2, count2: new.count)
      let tolerance = max(0.02 * abs(m1), Baseline.floor(for: base.units[name] ?? ""))
      if p < alpha && abs(m2 - m1) > tolerance {
        failed.append("\(name): \(fmt(m1, 3)) -> \(fmt(m2, 3)) (change \(fmt(m2 - m1, 3)), tolerance ±\(fmt(tolerance, 3)), p = \(String(format: "%.2g", p)))")
      }
    }
    if failed.isEmpty {
      print("\(file): ok, \(base.values.count) KPIs within tolerance of \(path) (\(base.replications) replications, seed \(s))")
      return
    }
    print("\(file): \(failed.count) KPI(s) moved against \(path) (\(base.replications) replications, seed \(s)):")
    for f in failed { print("  " + f) }
    throw ExitCode(1)
  }

  func meanVariance(_ xs: [Double]) -> (Double, Double) {
    var t = Tally()
    xs.forEach { t.add($0) }
    return (t.mean, t.variance)
  }
}

/// A committed baseline: per KPI, the value of every replication, so that a later run can
/// be tested against it.
struct Baseline {
  var scenario: String
  var seed: UInt64
  var replications: Int
  var hash: String
  var version: String
  var values: [(String, [Double])]
  var units: [String: String]

  init(summary: Summary, hash: String) {
    scenario = summary.scenario.configuration.name
    seed = summary.seed
    replications = summary.results.count
    self.hash = hash
    version = OneStopVersion.string
    values = summary.perReplication
    units = Dictionary(uniqueKeysWithValues: summary.kpis.map { ($0.0, $0.1) })
  }

  init?(json data: Data) {
    // JSONDecoder reads doubles exactly (JSONSerialization on Linux does not), so an
    // unchanged model reproduces the baseline's values bit for bit.
    struct File: Decodable {
      struct KPI: Decodable { let name: String, unit: String?, replications: [Double] }
      let scenario: String, seed: UInt64, replications: Int, scenario_hash: String, onestop_version: String?, kpis: [KPI]
    }
    guard let o = try? JSONDecoder().decode(File.self, from: data) else { return nil }
    scenario = o.scenario
    seed = o.seed
    replications = o.replications
    hash = o.scenario_hash
    version = o.onestop_version ?? "?"
    values = o.kpis.map { ($0.name, $0.replications) }
    units = Dictionary(o.kpis.map { ($0.name, $0.unit ?? "") }, uniquingKeysWith: { a, _ in a })
  }

  func json() -> String {
    var lines: [String] = []
    lines.append("  \"scenario\": \(jstr(scenario)), \"seed\": \(seed), \"replications\": \(replications),")
    lines.append("  \"scenario_hash\": \(jstr(hash)), \"onestop_version\": \(jstr(version)),")
    lines.append("  \"kpis\": [")
    let rows = values.map { name, v in
      "    {\"name\": \(jstr(name)), \"unit\": \(jstr(units[name] ?? "")), \"replications\": [\(v.map(jnum).joined(separator: ", "))]}"
    }
    lines.append(rows.joined(separator: ",\n"))
    lines.append("  ]")
    return "{\n" + lines.joined(separator: "\n") + "\n}\n"
  }

  /// The smallest change worth failing CI for, by unit.
  static func floor(for unit: String) -> Double {
    switch unit {
    case "dossiers", "letters", "results": return 10
    case "visits": return 0.02
    case "%": return 0.2
    case "min": return 0.2
    case "days": return 0.1
    case "hours": return 2
    case "events": return 1000
    case "citizens", "staff", "officers": return 0.05
    default: return 0
    }
  }
}
