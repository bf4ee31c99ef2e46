import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// The keys of digitisation by share and of the apology timing: read from a file, from
/// `unit_defaults` and from `--set`, and refused with the place and what was expected.
@Suite struct IntakeKeyTests {
  let errors = ScenarioErrorTests()

  /// The minimal fixture with `lines` added to its provincial unit.
  func withTopUnit(_ lines: String) -> [String] {
    errors.issues { $0.replacingOccurrences(of: "    level: province\n", with: "    level: province\n" + lines) }
  }

  @Test func periodsAreReadInOrderAndCompiledFromTheStart() throws {
    let (scenario, model) = try Scenario.load(
      path: ScenarioErrorTests.minimal,
      overrides: ["units[top].digitisation=[{from: 2022-03-07, share: 0.53}, {from: 2022-03-21, share: 0.8}]"])
    #expect(
      scenario.configuration.units[0].digitisation == [
        DigitisationPeriod(from: CivilDate(iso: "2022-03-07")!, share: 0.53),
        DigitisationPeriod(from: CivilDate(iso: "2022-03-21")!, share: 0.8),
      ])
    let periods = model.digitisationPeriods[model.units[0].digitisation]
    #expect(periods.map(\.fromDay) == [6, 20] && periods.map(\.share) == [0.53, 0.8])
    #expect(model.reportsDigitisation && model.units[1].digitisation.isEmpty)
  }

  /// A unit's `digitisation` replaces its level's default `digitisation_from` (and the
  /// reverse): the two give one setting.
  @Test func aUnitsPeriodsReplaceTheLevelsDefaultDate() throws {
    let (_, model) = try Scenario.load(
      path: ScenarioErrorTests.minimal,
      overrides: [
        "unit_defaults={commune: {digitisation_from: 2022-03-15}}",
        "units[c{i}].digitisation=[{from: 2022-03-01, share: 0.5}]",
      ])
    let shares = model.units.map { model.digitisationPeriods[$0.digitisation].map(\.share) }
    #expect(shares == [[], [0.5], [0.5]])
  }

  @Test func badPeriodsNameTheirPlace() {
    #expect(
      withTopUnit("    digitisation: [{from: 2022-03-10, share: 0.5}, {from: 2022-03-05, share: 0.2}]\n") == [
        """
        F:13:59: units[0].digitisation[1].from: expected a date after the previous period's (2022-03-10), \
        got 2022-03-05
        """
      ])
    #expect(
      withTopUnit("    digitisation: [{from: 2022-03-10, share: 1.2}]\n") == [
        "F:13:46: units[0].digitisation[0].share: expected a probability in [0, 1], found 1.2"
      ])
    #expect(
      withTopUnit("    digitisation: [{from: 2022-03-10, shares: 0.5}]\n") == [
        "F:13:39: units[0].digitisation[0].shares: unknown key 'shares'; did you mean 'share'?",
        "F:13:20: units[0].digitisation[0]: missing required key 'share'",
      ])
    #expect(
      withTopUnit("    digitisation: []\n") == [
        "F:13:19: units[0].digitisation: expected at least one period {from: DATE, share: P}"
      ])
    #expect(
      withTopUnit("    digitisation_from: 2022-03-01\n    digitisation: [{from: 2022-03-10, share: 0.5}]\n") == [
        """
        F:14:19: units[0].digitisation: give either digitisation_from (every paper dossier) or digitisation \
        (shares), not both
        """
      ])
  }

  @Test func theApologyTimingKeysAreChecked() throws {
    let (scenario, _) = try Scenario.load(
      path: ScenarioErrorTests.minimal, overrides: ["rules.apology_compliance=0.7", "rules.late_apology=none"])
    #expect(scenario.configuration.rules.apologyCompliance == 0.7)
    #expect(scenario.configuration.rules.lateApology == .noLetter)
    #expect(
      errors.issues { $0 + "rules: {apology_compliance: 1.5, late_apology: never}\n" } == [
        "F:41:29: rules.apology_compliance: expected a probability in [0, 1], found 1.5",
        "F:41:48: rules.late_apology: expected one of end-of-due-day, none, found 'never'",
      ])
  }
}
