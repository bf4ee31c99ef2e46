import CGSL
import DESKernel
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The draws written in Swift (`RandomGenerator.uniform`, `lognormal`, `gamma`,
/// `discrete`) give GSL's own numbers, bit for bit and in the same order: two streams on
/// the same key, one drawn by GSL's function, the other by ours, must agree at every
/// draw (10^5 draws per parameter value) and end in the same state.
@Suite struct GSLDrawTests {
  static let draws = 100_000

  /// Two streams on the same key: GSL draws from the first, ours from the second.
  func pair(_ source: String, _ algorithm: RandomStream.Algorithm = .mt19937) -> (RandomStream, RandomStream) {
    (
      RandomStream(masterSeed: 2025, replication: 3, source: source, algorithm: algorithm),
      RandomStream(masterSeed: 2025, replication: 3, source: source, algorithm: algorithm)
    )
  }

  /// Counts the draws that differ, and checks that both streams end in the same state.
  func mismatches(
    _ gsl: RandomStream, _ ours: RandomStream, _ draw: (RandomStream, RandomGenerator) -> (Double, Double)
  ) -> Int {
    let g = ours.generator
    var bad = 0
    for _ in 0..<Self.draws {
      let (a, b) = draw(gsl, g)
      if a.bitPattern != b.bitPattern { bad += 1 }
    }
    if gsl_rng_get(gsl.gslGenerator) != gsl_rng_get(ours.gslGenerator) { bad += 1 }
    return bad
  }

  @Test(arguments: RandomStream.Algorithm.allCases)
  func uniformIsGSLs(_ algorithm: RandomStream.Algorithm) {
    let (a, b) = pair("uniform", algorithm)
    #expect(mismatches(a, b) { s, g in (gsl_rng_uniform(s.gslGenerator), g.uniform()) } == 0)
    #expect(mismatches(a, b) { s, g in (gsl_rng_uniform_pos(s.gslGenerator), g.uniformPositive()) } == 0)
  }

  /// A stream seeded once (its own allocation) is in the state of `gsl_rng_alloc`, which
  /// seeds with GSL's default, then `gsl_rng_set`: the same numbers, for every generator.
  @Test(arguments: RandomStream.Algorithm.allCases)
  func seedingOnceGivesGSLsState(_ algorithm: RandomStream.Algorithm) throws {
    for source in ["unit:1", "station:x", "arrivals/unit:7/walk-in/a,b"] {
      let ours = RandomStream(masterSeed: 99, replication: 4, source: source, algorithm: algorithm)
      let type = ours.gslGenerator.pointee.type!
      let gsl = try #require(gsl_rng_alloc(type))
      defer { gsl_rng_free(gsl) }
      gsl_rng_set(gsl, ours.key.gslSeed)
      #expect(memcmp(gsl.pointee.state, ours.gslGenerator.pointee.state, type.pointee.size) == 0)
      var bad = 0
      for _ in 0..<Self.draws where gsl_rng_get(gsl) != gsl_rng_get(ours.gslGenerator) { bad += 1 }
      #expect(bad == 0)
    }
  }

  @Test(arguments: [(-3.0, 0.1), (0, 1), (1.2, 0.47), (2.5, 1.5), (-0.7, 3), (8, 0.01)])
  func lognormalIsGSLs(_ zeta: Double, _ sigma: Double) {
    let (a, b) = pair("lognormal:\(zeta):\(sigma)")
    #expect(
      mismatches(a, b) { s, g in
        (gsl_ran_lognormal(s.gslGenerator, zeta, sigma), g.lognormal(zeta: zeta, sigma: sigma))
      } == 0)
  }

  /// Shapes below 1 (the power branch), at 1, and above it, as a gamma and an Erlang take.
  @Test(arguments: [(0.05, 1.0), (0.3, 2.0), (0.999, 0.5), (1, 1), (1.7, 0.25), (2, 3), (5, 0.2), (37.5, 4)])
  func gammaIsGSLs(_ shape: Double, _ scale: Double) {
    let (a, b) = pair("gamma:\(shape):\(scale)")
    #expect(
      mismatches(a, b) { s, g in
        (gsl_ran_gamma(s.gslGenerator, shape, scale), g.gamma(shape: shape, scale: scale))
      } == 0)
  }

  /// Tables with events of weight 0, equal weights (every F' = 1 after the shift is not
  /// 1, so both branches are taken) and one dominant event.
  @Test(arguments: [[1.0], [1, 1], [3, 0, 1, 2], [0.01, 5, 0.2, 0.2, 7, 0, 1, 1, 1, 9, 0.5], [1, 1, 1, 1, 1e6]])
  func discreteIsGSLs(_ weights: [Double]) throws {
    let (a, b) = pair("discrete:\(weights.count)")
    let table = try #require(weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) })
    defer { gsl_ran_discrete_free(table) }
    #expect(
      mismatches(a, b) { s, g in
        (Double(gsl_ran_discrete(s.gslGenerator, table)), Double(g.discrete(table)))
      } == 0)
  }

  /// The distributions' own draws are GSL's functions' numbers (lognormal from its mean and
  /// cv, Erlang as a gamma, empirical through its table).
  @Test func distributionsDrawGSLsNumbers() throws {
    let (a, b) = pair("distributions")
    let lognormal = try Distribution.lognormal(mean: 12, cv: 0.8)
    let sigma2 = log1p(0.8 * 0.8)
    let zeta = log(12.0) - sigma2 / 2
    let erlang = try Distribution.erlang(phases: 3, mean: 6)
    let empirical = try Distribution.empirical(values: [10, 20, 30], weights: [1, 2, 0.5])
    var weights = [1.0, 2, 0.5]
    let table = try #require(gsl_ran_discrete_preproc(3, &weights))
    defer { gsl_ran_discrete_free(table) }
    let values = [10.0, 20, 30]
    #expect(
      mismatches(a, b) { s, g in
        (gsl_ran_lognormal(s.gslGenerator, zeta, sigma2.squareRoot()), lognormal.sample(g))
      } == 0)
    #expect(mismatches(a, b) { s, g in (gsl_ran_gamma(s.gslGenerator, 3, 2), erlang.sample(g)) } == 0)
    #expect(
      mismatches(a, b) { s, g in (values[gsl_ran_discrete(s.gslGenerator, table)], empirical.sample(g)) } == 0)
  }
}
