import DESKernel

/// A KPI's estimate over replications: the mean, the sample variance, the number of
/// replications and the 95 % Student-t half-width of the mean. The one place onestop
/// turns replication values into an interval: run, compare, check, `--replications
/// auto`, sweeps, staffing and calibration all read it.
///
/// The half-width is t(0.975, n - 1) · s / √n (`StudentT.halfWidth`), 0 with fewer than
/// two replications (there is no interval; tables print "-").
public struct Estimate: Sendable, Equatable {
  public let mean: Double
  /// Sample variance (n - 1 denominator); 0 with fewer than two replications.
  public let variance: Double
  public let count: Int
  public let halfWidth: Double

  /// The estimate of the observations added to `tally`.
  public init(_ tally: Tally) {
    mean = tally.mean
    variance = tally.variance
    count = tally.count
    halfWidth = StudentT.halfWidth(sd: tally.standardDeviation, count: tally.count)
  }

  /// The estimate of `values`, added in order.
  public init(_ values: some Sequence<Double>) {
    var t = Tally()
    for x in values { t.add(x) }
    self.init(t)
  }

  public var standardDeviation: Double { variance.squareRoot() }

  /// True with two replications or more: only then is there an interval.
  public var hasInterval: Bool { count >= 2 }

  /// The low end of the 95 % interval written to files: mean - half-width, cut at 0
  /// (every KPI is a count, a duration, a rate or a share, none negative).
  public var low: Double { Swift.max(0, mean - halfWidth) }
  /// The high end of the 95 % interval: mean + half-width.
  public var high: Double { mean + halfWidth }

  /// The one-sided 95 % margin t(0.95, n - 1) · s / √n: the mean plus it is the upper
  /// confidence bound a staffing target is held to; infinite with fewer than two
  /// replications (nothing can be claimed).
  public var oneSidedMargin: Double {
    guard count >= 2 else { return .infinity }
    return StudentT.quantile(0.95, degreesOfFreedom: Double(count - 1))
      * (standardDeviation / Double(count).squareRoot())
  }

  /// The two-sided p-value of Welch's t-test for equal means of this estimate and `other`.
  public func welchPValue(against other: Estimate) -> Double {
    StudentT.welchPValue(
      mean1: mean, variance1: variance, count1: count, mean2: other.mean, variance2: other.variance, count2: other.count
    )
  }

  /// The 95 % half-width of the difference of two means of `n` replications each as if
  /// they were independent (pooled degrees of freedom 2n - 2): what common random
  /// numbers save, next to the paired half-width.
  public static func unpairedHalfWidth(_ a: Estimate, _ b: Estimate) -> Double {
    let n = Double(a.count)
    let se = (a.variance / n + b.variance / n).squareRoot()
    return StudentT.quantile(0.975, degreesOfFreedom: 2 * n - 2) * se
  }
}

extension Estimate: Encodable {
  private enum CodingKeys: String, CodingKey { case mean, ci95 }

  /// `{"mean": m, "ci95": [low, high]}`: a mean and its interval in every result file.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(mean, forKey: .mean)
    try c.encode([low, high], forKey: .ci95)
  }
}
