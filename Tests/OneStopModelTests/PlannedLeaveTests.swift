import DESKernel
@testable import OneStopModel
import Testing

/// Planned annual leave (Labour Code 2019 Art. 113): each officer's yearly days, pro-rated
/// to the run, placed before the run in spells of consecutive working days outside the
/// months the office keeps free, never more officers away on one day than the cap, on top
/// of the random absences; presence never negative.
@Suite struct PlannedLeaveTests {
  static let excluded = [3, 4, 5, 11, 12]

  /// One agency of `officers` officers with planned leave, in the one-unit online
  /// province of the back-office tests (2022, Vietnamese calendar).
  static func model(
    officers: Int = 9, leave: Double = 12, spell: Double = 5, outside: [Int] = excluded, absence: Double = 0,
    days: Int = 365
  ) throws -> CompiledModel {
    let agency = AgencyConfiguration(
      id: "A@u", unit: "u", officers: officers, hours: .standardOffice, absenceDays: absence,
      absenceSpellDays: 3, annualLeaveDays: leave, leaveSpellDays: spell, leaveOutsideMonths: outside)
    return try CompiledModel(
      BackOfficeTests.onlineProvince(
        agencies: [agency],
        procedures: [
          BackOfficeTests.procedure("p", steps: [.init(place: .agency("A@u"), work: try .deterministic(1))])
        ],
        perDay: 10, start: "2022-01-01", days: days, vietnam: true))
  }

  /// The plans of `seeds` replications of station `k` of `model`.
  static func plans(_ model: CompiledModel, station k: Int, seeds: Range<UInt64>) -> [LeavePlan] {
    let st = model.stations[k]
    let (allowed, ordinal) = BackOffice.leaveDays(st, model: model, calendar: RunCalendar(model))
    return seeds.map { seed in
      // The generator is the stream's state: the stream must outlive the plan's draws.
      let stream = RandomStream(masterSeed: seed, replication: 0, source: "leave")
      return withExtendedLifetime(stream) {
        LeavePlan(
          officers: st.officers, perOfficer: st.leaveDays, spell: st.leaveSpell, allowed: allowed, ordinal: ordinal,
          horizon: model.horizonDays, rng: stream.generator)
      }
    }
  }

  /// A calendar year: every officer takes exactly 12 working days, as spells of 5, 5 and
  /// 2 consecutive working days, all on working days outside March-May and November-
  /// December; never more than ceil(9 / 5) = 2 officers away on one day; the day counts
  /// are the officers' days.
  @Test func everyOfficerTakesExactlyTheirDaysInSpellsOutsideTheExcludedMonths() throws {
    let model = try Self.model()
    let k = BackOfficeTests.station("A@u", model)
    #expect(model.stations[k].leaveDays == 12)
    let calendar = RunCalendar(model)
    func ordinal(_ d: Int) -> Int { calendar.workingDays(after: -1, through: d) }
    for plan in Self.plans(model, station: k, seeds: 0..<40) {
      #expect(plan.cap == 2)
      var count = [UInt16](repeating: 0, count: model.horizonDays)
      for spells in plan.spells {
        #expect(spells.map(\.count).sorted() == [2, 5, 5])
        let days = spells.flatMap { $0 }
        #expect(Set(days).count == 12)
        for spell in spells {
          #expect(ordinal(spell.last!) - ordinal(spell.first!) == spell.count - 1, "not consecutive: \(spell)")
        }
        for d in days {
          count[d] += 1
          #expect(calendar.isWorkingDay(d))
          #expect(!Self.excluded.contains(CivilDate(dayNumber: model.epochDay + d).month), "leave on day \(d)")
        }
      }
      #expect(count == plan.onLeave)
      #expect(plan.onLeave.allSatisfy { $0 <= 2 })
    }
  }

  /// Half a year (January-June) plans the run's share of the 12 days: 12 x its working
  /// days / the year's, the whole part for every officer and one more day with the
  /// probability of the fraction; the mean over officers and replications is the share
  /// (within its 95 % interval).
  @Test func aShorterRunPlansItsShareOfTheYearsDays() throws {
    let model = try Self.model(outside: [], days: 181)
    let k = BackOfficeTests.station("A@u", model)
    let run = model.calendar.workingDays(after: model.epochDay - 1, through: model.epochDay + 180)
    let year = model.calendar.workingDays(after: model.epochDay - 1, through: model.epochDay + 364)
    let share = 12 * Double(run) / Double(year)
    #expect(model.stations[k].leaveDays == share)
    #expect(share > 5 && share < 6, "\(share)")
    var taken: [Double] = []
    for plan in Self.plans(model, station: k, seeds: 0..<60) {
      for spells in plan.spells {
        let n = spells.reduce(0) { $0 + $1.count }
        #expect(n == 5 || n == 6)
        taken.append(Double(n))
      }
    }
    let mean = taken.reduce(0, +) / Double(taken.count)
    let sd = (taken.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(taken.count - 1)).squareRoot()
    #expect(abs(mean - share) <= 1.96 * sd / Double(taken.count).squareRoot() + 1e-9, "\(mean) vs \(share)")
  }

  /// Through a run: the months' planned-leave officer-days add up to 9 x 12 and are 0 in
  /// the excluded months, and a run without planned leave has none.
  @Test func theMonthsCountTheOfficerDaysOfLeave() throws {
    let model = try Self.model()
    let k = BackOfficeTests.station("A@u", model)
    let r = OneStopSimulation.run(model, seed: 3)
    let months = r.stations[k].months
    #expect(months.reduce(0) { $0 + $1.leaveDays } == 108)
    for m in Self.excluded { #expect(months[m - 1].leaveDays == 0) }
    #expect(months.allSatisfy { $0.absentSeconds <= $0.availableSeconds })
    let none = try Self.model(leave: 0)
    #expect(none.stations[k].leaveDays == 0)
    #expect(OneStopSimulation.run(none, seed: 3).stations[k].months.allSatisfy { $0.leaveDays == 0 })
  }

  /// Heavy random absence (150 days a year in 10-day spells) on top of 40 days of planned
  /// leave for 3 officers: on every day of the year the officers at work are between 0
  /// and 3, and no month loses more officer time than it has.
  @Test func presenceIsNeverNegative() throws {
    let model = try Self.model(officers: 3, leave: 40, spell: 10, outside: [], absence: 150)
    let k = BackOfficeTests.station("A@u", model)
    for seed: UInt64 in 0..<10 {
      var sim = OneStopSimulation(model, seed: seed)
      var lowest = 3
      for day in 0..<model.horizonDays {
        sim.backOffice.drawPresence(day: day)
        let present = sim.backOffice.stations[k].officers.capacity
        #expect((0...3).contains(present), "day \(day): \(present) officers present")
        lowest = min(lowest, present)
      }
      #expect(lowest == 0, "the test should reach a day with nobody at work")
      let months = sim.backOffice.stationMonths(at: model.endTime)[k]
      #expect(months.allSatisfy { $0.absentSeconds <= $0.availableSeconds && $0.presentSeconds >= 0 })
    }
  }
}
