import CGSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One independent stream of random numbers, backed by a GSL generator (`gsl_rng`).
///
/// A stream is a class because it owns a C allocation that must be freed exactly once;
/// models create their streams when a replication starts, never per event. Draws go
/// straight to the generator's function table (see `RandomGenerator`).
///
/// Not thread-safe: a stream belongs to one replication, and one replication runs on
/// one thread.
public final class RandomStream {
  /// The generator algorithm.
  public enum Algorithm: String, CaseIterable, Sendable {
    /// Mersenne Twister (Matsumoto and Nishimura 1998): GSL's default, fast, period 2^19937 - 1.
    case mt19937
    /// Maximally equidistributed Tausworthe (L'Ecuyer 1996): smaller state, as fast.
    case taus2
    /// RANLUX, double precision, luxury level 1: slow, with proven decorrelation.
    case ranlxd1

    var gslType: UnsafePointer<gsl_rng_type> {
      switch self {
      case .mt19937: return cgsl_rng_mt19937()
      case .taus2: return cgsl_rng_taus2()
      case .ranlxd1: return cgsl_rng_ranlxd1()
      }
    }
  }

  /// Where the stream's seed came from.
  public let key: StreamKey
  /// The generator algorithm.
  public let algorithm: Algorithm
  @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
  /// This stream's generator as a plain value (`RandomGenerator`), resolved once; valid
  /// while the stream is alive.
  public let generator: RandomGenerator

  /// A stream seeded from `key`.
  public init(_ key: StreamKey, algorithm: Algorithm = .mt19937) {
    GSL.configure()
    let rng = Self.allocate(algorithm.gslType)
    gsl_rng_set(rng, key.gslSeed)
    self.rng = rng
    generator = RandomGenerator(rng)
    self.key = key
    self.algorithm = algorithm
  }

  /// A stream for `source` under `masterSeed` and `replication`.
  public convenience init(
    masterSeed: UInt64, replication: UInt64 = 0, source: String, algorithm: Algorithm = .mt19937
  ) {
    self.init(StreamKey(masterSeed: masterSeed, replication: replication, source: source), algorithm: algorithm)
  }

  deinit { gsl_rng_free(rng) }

  /// A generator of `type`, allocated as `gsl_rng_alloc` does (the record, then its state
  /// zeroed, both by `malloc`, so that `gsl_rng_free` frees them) but not seeded:
  /// `gsl_rng_alloc` seeds with GSL's default seed, which `gsl_rng_set` then overwrites
  /// whole, so every stream was seeded twice (6 M instructions a replication in Hà Nội or
  /// Bắc Ninh). `gsl_rng_set` writes the whole state from the seed alone, so the state is
  /// the same (`GSLDrawTests.seedingOnceGivesGSLsState`).
  static func allocate(_ type: UnsafePointer<gsl_rng_type>) -> UnsafeMutablePointer<gsl_rng> {
    guard let record = malloc(MemoryLayout<gsl_rng>.size), let state = calloc(1, type.pointee.size) else {
      fatalError("RandomStream: out of memory")
    }
    let rng = record.bindMemory(to: gsl_rng.self, capacity: 1)
    rng.initialize(to: gsl_rng(type: type, state: state))
    return rng
  }

  // The draws are those of `generator` (see `RandomGenerator`): one definition of each.

  /// A uniform double in [0, 1).
  @inlinable @inline(__always)
  public func uniform() -> Double { generator.uniform() }

  /// A uniform double in (0, 1): never zero, safe under a logarithm.
  @inlinable @inline(__always)
  public func uniformPositive() -> Double { generator.uniformPositive() }

  /// An exponential variate with the given mean, by inversion (`RandomGenerator.exponential`).
  @inlinable @inline(__always)
  public func exponential(mean: Double) -> Double { generator.exponential(mean: mean) }

  /// `true` with probability `p`.
  @inlinable @inline(__always)
  public func bernoulli(_ p: Double) -> Bool { generator.bernoulli(p) }

  /// A uniform integer in 0 ..< `n` (`n` >= 1), without modulo bias.
  @inlinable
  public func uniformInt(below n: Int) -> Int { generator.uniformInt(below: n) }

  /// The raw generator, for GSL functions this type does not wrap.
  public var gslGenerator: UnsafeMutablePointer<gsl_rng> { rng }
}

/// Process-wide GSL settings.
enum GSL {
  /// Turns GSL's abort-on-error handler off, once. Every GSL call whose status matters
  /// is checked by its caller instead.
  static func configure() { _ = configured }

  private static let configured: Bool = {
    gsl_set_error_handler_off()
    return true
  }()
}
