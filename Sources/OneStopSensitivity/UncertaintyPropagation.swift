import DESKernel
import Sensitivity

/// What the KPIs could be, given what we do not know: the parameters' ranges propagated
/// into each KPI by running `sets` points spread over the ranges (Sobol's sequence mapped
/// through each range's spread: every value of a uniform range equally likely), each on the
/// same replications as the scenario.
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
  /// Per set, per parameter, the value it took (in the parameter's scale).
  public let values: [[Double]]

  /// Propagation results from their parts.
  public init(sets: Int, means: [[Double]], values: [[Double]]) {
    self.sets = sets
    self.means = means
    self.values = values
  }

  /// The sets' positions in the unit cube: the first `sets` points of Sobol's sequence of the
  /// dimension (a GSL stream above its limit), named after `seed`, so that A and B of a
  /// comparison, and a rerun, get the same sets.
  public static func points(sets: Int, dimensions: Int, seed: UInt64) -> [[Double]] {
    UnitPoints.points(sets, dimensions: dimensions, source: .sobol, seed: seed, name: "uncertainty/design")
  }

  /// Runs `sets` points over `parameters` with `evaluator`; `progress` hears (done, sets).
  public static func run(
    _ evaluator: PointEvaluator, parameters: [SensitivityParameter], sets: Int, seed: UInt64,
    progress: ((Int, Int) -> Void)? = nil
  ) throws(SensitivityError) -> UncertaintyPropagation {
    let points = points(sets: sets, dimensions: parameters.count, seed: seed)
    let means = try evaluator.means(parameters, points: points, progress: progress)
    return UncertaintyPropagation(
      sets: sets, means: evaluator.kpis.indices.map { q in means.map { $0[q] } },
      values: points.map { u in zip(parameters, u).map { $0.value(at: $1) } })
  }

  /// The interval of KPI `q`: the sets' 2.5th to 97.5th percentiles, each end moved out by
  /// `noise` (the 95 % half-width of the scenario's mean over its replications), the lower
  /// end not below 0 and the upper one not above `ceiling` (100 for a percentage).
  public func interval(_ q: Int, noise: Double, ceiling: Double = .infinity) -> (low: Double, high: Double)? {
    // Every KPI is a count, a share or a time: never below 0 (as `Estimate.low`).
    Self.interval(means[q], noise: noise, floor: 0, ceiling: ceiling)
  }

  /// The 2.5th to 97.5th percentiles of the finite `values`, each end moved out by `noise`,
  /// kept within `floor ... ceiling`; nil with fewer than two values.
  public static func interval(
    _ values: [Double], noise: Double, floor: Double, ceiling: Double
  ) -> (low: Double, high: Double)? {
    let sorted = values.filter(\.isFinite).sorted()
    guard sorted.count > 1 else { return nil }
    let h = noise.isFinite ? noise : 0
    let low = BootstrapInterval.quantile(sorted, 0.025) - h, high = BootstrapInterval.quantile(sorted, 0.975) + h
    return (max(floor, low), min(ceiling, high))
  }

  /// Per parameter, its share of KPI `q`'s variance across the sets: the squared correlation
  /// of the sets' means with the parameter's values (the share a straight line in that
  /// parameter explains; on nearly uncorrelated design points, the squared standardised
  /// regression coefficient). 0 for a parameter that took one value or a KPI that never moved.
  public func shares(_ q: Int) -> [Double] {
    Self.shares(means[q], values: values)
  }

  /// `shares` of `outputs` (one per set) against `values` (per set, per parameter).
  public static func shares(_ outputs: [Double], values: [[Double]]) -> [Double] {
    let k = values.first?.count ?? 0
    let rows = zip(outputs, values).filter { $0.0.isFinite }
    let n = Double(rows.count)
    guard n >= 3 else { return Array(repeating: 0, count: k) }
    let my = rows.map(\.0).reduce(0, +) / n
    let syy = rows.map { ($0.0 - my) * ($0.0 - my) }.reduce(0, +)
    return (0..<k).map { i in
      let mx = rows.map { $0.1[i] }.reduce(0, +) / n
      var sxy = 0.0, sxx = 0.0
      for (y, x) in rows {
        sxy += (x[i] - mx) * (y - my)
        sxx += (x[i] - mx) * (x[i] - mx)
      }
      guard sxx > 0, syy > 0 else { return 0 }
      return min(1, sxy * sxy / (sxx * syy))
    }
  }

  /// The (up to) three parameters KPI `q` depends on most: the largest shares among those
  /// whose correlation is significant at 5 % (Student t with sets - 2 degrees of freedom),
  /// as (parameter index, share), largest first.
  public func dependsMost(_ q: Int, top: Int = 3) -> [(index: Int, share: Double)] {
    Self.dependsMost(shares(q), sets: means[q].filter(\.isFinite).count, top: top)
  }

  /// The largest significant `shares` of `sets` sets, largest first, ties by index.
  public static func dependsMost(_ shares: [Double], sets: Int, top: Int = 3) -> [(index: Int, share: Double)] {
    guard sets >= 3 else { return [] }
    let t = StudentT.quantile(0.975, degreesOfFreedom: Double(sets - 2))
    let threshold = t * t / (t * t + Double(sets - 2))
    return shares.enumerated().filter { $0.element > threshold }
      .sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
      .prefix(top).map { ($0.offset, $0.element) }
  }
}
