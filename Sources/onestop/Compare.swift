import ArgumentParser
import Foundation
import DESKernel
import OneStopModel
import OneStopResults
import OneStopScenario
import OneStopIO
import OneStopReport

/// `onestop compare`: two scenarios on common random numbers, as paired differences.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two scenarios (e.g. a baseline and its variant) with common random numbers.",
    discussion: """
      Runs both scenarios with the same seed and replication numbers. Random streams are named after what they feed \
      (the arrivals of a unit and channel, a unit's desks, an agency), so both runs see the same citizens wherever the \
      scenarios agree. For each KPI it prints the difference B - A with a 95 % confidence interval from the paired \
      replications, and, for comparison, the half-width an unpaired comparison of the same runs would give: the ratio \
      shows what common random numbers bought.

      With --replications auto, both scenarios get the same replications, added until every --precision target is met \
      in A and in B (the paired differences are then usually narrower still).

      Every measure is compared at every scope it exists at: the whole run, each level, unit, desk group \
      (desk_wait_p90@desk:pasc/transport), deciding agency and field. The pooled table comes first, then the most \
      significant differences at every scope (|B - A| / half-width), and always the desk waits of the busiest centre \
      and its desk groups. --out writes all of them (compare.json, compare.csv) and the keys B changes.

      B may be A itself with --set-b (B alone), --set-a (A alone) or --set (both): the overrides are printed and \
      written with each side.

      Exit status: 0 done, 2 bad input (a usage error, a scenario with problems).

      Examples:
        onestop compare scenarios/tuyen-quang-2022.yaml \\
            scenarios/tuyen-quang-2022-no-saturday.yaml --replications 10
        onestop compare scenarios/tuyen-quang-2022.yaml \\
            --set-b 'units[pasc].desks[land].count=4' \\
            --replications 5 --out runs/land-desk
      """
  )

  @Argument(help: "Scenario A (the reference).")
  var a: String

  @Argument(help: "Scenario B (the variant; default: A again, changed by --set-b).")
  var scenarioB: String?

  /// Scenario B's file: A's when not given.
  var b: String { scenarioB ?? a }

  @OptionGroup var options: ReplicationOptions

  @OptionGroup var auto: PrecisionOptions

  @OptionGroup var workbook: WorkbookOptions

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override a value in both A and B (repeatable).", valueName: "key.path=value"))
  var sets: [String] = []

  @Option(
    name: .customLong("set-a"),
    help: ArgumentHelp("Override a value in A alone (repeatable).", valueName: "key.path=value"))
  var setsA: [String] = []

  @Option(
    name: .customLong("set-b"),
    help: ArgumentHelp("Override a value in B alone (repeatable).", valueName: "key.path=value"))
  var setsB: [String] = []

  @Option(help: "How many of the largest differences at every scope to print (all are in compare.json).")
  var top = 20

  @Option(help: "Directory for compare.json (the paired differences; `onestop report DIR` draws them).")
  var out: String?

  @Option(
    help: ArgumentHelp(
      "Also run N parameter sets in both scenarios (A's ranges: its uncertainty: section, else every printed prior "
        + "at ±25 %) and give each difference an interval of noise and parameters (docs/sensitivity.md).",
      valueName: "n"))
  var uncertainty: Int?

  @OptionGroup var ranges: ParameterRangeOptions

  func validate() throws {
    if case .fixed(let replications) = options.replications, replications < 2 {
      throw ValidationError("--replications must be at least 2 for an interval, got \(replications).")
    }
    try auto.check(with: options.replications)
    if let uncertainty, uncertainty < 2 {
      throw ValidationError("--uncertainty needs at least 2 parameter sets, got \(uncertainty).")
    }
    try ranges.check(uncertainty: uncertainty)
  }

  func run() throws {
    let sa: Scenario, ma: CompiledModel, sb: Scenario, mb: CompiledModel
    do {
      (sa, ma) = try ScenarioBase(path: a, sets: overridesA).build()
      (sb, mb) = try ScenarioBase(path: b, sets: overridesB).build()
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let s = options.seed ?? sa.seed
    if s > maxSeed {
      printError("\(a): " + seedRangeMessage("seed", s))
      throw ExitCode(2)
    }
    let scoped = CompareScopes.kpis([ma, mb])
    let (ra, rb, extraFrom) = try replicate(
      ma, mb, seed: s, replications: max(sa.replications, sb.replications), scoped)
    let reps = ra.count
    let A = Summary(scenario: sa, stats: ra, seed: s, seconds: 0)
    let B = Summary(scenario: sb, stats: rb, seed: s, seconds: 0)
    print("A: \(sa.configuration.name) (\(a))" + Self.overrideText(overridesA))
    print("B: \(sb.configuration.name) (\(b))" + Self.overrideText(overridesB))
    print("\(plural(reps, "replication")) each, seed \(s), common random numbers")
    let changes = ConfigurationChanges.between(sa, sb)
    print("")
    print(changes.isEmpty ? "A and B simulate the same configuration." : "What B changes (\(changes.count) keys):")
    for c in changes.prefix(30) { print("  " + c.text) }
    if changes.count > 30 { print("  ... \(changes.count - 30) more in compare.json") }
    print("")
    print(
      pad("indicator", 28) + lpad("A", 11) + lpad("B", 11) + lpad("B - A", 11) + lpad("95% CI ±", 10)
        + lpad("unpaired ±", 12) + "  unit")
    var differences: [CompareDifference<Double>] = []
    for (k, row) in A.perReplication.enumerated() where row.0 != Measure.events.name {
      guard let other = B.perReplication.first(where: { $0.0 == row.0 }) else { continue }
      let unit = A.kpis[k].1
      let paired = Estimate(zip(row.1, other.1).map { $1 - $0 })
      let ea = Estimate(row.1), eb = Estimate(other.1)
      let unpaired = Estimate.unpairedHalfWidth(ea, eb)
      print(
        pad(row.0, 28) + lpad(number(ea.mean, unit), 11) + lpad(number(eb.mean, unit), 11)
          + lpad(number(paired.mean, unit), 11) + lpad(number(paired.halfWidth, unit), 10)
          + lpad(number(unpaired, unit), 12) + "  \(unit)")
      differences.append(
        CompareDifference(
          kpi: row.0, unit: unit, a: ea.mean, b: eb.mean, difference: paired.mean,
          halfWidth: paired.halfWidth, unpairedHalfWidth: unpaired))
    }
    var all = differences.map { d -> CompareDifference<Double> in
      var d = d
      d.scope = MeasureScope.total.rawValue
      d.significance = CompareScopes.significance(d.difference, d.half_width)
      return d
    }
    // A whole-run measure a scenario uses (queue_at_opening...) is in the pooled table already.
    let pooled = Set(differences.map(\.kpi))
    for (k, x) in scoped.enumerated() where !pooled.contains(x.kpi.name) {
      all.append(
        CompareScopes.difference(
          x.kpi.name, unit: x.kpi.unit, scope: x.scope, a: ra.targets.values[extraFrom + k],
          b: rb.targets.values[extraFrom + k]))
    }
    let ranked = CompareScopes.ranked(all)
    CompareScopes.print(ranked, top: top, model: ma)
    var propagation: UncertaintySummary.Propagation?
    if let uncertainty {
      (differences, propagation) = try propagate(
        sets: uncertainty, differences, seed: s, replications: reps, scenarios: (sa, sb))
    }
    let sides = (Self.side(sa, file: a, overrides: overridesA), Self.side(sb, file: b, overrides: overridesB))
    try writeWorkbook(differences, sides: sides, language: sa.reportLanguage)
    if let out {
      try write(
        to: out, scenarios: (sa, sb), seed: s, replications: reps, differences: differences,
        propagation: propagation, changes: changes, ranked: ranked)
    }
  }

  /// `--xlsx`: the differences as one sheet, and A and B by their titles in the workbook's
  /// language beside their ids, files and overrides.
  func writeWorkbook(
    _ differences: [CompareDifference<Double>], sides: (CompareFile.Side, CompareFile.Side), language: String?
  ) throws {
    try workbook.write(scenarioLanguage: language) { l in
      let rows = differences.map {
        (kpi: $0.kpi, unit: $0.unit.symbol, values: [$0.a, $0.b, $0.difference, $0.half_width, $0.unpaired_half_width])
      }
      let columns = ["a", "b", "difference", "half_width", "unpaired_half_width"]
      var scenarios = "side,title,scenario,file,overrides\n"
      for (name, s) in [("A", sides.0), ("B", sides.1)] {
        let titles = ["en": s.title, "vi": s.title_vi].compactMapValues { $0 }
        let period = s.start.flatMap { start in s.end.map { (start, $0) } }
        let title = l.scenarioTitle(titles, period: period) ?? s.scenario
        let cells = [name, title, s.scenario, s.file, (s.overrides ?? []).joined(separator: "; ")]
        scenarios += cells.map(JSONText.csvField).joined(separator: ",") + "\n"
      }
      return [("compare", WorkbookOptions.kpiTable(rows, columns: columns, l)), ("scenarios", scenarios)]
    }
  }
}
