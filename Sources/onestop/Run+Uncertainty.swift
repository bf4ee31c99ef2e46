import ArgumentParser
import DESKernel
import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopSensitivity

extension Run {
  /// The parameters of `--uncertainty`: the `--param` ranges, or every printed prior at its
  /// default range; each built at both ends now, so a misspelt key fails before the run.
  func uncertaintyParameters(_ scenario: Scenario) throws -> [SensitivityParameter] {
    guard uncertainty != nil else { return [] }
    do {
      let base = try ScenarioBase(path: file, sets: overrides)
      let parameters = try SensitivityParameter.study(
        params: params, ranges: scenario.uncertainty, root: base.root, priors: scenario.configuration.priors()
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

  /// Runs `sets` parameter sets over `parameters` on the run's seed and replications, and
  /// prints each key indicator with its noise interval and its interval of noise and
  /// parameters; with `--out`, `uncertainty.csv`.
  func propagate(sets: Int, parameters: [SensitivityParameter], summary: Summary, seed: UInt64) throws {
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
    let defaulted = parameters.allSatisfy(\.defaulted)
    var lines = [
      "",
      "Parameter uncertainty: \(plural(sets, "set")) of \(plural(parameters.count, "parameter"))"
        + (defaulted ? " (the priors at their default ranges, docs/sensitivity.md)" : " (--param ranges)")
        + ", \(plural(summary.replications, "replication")) each, common random numbers",
      pad("indicator", 36) + lpad("mean", 12) + lpad("95% CI ±", 11) + lpad("with parameters (95 %)", 28) + "  unit",
    ]
    var csv = "kpi,mean,ci95_low,ci95_high,with_parameters_low,with_parameters_high\n"
    for (q, kpi) in kpis.enumerated() {
      guard let e = summary.value(kpi.name) else { continue }
      // A rate or a share is at most 100 %, as its mean is.
      let i = result.interval(
        q, noise: summary.replications > 1 ? e.halfWidth : 0, ceiling: kpi.unit == .percent ? 100 : .infinity)
      let span = i.map { "\(number($0.low, kpi.unit)) .. \(number($0.high, kpi.unit))" } ?? "-"
      lines.append(
        pad(kpi.name, 36) + lpad(number(e.mean, kpi.unit), 12)
          + lpad(summary.replications > 1 ? number(e.halfWidth, kpi.unit) : "-", 11) + lpad(span, 28) + "  \(kpi.unit)")
      csv +=
        [
          JSONText.csvField(kpi.name), JSONText.number(e.mean), JSONText.number(e.low), JSONText.number(e.high),
          i.map { JSONText.number($0.low) } ?? "", i.map { JSONText.number($0.high) } ?? "",
        ].joined(separator: ",") + "\n"
    }
    if json != "-" { print(lines.joined(separator: "\n")) }
    if let out { try writeAtomically(csv, to: (out as NSString).appendingPathComponent("uncertainty.csv")) }
  }
}
