import DESKernel
import OneStopBench
import OneStopModel
import Testing
import TestSupport

/// What happens to people still waiting at closing: served in overtime, or sent home.
@Suite struct ClosingRuleTests {
  /// One district with too few desks for its afternoon crowd.
  func run(_ rule: ClosingRule) throws -> (RunResult, CompiledModel) {
    var config = SyntheticProvince.make(
      districts: 1, communesPerDistrict: [1], annualDossiers: 40_000,
      start: CivilDate(iso: "2022-03-01")!, years: 1, backlog: 0)
    config.end = CivilDate(iso: "2022-05-01")!
    for u in config.units.indices {
      config.units[u].closingRule = rule
      config.units[u].desks = config.units[u].desks.map {
        var g = $0; g.count = 1; return g
      }
    }
    let model = try CompiledModel(config)
    return (OneStopSimulation.run(model, seed: 3), model)
  }

  @Test func serveAllWorksOvertimeAndSendsNobodyHome() throws {
    let (r, _) = try run(.serveAll)
    #expect(r.totals.sentHome == 0)
    #expect(r.deskGroups.reduce(0) { $0 + $1.overtimeSeconds } > 3600)
    #expect(r.checks.conservationViolations.isEmpty)
  }

  @Test func sendHomeDismissesTheQueueAndKeepsOvertimeToTheLastService() throws {
    let (home, model) = try run(.sendHome)
    let (all, _) = try run(.serveAll)
    #expect(home.totals.sentHome > 0)
    #expect(home.checks.conservationViolations.isEmpty)
    // Only the service under way at closing runs over: far less overtime.
    #expect(
      home.deskGroups.reduce(0) { $0 + $1.overtimeSeconds } < 0.5 * all.deskGroups.reduce(0) { $0 + $1.overtimeSeconds }
    )
    // Whoever is served under send-home is served the day they took their ticket.
    #expect(home.allWaits.sameDayShare == 1)
    #expect(home.allWaits.count > 0)
    #expect(model.units.count == 3)
  }

  /// Two evening desks (16:00 to `close`, every day) with more walk-ins than it can
  /// serve: under serve-all, whoever holds a ticket at closing is served in overtime.
  func evening(closingAt close: String) throws -> RunResult {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: 2, perHour: 2.5, serviceMinutes: 15, days: 28)
    let day = DailyHours(intervals: [OpenInterval(open: TimeOfDay("16:00")!, close: TimeOfDay(close)!)])
    config.units[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: day, count: 7)))
    config.units[0].closingRule = .serveAll
    config.demand[0].walkInHourProfile = (0..<24).map { $0 >= 16 && $0 < 23 ? 1 : 0 }
    return OneStopSimulation.run(try CompiledModel(config), seed: 11)
  }

  /// Closing at 24:00 is the same day as closing at 23:59: the queue left at midnight is
  /// served in overtime at once, not at the next day's 16:00 opening (the end-of-day
  /// test once compared 24:00 with the next day's closing and never started overtime).
  @Test func closingAtMidnightWorksOvertimeLikeClosingAtOneMinuteToMidnight() throws {
    let midnight = try evening(closingAt: "24:00")
    let minuteBefore = try evening(closingAt: "23:59")
    let overtime = (
      midnight.deskGroups.reduce(0) { $0 + $1.overtimeSeconds },
      minuteBefore.deskGroups.reduce(0) { $0 + $1.overtimeSeconds }
    )
    #expect(overtime.1 > 3600)
    #expect(overtime.0 > 0.5 * overtime.1 && overtime.0 < 2 * overtime.1)
    // Nobody waits through the night: the longest wait is about the same, far below the
    // 16 h until reopening.
    #expect(minuteBefore.allWaits.quantile(1) < 8 * 3600)
    #expect(midnight.allWaits.quantile(1) < minuteBefore.allWaits.quantile(1) + 3600)
    #expect(midnight.totals.sentHome == 0 && midnight.checks.conservationViolations.isEmpty)
  }
}
