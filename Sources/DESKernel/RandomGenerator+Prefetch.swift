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

  /// Starts loading the word a Mersenne Twister reads next, from its `positionAddress`
  /// (prefetched one event earlier, so the index is in the cache by now); nothing when
  /// the state is due to be regenerated (index 624).
  @inlinable @inline(__always)
  public static func prefetchNextWord(position: UnsafeMutableRawPointer) {
    let next = Int(position.load(as: Int32.self))
    if UInt(bitPattern: next) < 624 { prefetch(position - (624 - next) * MemoryLayout<UInt>.stride) }
  }
}
