import DESKernel
import Testing
import TestSupport

/// Every distribution's samples agree with its own analytic mean and variance.
///
/// Method: 40 batches of 5,000 draws; each batch gives a mean and a variance; the
/// 99.9 % Student-t interval over the 40 batch values must contain the analytic value.
/// Batch statistics are i.i.d. and nearly normal even for skewed distributions, so the
/// interval is honest; a sampler off by a few percent fails.
@Suite struct DistributionTests {
  static let cases: [(String, Distribution)] = [
    ("exponential", try! .exponential(mean: 2.5)),
    ("erlang-3", try! .erlang(phases: 3, mean: 12)),
    ("gamma", try! .gamma(shape: 0.7, scale: 4)),
    ("lognormal", try! .lognormal(mean: 12, cv: 0.6)),
    ("normal-truncated-far", try! .truncatedNormal(mean: 10, sd: 2)),
    ("normal-truncated-near", try! .truncatedNormal(mean: 1, sd: 2)),
    ("normal-truncated-deep", try! .truncatedNormal(mean: -3, sd: 1)),
    ("uniform", try! .uniform(low: 3, high: 8)),
    ("triangular", try! .triangular(low: 1, mode: 2, high: 6)),
    ("triangular-left", try! .triangular(low: 0, mode: 0, high: 4)),
    ("empirical", try! .empirical(values: [1, 2, 5, 10], weights: [0.4, 0.3, 0.2, 0.1])),
    ("bernoulli", try! .bernoulli(0.15)),
    ("poisson", try! .poisson(mean: 3.2)),
    ("deterministic", try! .deterministic(4)),
  ]

  @Test(arguments: cases.indices)
  func samplesMatchTheAnalyticMeanAndVariance(_ index: Int) {
    let (name, d) = Self.cases[index]
    let stream = RandomStream(masterSeed: 2024, source: "distribution/\(name)")
    var means: [Double] = []
    var variances: [Double] = []
    var lowest = Double.infinity, highest = -Double.infinity
    for _ in 0..<40 {
      var t = Tally()
      for _ in 0..<5_000 {
        let x = d.sample(stream)
        t.add(x)
      }
      means.append(t.mean)
      variances.append(t.variance)
      lowest = min(lowest, t.min)
      highest = max(highest, t.max)
    }
    #expect(lowest >= d.lowerBound, "\(name): drew \(lowest) below \(d.lowerBound)")
    #expect(highest <= d.upperBound, "\(name): drew \(highest) above \(d.upperBound)")
    if d.variance == 0 {
      #expect(means.allSatisfy { $0 == d.mean })
      return
    }
    let meanCI = ConfidenceInterval(means, level: 0.999)
    let varCI = ConfidenceInterval(variances, level: 0.999)
    #expect(meanCI.contains(d.mean), "\(name): mean \(d.mean) outside \(meanCI)")
    #expect(varCI.contains(d.variance), "\(name): variance \(d.variance) outside \(varCI)")
  }

  @Test func lognormalIsParameterisedByItsOwnMeanAndCV() throws {
    let d = try Distribution.lognormal(mean: 12, cv: 0.6)
    #expect(abs(d.mean - 12) < 1e-12)
    #expect(abs(d.cv - 0.6) < 1e-12)
  }

  @Test func scalingMultipliesEveryDraw() throws {
    let base = try Distribution.lognormal(mean: 10, cv: 0.5)
    let scaled = try base.scaled(by: 1.1)
    #expect(abs(scaled.mean - 11) < 1e-9)
    #expect(abs(scaled.cv - 0.5) < 1e-9)
    let a = RandomStream(masterSeed: 1, source: "x"), b = RandomStream(masterSeed: 1, source: "x")
    for _ in 0..<100 {
      let x = base.sample(a), y = scaled.sample(b)
      #expect(abs(y - 1.1 * x) <= 1e-9 * y)
    }
    #expect(throws: DistributionError.self) { try Distribution.bernoulli(0.5).scaled(by: 2) }
  }

  @Test func invalidParametersAreRejectedWithAMessageNamingThem() {
    func message(_ body: () throws -> Distribution) -> String? {
      do { _ = try body(); return nil } catch { return (error as? DistributionError)?.message }
    }
    #expect(message { try .exponential(mean: -1) } == "exponential mean must be a finite number > 0, got -1.0")
    #expect(message { try .exponential(rate: 0) } == "exponential rate must be a finite number > 0, got 0.0")
    #expect(message { try .lognormal(mean: 10, cv: 0) } == "lognormal cv must be a finite number > 0, got 0.0")
    #expect(message { try .gamma(shape: .nan, scale: 1) } == "gamma shape must be a finite number > 0, got nan")
    #expect(message { try .erlang(phases: 0, mean: 1) } == "erlang phases must be an integer >= 1, got 0")
    #expect(message { try .uniform(low: 5, high: 5) } == "uniform high must be finite and > low (5.0), got 5.0")
    #expect(
      message { try .triangular(low: 1, mode: 7, high: 6) }
        == "triangular mode must lie in [low, high] = [1.0, 6.0], got 7.0")
    #expect(
      message { try .empirical(values: [1, 2], weights: [1]) } == "empirical needs as many weights (1) as values (2)")
    #expect(message { try .empirical(values: [1], weights: [0]) } == "empirical weights must not all be zero")
    #expect(message { try .bernoulli(1.5) } == "bernoulli p must lie in [0, 1], got 1.5")
    #expect(message { try .poisson(mean: -2) } == "poisson mean must be a finite number >= 0, got -2.0")
    #expect(message { try .deterministic(-1) } == "deterministic value must be a finite number >= 0, got -1.0")
    #expect(message { try .truncatedNormal(mean: 1, sd: -1) } == "normal sd must be a finite number > 0, got -1.0")
  }

  @Test func descriptionsSayWhatWasAssumed() throws {
    #expect(try Distribution.exponential(mean: 5).description == "exponential(mean: 5)")
    #expect(try Distribution.lognormal(mean: 12, cv: 0.6).description.hasPrefix("lognormal(mean: 12"))
    #expect(try Distribution.triangular(low: 1, mode: 2, high: 6).description == "triangular(1, 2, 6)")
  }
}
