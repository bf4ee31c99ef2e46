import DESKernel
import OneStopModel
import Testing
import TestSupport

/// Citizens who give up: with exponential patience the desks of a unit open around the
/// clock form an Erlang-A queue (M/M/n+M, Palm 1946; Mandelbaum & Zeltyn, "The Palm/Erlang-A
/// queue, with applications to call centers"), stable at any load.
@Suite struct PatienceTests {
  /// Erlang-A by its birth-death chain (truncated where the probabilities vanish): the
  /// share of arrivals who abandon, and the mean wait of those served. An arrival finding
  /// n >= c present is j = n - c + 1 in line; in position i it waits Exp(cμ + iθ) and then
  /// moves up (or is served) with probability (cμ + (i-1)θ) / (cμ + iθ), else abandons.
  static func erlangA(
    servers c: Int, lambda: Double, mu: Double, theta: Double
  ) -> (pAbandon: Double, waitServed: Double) {
    var p = [1.0]
    while true {
      let n = p.count
      let death = mu * Double(min(n, c)) + theta * Double(max(n - c, 0))
      p.append(p[n - 1] * lambda / death)
      if n > c + 20 && p[n] < 1e-15 * p.reduce(0, +) { break }
    }
    let total = p.reduce(0, +)
    var abandon = 0.0, servedWait = 0.0
    var served = 1.0, wait = 0.0  // for position j: P(served), Σ 1/r_i
    for n in c..<p.count {
      let j = Double(n - c + 1)
      let r = Double(c) * mu + j * theta
      served *= (Double(c) * mu + (j - 1) * theta) / r
      wait += 1 / r
      abandon += p[n] / total * (1 - served)
      servedWait += p[n] / total * served * wait
    }
    return (abandon, servedWait / (1 - abandon))
  }

  /// Three desks, 10-minute exponential desk time, 20-minute exponential patience, at
  /// 80 %, 100 % and 130 % of the desks' capacity (the last unstable without patience):
  /// the 99.9 % intervals of 8 replications of 40 days must contain Erlang-A's share
  /// abandoning and mean wait of those served.
  @Test(arguments: [0.8, 1.0, 1.3])
  func exponentialPatienceMatchesErlangA(load: Double) throws {
    let desks = 3, serviceMinutes = 10.0, patienceMinutes = 20.0
    let perHour = load * Double(desks) * 60 / serviceMinutes
    var config = ProvinceFixtures.alwaysOpenDesks(
      desks: desks, perHour: perHour, serviceMinutes: serviceMinutes, days: 42)
    config.warmupUntil = config.start.adding(days: 2)
    config.behaviour.patience = try .exponential(mean: patienceMinutes * 60)
    config.behaviour.pReturnAfterLeaving = 0
    let model = try CompiledModel(config)
    let theory = Self.erlangA(servers: desks, lambda: perHour / 60, mu: 1 / serviceMinutes, theta: 1 / patienceMinutes)
    var abandoning: [Double] = [], waits: [Double] = []
    for r in 0..<8 {
      let result = OneStopSimulation.run(model, seed: 7, replication: UInt64(r))
      #expect(result.checks.conservationViolations.isEmpty)
      let unit = result.units[0]
      abandoning.append(Double(unit.leftLine) / Double(unit.ticketsIssued))
      waits.append(unit.waits.mean / 60)
    }
    let share = ConfidenceInterval(abandoning, level: 0.999), wait = ConfidenceInterval(waits, level: 0.999)
    #expect(share.contains(theory.pAbandon), "load \(load): Erlang-A P(abandon) \(theory.pAbandon) outside \(share)")
    #expect(
      wait.contains(theory.waitServed), "load \(load): Erlang-A E[W|served] \(theory.waitServed) min outside \(wait)")
    #expect(share.halfWidth < 0.2 * theory.pAbandon && wait.halfWidth < 0.2 * theory.waitServed)
  }

  /// Without patience nobody leaves the line, whatever the load.
  @Test func withoutPatienceNobodyLeaves() throws {
    let config = ProvinceFixtures.alwaysOpenDesks(desks: 2, perHour: 14, serviceMinutes: 10, days: 5)
    let result = OneStopSimulation.run(try CompiledModel(config), seed: 3)
    #expect(result.units[0].leftLine == 0 && result.units[0].balked == 0)
  }

  /// Balking: a citizen who finds at least 4 people waiting never takes a ticket, so the
  /// line never grows past 4 (and those who balked are counted).
  @Test func balkingCapsTheLine() throws {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: 1, perHour: 9, serviceMinutes: 10, days: 10)
    config.behaviour.balkAbove = 4
    config.behaviour.pReturnAfterLeaving = 0
    let result = OneStopSimulation.run(try CompiledModel(config), seed: 5, trace: true)
    #expect(result.units[0].balked > 100)
    var waiting = 0, most = 0
    for r in result.trace {
      switch r.event {
      case .ticket: waiting += 1
      case .called, .leftLine: waiting -= 1
      default: break
      }
      most = max(most, waiting)
    }
    #expect(most <= 4, "at most 4 waiting, found \(most)")
  }

  /// A scenario's hash is that of its configuration's description: patience and balking
  /// appear in it only when set, so scenarios without them keep their hashes (and their
  /// baselines and sweep manifests), and one with them gets a new hash.
  @Test func patienceEntersTheDescriptionOnlyWhenSet() throws {
    var b = CitizenBehaviour()
    let plain = String(describing: b)
    #expect(!plain.contains("patience") && !plain.contains("balk") && plain.contains("onlineCheckTime"))
    b.patience = try .exponential(mean: 600)
    #expect(String(describing: b).contains("patience") && String(describing: b) != plain)
    b = CitizenBehaviour()
    b.pReturnAfterLeaving = 0.5
    #expect(String(describing: b).contains("pReturnAfterLeaving"))
  }
}
