import CGSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A probability distribution that knows its own mathematics.
///
/// Every distribution is built through a throwing factory (`exponential(mean:)`,
/// `lognormal(mean:cv:)`, ...) that rejects invalid parameters with a message naming
/// the parameter, so a model can never hold a distribution that would produce NaN or a
/// negative service time by accident. Each one carries its analytic `mean`, `variance`
/// and bounds, which lets generic tests compare samples with theory (as Ciw does) and
/// lets reports print what was assumed.
///
/// Sampling switches over a small enum of plain values (`Form`); the empirical case holds
/// the addresses of a shared, immutable GSL Walker table, which `table` owns.
public struct Distribution: Sendable, CustomStringConvertible {
  /// The parameters a draw reads, all plain values: a draw reads them where they lie (in
  /// an array of the compiled model, say) without reference counting or an outlined copy.
  @usableFromInline enum Form: Sendable {
    case deterministic(Double)
    case exponential(mean: Double)
    case gamma(shape: Double, scale: Double)
    case lognormal(mu: Double, sigma: Double)
    case truncatedNormal(mu: Double, sigma: Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    case empirical(EmpiricalTable.Walker)
    case bernoulli(p: Double)
    case poisson(mean: Double)
  }

  @usableFromInline let form: Form
  /// Owns the empirical case's table (nil for the other cases); a draw never reads it.
  let table: EmpiricalTable?

  init(_ form: Form) {
    self.form = form
    table = nil
  }

  init(_ table: EmpiricalTable) {
    form = .empirical(table.walker)
    self.table = table
  }

  // MARK: - Factories

  /// Always `value` (`value` >= 0 and finite).
  public static func deterministic(_ value: Double) throws(DistributionError) -> Distribution {
    try check(value >= 0 && value.isFinite, "deterministic value must be a finite number >= 0, got \(value)")
    return Distribution(.deterministic(value))
  }

  /// Exponential with the given mean (> 0).
  public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
    try check(mean > 0 && mean.isFinite, "exponential mean must be a finite number > 0, got \(mean)")
    return Distribution(.exponential(mean: mean))
  }

  /// Exponential with the given rate (> 0); the mean is `1 / rate`.
  public static func exponential(rate: Double) throws(DistributionError) -> Distribution {
    try check(rate > 0 && rate.isFinite, "exponential rate must be a finite number > 0, got \(rate)")
    return Distribution(.exponential(mean: 1 / rate))
  }

  /// Gamma with shape k > 0 and scale θ > 0: mean kθ, variance kθ².
  public static func gamma(shape: Double, scale: Double) throws(DistributionError) -> Distribution {
    try check(shape > 0 && shape.isFinite, "gamma shape must be a finite number > 0, got \(shape)")
    try check(scale > 0 && scale.isFinite, "gamma scale must be a finite number > 0, got \(scale)")
    return Distribution(.gamma(shape: shape, scale: scale))
  }

  /// Erlang: the sum of `phases` exponential phases, with total mean `mean`.
  public static func erlang(phases: Int, mean: Double) throws(DistributionError) -> Distribution {
    try check(phases >= 1, "erlang phases must be an integer >= 1, got \(phases)")
    try check(mean > 0 && mean.isFinite, "erlang mean must be a finite number > 0, got \(mean)")
    return Distribution(.gamma(shape: Double(phases), scale: mean / Double(phases)))
  }

