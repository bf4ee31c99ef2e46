import DESKernel
import Testing
import TestSupport

/// Streams are reproducible from their key and independent across keys.
@Suite struct RandomStreamTests {
  func draws(_ stream: RandomStream, _ n: Int) -> [Double] { (0..<n).map { _ in stream.uniform() } }

  @Test func sameKeyGivesTheSameSequenceBitForBit() {
    for algorithm in RandomStream.Algorithm.allCases {
      let a = RandomStream(masterSeed: 42, replication: 3, source: "arrivals/unit:7", algorithm: algorithm)
      let b = RandomStream(masterSeed: 42, replication: 3, source: "arrivals/unit:7", algorithm: algorithm)
      #expect(draws(a, 1000).map(\.bitPattern) == draws(b, 1000).map(\.bitPattern))
    }
  }

  /// The hot loop draws through `generator`: the same sequence, shared with the stream (a
  /// draw through one advances the other), for every kind of draw and distribution.
  @Test func generatorDrawsAreTheStreamsOwn() throws {
    let a = RandomStream(masterSeed: 7, replication: 1, source: "station:x")
    let b = RandomStream(masterSeed: 7, replication: 1, source: "station:x")
    let g = b.generator
    let dists: [Distribution] = [
      try .exponential(mean: 2), try .gamma(shape: 2, scale: 3), try .lognormal(mean: 5, cv: 0.4),
      try .empirical(values: [1, 2, 3], weights: [1, 1, 2]), try .truncatedNormal(mean: 1, sd: 2),
    ]
    for k in 0..<200 {
      #expect(a.uniform().bitPattern == g.uniform().bitPattern)
      #expect(a.exponential(mean: 3).bitPattern == g.exponential(mean: 3).bitPattern)
      #expect(a.bernoulli(0.3) == g.bernoulli(0.3))
      #expect(a.uniformInt(below: 10) == g.uniformInt(below: 10))
      let d = dists[k % dists.count]
      #expect(d.sample(a).bitPattern == d.sample(g).bitPattern)
    }
    // Shared state: a draw through the stream moves the generator on.
    _ = b.uniform()
    _ = a.uniform()
    #expect(a.uniform().bitPattern == g.uniform().bitPattern)
  }

  /// `positionAddress` (what the one-stop model prefetches) is the Mersenne Twister's
  /// index of its next word: 624 after seeding (the state is regenerated at the first
  /// draw), then one more per draw, back to 1 after each regeneration; nil for the others.
  @Test func positionAddressIsTheMersenneTwistersIndex() throws {
    let mt = RandomStream(masterSeed: 5, source: "station:y")
    let position = try #require(mt.generator.positionAddress)
    #expect(position.load(as: Int32.self) == 624)
    for k in 1...1300 {
      _ = mt.uniform()
      #expect(Int(position.load(as: Int32.self)) == (k - 1) % 624 + 1)
    }
    for algorithm in RandomStream.Algorithm.allCases where algorithm != .mt19937 {
      #expect(RandomStream(masterSeed: 5, source: "station:y", algorithm: algorithm).generator.positionAddress == nil)
    }
  }

  @Test func seedsDependOnEveryPartOfTheKey() {
    let base = StreamKey(masterSeed: 1, replication: 0, source: "s")
    let variants = [
      StreamKey(masterSeed: 2, replication: 0, source: "s"),
      StreamKey(masterSeed: 1, replication: 1, source: "s"),
      StreamKey(masterSeed: 1, replication: 0, source: "t"),
    ]
    for v in variants { #expect(v.gslSeed != base.gslSeed, "\(v)") }
    // The derivation is fixed forever: a result file's seed must replay in later versions.
    #expect(StreamKey.fnv1a("") == 0xcbf2_9ce4_8422_2325)
    #expect(StreamKey.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
  }

  @Test func gslSeedsAvoidZeroAndStayIn32Bits() {
    for i in UInt64(0)..<10_000 {
      let seed = StreamKey(masterSeed: i, replication: i % 7, source: "x\(i % 13)").gslSeed
      #expect(seed >= 1 && seed <= 0xFFFF_FFFF)
    }
  }

  /// Streams of different sources are uncorrelated: over 50 pairs of streams, the
  /// correlation of 20,000 paired uniforms has standard error 1/√20000 ≈ 0.0071, so
  /// each |r| must stay under 4.5 standard errors (a false alarm once in 150,000
  /// pairs), and their mean must be within 4.5 / √50 standard errors of zero.
  @Test func differentSourcesGiveUncorrelatedStreams() {
    let n = 20_000
    var correlations: [Double] = []
    for k in 0..<50 {
      let x = draws(RandomStream(masterSeed: 7, source: "source-\(k)"), n)
      let y = draws(RandomStream(masterSeed: 7, source: "source-\(k + 1000)"), n)
      let mx = x.reduce(0, +) / Double(n), my = y.reduce(0, +) / Double(n)
      var sxy = 0.0, sxx = 0.0, syy = 0.0
      for i in 0..<n {
        sxy += (x[i] - mx) * (y[i] - my)
        sxx += (x[i] - mx) * (x[i] - mx)
        syy += (y[i] - my) * (y[i] - my)
      }
      correlations.append(sxy / (sxx * syy).squareRoot())
    }
    let se = 1 / Double(n).squareRoot()
    for r in correlations { #expect(abs(r) < 4.5 * se) }
    let meanR = correlations.reduce(0, +) / Double(correlations.count)
    #expect(abs(meanR) < 4.5 * se / Double(correlations.count).squareRoot())
  }

  /// Neighbouring replications must not be shifted copies of each other (a classic
  /// mistake when seeds are seed + replication): no lag of one stream within the first
  /// 100 draws of the other reproduces it.
  @Test func replicationsAreNotShiftedCopies() {
    let a = draws(RandomStream(masterSeed: 9, replication: 0, source: "s"), 200)
    let b = draws(RandomStream(masterSeed: 9, replication: 1, source: "s"), 200)
    for lag in 0..<100 {
      #expect(Array(a[lag..<(lag + 50)]) != Array(b[0..<50]))
      #expect(Array(b[lag..<(lag + 50)]) != Array(a[0..<50]))
    }
  }

  @Test func uniformsStayInTheirRanges() {
    let s = RandomStream(masterSeed: 3, source: "range")
    for _ in 0..<100_000 {
      let u = s.uniform()
      #expect(u >= 0 && u < 1)
      let v = s.uniformPositive()
      #expect(v > 0 && v < 1)
    }
    for _ in 0..<1000 { #expect((0..<7).contains(s.uniformInt(below: 7))) }
  }
}
