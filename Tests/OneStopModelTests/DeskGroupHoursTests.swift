import DESKernel
import OneStopModel
import Testing
import TestSupport

/// Desk groups read their hours lazily (no event at each opening and closing) and are
/// woken only at an opening where tickets wait. These trace tests pin what that must
/// keep: nobody is called while the group is at lunch, whoever waits through lunch is
/// called at the reopening instant, and end-of-day overtime still serves the queue.
@Suite struct DeskGroupHoursTests {
  /// A unit open 07:00-17:00 every day whose only desk closes 11:30-13:00, with more
  /// walk-ins around lunch than one desk serves, and some dossiers by post.
  func run(postalShare: Double = 0) throws -> RunResult {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: 1, perHour: 4, serviceMinutes: 12, days: 21)
    let unitDay = DailyHours(intervals: [OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("17:00")!)])
    let deskDay = DailyHours(intervals: [
      OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("11:30")!),
      OpenInterval(open: TimeOfDay("13:00")!, close: TimeOfDay("17:00")!),
    ])
    config.units[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: unitDay, count: 7)))
    config.units[0].desks[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: deskDay, count: 7)))
    config.units[0].closingRule = .serveAll
    config.demand[0].walkInHourProfile = (0..<24).map { $0 >= 7 && $0 < 17 ? ($0 == 11 || $0 == 12 ? 3 : 1) : 0 }
    config.demand[0].postalShare = .constant(postalShare)
    config.procedures[0].postalAllowed = postalShare > 0
    return OneStopSimulation.run(try CompiledModel(config), seed: 5, trace: true)
  }

  func secondOfDay(_ t: Double) -> Double { t - (t / 86_400).rounded(.down) * 86_400 }

  @Test func nobodyIsCalledAtLunchAndTheQueueIsCalledAtTheReopening() throws {
    let r = try run()
    let calls = r.trace.filter { $0.event == .called }.map { secondOfDay($0.time) }
    #expect(calls.count > 500)
    // No call inside the break (a service started before 11:30 may run into it).
    #expect(calls.allSatisfy { !($0 > 11.5 * 3600 && $0 < 13 * 3600) })
    // The queue left at 11:30 is called at 13:00 sharp, on most days.
    let atReopening = calls.filter { $0 == 13 * 3600 }.count
    #expect(atReopening >= 15)
    #expect(r.checks.servicesOutsideSchedule == 0)
    #expect(r.checks.conservationViolations.isEmpty)
  }

  @Test func overtimeAfterClosingServesTheQueueAndPostWaitsForTheMorning() throws {
    let r = try run(postalShare: 0.3)
    let called = r.trace.filter { $0.event == .called }
    // Walk-ins still waiting at 17:00 are served in overtime the same evening.
    #expect(called.contains { secondOfDay($0.time) > 17 * 3600 })
    // Post handed over during the break waits for the reopening; post is never taken in
    // overtime: every postal intake starts inside the desk's hours.
    let postalCalls = called.filter { $0.channelIn == .postal }.map { secondOfDay($0.time) }
    #expect(!postalCalls.isEmpty)
    #expect(postalCalls.allSatisfy { ($0 >= 7 * 3600 && $0 < 11.5 * 3600) || ($0 >= 13 * 3600 && $0 < 17 * 3600) })
    #expect(r.checks.servicesOutsideSchedule == 0)
    #expect(r.checks.conservationViolations.isEmpty)
  }
}