  /// Lognormal given its own mean (> 0) and coefficient of variation (> 0):
  /// σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
  public static func lognormal(mean: Double, cv: Double) throws(DistributionError) -> Distribution {
    try check(mean > 0 && mean.isFinite, "lognormal mean must be a finite number > 0, got \(mean)")
    try check(cv > 0 && cv.isFinite, "lognormal cv must be a finite number > 0, got \(cv)")
    let sigma2 = log1p(cv * cv)
    return Distribution(.lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot()))
  }

  /// Normal N(`mean`, `sd`²) truncated to [0, ∞): values below zero are never drawn.
  /// The distribution's own mean is above `mean` by σ·φ(α)/(1 − Φ(α)), α = −mean/σ.
  public static func truncatedNormal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
    try check(mean.isFinite, "normal mean must be finite, got \(mean)")
    try check(sd > 0 && sd.isFinite, "normal sd must be a finite number > 0, got \(sd)")
    try check(
      mean / sd > -8,
      "normal(mean: \(mean), sd: \(sd)) truncated at 0 keeps less than 1e-15 of its mass; raise the mean")
    return Distribution(.truncatedNormal(mu: mean, sigma: sd))
  }

  /// Uniform on [`low`, `high`), 0 <= low < high.
  public static func uniform(low: Double, high: Double) throws(DistributionError) -> Distribution {
    try check(low >= 0 && low.isFinite, "uniform low must be a finite number >= 0, got \(low)")
    try check(high > low && high.isFinite, "uniform high must be finite and > low (\(low)), got \(high)")
    return Distribution(.uniform(low: low, high: high))
  }

  /// Triangular on [`low`, `high`] with peak at `mode`, 0 <= low <= mode <= high, low < high.
  public static func triangular(low: Double, mode: Double, high: Double) throws(DistributionError) -> Distribution {
    try check(low >= 0 && low.isFinite, "triangular low must be a finite number >= 0, got \(low)")
    try check(high > low && high.isFinite, "triangular high must be finite and > low (\(low)), got \(high)")
    try check(mode >= low && mode <= high, "triangular mode must lie in [low, high] = [\(low), \(high)], got \(mode)")
    return Distribution(.triangular(low: low, mode: mode, high: high))
  }

  /// Takes `values[i]` with probability `weights[i] / sum(weights)` (GSL's Walker
  /// alias table: O(K) to build, O(1) per draw).
  public static func empirical(values: [Double], weights: [Double]) throws(DistributionError) -> Distribution {
    try check(!values.isEmpty, "empirical needs at least one value")
    try check(
      values.count == weights.count, "empirical needs as many weights (\(weights.count)) as values (\(values.count))")
    try check(values.allSatisfy { $0 >= 0 && $0.isFinite }, "empirical values must be finite numbers >= 0")
    try check(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "empirical weights must be finite numbers >= 0")
    try check(weights.reduce(0, +) > 0, "empirical weights must not all be zero")
    return Distribution(try EmpiricalTable(values: values, weights: weights))
  }

  /// 1 with probability `p`, else 0.
  public static func bernoulli(_ p: Double) throws(DistributionError) -> Distribution {
    try check(p >= 0 && p <= 1, "bernoulli p must lie in [0, 1], got \(p)")
    return Distribution(.bernoulli(p: p))
  }

  /// Poisson count with the given mean (>= 0).
  public static func poisson(mean: Double) throws(DistributionError) -> Distribution {
    try check(mean >= 0 && mean.isFinite, "poisson mean must be a finite number >= 0, got \(mean)")
    return Distribution(.poisson(mean: mean))
  }

  private static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
    if !condition { throw DistributionError(message: message()) }
  }

  // MARK: - Sampling

  /// One draw from `stream`.
  ///
  /// The exponential case, by far the most frequent in queueing models, is inlined at
  /// the call site; the others go through one out-of-line switch.
  @inlinable @inline(__always)
  public func sample(_ stream: RandomStream) -> Double { sample(stream.generator) }

  /// One draw from a stream's generator (`RandomStream.generator`): the same draw as
  /// `sample(_:)` on the stream, without reference counting.
  @inlinable @inline(__always)
  public func sample(_ stream: RandomGenerator) -> Double {
    if case .exponential(let mean) = form { return stream.exponential(mean: mean) }
    return form.sample(stream)
  }

  // MARK: - Mathematics

  /// The analytic mean.
  public var mean: Double {
    switch form {
    case .deterministic(let v): return v
    case .exponential(let mean): return mean
    case .gamma(let shape, let scale): return shape * scale
    case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
    case .truncatedNormal(let mu, let sigma):
      let t = Self.truncation(mu: mu, sigma: sigma)
      return mu + sigma * t.lambda
    case .uniform(let low, let high): return (low + high) / 2
    case .triangular(let low, let mode, let high): return (low + mode + high) / 3
    case .empirical: return table!.mean
    case .bernoulli(let p): return p
    case .poisson(let mean): return mean
    }
  }

  /// The analytic variance.
  public var variance: Double {
    switch form {
    case .deterministic: return 0
    case .exponential(let mean): return mean * mean
    case .gamma(let shape, let scale): return shape * scale * scale
    case .lognormal(let mu, let sigma):
      let s2 = sigma * sigma
      return expm1(s2) * exp(2 * mu + s2)
    case .truncatedNormal(let mu, let sigma):
      let t = Self.truncation(mu: mu, sigma: sigma)
      return sigma * sigma * (1 + t.alpha * t.lambda - t.lambda * t.lambda)
    case .uniform(let low, let high): return (high - low) * (high - low) / 12
    case .triangular(let a, let c, let b):
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .empirical: return table!.variance
    case .bernoulli(let p): return p * (1 - p)
    case .poisson(let mean): return mean
    }
  }

  /// Coefficient of variation, sd / mean (0 when the mean is 0).
  public var cv: Double { mean > 0 ? variance.squareRoot() / mean : 0 }

  /// The smallest value a draw can take.
  public var lowerBound: Double {
    switch form {
    case .deterministic(let v): return v
    case .uniform(let low, _), .triangular(let low, _, _): return low
    case .empirical: return table!.values.min() ?? 0
    default: return 0
    }
  }

  /// The largest value a draw can take (`.infinity` when unbounded).
  public var upperBound: Double {
    switch form {
    case .deterministic(let v): return v
    case .uniform(_, let high), .triangular(_, _, let high): return high
    case .empirical: return table!.values.max() ?? 0
    case .bernoulli: return 1
    default: return .infinity
    }
  }

  /// A distribution whose every draw is `factor` times a draw of this one (`factor` > 0):
  /// how a "postal staff take 10 % longer" multiplier is applied. Bernoulli and Poisson
  /// counts cannot be scaled.
  public func scaled(by factor: Double) throws(DistributionError) -> Distribution {
    try Self.check(factor > 0 && factor.isFinite, "scale factor must be a finite number > 0, got \(factor)")
    switch form {
    case .deterministic(let v): return Distribution(.deterministic(v * factor))
    case .exponential(let mean): return Distribution(.exponential(mean: mean * factor))
    case .gamma(let shape, let scale): return Distribution(.gamma(shape: shape, scale: scale * factor))
    case .lognormal(let mu, let sigma): return Distribution(.lognormal(mu: mu + log(factor), sigma: sigma))
    case .truncatedNormal(let mu, let sigma):
      return Distribution(.truncatedNormal(mu: mu * factor, sigma: sigma * factor))
    case .uniform(let low, let high): return Distribution(.uniform(low: low * factor, high: high * factor))
    case .triangular(let l, let m, let h):
      return Distribution(.triangular(low: l * factor, mode: m * factor, high: h * factor))
    case .empirical:
      return Distribution(try EmpiricalTable(values: table!.values.map { $0 * factor }, weights: table!.weights))
    case .bernoulli, .poisson:
      throw DistributionError(message: "\(self) is a count and cannot be scaled")
    }
  }

  public var description: String {
    func f(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
    switch form {
    case .deterministic(let v): return "deterministic(\(f(v)))"
    case .exponential(let mean): return "exponential(mean: \(f(mean)))"
    case .gamma(let shape, let scale): return "gamma(shape: \(f(shape)), scale: \(f(scale)))"
    case .lognormal: return "lognormal(mean: \(f(mean)), cv: \(f(cv)))"
    case .truncatedNormal(let mu, let sigma): return "normal(mean: \(f(mu)), sd: \(f(sigma)), truncated at 0)"
    case .uniform(let low, let high): return "uniform(\(f(low)), \(f(high)))"
    case .triangular(let l, let m, let h): return "triangular(\(f(l)), \(f(m)), \(f(h)))"
    case .empirical: return "empirical(\(table!.values.count) values)"
    case .bernoulli(let p): return "bernoulli(\(f(p)))"
    case .poisson(let mean): return "poisson(mean: \(f(mean)))"
    }
  }

  /// α = −μ/σ and the inverse Mills ratio λ = φ(α) / (1 − Φ(α)) of a normal truncated at 0.
  private static func truncation(mu: Double, sigma: Double) -> (alpha: Double, lambda: Double) {
    let alpha = -mu / sigma
    return (alpha, gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha))
  }
}

/// An invalid distribution parameter, with a message naming it.
public struct DistributionError: Error, CustomStringConvertible, Equatable {
  /// What is wrong, e.g. "exponential mean must be a finite number > 0, got -1".
  public let message: String
  public var description: String { message }
}
