import Sensitivity

/// What the KPIs could be, given what we do not know: the parameters' ranges propagated
/// into each KPI by running `sets` points spread over the ranges (Sobol's sequence, every
/// value equally likely within its range), each on the same replications as the scenario.
///
/// The interval printed beside a KPI by `onestop run` covers the replications' noise only.
/// This one covers the parameters as well: from the 2.5th to the 97.5th percentile of the
/// sets' means, widened on each side by the noise's 95 % half-width of the scenario as it
/// is (a sum of the two, on the safe side: on common random numbers the sets' means share
/// most of their noise, so their spread is the parameters').
public struct UncertaintyPropagation: Sendable {
  /// Parameter sets run.
  public let sets: Int
  /// Per KPI, per set, the mean over the replications.
  public let means: [[Double]]

  /// Runs `sets` points over `parameters` with `evaluator`; `progress` hears (done, sets).
  public static func run(
    _ evaluator: PointEvaluator, parameters: [SensitivityParameter], sets: Int, seed: UInt64,
    progress: ((Int, Int) -> Void)? = nil
  ) throws(SensitivityError) -> UncertaintyPropagation {
    let points = UnitPoints.points(
      sets, dimensions: parameters.count, source: .sobol, seed: seed,
      name: "uncertainty/design")
    let means = try evaluator.means(parameters, points: points, progress: progress)
    return UncertaintyPropagation(sets: sets, means: evaluator.kpis.indices.map { q in means.map { $0[q] } })
  }

  /// The interval of KPI `q`: the sets' 2.5th to 97.5th percentiles, each end moved out by
  /// `noise` (the 95 % half-width of the scenario's mean over its replications), the lower
  /// end not below 0 and the upper one not above `ceiling` (100 for a percentage).
  public func interval(_ q: Int, noise: Double, ceiling: Double = .infinity) -> (low: Double, high: Double)? {
    let values = means[q].filter(\.isFinite).sorted()
    guard values.count > 1 else { return nil }
    let h = noise.isFinite ? noise : 0
    // Every KPI is a count, a share or a time: never below 0 (as `Estimate.low`).
    let low = BootstrapInterval.quantile(values, 0.025) - h, high = BootstrapInterval.quantile(values, 0.975) + h
    return (max(0, low), min(ceiling, high))
  }
}
