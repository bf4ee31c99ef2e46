import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// The keys of `units[].desks[].appointments`: read into the desk group's configuration,
/// compiled into a plan, and refused with the place and what was expected.
@Suite struct AppointmentKeyTests {
  let errors = ScenarioErrorTests()

  /// The minimal fixture with `block` as the appointments of the provincial unit's desks.
  func withAppointments(_ block: String) -> [String] {
    errors.issues {
      $0.replacingOccurrences(
        of: "      - {id: d, count: 2}\n", with: "      - {id: d, count: 2, appointments: \(block)}\n")
    }
  }

  @Test func theKeysAreReadAndCompiled() throws {
    let block = """
      {book_share: 0.4, slot_length: 20m, slot_times: ["08:00", "09:30"], reserved_desks: 1, horizon_days: 5, \
      release_before: 30m, overbooking: 0.5, no_show: 0.2, arrive_before: 5m, lateness: 3m, grace: 10m, \
      walk_ins: standby, call_order: {k_per_walk_in: 3}, max_wait_days: 2, if_later: {walk_in: 0.5, give_up: 0.5}}
      """
    let (scenario, model) = try Scenario.load(
      path: ScenarioErrorTests.minimal, overrides: ["units[top].desks[d].appointments=\(block)"])
    let a = try #require(scenario.configuration.units[0].desks[0].appointments)
    #expect(a.bookShare == 0.4 && a.slotLength == 1200 && a.slotTimes == [8 * 3600, 9 * 3600 + 1800])
    #expect(a.reservedDesks == 1 && a.horizonDays == 5 && a.releaseBefore == 1800 && a.overbooking == 0.5)
    #expect(a.walkIns == .standby && a.kPerWalkIn == 3 && a.ifLaterWalkIn == 0.5 && a.ifLaterGiveUp == 0.5)
    let plan = try #require(model.appointments.plans.first)
    #expect(model.appointments.plans.count == 1 && plan.group == 0 && plan.reserved == 1 && plan.k == 3)
    #expect(model.randomSources.contains("appointment:unit:top"))
  }

  @Test func badValuesNameTheirPlace() {
    #expect(
      withAppointments("{book_share: 0.5, walk_ins: fill_gap}") == [
        """
        F:15:69: units[0].desks[0].appointments.walk_ins: expected one of fill_gaps, separate_desks, \
        afternoons_only, standby, found 'fill_gap'; did you mean 'fill_gaps'?
        """
      ])
    #expect(
      withAppointments("{book_share: 0.5, if_later: {walk_in: 0.5, wait: 0.2}}") == [
        """
        F:15:69: units[0].desks[0].appointments.if_later: expected shares walk_in, wait and give_up summing to 1, \
        found 0.7
        """
      ])
    #expect(
      withAppointments("{book_share: 0.5, reserved_desks: 3}") == [
        "F:15:75: units[0].desks[0].appointments.reserved_desks: expected at most the group's 2 desks, found 3"
      ])
    #expect(
      withAppointments("{book_share: 0.5, call_order: walk_ins_first}") == [
        """
        F:15:71: units[0].desks[0].appointments.call_order: expected appointments_first or {k_per_walk_in: K}, \
        found 'walk_ins_first'
        """
      ])
  }
}
