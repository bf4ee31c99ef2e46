import DESKernel
import OneStopBench
import OneStopModel
import ReferenceModels
import Testing
import TestSupport

/// The validation ladder, rungs 1 and 2: the whole one-stop model, reduced to desks, must
/// reproduce queueing theory; with real opening hours it must conserve dossiers and obey
/// Little's law over whole days.
@Suite struct ValidationLadderTests {
  /// Rung 1: a unit open around the clock with c desks is an M/M/c queue. 10
  /// replications of 120 days (about 20,000 citizens each, after a 5-day warm-up); the
  /// 99.9 % interval of the replication means must contain Erlang C's mean wait.
  @Test(arguments: [(1, 0.7), (3, 0.8)])
  func alwaysOpenDesksMatchErlangC(desks: Int, rho: Double) throws {
    let serviceMinutes = 10.0
    let perHour = rho * Double(desks) * 60 / serviceMinutes
    var config = ProvinceFixtures.alwaysOpenDesks(
      desks: desks, perHour: perHour, serviceMinutes: serviceMinutes, days: 125)
    config.warmupUntil = config.start.adding(days: 5)
    let model = try CompiledModel(config)
    let theory = try #require(
      QueueingTheory.mmc(servers: desks, arrivalRate: perHour / 60, serviceRate: 1 / serviceMinutes))
    var means: [Double] = []
    for r in 0..<10 {
      let result = OneStopSimulation.run(model, seed: 42, replication: UInt64(r))
      #expect(result.checks.conservationViolations.isEmpty)
      let w = result.allWaits
      means.append(w.mean / 60)
    }
    let ci = ConfidenceInterval(means, level: 0.999)
    #expect(ci.contains(theory.meanWait), "c=\(desks) ρ=\(rho): Erlang C Wq \(theory.meanWait) min outside \(ci)")
    #expect(ci.halfWidth < 0.15 * theory.meanWait)
  }

  /// Rung 2: real office hours, lunch and nights, every desk serving until the last
  /// ticket: every dossier is accounted for, and at each unit's desks the area under the
  /// number-present curve equals the total time citizens spent there (Little's law on
  /// whole days, where the desks empty every evening).
  @Test func officeHoursConserveDossiersAndObeyLittlesLaw() throws {
    var config = SyntheticProvince.make(
      districts: 2, communesPerDistrict: [3, 2], annualDossiers: 30_000,
      start: CivilDate(iso: "2022-01-01")!, years: 1, backlog: 200)
    for u in config.units.indices { config.units[u].closingRule = .serveAll }
    let model = try CompiledModel(config)
    let r = OneStopSimulation.run(model, seed: 9)
    #expect(r.checks.conservationViolations.isEmpty, "\(r.checks.conservationViolations.prefix(3))")
    let total = r.total()
    #expect(total.received == total.resolvedOnTime + total.resolvedOverdue + total.withdrawn + total.inProgressEnd)
    #expect(total.carriedOver == 200)
    let days = Double(model.horizonDays) * 86_400
    for u in model.units.indices where r.units[u].ticketsIssued > 100 {
      let area = r.units[u].meanInSystem * days
      let sojourn = r.units[u].sojourns.sum
      #expect(
        abs(area - sojourn) <= 1e-6 * sojourn, "unit \(model.names.units[u].id): ∫N dt \(area) vs Σ W \(sojourn)")
      // λ = tickets / T, W = mean time present: L = λ W.
      let lambdaW = Double(r.units[u].ticketsIssued) / days * r.units[u].sojourns.mean
      #expect(abs(r.units[u].meanInSystem - lambdaW) <= 1e-6 * lambdaW)
    }
    #expect(r.checks.servicesOutsideSchedule == 0)
    #expect(r.checks.resolvedBeforeReceived == 0)
  }
}
