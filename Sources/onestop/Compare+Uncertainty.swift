import ArgumentParser
import Foundation
import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario
import OneStopSensitivity

extension Compare {
  /// A's parameters for `--uncertainty`: its `--param` ranges, or its written ranges and
  /// every other printed prior at the default range, less the keys B changes (a parameter
  /// set would undo B's change there); each built at both ends in A and in B.
  func uncertaintyParameters(
    _ sa: Scenario, baseA: ScenarioBase, baseB: ScenarioBase
  ) throws(SensitivityError) -> (parameters: [SensitivityParameter], leftOut: [String]) {
    let all = try SensitivityParameter.study(
      params: ranges.params, ranges: sa.uncertainty, root: baseA.root, priors: sa.configuration.priors()
    ).parameters
    let changed = all.filter { $0.differs(between: baseA.root, and: baseB.root) }.map(\.key)
    let parameters = all.filter { !changed.contains($0.key) }
    if parameters.isEmpty {
      throw SensitivityError("--uncertainty: no parameter to vary (B changes every one); name keys with --param")
    }
    for base in [baseA, baseB] {
      let probe = PointEvaluator(base: base, identity: base.file, kpis: [], seed: 0, replications: 1, threads: 1)
      try SensitivityParameter.checkEnds(parameters, probe)
    }
    return (parameters, changed)
  }

  /// Runs the same `sets` parameter sets in A and in B on the comparison's seed and
  /// replications (common random numbers throughout), and gives every KPI difference its
  /// interval under noise alone (the paired one), under noise and parameters (the sets'
  /// differences' middle 95 %, each end moved out by the paired half-width), and the shares
  /// of the sets in which B is better and in which it is higher. Prints the table.
  func propagate(
    sets: Int, _ differences: [CompareDifference<Double>], seed: UInt64, replications: Int,
    scenarios: (a: Scenario, b: Scenario)
  ) throws -> ([CompareDifference<Double>], UncertaintySummary.Propagation) {
    do {
      let baseA = try ScenarioBase(path: a, sets: []), baseB = try ScenarioBase(path: b, sets: [])
      let (parameters, leftOut) = try uncertaintyParameters(scenarios.a, baseA: baseA, baseB: baseB)
      let kpis = differences.compactMap { KPI.named($0.kpi) }
      var runs: [UncertaintyPropagation] = []
      for (label, base) in [("A", baseA), ("B", baseB)] {
        let evaluator = PointEvaluator(
          base: base, identity: base.file, kpis: kpis, seed: seed, replications: replications,
          threads: options.threadCount)
        let progress = ProgressLine(total: sets)
        printError("parameter sets in \(label):")
        runs.append(
          try UncertaintyPropagation.run(evaluator, parameters: parameters, sets: sets, seed: seed) {
            progress.update(rows: $0, of: $1)
          })
        progress.finish()
      }
      let out = differences.enumerated().map { q, d in
        Self.withUncertainty(d, a: runs[0].means[q], b: runs[1].means[q])
      }
      printDifferences(out, parameters: parameters, leftOut: leftOut, sets: sets, replications: replications)
      let described = parameters.map {
        UncertaintySummary.Parameter(
          key: $0.key, range: $0.rangeText, origin: $0.origin.rawValue, source: $0.source,
          sourceVi: $0.sourceVi,
          distribution: $0.spread.rawValue)
      }
      return (out, .init(sets: sets, replications: replications, parameters: described, leftOut: leftOut))
    } catch let error as SensitivityError {
      printError("error: " + error.description)
      throw ExitCode(2)
    } catch let error as ScenarioErrors {
      printError(error.description)
      throw ExitCode(2)
    }
  }

