import CGSL

/// Quantiles of Student's t distribution (GSL's `gsl_cdf_tdist_Pinv`), for confidence
/// intervals over replications.
public enum StudentT {
  /// The `p`-quantile with `degreesOfFreedom` degrees of freedom.
  public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    GSL.configure()
    return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
  }

  /// Half-width of the two-sided `level` interval for the mean of observations with
  /// sample standard deviation `sd`; 0 for fewer than two observations.
  public static func halfWidth(level: Double = 0.95, sd: Double, count: Int) -> Double {
    guard count >= 2 else { return 0 }
    return quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(count - 1)) * sd / Double(count).squareRoot()
  }
}
