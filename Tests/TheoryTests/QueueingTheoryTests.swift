import DESKernel
import ReferenceModels
import Testing
import TestSupport

/// The simulator against closed-form queueing theory.
///
/// Method: R independent replications (distinct replication numbers, so distinct
/// streams), each with a warm-up that is discarded. Each replication gives one estimate;
/// the 99.9 % Student-t interval over the R estimates must contain the analytic value.
/// The seeds are fixed, so each check is deterministic; the level says how unlikely it is
/// that a correct simulator would have failed, and a bias of a few standard errors fails.
@Suite struct QueueingTheoryTests {
  struct Estimates {
    var wait: [Double] = []
    var pWait: [Double] = []
    var inSystem: [Double] = []
    var sojourn: [Double] = []
    var utilisation: [Double] = []
  }

  /// Runs `replications` of the queue; statistics cover the time after `warmup`.
  static func replicate(
    _ config: GGcQueue.Configuration, replications: Int, seed: UInt64
  ) -> Estimates {
    var e = Estimates()
    for r in 0..<replications {
      let engine = GGcQueue.simulate(config, seed: seed, replication: UInt64(r))
      let m = engine.model
      e.wait.append(m.waits.mean)
      e.pWait.append(m.probabilityOfWaiting)
      e.inSystem.append(m.inSystem.average(upTo: engine.now))
      e.sojourn.append(m.sojourns.mean)
      e.utilisation.append(m.pool.utilisation(upTo: engine.now))
    }
    return e
  }

  /// (servers, utilisation) pairs from light to heavy traffic, μ = 1.
  static let mmcCases: [(servers: Int, rho: Double)] = [(1, 0.5), (1, 0.8), (3, 0.7), (8, 0.9)]

