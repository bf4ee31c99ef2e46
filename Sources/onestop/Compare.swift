import ArgumentParser
import Foundation
import DESKernel
import OneStopModel
import OneStopScenario
import OneStopSweep

/// `onestop compare`: two scenarios on common random numbers, as paired differences.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two scenarios (e.g. a baseline and its variant) with common random numbers.",
    discussion: """
      Runs both scenarios with the same seed and replication numbers. Random streams are named after what they feed (the arrivals of a unit and channel, a unit's desks, an agency), so both runs see the same citizens wherever the scenarios agree. For each KPI it prints the difference B - A with a 95 % confidence interval from the paired replications, and, for comparison, the half-width an unpaired comparison of the same runs would give: the ratio shows what common random numbers bought.

      With --replications auto, both scenarios get the same replications, added until every --precision target is met in A and in B (the paired differences are then usually narrower still).

      Exit status: 0 done, 2 bad input (a usage error, a scenario with problems).

      Example:
        onestop compare scenarios/tuyen-quang-2022.yaml \\
            scenarios/tuyen-quang-2022-saturday.yaml --replications 10
      """
  )

  @Argument(help: "Scenario A (the reference).")
  var a: String

  @Argument(help: "Scenario B (the variant).")
  var b: String

  @OptionGroup var options: ReplicationOptions

  @OptionGroup var auto: PrecisionOptions

  @Option(help: "Directory for compare.json (the paired differences; `onestop report DIR` draws them).")
  var out: String?

  func validate() throws {
    if case .fixed(let replications) = options.replications, replications < 2 {
      throw ValidationError("--replications must be at least 2 for an interval, got \(replications).")
    }
    try auto.check(with: options.replications)
  }

  func run() throws {
    let sa: Scenario, ma: CompiledModel, sb: Scenario, mb: CompiledModel
    do {
      (sa, ma) = try Scenario.load(path: a)
      (sb, mb) = try Scenario.load(path: b)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let s = options.seed ?? sa.seed
    if s > maxSeed {
      printError("\(a): " + seedRangeMessage("seed", s))
      throw ExitCode(2)
    }
    let ra: [RunResult], rb: [RunResult]
    switch options.replications {
    case .auto:
      let outcome = AutoReplications.run([ma, mb], seed: s, threads: options.threadCount, targets: try auto.targets(),
        maximum: auto.maxReplications)
      AutoReplications.report(outcome, maximum: auto.maxReplications, labels: ["A", "B"])
      (ra, rb) = (outcome.results[0], outcome.results[1])
    case .fixed(let n):
      ra = Replications.run(ma, seed: s, count: n, threads: options.threadCount)
      rb = Replications.run(mb, seed: s, count: n, threads: options.threadCount)
    case nil:
      let n = max(2, max(sa.replications, sb.replications))
      ra = Replications.run(ma, seed: s, count: n, threads: options.threadCount)
      rb = Replications.run(mb, seed: s, count: n, threads: options.threadCount)
    }
    let reps = ra.count
    let A = Summary(scenario: sa, model: ma, results: ra, seed: s, seconds: 0)
    let B = Summary(scenario: sb, model: mb, results: rb, seed: s, seconds: 0)
    print("A: \(sa.configuration.name) (\(a))")
    print("B: \(sb.configuration.name) (\(b))")
    print("\(plural(reps, "replication")) each, seed \(s), common random numbers")
    print("")
    print(pad("indicator", 28) + lpad("A", 11) + lpad("B", 11) + lpad("B - A", 11) + lpad("95% CI ±", 10) + lpad("unpaired ±", 12) + "  unit")
    var json: [String] = []
    for (k, row) in A.perReplication.enumerated() where row.0 != "events" {
      guard let other = B.perReplication.first(where: { $0.0 == row.0 }) else { continue }
      let unit = A.kpis[k].1
      let diffs = zip(row.1, other.1).map { $1 - $0 }
      let paired = Summary.Estimate(diffs)
      var ta = Tally(), tb = Tally()
      row.1.forEach { ta.add($0) }
      other.1.forEach { tb.add($0) }
      let se = (ta.variance / Double(reps) + tb.variance / Double(reps)).squareRoot()
      let unpaired = StudentT.quantile(0.975, degreesOfFreedom: Double(2 * reps - 2)) * se
      print(pad(row.0, 28) + lpad(number(ta.mean, unit), 11) + lpad(number(tb.mean, unit), 11)
        + lpad(number(paired.mean, unit), 11) + lpad(number(paired.halfWidth, unit), 10) + lpad(number(unpaired, unit), 12) + "  \(unit)")
      json.append("    {\"kpi\": \(JSONText.string(row.0)), \"unit\": \(JSONText.string(unit)), \"a\": \(JSONText.number(ta.mean)), \"b\": \(JSONText.number(tb.mean)), "
        + "\"difference\": \(JSONText.number(paired.mean)), \"half_width\": \(JSONText.number(paired.halfWidth)), \"unpaired_half_width\": \(JSONText.number(unpaired))}")
    }
    if let out {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      let path = (out as NSString).appendingPathComponent("compare.json")
      let text = "{\n  \"kind\": \"compare\",\n  \"a\": {\"scenario\": \(JSONText.string(sa.configuration.name)), \"file\": \(JSONText.string(a)), \"scenario_hash\": \(JSONText.string(sa.hash))},\n"
        + "  \"b\": {\"scenario\": \(JSONText.string(sb.configuration.name)), \"file\": \(JSONText.string(b)), \"scenario_hash\": \(JSONText.string(sb.hash))},\n"
        + "  \"seed\": \(s),\n  \"replications\": \(reps),\n  \"onestop_version\": \(JSONText.string(OneStopVersion.string)),\n"
        + "  \"differences\": [\n" + json.joined(separator: ",\n") + "\n  ]\n}\n"
      try writeAtomically(text, to: path)
      print("")
      print("wrote \(path)")
    }
  }
}