  /// `d` with its intervals and shares from the sets' means of A and B (in set order).
  static func withUncertainty(_ d: CompareDifference<Double>, a: [Double], b: [Double]) -> CompareDifference<Double> {
    var d = d
    let diffs = zip(a, b).map { $1 - $0 }.filter(\.isFinite)
    // A difference of rates lies within ±100 points.
    let bound = d.unit == .percent ? 100.0 : .infinity
    d.ci95_noise = [d.difference - d.half_width, d.difference + d.half_width]
    d.ci95_total = UncertaintyPropagation.interval(diffs, noise: d.half_width, floor: -bound, ceiling: bound)
      .map { [$0.low, $0.high] }
    let n = Double(max(1, diffs.count))
    d.share_b_higher = Double(diffs.filter { $0 > 0 }.count) / n
    if let direction = KPIDirection.of(d.kpi) {
      d.better = direction.rawValue
      d.share_b_better = Double(diffs.filter { direction.better($0) }.count) / n
    }
    return d
  }

  /// The parameters, then per KPI: B - A, its two intervals, and in how many sets B is better.
  func printDifferences(
    _ rows: [CompareDifference<Double>], parameters: [SensitivityParameter], leftOut: [String], sets: Int,
    replications: Int
  ) {
    print("")
    print(
      "Parameter uncertainty: \(plural(sets, "set")) of \(plural(parameters.count, "parameter")) (A's ranges, the "
        + "same values in A and B), \(plural(replications, "replication")) each, common random numbers")
    let width = max(40, (parameters.map(\.key.count).max() ?? 0) + 2)
    for p in parameters { print("  " + pad(p.key, width) + p.rangeText + p.originNote) }
    if !leftOut.isEmpty { print("left out, B changes them: " + leftOut.joined(separator: ", ")) }
    print("")
    print(
      pad("indicator", 28) + lpad("B - A", 11) + lpad("noise 95% CI", 22) + lpad("noise + parameters 95% CI", 28)
        + lpad("B better", 10) + "  unit")
    for d in rows {
      func span(_ x: [Double]?) -> String { x.map { "\(number($0[0], d.unit)) .. \(number($0[1], d.unit))" } ?? "-" }
      // The same in every set: no way is better.
      let same = d.difference == 0 && d.ci95_total == [0, 0]
      let better = same ? "=" : d.share_b_better.map { "\(fmt(100 * $0, 0)) %" } ?? "-"
      print(
        pad(d.kpi, 28) + lpad(number(d.difference, d.unit), 11) + lpad(span(d.ci95_noise), 22)
          + lpad(span(d.ci95_total), 28) + lpad(better, 10) + "  \(d.unit)")
    }
    print(
      "B better: the share of the parameter sets in which B - A goes the KPI's better way (= the same in every set; "
        + "docs/sensitivity.md).")
  }
}

extension SensitivityParameter {
  /// `true` when the two trees write different values at this parameter's key (for `[*]`,
  /// at any item), so that a set's value would undo what one of them changes.
  func differs(between a: YNode, and b: YNode) -> Bool {
    Self.values(at: key, in: a) != Self.values(at: key, in: b)
  }

  /// The canonical texts of the values at `path` in `root` (every item for `[*]`).
  static func values(at path: String, in root: YNode) -> [String] {
    var nodes = [root]
    let segments = (try? ScenarioOverride(path: path, value: YNode(.null, file: "", line: 0, column: 0)))?.segments
    for s in segments ?? [] {
      nodes = nodes.flatMap { n -> [YNode] in
        switch s {
        case .key(let k): return n[k].map { [$0] } ?? []
        case .all: if case .sequence(let items) = n.kind { return items } else { return [] }
        case .item(let id):
          guard case .sequence(let items) = n.kind else { return [] }
          if let i = items.last(where: { $0["id"]?.scalarText == id }) { return [i] }
          if let k = Int(id), k >= 0, k < items.count { return [items[k]] }
          return []
        }
      }
    }
    return nodes.map(\.canonical)
  }
}

extension YNode {
  /// The value as one line of text, independent of the file's layout.
  var canonical: String {
    switch kind {
    case .scalar(let s): return s
    case .null: return "null"
    case .sequence(let items): return "[" + items.map(\.canonical).joined(separator: ", ") + "]"
    case .mapping(let pairs):
      return "{" + pairs.map { "\($0.key): \($0.value.canonical)" }.joined(separator: ", ") + "}"
    }
  }
}
