import DESKernel
import OneStopModel
import Testing
import TestSupport

/// Deadlines in calendar days (`30d`; Circular 03/2022/TT-BTP: a time limit in "ngày"
/// counts days off): due N days after the receipt day, or on the next working day when
/// that day is off (Civil Code 2015 Art. 148(5)); the same scenario in working days is
/// due later whenever a weekend falls inside the period.
@Suite struct CalendarDayDeadlineTests {
  static func model(_ deadline: Deadline) throws -> CompiledModel {
    var config = ProvinceFixtures.alwaysOpenDesks(
      desks: 2, perHour: 1, serviceMinutes: 5, days: 40, start: "2025-07-01")
    config.procedures[0].deadline = deadline
    return try CompiledModel(config)
  }

  @Test func aCalendarDayDeadlineEndsOnTheNextWorkingDayWhenOff() throws {
    let model = try Self.model(.calendarDays(10))
    let r = OneStopSimulation.run(model, seed: 3, trace: true)
    let accepted = r.trace.filter { $0.event == .accepted }
    #expect(accepted.count > 100)
    var rolled = 0
    for t in accepted {
      let day = Int((t.time / 86_400).rounded(.down))
      var due = day + 10
      while !model.calendar.isWorkingDay(model.epochDay + due) { due += 1 }
      if due != day + 10 { rolled += 1 }
      #expect(Int(t.dueDay) == due, "received on day \(day): due \(t.dueDay), expected \(due)")
    }
    #expect(rolled > 0, "some period ends on a weekend")
    let working = try Self.model(.workingDays(10))
    let w = OneStopSimulation.run(working, seed: 3, trace: true).trace.filter { $0.event == .accepted }
    #expect(zip(accepted, w).allSatisfy { $0.dueDay < $1.dueDay })
  }
}
