import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// `scheduleDeadlineWatch` reads the day of a watch from a table made once per run (the
/// walk back from the due day, down to day -1) instead of walking back to today at every
/// acceptance: for every due day and every day it could be accepted on, the table plans a
/// watch exactly when the walk does, on the same day.
@Suite struct WatchDayTableTests {
  @Test(arguments: [0, 1, 2, 5])
  func theTableAgreesWithTheWalkFromToday(lead: Int) throws {
    let model = try ApologyTimingTests.config { $0.apologyLeadWorkingDays = lead }
    let sim = OneStopSimulation(model, seed: 3)
    #expect(sim.watchDays.count == sim.calendar.reader.days + 1)
    for due in Array(stride(from: 0, to: sim.watchDays.count, by: 7)) + [sim.watchDays.count - 1] {
      let table = Int(sim.watchDays[due])
      for today in Swift.max(0, due - 30)...(due + 1) {
        let walk = OneStopSimulation.watchDay(due: due, after: today, model.rules, sim.calendar)
        #expect((table > today) == (walk > today), "due \(due), today \(today)")
        if walk > today { #expect(table == walk, "due \(due), today \(today)") }
      }
    }
  }
}
