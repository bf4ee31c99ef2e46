import DESKernel

/// A random stream held without a strong reference: `rng` is its generator state as a
/// plain value (`RandomGenerator`), so loading one from an array and drawing from it
/// needs no retain and release (an `unowned(unsafe)` class reference still cost a pair
/// per draw, about 5 % of a province-year). `RandomStreams.owners` keeps
/// every stream alive.
struct StreamRef {
  let rng: RandomGenerator
  unowned(unsafe) let stream: RandomStream
  /// Where the generator keeps the index of its next word (Mersenne Twister only,
  /// `RandomGenerator.positionAddress`), for prefetching.
  let position: UnsafeMutableRawPointer?

  init(_ stream: RandomStream) {
    self.stream = stream
    rng = stream.generator
    position = rng.positionAddress
  }

  /// One event ahead: starts loading the generator's index of its next word.
  @inline(__always)
  func prefetchPosition() {
    if let position { prefetch(position) }
  }

  /// When the event comes: starts loading the word the next draw reads
  /// (`RandomGenerator.prefetchNextWord`).
  @inline(__always)
  func prefetchNextWord() {
    if let position { RandomGenerator.prefetchNextWord(position: position) }
  }
}
