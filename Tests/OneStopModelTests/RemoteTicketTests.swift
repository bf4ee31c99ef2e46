import DESKernel
import OneStopModel
import Testing
import TestSupport

/// The estimated call of a remote ticket (issue 28, item 5): what a ticket app shows, the
/// line ahead at the line's recent call rate, from the last call, in open hours.
@Suite struct RemoteTicketTests {
  /// One desk of constant 5-minute calls open 08:00-12:00 and 13:00-17:00 under a
  /// permanent queue, every walk-in taking a remote ticket and coming exactly 60 s before
  /// its estimated call: the k-th ticket ahead is called exactly k × 5 open minutes after
  /// the last call (the lunch hour skipped), so each holder is called exactly 60 s after
  /// coming, or at once when the desk was free. No holder is ever called before coming.
  /// The naive estimate (the ticket time plus the line ahead × 5 minutes) misses by the
  /// part of the call in progress and the lunch hour, and this test fails with it.
  @Test func theEstimateIsTheHandComputedCallTime() throws {
    var config = try DeskAccessTests.officeDay(desks: 1, perDay: 300, serviceMinutes: 5, days: 3)
    let day = DailyHours(intervals: [
      OpenInterval(open: TimeOfDay("08:00")!, close: TimeOfDay("12:00")!),
      OpenInterval(open: TimeOfDay("13:00")!, close: TimeOfDay("17:00")!),
    ])
    config.units[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: day, count: 7)))
    // A queue at 08:00 (from 07:00), so the calls fall on 08:00 + k × 5 min.
    config.units[0].access.beforeOpeningShare = 0.2
    config.units[0].access.beforeOpeningEarliest = 3600
    // 90 tickets a day: the last is called at 16:25, before the closing.
    config.units[0].desks[0].quota = 90
    config.units[0].access.remoteTicketShare = 1
    config.units[0].access.remoteArrivalLead = try .deterministic(60)
    config.units[0].access.remoteNoShow = 0
    config.behaviour.pReturnAfterLeaving = 0
    let model = try CompiledModel(config)
    let result = OneStopSimulation.run(model, seed: 4, trace: true)
    let a = result.units[0].access
    let waits = a.remoteWaits
    #expect(a.noShows == 0 && a.absentCalls == 0)
    #expect(waits.count > 100 && waits.min >= -1e-6 && abs(waits.max - 60) < 1e-6)
    // Every wait is 0 or 60 s exactly: E[W²] = 60 E[W]; most are 60 s.
    let n = Double(waits.count)
    let meanSquare = waits.variance * (n - 1) / n + waits.mean * waits.mean
    #expect(abs(meanSquare - 60 * waits.mean) < 1e-3, "E[W²] \(meanSquare), E[W] \(waits.mean)")
    #expect(waits.mean > 50, "mean remote wait \(waits.mean) s")
    let afterLunch = result.trace.filter {
      $0.event == .called && $0.time.truncatingRemainder(dividingBy: 86_400) >= 13 * 3600
    }
    #expect(afterLunch.count > 100)
  }
}
