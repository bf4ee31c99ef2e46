import CGSL
import DESKernel

/// A two-sided Student-t confidence interval for a mean, from independent observations
/// (replication means or batch means).
///
/// Theory tests assert that the analytic value lies inside such an interval. The level
/// is chosen per test and written next to it: at 99.9 % a correct simulator fails a
/// given check with probability 0.001 for a random seed; the seeds are fixed, so a test
/// that passes once passes always, and a model error of a few standard errors makes it
/// fail.
public struct ConfidenceInterval: CustomStringConvertible, Sendable {
  /// Sample mean of the observations.
  public let mean: Double
  /// Half-width: t(1 − α/2, n − 1) · s / √n.
  public let halfWidth: Double
  /// Number of observations.
  public let count: Int
  /// Confidence level, e.g. 0.999.
  public let level: Double

  /// The interval of `observations` (at least two) at `level`.
  public init(_ observations: [Double], level: Double) {
    precondition(observations.count >= 2, "a confidence interval needs at least two observations")
    var tally = Tally()
    for x in observations { tally.add(x) }
    let n = Double(observations.count)
    let t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, n - 1)
    mean = tally.mean
    halfWidth = t * tally.standardDeviation / n.squareRoot()
    count = observations.count
    self.level = level
  }

  /// Lower and upper bounds.
  public var lower: Double { mean - halfWidth }
  public var upper: Double { mean + halfWidth }

  /// `true` when `value` lies inside the interval.
  public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

  public var description: String {
    "\(mean) ± \(halfWidth) (\(Int((level * 1000).rounded()) / 10) % CI over \(count))"
  }
}

/// Splits a sequence of draws into `batches` equal batches and returns each batch's
/// statistic; batch means of i.i.d. draws are i.i.d. and close to normal.
public func batchStatistics(
  batches: Int, perBatch: Int, draw: () -> Double, statistic: (Tally) -> Double
) -> [Double] {
  (0..<batches).map { _ in
    var tally = Tally()
    for _ in 0..<perBatch { tally.add(draw()) }
    return statistic(tally)
  }
}
