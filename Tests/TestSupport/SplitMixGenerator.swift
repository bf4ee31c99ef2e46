import DESKernel

/// A tiny repeatable generator for building random test inputs (event schedules,
/// province shapes). Not for the simulation itself, which uses GSL streams.
public struct SplitMixGenerator: RandomNumberGenerator {
  private var state: UInt64

  /// A generator whose whole output is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state &- 0x9E37_79B9_7F4A_7C15)
  }
}
