import CGSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A view on a `RandomStream`'s GSL generator state, for drawing in the hot loop.
///
/// `RandomStream` is a class (it owns and frees the GSL state), so passing one to a
/// function retains and releases it: one pair per draw in a province-year, about 5 % of
/// the run time, even through an `unowned(unsafe)` reference. This plain struct holds
/// only the state pointer, so passing it costs nothing. It is valid while the stream it
/// came from (`RandomStream.generator`) is alive: the owner of the streams keeps them.
/// The draws are the stream's own, in the same order (one stream, one sequence).
@frozen
public struct RandomGenerator {
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
  /// The generator's state (`rng->state`) and its type's `get`, resolved once.
  @usableFromInline let state: UnsafeMutableRawPointer?
  @usableFromInline let get: @convention(c) (UnsafeMutableRawPointer?) -> UInt
  /// The type's `get_double`, or nil when it is `get / 2^32` (Mersenne Twister, taus2):
  /// then `uniform` computes that quotient itself, one call instead of two (the type's
  /// `get_double` calls `get`), with the same numbers.
  @usableFromInline let getDouble: (@convention(c) (UnsafeMutableRawPointer?) -> Double)?

  @inlinable
  init(_ rng: UnsafeMutablePointer<gsl_rng>) {
    self.rng = rng
    let type = rng.pointee.type!
    state = rng.pointee.state
    get = type.pointee.get!
    getDouble = Self.doubleIsWordOver2To32(type) ? nil : type.pointee.get_double!
  }

  /// Whether GSL's `get_double` of `type` is `get(state) / 4294967296.0` (mt.c, taus.c).
  @usableFromInline
  static func doubleIsWordOver2To32(_ type: UnsafePointer<gsl_rng_type>) -> Bool {
    type == cgsl_rng_mt19937() || type == cgsl_rng_taus2()
  }

  /// A draw from U[0, 1): `gsl_rng_uniform`'s number.
  @inlinable @inline(__always)
  public func uniform() -> Double {
    if let getDouble { return getDouble(state) }
    return Double(get(state)) * 0x1p-32
  }

  /// A draw from U(0, 1).
  @inlinable @inline(__always)
  public func uniformPositive() -> Double {
    var x: Double
    repeat { x = uniform() } while x == 0
    return x
  }

  /// An exponential variate with the given mean, by inversion, as `gsl_ran_exponential`
  /// does but without its extra call layer, and with `log(1 − u)` instead of
  /// `log1p(−u)`: glibc's `log` is about twice as fast, and the two differ only for
  /// u < 1e-8, where both are within an ulp of −u. u lies in [0, 1), so 1 − u lies in
  /// (0, 1] and the logarithm is finite.
  @inlinable @inline(__always)
  public func exponential(mean: Double) -> Double {
    -mean * log(1.0 - uniform())
  }

  /// `true` with probability `p`.
  @inlinable @inline(__always)
  public func bernoulli(_ p: Double) -> Bool { uniform() < p }

  /// A uniform integer in 0 ..< `n` (`n` >= 1), without modulo bias.
  @inlinable
  public func uniformInt(below n: Int) -> Int {
    precondition(n >= 1, "uniformInt(below:) needs n >= 1")
    return Int(gsl_rng_uniform_int(rng, UInt(n)))
  }
}

extension RandomStream {
  /// This stream's generator as a plain value; valid while the stream is alive.
  @inlinable
  public var generator: RandomGenerator { RandomGenerator(rng) }
}
