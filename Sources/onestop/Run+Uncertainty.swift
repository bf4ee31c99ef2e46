import ArgumentParser
import DESKernel
import Foundation
import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario
import OneStopSensitivity

extension Run {
  /// The KPIs whose dependence the run prints (summary.json has it for every KPI): the
  /// report's headline cards and the desk waits.
  static let headline = [
    Measure.onTimeRateOfReceived, .overdueRateOfReceived, .inProgressEnd, .apologies, .received, .deskWaitMean,
    .deskWaitP90,
  ].map(\.name)

  /// How `ci95_total` and the shares are computed, as summary.json says it.
  static let uncertaintyMethod =
    "ci95_total: 2.5th to 97.5th percentile of the sets' means, each end moved out by the noise half-width; "
    + "depends_most: squared correlation of the KPI with each parameter across the sets, significant at 5 % "
    + "(docs/sensitivity.md)"

  /// The parameters of `--uncertainty`: the `--param` ranges, or the scenario's written
  /// ranges and every other printed prior at its default range; each built at both ends
  /// now, so a misspelt key or an impossible range fails before the run.
  func uncertaintyParameters(_ scenario: Scenario) throws -> [SensitivityParameter] {
    guard uncertainty != nil else { return [] }
    do {
      let base = try ScenarioBase(path: file, sets: overrides)
      let parameters = try SensitivityParameter.study(
        params: ranges.params, ranges: scenario.uncertainty, root: base.root, priors: scenario.configuration.priors()
      ).parameters
      if parameters.isEmpty { throw SensitivityError("--uncertainty: no parameter to vary; name keys with --param") }
      let probe = PointEvaluator(base: base, identity: file, kpis: [], seed: 0, replications: 1, threads: 1)
      try SensitivityParameter.checkEnds(parameters, probe)
      return parameters
    } catch let error as SensitivityError {
      printError("error: " + error.description)
      throw ExitCode(2)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
  }

  /// Runs `sets` parameter sets over `parameters` on the run's seed and replications,
  /// prints the parameters with their ranges and origins, each key indicator with its noise
  /// interval and its interval of noise and parameters, and what the headline indicators
  /// depend on most; with `--out`, `uncertainty.csv`. Returns summary.json's `uncertainty`.
  func propagate(
    sets: Int, parameters: [SensitivityParameter], summary: Summary, seed: UInt64
  ) throws -> UncertaintySummary {
    let base: ScenarioBase
    do { base = try ScenarioBase(path: file, sets: overrides) } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let kpis = summary.stats.kpis.kpis.filter { $0.name != Measure.events.name }
    let evaluator = PointEvaluator(
      base: base, identity: file, kpis: kpis, seed: seed, replications: summary.replications,
      threads: options.threadCount, warmup: warmup.flatMap(Warmup.init))
    let progress = quiet ? nil : ProgressLine(total: sets)
    let result: UncertaintyPropagation
    do {
      result = try UncertaintyPropagation.run(evaluator, parameters: parameters, sets: sets, seed: seed) {
        done, total in
        progress?.update(rows: done, of: total)
      }
    } catch {
      printError("error: " + error.description)
      throw ExitCode(2)
    }
    progress?.finish()
    var rows: [(name: String, value: UncertaintyKPI<Double>)] = []
    for (q, kpi) in kpis.enumerated() {
      guard let e = summary.value(kpi.name) else { continue }
      // A rate or a share is at most 100 %, as its mean is.
      let i = result.interval(
        q, noise: summary.replications > 1 ? e.halfWidth : 0, ceiling: kpi.unit == .percent ? 100 : .infinity)
      let most = result.dependsMost(q).map { UncertaintyKPI.Share(param: parameters[$0.index].key, share: $0.share) }
      rows.append(
        (
          kpi.name,
          UncertaintyKPI(mean: e.mean, noise: [e.low, e.high], total: i.map { [$0.low, $0.high] }, dependsMost: most)
        ))
    }
    let units = Dictionary(kpis.map { ($0.name, $0.unit) }, uniquingKeysWith: { a, _ in a })
    if json != "-" { printUncertainty(rows, units: units, parameters: parameters, sets: sets, summary: summary) }
    if let out {
      try writeAtomically(Self.uncertaintyCSV(rows), to: (out as NSString).appendingPathComponent("uncertainty.csv"))
    }
    return UncertaintySummary(
      sets: sets, replications: summary.replications,
      parameters: parameters.map {
        .init(
          key: $0.key, range: $0.rangeText, origin: $0.origin.rawValue, source: $0.source,
          sourceVi: $0.sourceVi,
          distribution: $0.spread.rawValue)
      }, method: Self.uncertaintyMethod, kpis: rows)
  }

  /// The parameters and their ranges (each marked with where it comes from), the table of
  /// both intervals, and the parameters each headline indicator depends on most.
  func printUncertainty(
    _ rows: [(name: String, value: UncertaintyKPI<Double>)], units: [String: KPIUnit],
    parameters: [SensitivityParameter], sets: Int, summary: Summary
  ) {
    let count = { (o: SensitivityParameter.Origin) in parameters.filter { $0.origin == o }.count }
    var lines = [
      "",
      "Parameter uncertainty: \(plural(sets, "set")) of \(plural(parameters.count, "parameter")), "
        + "\(plural(summary.replications, "replication")) each, common random numbers",
      "ranges: \(count(.scenario)) from the scenario, \(count(.fitted)) fitted, \(count(.default)) defaulted "
        + "(prior ±25 %), \(count(.param)) from --param",
    ]
    let width = max(40, (parameters.map(\.key.count).max() ?? 0) + 2)
    for p in parameters { lines.append("  " + pad(p.key, width) + p.rangeText + p.originNote) }
    lines += [
      "",
      pad("indicator", 36) + lpad("mean", 12) + lpad("noise 95% CI", 22) + lpad("noise + parameters 95% CI", 28)
        + "  unit",
    ]
    let decimals = summary.replications > 1
    for (name, v) in rows {
      let unit = units[name]
      func span(_ x: [Double]?) -> String { x.map { "\(number($0[0], unit)) .. \(number($0[1], unit))" } ?? "-" }
      lines.append(
        pad(name, 36) + lpad(number(v.mean, unit), 12) + lpad(decimals ? span(v.ci95_noise) : "-", 22)
          + lpad(span(v.ci95_total), 28) + "  \(unit.map { "\($0)" } ?? "")")
    }
    lines += ["", "Depends most on (share of the indicator's variance across the sets):"]
    for (name, v) in rows where Self.headline.contains(name) {
      let most = v.depends_most.map { "\($0.param) (\(fmt(100 * $0.share, 0)) %)" }
      lines.append("  \(name): " + (most.isEmpty ? "no parameter significantly" : most.joined(separator: ", ")))
    }
    print(lines.joined(separator: "\n"))
  }

  /// `uncertainty.csv`: per KPI the mean, the noise interval, the interval of noise and
  /// parameters, and the parameters it depends on most (`key (share)`, `;`-separated).
  static func uncertaintyCSV(_ rows: [(name: String, value: UncertaintyKPI<Double>)]) -> String {
    var csv = "kpi,mean,ci95_low,ci95_high,with_parameters_low,with_parameters_high,depends_most\n"
    for (name, v) in rows {
      csv +=
        [
          JSONText.csvField(name), JSONText.number(v.mean), JSONText.number(v.ci95_noise[0]),
          JSONText.number(v.ci95_noise[1]), v.ci95_total.map { JSONText.number($0[0]) } ?? "",
          v.ci95_total.map { JSONText.number($0[1]) } ?? "",
          JSONText.csvField(
            v.depends_most.map { "\($0.param) (\(JSONText.number($0.share)))" }.joined(separator: "; ")),
        ].joined(separator: ",") + "\n"
    }
    return csv
  }
}
