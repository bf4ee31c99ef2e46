import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// The model reports typed locations and names fields as values; the scenario layer
/// alone turns them into the file's lines, key paths and key names.
@Suite struct ProblemLocationTests {
  /// Keys below a list item that no schema table lists: a weekday period's `factors`,
  /// a mix entry's weight (the value of `procedure: weight`) and a digitisation period's
  /// `from` and `share`.
  static let subKeys: Set<String> = ["factors", "weight", "from", "share"]

  @Test func everyFieldIsNamedWithAKeyOfTheSchema() {
    let s = ConfigurationSchema.self
    let keys = Set(
      s.top.keyNames() + s.calendar.keyNames() + s.behaviour.keyNames() + s.rules.keyNames()
        + s.hours.keyNames() + s.unit.keyNames() + s.desk.keyNames() + s.agency.keyNames() + s.procedure.keyNames()
        + s.step.keyNames() + s.demand.keyNames() + s.backlog.keyNames() + s.overtime.keyNames()
    ).union(Self.subKeys)
    for field in ConfigurationField.allCases {
      #expect(keys.contains(field.fileKey), "\(field) is named '\(field.fileKey)', not a key of the schema")
    }
  }

  @Test func keyPathsUseTheFilesKeys() {
    #expect(
      ProblemLocation(.deskGroup(unit: 3, index: 1), .serviceTimeFactor).keyPath
        == "units[3].desks[1].service_time_factor")
    #expect(ProblemLocation(.step(procedure: 2, index: 0), .place).keyPath == "procedures[2].steps[0].agency")
    #expect(
      ProblemLocation(.weekdayPeriod(demand: 1, index: 2), .factors).keyPath
        == "demand[1].weekday_factors_from[2].factors")
    #expect(ProblemLocation(.unit(0), .hours, .day(5)).keyPath == "units[0].hours.saturday")
    #expect(ProblemLocation(.digitisationPeriod(unit: 2, index: 1), .share).keyPath == "units[2].digitisation[1].share")
    #expect(ProblemLocation(.rules, .apologyCompliance).keyPath == "rules.apology_compliance")
    #expect(ProblemLocation(.configuration, .warmupUntil).keyPath == "warmup_until")
    #expect(ProblemLocation(.rules, .apologyLeadWorkingDays).keyPath == "rules.apology_lead")
    // Swift callers get the configuration's property path.
    #expect(ProblemLocation(.rules, .apologyLeadWorkingDays).description == "rules.apologyLeadWorkingDays")
  }

  /// A rule across fields names them with the file's keys, on the entity's line.
  @Test func crossFieldProblemsNameTheFilesKeys() {
    let errors = ScenarioErrorTests()
    #expect(
      errors.issues { $0 + "backlog:\n  - {unit: top, procedure: land, count: 3, received_from: 2022-01-03}\n" } == [
        "F:42:5: backlog[0]: give both received_from and received_through, or neither (ages then follow the deadline)"
      ])
    #expect(
      errors.issues {
        $0.replacingOccurrences(
          of: "mix: {land: 2}, online_share: 0.2}",
          with: "mix: {land: 2}, online_share: 0.2, postal_return_share: 0.7, online_return_share: 0.5}")
      } == [
        "F:38:5: demand[0]: postal_return_share and online_return_share must be >= 0 and sum to at most 1"
      ])
  }

  /// The calendar says which years are missing; the scenario layer adds which keys fix it.
  @Test func anUnbundledYearSaysWhichKeysToSet() {
    let found = ScenarioErrorTests().issues {
      $0.replacingOccurrences(of: "start: 2022-03-01", with: "start: 2030-03-01").replacingOccurrences(
        of: "end: 2022-04-01", with: "end: 2030-04-01")
    }
    #expect(
      found.contains {
        $0.hasSuffix(
          """
            : calendar: no bundled Vietnamese calendar for 2030 (bundled: 2022-2026); list that year's days off in \
            extra_days_off and set allow_unbundled_years
            """
        )
      },
      "\(found)")
  }

  /// The model's own problems carry their location and their field references as values.
  @Test func theModelReportsTypedLocations() throws {
    let (scenario, _) = try Scenario.load(path: ScenarioErrorTests.minimal)
    var c = scenario.configuration
    c.procedures[1].pIncomplete = 0.7
    c.procedures[1].pGuidanceOnly = 0.5
    c.units[0].ticketCutoff = TimeOfDay("05:00")
    do {
      _ = try CompiledModel(c)
      Issue.record("expected problems")
    } catch {
      #expect(
        error.problems.map(\.location) == [ProblemLocation(.unit(0), .ticketCutoff), ProblemLocation(.procedure(1))])
      #expect(error.problems.last?.text.parts.first == .field(.pIncomplete))
      #expect(
        error.problems.last?.fileMessage == "p_incomplete + p_refused + p_guidance_only must not exceed 1, got 1.21")
    }
  }
}