  @Test(arguments: mmcCases.indices)
  func mmcMatchesErlangC(_ index: Int) throws {
    let (c, rho) = Self.mmcCases[index]
    let lambda = rho * Double(c)
    let theory = try #require(QueueingTheory.mmc(servers: c, arrivalRate: lambda, serviceRate: 1))
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: lambda), service: try .exponential(mean: 1),
      servers: c, customers: 150_000, warmup: 500)
    let e = Self.replicate(config, replications: 20, seed: 100 + UInt64(index))
    let wq = ConfidenceInterval(e.wait, level: 0.999)
    let pw = ConfidenceInterval(e.pWait, level: 0.999)
    #expect(wq.contains(theory.meanWait), "M/M/\(c) ρ=\(rho): Wq \(theory.meanWait) outside \(wq)")
    #expect(
      pw.contains(theory.probabilityOfWaiting),
      "M/M/\(c) ρ=\(rho): P(wait) \(theory.probabilityOfWaiting) outside \(pw)")
    // The interval must be tight enough to mean something: under 10 % of the value.
    #expect(wq.halfWidth < 0.1 * theory.meanWait)
  }

  /// The back offices' earliest-due-date line (`WaitingOrder.earliestDue`) in an M/M/c
  /// queue with random relative deadlines. EDF neither idles a free server nor looks at
  /// service times, so by the conservation law (Kleinrock 1965) its mean wait and
  /// probability of waiting are Erlang C's. It does reorder: FIFO gives the smallest
  /// wait variance of all such orders (Kingman 1962), so EDF's variance must exceed the
  /// FIFO value, Var = 2C/(cμ − λ)² − Wq², by more than its 99.9 % interval.
  @Test func earliestDueFirstKeepsErlangCMeanWaitAndSpreadsTheWaits() throws {
    let (c, rho) = (2, 0.85)
    let lambda = rho * Double(c)
    let theory = try #require(QueueingTheory.mmc(servers: c, arrivalRate: lambda, serviceRate: 1))
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: lambda), service: try .exponential(mean: 1),
      servers: c, customers: 150_000, warmup: 500, order: .earliestDue, relativeDeadline: try .exponential(mean: 5))
    var waits: [Double] = [], pWait: [Double] = [], variances: [Double] = []
    for r in 0..<20 {
      let m = GGcQueue.simulate(config, seed: 300, replication: UInt64(r)).model
      waits.append(m.waits.mean)
      pWait.append(m.probabilityOfWaiting)
      variances.append(m.waits.variance)
    }
    let wq = ConfidenceInterval(waits, level: 0.999)
    let pw = ConfidenceInterval(pWait, level: 0.999)
    #expect(wq.contains(theory.meanWait), "EDF M/M/\(c) ρ=\(rho): Wq \(theory.meanWait) outside \(wq)")
    #expect(
      pw.contains(theory.probabilityOfWaiting), "EDF M/M/\(c): P(wait) \(theory.probabilityOfWaiting) outside \(pw)")
    #expect(wq.halfWidth < 0.1 * theory.meanWait)
    let drain = Double(c) - lambda
    let fifoVariance = 2 * theory.probabilityOfWaiting / (drain * drain) - theory.meanWait * theory.meanWait
    let v = ConfidenceInterval(variances, level: 0.999)
    #expect(v.mean - v.halfWidth > fifoVariance, "EDF wait variance \(v) not above FIFO's \(fifoVariance)")
  }

  /// M/G/1 against Pollaczek-Khinchine, Wq = λ·E[S²] / (2(1 − ρ)), with the service's own
  /// variance: deterministic service (M/D/1, where Wq = ρ / (2μ(1 − ρ)) = 1.5 at ρ = 0.75)
  /// and lognormal service with cv 1.5.
  static let mg1Cases: [(name: String, lambda: Double, service: Distribution, customers: Int, seed: UInt64)] = [
    ("M/D/1", 0.75, try! .deterministic(1), 40_000, 7),
    ("M/G/1 lognormal cv 1.5", 0.6, try! .lognormal(mean: 1, cv: 1.5), 60_000, 8),
  ]

  @Test(arguments: mg1Cases.indices)
  func mg1MatchesPollaczekKhinchine(_ index: Int) throws {
    let c = Self.mg1Cases[index]
    let theory = try #require(
      QueueingTheory.pollaczekKhinchineWait(
        arrivalRate: c.lambda, serviceMean: c.service.mean, serviceVariance: c.service.variance))
    if index == 0 { #expect(abs(theory - 1.5) < 1e-12) }
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: c.lambda), service: c.service, servers: 1, customers: c.customers,
      warmup: 500)
    let wq = ConfidenceInterval(Self.replicate(config, replications: 20, seed: c.seed).wait, level: 0.999)
    #expect(wq.contains(theory), "\(c.name): Wq \(theory) outside \(wq)")
  }

  /// Little's law L = λW, with L measured as a time average and W as a customer
  /// average: two different estimators that must agree.
  @Test func littlesLawHoldsBetweenTimeAndCustomerAverages() throws {
    let lambda = 2.4
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: lambda), service: try .gamma(shape: 2, scale: 0.4),
      servers: 3, customers: 30_000, warmup: 200)
    let e = Self.replicate(config, replications: 20, seed: 11)
    let differences = zip(e.inSystem, e.sojourn).map { $0 - lambda * $1 }
    let ci = ConfidenceInterval(differences, level: 0.999)
    #expect(ci.contains(0), "L − λW = \(ci)")
    let utilisation = ConfidenceInterval(e.utilisation, level: 0.999)
    #expect(utilisation.contains(lambda * 0.8 / 3), "utilisation \(utilisation)")
  }

  /// On one sample path from empty to empty, ∫N(t)dt equals the sum of the sojourn
  /// times exactly (up to rounding): conservation of customer-time, no statistics.
  @Test func sojournTimeIsConservedOnASamplePath() throws {
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: 1.8), service: try .lognormal(mean: 1, cv: 0.8),
      servers: 2, customers: 20_000)
    let engine = GGcQueue.simulate(config, seed: 5)
    let m = engine.model
    #expect(m.arrived == 20_000 && m.departed == 20_000)
    #expect(m.pool.queuedCount == 0 && m.pool.busyCount == 0)
    let area = m.inSystem.integral(upTo: engine.now)
    #expect(abs(area - m.sojourns.sum) <= 1e-9 * area)
    #expect(engine.eventsProcessed == 40_000)
  }

  /// With a lunch closure, work still balances: every customer is served and the
  /// busy time equals the total service demand.
  @Test func closuresConserveCustomersAndWork() throws {
    let day = try CapacitySchedule.periodic(
      period: 480,
      steps: [
        .init(at: 0, capacity: 2), .init(at: 240, capacity: 0), .init(at: 300, capacity: 2),
      ])
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: 1.2), service: try .deterministic(1.25),
      servers: 2, schedule: day, customers: 5_000)
    let engine = GGcQueue.simulate(config, seed: 3)
    let m = engine.model
    #expect(m.departed == 5_000)
    #expect(abs(m.pool.busy.integral(upTo: engine.now) - 5_000 * 1.25) < 1e-6)
    #expect(m.pool.overtime.integral(upTo: engine.now) > 0)
  }

  @Test func erlangCFormulaMatchesPublishedValues() throws {
    // The peer benchmark's model (scripts/bench-peers.sh): c = 8, λ = 7.2, μ = 1 → P(wait) 0.701533, Wq 0.876916.
    let t = try #require(QueueingTheory.mmc(servers: 8, arrivalRate: 7.2, serviceRate: 1))
    #expect(abs(t.probabilityOfWaiting - 0.701533) < 1e-6)
    #expect(abs(t.meanWait - 0.876916) < 1e-6)
    // M/M/1: Wq = ρ / (μ − λ).
    let m1 = try #require(QueueingTheory.mmc(servers: 1, arrivalRate: 0.5, serviceRate: 1))
    #expect(abs(m1.meanWait - 1.0) < 1e-12)
    #expect(QueueingTheory.mmc(servers: 2, arrivalRate: 2, serviceRate: 1) == nil)
  }
}

/// The confidence intervals reported over replications must be honest: over many
/// independent batches, the 95 % interval covers the true value about 95 % of the time.
@Suite struct CoverageTests {
  /// 200 batches of 5 replications of M/M/3 at ρ = 0.7 (20,000 customers each after a
  /// warm-up). With a true coverage of 95 %, the observed share has a standard deviation
  /// of 1.5 points over 200 batches, so [90 %, 99 %] fails a correct interval with
  /// probability well under 0.1 %, and fails an interval that is 30 % too narrow.
  @Test func ninetyFivePercentIntervalsCoverErlangCAboutNinetyFivePercentOfTheTime() throws {
    let theory = try #require(QueueingTheory.mmc(servers: 3, arrivalRate: 2.1, serviceRate: 1))
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: 2.1), service: try .exponential(mean: 1), servers: 3, customers: 20_000,
      warmup: 300)
    var covered = 0
    let batches = 200
    for b in 0..<batches {
      let means = (0..<5).map { r in
        GGcQueue.simulate(config, seed: 4242, replication: UInt64(b * 5 + r)).model.waits.mean
      }
      if ConfidenceInterval(means, level: 0.95).contains(theory.meanWait) { covered += 1 }
    }
    let share = Double(covered) / Double(batches)
    #expect(share >= 0.90 && share <= 0.99, "coverage \(share)")
  }
}
