import DESKernel
import OneStopModel
import Testing
import TestSupport

/// Digitisation at intake as a share per period (R24; Directive 02/CT-TTg): how many paper
/// dossiers are digitised, and that only they take the digitisation time at the desk.
@Suite struct DigitisationTests {
  /// One always-open unit, every dossier accepted on paper at the desk with a fixed
  /// 10-minute intake and results sent online (no pick-up visits): January 2022 and
  /// February 2022 (each day about 96 dossiers).
  static func desk(_ periods: [DigitisationPeriod]) throws -> CompiledModel {
    var config = ProvinceFixtures.alwaysOpenDesks(
      desks: 3, perHour: 4, serviceMinutes: 10, days: 59, start: "2022-01-01")
    config.procedures[0].intakeTime = try .deterministic(600)
    config.behaviour.digitisationTime = try .deterministic(300)
    config.units[0].digitisation = periods
    return try CompiledModel(config)
  }

  /// The value of the KPI called `name` in `r`.
  static func kpi(_ name: String, _ r: RunResult, _ model: CompiledModel) -> Double {
    guard let k = KPI.named(name) else {
      Issue.record("no KPI \(name)")
      return .nan
    }
    return k.value(r, model)
  }

  /// Each paper dossier is digitised with its period's share, independently: January's
  /// count over its paper dossiers lies within the 99.9 % binomial interval of 0.3,
  /// February's of 0.8 (z = 3.29, over 4 replications, about 11,000 dossiers a month).
  @Test func theDigitisedShareOfEachPeriodConverges() throws {
    let model = try Self.desk([
      DigitisationPeriod(from: CivilDate(iso: "2022-01-01")!, share: 0.3),
      DigitisationPeriod(from: CivilDate(iso: "2022-02-01")!, share: 0.8),
    ])
    for (month, share) in [("2022-01", 0.3), ("2022-02", 0.8)] {
      var digitised = 0.0, paper = 0.0
      for r in 0..<4 {
        let result = OneStopSimulation.run(model, seed: 11, replication: UInt64(r))
        digitised += Self.kpi("digitised@month:\(month)", result, model)
        paper += Self.kpi("received_new@month:\(month)", result, model)
      }
      let halfWidth = 3.29 * (share * (1 - share) / paper).squareRoot()
      #expect(paper > 10_000, "\(month): \(paper) paper dossiers")
      #expect(abs(digitised / paper - share) <= halfWidth, "\(month): \(digitised) of \(paper), share \(share)")
    }
  }

  /// Only a digitised dossier takes the digitisation time: with fixed desk times the
  /// desks are busy 600 s per accepted dossier plus 300 s per digitised one, up to the
  /// services still running at the end (3 desks, 900 s each at most).
  @Test(arguments: [0.0, 0.5, 1.0])
  func onlyDigitisedDossiersTakeTheTime(share: Double) throws {
    let model = try Self.desk([DigitisationPeriod(from: CivilDate(iso: "2022-01-01")!, share: share)])
    let r = OneStopSimulation.run(model, seed: 5)
    let accepted = Double(r.total().receivedNew), digitised = Double(r.total().digitised)
    let busy = r.deskGroups.reduce(0) { $0 + $1.busySeconds }
    #expect(abs(busy - (600 * accepted + 300 * digitised)) <= 3 * 900, "busy \(busy) s")
    #expect(Self.kpi("digitised", r, model) == digitised)
    if share == 0 { #expect(digitised == 0) }
    if share == 1 { #expect(digitised == accepted) }
    if share == 0.5 { #expect(abs(digitised / accepted - 0.5) < 0.05, "\(digitised) of \(accepted)") }
  }

  /// `digitisation_from` is the shorthand of one period with share 1, and a share of 1
  /// or 0 draws nothing: the runs match the shorthand (or no digitisation) record for
  /// record, with every draw of every other stream unchanged.
  @Test(arguments: [2, 5, 9] as [UInt64])
  func shareOneIsDigitisationFromExactly(seed: UInt64) throws {
    let config = ProvinceFixtures.random(seed: seed)
    var periods = config, none = config, zero = config
    for u in config.units.indices {
      periods.units[u].digitisationFrom = nil
      none.units[u].digitisationFrom = nil
      zero.units[u].digitisationFrom = nil
      zero.units[u].digitisation = [DigitisationPeriod(from: config.start, share: 0)]
      if let from = config.units[u].digitisationFrom {
        periods.units[u].digitisation = [DigitisationPeriod(from: from, share: 1)]
      }
    }
    let (a, b) = try (CompiledModel(config), CompiledModel(periods))
    let ra = OneStopSimulation.run(a, seed: seed, trace: true)
    let rb = OneStopSimulation.run(b, seed: seed, trace: true)
    #expect(ra.trace == rb.trace && ra.total() == rb.total() && ra.events == rb.events)
    #expect(!a.reportsDigitisation && b.reportsDigitisation == config.units.contains { $0.digitisationFrom != nil })
    let rn = OneStopSimulation.run(try CompiledModel(none), seed: seed, trace: true)
    let rz = OneStopSimulation.run(try CompiledModel(zero), seed: seed, trace: true)
    #expect(rn.trace == rz.trace && rz.total().digitised == 0)
    // The units that digitise from March count every paper dossier accepted then.
    #expect(ra.total().digitised <= ra.total { _, _, c in c != .online }.receivedNew)
  }

  /// A scenario without periods keeps its description (and so its hash); periods enter it.
  @Test func periodsEnterTheDescriptionOnlyWhenGiven() {
    var u = UnitConfiguration(id: "u", level: "l", desks: [], digitisationFrom: CivilDate(iso: "2022-06-01"))
    let plain = String(describing: u)
    #expect(!plain.contains("digitisation:") && plain.contains("digitisationFrom"))
    u.digitisation = [DigitisationPeriod(from: CivilDate(iso: "2022-06-01")!, share: 0.53)]
    #expect(String(describing: u).contains("digitisation:") && String(describing: u) != plain)
  }

  /// Both forms on one unit, a share outside [0, 1] and dates out of order are refused,
  /// each at its place.
  @Test func badPeriodsAreRefusedWhereTheyAre() throws {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: 1, perHour: 1, serviceMinutes: 5, days: 5)
    config.units[0].digitisationFrom = CivilDate(iso: "2022-01-03")
    config.units[0].digitisation = [
      DigitisationPeriod(from: CivilDate(iso: "2022-02-01")!, share: 1.5),
      DigitisationPeriod(from: CivilDate(iso: "2022-01-01")!, share: 0.5),
    ]
    do {
      _ = try CompiledModel(config)
      Issue.record("expected problems")
    } catch {
      let found = error.problems.map(\.description)
      #expect(
        found == [
          """
          units[0].digitisation: give either digitisationFrom (every paper dossier) or digitisation (shares), \
          not both
          """,
          "units[0].digitisation[0].share: expected a share in [0, 1], got 1.5",
          "units[0].digitisation[1].from: expected a date after the previous period's (2022-02-01), got 2022-01-01",
        ])
    }
  }
}
