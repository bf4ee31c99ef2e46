import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// The planned-leave and overtime keys of an agency (and the rules' defaults): read into
/// the configuration, and a wrong value is an error naming the file, the line, the key
/// path and what was expected.
@Suite struct OfficerTimeKeyTests {
  let errors = ScenarioErrorTests()
  static let agency = "  - {id: TNMT@top, unit: top, officers: 2}"

  /// The fixture's first agency with `keys` added.
  func issues(agency keys: String, rules: String? = nil) -> [String] {
    errors.issues { text in
      text.replacingOccurrences(of: Self.agency, with: "  - {id: TNMT@top, unit: top, officers: 2, \(keys)}")
        + (rules.map { "rules:\n\($0)\n" } ?? "")
    }
  }

  @Test func theKeysAreRead() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-officer-time-\(getpid()).yaml")
    let text = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8).replacingOccurrences(
      of: Self.agency,
      with: """
        \(Self.agency.dropLast()), annual_leave_days: 12, leave_spell: 3wd, leave_outside_months: [5, 6],
          overtime: {backlog_above: 2.5d, evening: "17:00-20:00", saturday: "07:00-11:00", cap_hours_per_month: 30}}
        """)
    try text.write(to: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: path) }
    let (s, model) = try Scenario.load(path: path.path, overrides: ["rules.annual_leave_days=14"])
    let a = s.configuration.agencies[0]
    #expect(a.annualLeaveDays == 12 && a.leaveSpellDays == 3 && a.leaveOutsideMonths == [5, 6])
    let o = try #require(a.overtime)
    #expect(o.backlogAboveDays == 2.5 && o.capHoursPerMonth == 30 && o.capHoursPerYear == 200)
    #expect(o.evening?.description == "17:00-20:00" && o.saturday?.description == "07:00-11:00")
    // The other agencies take the rules' 14 days; March is a month with leave for them.
    #expect(s.configuration.rules.annualLeaveDays == 14)
    let ubnd = try #require(model.names.stations.firstIndex { $0.id == "UBND@c1" })
    #expect(model.stations[ubnd].plansLeave && !model.stations[ubnd].hasOvertime)
    let tnmt = try #require(model.names.stations.firstIndex { $0.id == "TNMT@top" })
    #expect(model.stations[tnmt].hasOvertime && model.stations[tnmt].leaveSpell == 3)
    #expect(model.stations[tnmt].leaveMonths == 0xFFF & ~(0b11 << 4))
  }

  /// A scenario that uses neither keeps the hash it had before they existed (the hash of
  /// the fixture as onestop a671134 computed it), so baselines and sweep manifests still
  /// match; setting one changes it.
  @Test func aScenarioWithoutTheKeysKeepsItsHash() throws {
    #expect(try Scenario.load(path: ScenarioErrorTests.minimal).0.hash == "7d0d8b8d9fac64be")
    for set in ["rules.annual_leave_days=12", "agencies[TNMT@top].overtime={}", "rules.leave_spell=3wd"] {
      #expect(try Scenario.load(path: ScenarioErrorTests.minimal, overrides: [set]).0.hash != "7d0d8b8d9fac64be")
    }
  }

  @Test func aWrongValueNamesTheKeyAndWhatWasExpected() {
    #expect(
      issues(agency: #"overtime: {evening: "19:00-17:00"}"#) == [
        "F:23:64: agencies[0].overtime.evening: expected an interval HH:MM-HH:MM that closes after it opens, "
          + "found '19:00-17:00'"
      ])
    #expect(
      issues(agency: "overtime: {backlog_above: 3x}") == [
        "F:23:70: agencies[0].overtime.backlog_above: expected days of work such as 3d, from 0d to 365d, found '3x'"
      ])
    #expect(
      issues(agency: "overtime: {cap_hours_per_year: -1}") == [
        "F:23:75: agencies[0].overtime.cap_hours_per_year: expected hours in [0, 8784], found -1"
      ])
    #expect(
      issues(agency: "overtime: {evening: null}") == [
        "F:23:54: agencies[0].overtime: expected evening or Saturday hours (or no overtime at all)"
      ])
    #expect(
      issues(agency: "annual_leave_days: 12, leave_outside_months: [13]") == [
        "F:23:90: agencies[0].leave_outside_months[0]: expected a month (1 = January) <= 12 (the documented "
          + "maximum), found 13"
      ])
    #expect(issues(agency: "annual_leave_days: 12, leave_spell: 1.5wd").first?.contains("whole working days") == true)
  }

  /// Leave that cannot fit is refused where it was set: at the agency, or once at the
  /// rules when the agencies take the rules' default. (The fixture runs in March: 12 days
  /// a year are 1.1 days for the run, and March has no day for leave.)
  @Test func leaveThatCannotFitIsRefusedWhereItWasSet() {
    let fit =
      "1.1 working days of planned leave per officer do not fit in the 0 working days of the run on which the "
      + "agency works outside the months without leave"
    #expect(
      issues(agency: "annual_leave_days: 12, leave_outside_months: [3]") == [
        "F:23:63: agencies[0].annual_leave_days: \(fit)"
      ])
    #expect(
      issues(agency: "leave_spell: 2wd", rules: "  annual_leave_days: 12\n  leave_outside_months: [3]") == [
        "F:42:22: rules.annual_leave_days: \(fit)"
      ])
  }
}
