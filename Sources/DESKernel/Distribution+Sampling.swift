import CGSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution.Form {
  /// One draw: a switch over plain values, then the draw itself inlined (GSL's algorithms
  /// written in Swift, `RandomGenerator+GSL.swift`), one call layer above the generator.
  @usableFromInline
  func sample(_ stream: RandomGenerator) -> Double {
    switch self {
    case .deterministic(let v):
      return v
    case .exponential(let mean):
      return stream.exponential(mean: mean)
    case .gamma(let shape, let scale):
      return stream.gamma(shape: shape, scale: scale)
    case .lognormal(let mu, let sigma):
      return stream.lognormal(zeta: mu, sigma: sigma)
    case .truncatedNormal(let mu, let sigma):
      // A normal tail above -mu, shifted: exact, and efficient whatever mu/sigma is.
      return Swift.max(0, mu + gsl_ran_gaussian_tail(stream.rng, -mu, sigma))
    case .uniform(let low, let high):
      return low + (high - low) * stream.uniform()
    case .triangular(let low, let mode, let high):
      let u = stream.uniform()
      let split = (mode - low) / (high - low)
      if u < split { return low + ((high - low) * (mode - low) * u).squareRoot() }
      return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
    case .empirical(let walker):
      return walker.values[stream.discrete(walker.table)]
    case .bernoulli(let p):
      return stream.uniform() < p ? 1 : 0
    case .poisson(let mean):
      return Double(gsl_ran_poisson(stream.rng, mean))
    }
  }
}

/// A GSL Walker alias table over a list of values. Immutable after construction, so it
/// is safe to share between threads (`gsl_ran_discrete` only reads it).
public final class EmpiricalTable: @unchecked Sendable {
  /// The values drawn.
  public let values: [Double]
  /// The weights as given.
  public let weights: [Double]
  /// Analytic mean and variance of the table.
  public let mean: Double
  public let variance: Double
  @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
  /// The table's and the values' addresses, for draws (`Distribution.Form`); a copy of
  /// `values` of this table's own, freed with it.
  let walker: Walker

  /// The addresses a draw reads: GSL's table and the values. Valid while the
  /// `EmpiricalTable` they came from lives (a `Distribution` keeps it).
  @frozen @usableFromInline
  struct Walker: @unchecked Sendable {
    @usableFromInline let values: UnsafePointer<Double>
    @usableFromInline let table: UnsafePointer<gsl_ran_discrete_t>
  }

  init(values: [Double], weights: [Double]) throws(DistributionError) {
    GSL.configure()
    guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
      throw DistributionError(message: "empirical table could not be built (GSL rejected the weights)")
    }
    self.table = table
    let copy = UnsafeMutablePointer<Double>.allocate(capacity: values.count)
    copy.initialize(from: values, count: values.count)
    walker = Walker(values: copy, table: table)
    self.values = values
    self.weights = weights
    let total = weights.reduce(0, +)
    let m = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
    mean = m
    variance = zip(values, weights).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 } / total
  }

  deinit {
    gsl_ran_discrete_free(table)
    walker.values.deallocate()
  }

  /// A random index into `values`.
  @inlinable
  public func index(_ stream: RandomStream) -> Int { index(stream.generator) }

  /// A random index into `values`, drawn from a stream's generator.
  @inlinable
  public func index(_ stream: RandomGenerator) -> Int {
    stream.discrete(table)
  }
}
