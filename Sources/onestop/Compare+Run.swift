import DESKernel
import Foundation
import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario

extension Compare {
  /// The overrides of A: `--set` then `--set-a`.
  var overridesA: [String] { sets + setsA }
  /// The overrides of B: `--set` then `--set-b`.
  var overridesB: [String] { sets + setsB }

  /// " with --set K=V --set K=V" for a header line; empty without overrides.
  static func overrideText(_ overrides: [String]) -> String {
    overrides.isEmpty ? "" : " with " + overrides.map { "--set \($0)" }.joined(separator: " ")
  }

  /// Runs A and B on the same seed and replications (a fixed number, the scenarios', or
  /// until every `--precision` target is met in both), keeping `scoped` per replication
  /// in each summary's `targets` from index `extraFrom`; a progress line on a terminal.
  func replicate(
    _ ma: CompiledModel, _ mb: CompiledModel, seed: UInt64, replications: Int, _ scoped: [CompareScopes.Scoped]
  ) throws -> (ReplicationSummary, ReplicationSummary, extraFrom: Int) {
    let extra = scoped.map(\.kpi)
    // The desk-access KPIs in both columns when either scenario uses them.
    let desk = !KPI.deskAccess(for: ma).isEmpty || !KPI.deskAccess(for: mb).isEmpty
    let booked = KPI.appointments(for: ma).isEmpty ? KPI.appointments(for: mb) : KPI.appointments(for: ma)
    if options.replications == .auto {
      let targets = try auto.targets()
      let progress = ProgressLine(total: auto.maxReplications)
      let outcome = AutoReplications.run(
        [ma, mb], seed: seed, threads: options.threadCount, targets: targets, maximum: auto.maxReplications,
        extra: extra
      ) { done, total, events in progress.update(done: done, events: events, total: total) }
      progress.finish()
      AutoReplications.report(outcome, maximum: auto.maxReplications, labels: ["A", "B"])
      return (outcome.summaries[0], outcome.summaries[1], targets.count)
    }
    var count = max(2, replications)
    if case .fixed(let k) = options.replications { count = k }
    let n = count
    var ra = ReplicationSummary(model: ma, targets: extra, deskAccess: desk, appointments: booked)
    var rb = ReplicationSummary(model: mb, targets: extra, deskAccess: desk, appointments: booked)
    let progress = ProgressLine(total: 2 * n)
    Replications.run(ma, seed: seed, count: n, threads: options.threadCount, into: &ra) { done, _, events in
      progress.update(done: done, events: events)
    }
    let eventsA = ra.events
    Replications.run(mb, seed: seed, count: n, threads: options.threadCount, into: &rb) { done, _, events in
      progress.update(done: n + done, events: eventsA + events)
    }
    progress.finish()
    return (ra, rb, 0)
  }
}

extension Compare {
  /// A side of compare.json: the scenario's id, file, hash and overrides, its title in
  /// both languages (outside the hash, like every name) and its period.
  static func side(_ s: Scenario, file: String, overrides: [String]) -> CompareFile.Side {
    let c = s.configuration
    var side = CompareFile.Side(scenario: c.name, file: file, hash: s.hash, overrides: overrides)
    side.title = c.names.en[ScenarioNames.Kind.title.rawValue]
    side.title_vi = c.names.vi[ScenarioNames.Kind.title.rawValue]
    side.start = c.start.description
    side.end = c.end.description
    return side
  }

  /// compare.json and compare.csv in `out`.
  func write(
    to out: String, scenarios: (a: Scenario, b: Scenario), seed s: UInt64, replications reps: Int,
    differences: [CompareDifference<Double>], propagation: UncertaintySummary.Propagation?,
    changes: [ConfigurationChanges.Change], ranked: [CompareDifference<Double>]
  ) throws {
    let (sa, sb) = scenarios
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let path = (out as NSString).appendingPathComponent("compare.json")
    var file = CompareFile(
      a: Self.side(sa, file: a, overrides: overridesA), b: Self.side(sb, file: b, overrides: overridesB), seed: s,
      replications: reps, version: OneStopVersion.string, differences: differences)
    file.uncertainty = propagation
    file.changes = changes.map { .init(key: $0.key, a: $0.a, b: $0.b) }
    file.scoped = ranked
    // Each unit's name in A's report language (its Vietnamese name in a Vietnamese report).
    let names = sa.configuration.names
    file.units = sa.configuration.units.map {
      let name = names.name("unit:" + $0.id, own: $0.name == $0.id ? nil : $0.name, id: $0.id, in: names.language)
      return .init(id: $0.id, name: name, level: $0.level, parent: $0.parent ?? "")
    }
    try writeAtomically(JSONText.encode(file), to: path)
    let csv = (out as NSString).appendingPathComponent("compare.csv")
    try writeAtomically(CompareScopes.csv(ranked), to: csv)
    print("")
    print("wrote \(path), \(csv)")
  }
}

extension CompareScopes {
  /// compare.csv: every difference at every scope, most significant first.
  static func csv(_ ranked: [CompareDifference<Double>]) -> String {
    func n(_ x: Double?) -> String { x.map(JSONText.csvNumber) ?? "" }
    let table = CSVTable<CompareDifference<Double>>([
      .init("kpi") { JSONText.csvField($0.kpi) }, .init("scope") { JSONText.csvField($0.scope ?? "") },
      .init("unit") { $0.unit.rawValue },
      .init("a") { n($0.a) }, .init("b") { n($0.b) }, .init("difference") { n($0.difference) },
      .init("half_width") { n($0.half_width) }, .init("unpaired_half_width") { n($0.unpaired_half_width) },
      .init("significance") { n($0.significance) },
    ])
    return table.text(ranked)
  }
}
