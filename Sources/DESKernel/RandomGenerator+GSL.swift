import CGSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// GSL's own draws, written here with GSL 2.7's algorithms and the same floating-point
// operations in the same order, so that each gives GSL's number bit for bit, without
// GSL's call layers (a call into the library, then `gsl_rng_uniform`, then the type's
// `get_double`, then `get`). `GSLDrawTests` compares each with GSL's function on the same
// seeds. The logarithm, exponential and power are libm's, as GSL's are; the square root
// is the processor's (GSL calls libm's only for a negative argument, never met here).

extension RandomGenerator {
  /// `gsl_ran_lognormal(r, zeta, sigma)` (randist/lognormal.c): the polar Box-Muller
  /// normal, then `exp(sigma · normal + zeta)`.
  @inlinable @inline(__always)
  public func lognormal(zeta: Double, sigma: Double) -> Double {
    var u: Double
    var r2: Double
    repeat {
      u = -1 + 2 * uniform()
      let v = -1 + 2 * uniform()
      r2 = u * u + v * v
    } while r2 > 1.0 || r2 == 0
    let normal = u * (-2.0 * log(r2) / r2).squareRoot()
    return exp(sigma * normal + zeta)
  }

  /// `gsl_ran_gamma(r, a, b)` (randist/gamma.c: Marsaglia and Tsang 2000, with GSL's
  /// ziggurat normal, which stays GSL's call). For a < 1, a draw for 1 + a times u^(1/a).
  @inlinable
  public func gamma(shape a: Double, scale b: Double) -> Double {
    if a < 1 {
      let u = uniformPositive()
      return gamma(shape: 1.0 + a, scale: b) * pow(u, 1.0 / a)
    }
    let d = a - 1.0 / 3.0
    let c = (1.0 / 3.0) / d.squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = gsl_ran_gaussian_ziggurat(rng, 1.0)
        v = 1.0 + c * x
      } while v <= 0
      v = v * v * v
      let u = uniformPositive()
      if u < 1 - 0.0331 * x * x * x * x { return b * d * v }
      if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return b * d * v }
    }
  }

  /// `gsl_ran_discrete(r, g)` (randist/discrete.c, Walker's alias table with Knuth's
  /// F'[k] = (k + F[k]) / K): an index into the table's K events.
  @inlinable @inline(__always)
  public func discrete(_ g: UnsafePointer<gsl_ran_discrete_t>) -> Int {
    let u = uniform()
    let c = Int(u * Double(g.pointee.K))
    let f = g.pointee.F[c]
    if f == 1.0 || u < f { return c }
    return Int(g.pointee.A[c])
  }
}
