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
/// only addresses (the state, the generator's `get`) and a scale, so passing it costs
/// nothing. It is valid while the stream it came from (`RandomStream.generator`) is
/// alive: the owner of the streams keeps them. The draws are the stream's own, in the
/// same order (one stream, one sequence), and `uniform` is `gsl_rng_uniform`'s number
/// with one call into GSL instead of two.
@frozen
public struct RandomGenerator {
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
  /// The generator's state (`rng->state`), resolved once.
  @usableFromInline let state: UnsafeMutableRawPointer?
  /// The next word of the generator, a whole number below 2^32 (the type's own `get`:
  /// Mersenne Twister, taus2) or below 2^48 (RANLUX's double times 2^48, exact).
  @usableFromInline let word: Word
  /// 2^-32 or 2^-48: `word · scale` is the type's `get_double`, bit for bit.
  @usableFromInline let scale: Double

  /// A function that gives the next word of a generator from its state.
  @usableFromInline typealias Word = @convention(c) (UnsafeMutableRawPointer?) -> UInt

  @inlinable
  init(_ rng: UnsafeMutablePointer<gsl_rng>) {
    self.rng = rng
    state = rng.pointee.state
    (word, scale) = Self.word(of: rng.pointee.type!)
  }

  /// GSL's `get_double` is `get(state) / 4294967296.0` for Mersenne Twister and taus2
  /// (mt.c, taus.c); RANLUX's doubles are multiples of 2^-48 (ranlxd.c).
  @usableFromInline
  static func word(of type: UnsafePointer<gsl_rng_type>) -> (Word, Double) {
    if type == cgsl_rng_mt19937() || type == cgsl_rng_taus2() { return (type.pointee.get!, 0x1p-32) }
    precondition(type == cgsl_rng_ranlxd1(), "RandomGenerator: unknown GSL generator \(type)")
    return ({ state in UInt(cgsl_rng_ranlxd1().pointee.get_double!(state) * 0x1p48) }, 0x1p-48)
  }

  /// A draw from U[0, 1): `gsl_rng_uniform`'s number, with one call (GSL's
  /// `get_double` calls `get`). The word is below 2^63, so the signed conversion is exact.
  @inlinable @inline(__always)
  public func uniform() -> Double {
    Double(Int(bitPattern: word(state))) * scale
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
