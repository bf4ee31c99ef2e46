/// Identifies one random stream: (master seed, replication, source).
///
/// Every source of randomness in a model (arrivals of one stream, service times of one
/// desk type, a routing decision) has its own stream, named by a stable string. The seed
/// of the stream is a hash of the three parts, so
/// - the same scenario and seed give the same numbers whatever else changed in the model
///   (adding a desk does not shift the arrival stream), and
/// - two variants of a scenario that share source names share random numbers: the basis
///   of comparisons with common random numbers.
///
/// Names are hashed with FNV-1a, not with Swift's `Hasher`, whose seed changes with every
/// process and would break reproducibility.
public struct StreamKey: Hashable, Sendable, CustomStringConvertible {
  /// The run's master seed (`--seed`).
  public var masterSeed: UInt64
  /// Replication number, from 0.
  public var replication: UInt64
  /// Stable name of the source, e.g. `arrivals/unit:3/walk-in`.
  public var source: String

  /// Creates a key.
  public init(masterSeed: UInt64, replication: UInt64 = 0, source: String) {
    self.masterSeed = masterSeed
    self.replication = replication
    self.source = source
  }

  /// The 64-bit seed this key stands for.
  public var seed64: UInt64 {
    var h = SplitMix64.mix(masterSeed &+ 0x9E37_79B9_7F4A_7C15)
    h = SplitMix64.mix(h ^ replication)
    h = SplitMix64.mix(h ^ StreamKey.fnv1a(source))
    return h
  }

  /// The seed handed to `gsl_rng_set`: GSL's generators take 32 bits, and some map 0 to
  /// their default seed, so the value lies in 1 ... 2^32 - 1.
  public var gslSeed: UInt {
    UInt(seed64 % 0xFFFF_FFFF) + 1
  }

  public var description: String { "\(source)#seed\(masterSeed).rep\(replication)" }

  /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
  public static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}

/// The SplitMix64 finaliser (Steele, Lea and Flood 2014, doi:10.1145/2714064.2660195):
/// a bijective mix with good avalanche, used here only to derive seeds.
public enum SplitMix64 {
  /// Mixes the bits of `x`.
  @inlinable
  public static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
