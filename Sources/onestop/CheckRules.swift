import DESKernel
import OneStopModel

/// The rules of `onestop check` (docs/results.md, "The regression check"), apart from the
/// command so they can be read and tested on their own.
///
/// Why two rules: Welch's test at alpha = 0.001 needs many replications to see anything.
/// With 3 replications a desk wait going from 0.9 to 87 minutes (a hundredfold) had
/// p = 0.009 and passed. So a KPI also fails on a gross change whatever the p-value; and
/// `check --update` says when a baseline is too small for the test to detect a practical
/// change.
enum CheckRules {
  /// A gross change: the larger mean is more than `grossRatio` times the smaller one (or
  /// the sign flipped)...
  static let grossRatio = 10.0
  /// ... and the change is larger than `floorMultiple` times the unit's floor (5 minutes
  /// of waiting is 1 minute, 10 dossiers are 50, 0.2 points are 1 point), so a KPI near
  /// zero (0.02 -> 0.5 minutes) does not fail on noise.
  static let floorMultiple = 5.0

  /// The practical change a baseline must be able to detect: half the baseline mean, and
  /// at least `floorMultiple` times the unit's floor...
  static let practicalChange = 0.5
  /// ... with this power, at the check's alpha.
  static let power = 0.9

  /// The absolute floor of the gross-change rule and of the practical change.
  static func grossFloor(_ unit: String) -> Double { floorMultiple * (KPIUnit(rawValue: unit)?.checkFloor ?? 0) }

  /// `true` when `before` -> `after` is a gross change of a KPI in `unit`.
  static func isGross(_ before: Double, _ after: Double, unit: String) -> Bool {
    guard before.isFinite, after.isFinite, abs(after - before) > grossFloor(unit) else { return false }
    if before * after < 0 { return true }
    let (small, large) = (min(abs(before), abs(after)), max(abs(before), abs(after)))
    return large > grossRatio * small
  }

  /// Replications per side that Welch's test at `alpha` needs to detect the practical change
  /// of a KPI whose replications vary with standard deviation `sd` around `mean`, with
  /// `power`: the smallest n with n >= 2 (t(1 - alpha/2) + t(power))^2 sd^2 / delta^2, the
  /// t quantiles at 2n - 2 degrees of freedom (the normal approximation of the noncentral
  /// t, within a replication or two of it). `nil` when more than `limit` are needed.
  static func replicationsNeeded(mean: Double, sd: Double, unit: String, alpha: Double, limit: Int) -> Int? {
    let delta = max(practicalChange * abs(mean), grossFloor(unit))
    guard sd.isFinite, mean.isFinite, sd > 0, delta > 0 else { return 2 }
    for n in 2...max(2, limit) {
      let df = Double(2 * n - 2)
      let t = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: df) + StudentT.quantile(power, degreesOfFreedom: df)
      if Double(n) >= 2 * t * t * sd * sd / (delta * delta) { return n }
    }
    return nil
  }

  /// The KPI that needs the most replications (its name, and the count, nil above `limit`),
  /// or nil when `replications` are enough for every KPI.
  static func tooFew(_ baseline: Baseline, alpha: Double, limit: Int) -> (kpi: String, needed: Int?, sd: Double)? {
    var worst: (kpi: String, needed: Int?, sd: Double)?
    for (name, values) in baseline.values {
      let e = Estimate(values.filter(\.isFinite))
      guard e.count >= 2 else { continue }
      let unit = baseline.units[name] ?? ""
      let n = replicationsNeeded(mean: e.mean, sd: e.standardDeviation, unit: unit, alpha: alpha, limit: limit)
      guard n.map({ $0 > baseline.replications }) ?? true else { continue }
      if worst == nil || (worst!.needed ?? Int.max) < (n ?? Int.max) { worst = (name, n, e.standardDeviation) }
    }
    return worst
  }
}
