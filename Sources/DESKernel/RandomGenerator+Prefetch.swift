import CGSL

extension RandomGenerator {
  /// Where a Mersenne Twister keeps the index of its next word, or nil for the other
  /// generators. GSL's `mt19937` state is `{ unsigned long mt[624]; int mti; }` (mt.c):
  /// the index lies past the 624 words. A model prefetches it one event ahead and, when
  /// the event comes, the word it points to (`StreamRef` in the one-stop model): a
  /// stream's 5 KB of state is mostly out of the cache when its turn comes, and the two
  /// dependent reads of each draw waited for memory (about 9 % of a Hà Nội year).
  @inlinable
  public var positionAddress: UnsafeMutableRawPointer? {
    guard rng.pointee.type == cgsl_rng_mt19937(), let state else { return nil }
    return state + 624 * MemoryLayout<UInt>.stride
  }
}
