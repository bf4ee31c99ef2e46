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

extension StudentT {
  /// P(T > t) for Student's t with `degreesOfFreedom` degrees of freedom.
  public static func upperTail(_ t: Double, degreesOfFreedom: Double) -> Double {
    GSL.configure()
    return gsl_cdf_tdist_Q(t, degreesOfFreedom)
  }

  /// Welch's two-sample t-test: the two-sided p-value for equal means, from the means,
  /// sample variances and sizes. Returns 1 when both samples have no spread and equal
  /// means, 0 when they have no spread and differ.
  public static func welchPValue(
    mean1: Double, variance1: Double, count1: Int, mean2: Double, variance2: Double, count2: Int
  ) -> Double {
    let a = variance1 / Double(count1), b = variance2 / Double(count2)
    let se = (a + b).squareRoot()
    guard se > 0 else { return mean1 == mean2 ? 1 : 0 }
    let t = abs(mean1 - mean2) / se
    let df = (a + b) * (a + b) / (a * a / Double(max(count1 - 1, 1)) + b * b / Double(max(count2 - 1, 1)))
    return min(1, 2 * upperTail(t, degreesOfFreedom: df))
  }
}
