import Foundation
import OneStopModel
import OneStopSensitivity

extension SensitivityCommand {
  /// What is studied: the parameters and their ranges (defaulted ones said so), the priors
  /// left out, and the sizes of the designs.
  func printHeader(
    name: String, parameters: [SensitivityParameter], skipped: [(key: String, reason: String)],
    reps: Int, seed: UInt64
  ) {
    let k = parameters.count
    print(
      "Sensitivity of \(name) (\(scenario)): \(plural(k, "parameter")), \(plural(reps, "replication")) per point, "
        + "seed \(seed) (common random numbers)")
    var stages: [String] = []
    if trajectories > 0 {
      stages.append(
        "Morris screening, \(plural(trajectories, "walk")) on \(levels) levels: \(trajectories * (k + 1)) points")
    }
    if sobol > 0 {
      let kk = trajectories > 0 ? min(top, k) : k
      stages.append("Sobol indices of the top \(kk), \(sobol) rows: \(sobol * (kk + 2)) points")
    }
    print(stages.joined(separator: "; "))
    print("")
    let width = max(40, (parameters.map(\.key.count).max() ?? 0) + 2)
    print(pad("parameter", width) + "range")
    for p in parameters {
      print(pad(p.key, width) + p.rangeText + p.originNote)
    }
    if !skipped.isEmpty {
      print("")
      print("Priors not screened (no default range; give --param to include one):")
      for s in skipped { print("  \(s.key): \(s.reason)") }
    }
    print("")
  }

  /// Per KPI, the parameters most influential first, with μ*, its interval, σ and, for the
  /// Sobol stage's parameters, S and ST with their intervals.
  func printTables(_ study: SensitivityStudy) {
    let table = SensitivityTable(study)
    let width = max(40, (study.parameters.map(\.key.count).max() ?? 0) + 2)
    for kpi in study.kpis {
      print("\(kpi.name) (\(kpi.unit)), most influential first")
      var header = pad("parameter", width) + lpad("range", 22)
      if study.morris != nil { header += lpad("mu*", 11) + lpad("95% CI", 22) + lpad("sigma", 11) }
      if !study.sobol.isEmpty { header += lpad("S", 8) + lpad("95% CI", 17) + lpad("ST", 8) + lpad("95% CI", 17) }
      print(header)
      for r in table.rows where r.kpi == kpi.name {
        var line = pad(r.param, width) + lpad(r.range, 22)
        if study.morris != nil {
          line += lpad(number(r.mu_star), 11) + lpad(interval(r.mu_star_ci95, number), 22) + lpad(number(r.sigma), 11)
        }
        if !study.sobol.isEmpty {
          line +=
            lpad(index(r.first_order), 8) + lpad(interval(r.first_order_ci95, index), 17)
            + lpad(index(r.total), 8) + lpad(interval(r.total_ci95, index), 17)
        }
        print(line)
      }
      print("")
    }
    if study.morris != nil {
      print(
        "mu*: mean absolute change of the KPI, in its unit, per whole range of the parameter "
          + "(Morris elementary effects);")
      print("sigma: their spread (interactions, curvature). 0 means the KPI never moved with it.")
    }
    if !study.sobol.isEmpty {
      print(
        "S, ST: share of the KPI's variance over the ranges explained by the parameter alone, and with interactions")
      print("(Sobol indices of the top \(study.sobolParameters.count), the others at the scenario's values).")
    }
  }

  private func number(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "-" }
    let a = abs(x)
    return a == 0 ? "0" : a >= 100 ? fmt(x, 1) : a >= 1 ? fmt(x, 3) : String(format: "%.3g", x)
  }

  private func index(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "-" }
    return fmt(x, 3)
  }

  private func interval(_ x: [Double]?, _ format: (Double?) -> String) -> String {
    guard let x else { return "" }
    return "\(format(x[0]))..\(format(x[1]))"
  }
}
