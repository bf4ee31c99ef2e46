import OneStopIO

/// The range of values of a fitted parameter that its fit cannot tell apart from the best:
/// the values of every candidate whose objective (the weighted misfit, plus the penalty of
/// an overloaded back office) lies within `threshold` of the best candidate's, widened to
/// halfway towards the nearest candidate outside (whose value is then known to fit worse),
/// and clipped to the `--param` bounds.
///
/// Why 3.84: when the misfit is a sum of squared standardised residuals (each figure's
/// tolerance read as the standard deviation of its error), the misfit is -2 log-likelihood
/// up to a constant, and the values of one parameter whose profile misfit lies within
/// χ²(1, 0.95) = 3.84 of the minimum form its 95 % profile-likelihood interval (Wilks).
/// A candidate within 3.84 puts its value inside that interval whatever the other
/// parameters' values were, so the accepted candidates' values are an inner approximation of
/// it; halfway towards the nearest rejected value estimates its end.
///
/// Limits (docs/calibration.md): only the candidates the search visited count (a screen and a
/// local search, dense near the best, sparse far from it); where no candidate lies beyond
/// the accepted ones, the range runs to the bound, since nothing says those values fit worse;
/// the simulation's own noise in each candidate's means is not counted; a tolerance that is
/// a judgement, not a standard deviation, makes the 95 % nominal.
public struct FittedRange: Sendable, Equatable {
  /// χ²(1) at 0.95: the profile-likelihood threshold for one parameter.
  public static let threshold = 3.84

  public let low: Double
  public let high: Double
  /// Candidates within the threshold, and candidates in all.
  public let accepted: Int
  public let candidates: Int

  /// The range of each of `parameters` from `evaluations` (each: the parameters' values and
  /// the objective); nil when no candidate has a finite objective.
  public static func ranges(
    _ evaluations: [(values: [Double], objective: Double)], parameters: [CalibrationParameter],
    threshold: Double = threshold
  ) -> [FittedRange]? {
    let finite = evaluations.filter { $0.objective.isFinite && $0.values.count == parameters.count }
    guard let best = finite.map(\.objective).min() else { return nil }
    let inside = finite.filter { $0.objective <= best + threshold }
    return parameters.enumerated().map { i, p in
      let values = inside.map { $0.values[i] }
      let lo = values.min()!, hi = values.max()!
      let below = finite.map { $0.values[i] }.filter { $0 < lo }.max()
      let above = finite.map { $0.values[i] }.filter { $0 > hi }.min()
      // An integer between a rejected and an accepted value was not tried: it stays in.
      let low = below.map { p.integer ? $0 + 1 : ($0 + lo) / 2 } ?? p.low
      let high = above.map { p.integer ? $0 - 1 : ($0 + hi) / 2 } ?? p.high
      return FittedRange(
        low: max(p.low, min(low, lo)), high: min(p.high, max(high, hi)), accepted: inside.count,
        candidates: finite.count)
    }
  }

  /// The range as the `uncertainty:` section writes it: plain numbers in the scenario's
  /// unit (whole numbers for an integer parameter), `LOW..HIGH`.
  public func text(_ p: CalibrationParameter) -> String {
    func n(_ v: Double) -> String { p.integer ? String(Int(v.rounded())) : JSONText.number((v * 1e6).rounded() / 1e6) }
    return "\(n(low))..\(n(high))"
  }
}

extension CalibrationSearch {
  /// Every candidate evaluated (run or read from the journal): its values and objective.
  public var candidates: [(values: [Double], objective: Double)] {
    cache.values.map { ($0.values, $0.objective) }
  }
}
