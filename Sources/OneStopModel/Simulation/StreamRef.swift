import DESKernel

/// A random stream held without a strong reference: `rng` is its generator state as a
/// plain value (`RandomGenerator`), so loading one from an array and drawing from it
/// needs no retain and release (an `unowned(unsafe)` class reference still cost a pair
/// per draw, about 5 % of a province-year). `RandomStreams.owners` keeps
/// every stream alive.
struct StreamRef {
  let rng: RandomGenerator
  unowned(unsafe) let stream: RandomStream
  init(_ stream: RandomStream) {
    self.stream = stream
    rng = stream.generator
  }
}
