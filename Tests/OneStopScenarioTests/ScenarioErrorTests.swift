import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing
import TestSupport

/// One broken scenario per kind of error, each with its exact message: file, line,
/// column, key path, what was expected and what was found.
@Suite struct ScenarioErrorTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let minimal = fixtures.appendingPathComponent("minimal.yaml").path

  /// Loads the minimal fixture with `edit` applied to its text, from a temporary file.
  func issues(_ edit: (String) -> String, file: String = "broken.yaml") -> [String] {
    let text = edit(try! String(contentsOfFile: Self.minimal, encoding: .utf8))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)-\(file)")
      .path
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try Scenario.load(path: path)
      return []
    } catch {
      let name = URL(fileURLWithPath: path).lastPathComponent
      return error.issues.map {
        let file = URL(fileURLWithPath: $0.file).lastPathComponent == name ? "F" : $0.file
        return "\(file):\($0.line):\($0.column): \($0.path): \($0.message)"
      }
    }
  }

  @Test func theMinimalFixtureIsValid() throws {
    let (scenario, model) = try Scenario.load(path: Self.minimal)
    #expect(scenario.configuration.name == "minimal")
    #expect(model.names.units.map(\.id) == ["top", "c1", "c2"])
    #expect(
      model.stations.indices.filter { !model.stations[$0].isOnlineIntake }.map { model.names.stations[$0].id } == [
        "TNMT@top", "UBND@c1", "UBND@c2",
      ])
  }

  @Test func aMisspeltKeySuggestsTheNearestOne() {
    #expect(
      issues { $0.replacingOccurrences(of: "    deadline: 15wd", with: "    dedline: 15wd") } == [
        "F:28:5: procedures[0].dedline: unknown key 'dedline'; did you mean 'deadline'?",
        "F:26:5: procedures[0]: missing required key 'deadline'",
      ])
  }

  /// The one "did you mean" of onestop (keys, ids, KPI names, `--vary` keys): case
  /// ignored, the nearest wins (the first of equals), within max(2, length / 3) edits.
  @Test func theSuggestionIsTheNearestNameWithinAFewEdits() {
    #expect(suggestion(for: "desk_wiat_mean", in: ["desk_wait_p90", "desk_wait_mean"]) == "desk_wait_mean")
    #expect(suggestion(for: "TOP", in: ["top", "tpo"]) == "top")
    #expect(suggestion(for: "ab", in: ["xy", "zw"]) == "xy")
    #expect(suggestion(for: "abc", in: ["xyz"]) == nil)
    let kpi = "on_time_rate_of_received"
    #expect(suggestion(for: "on_time_rate_of_recieved_x", in: [kpi]) == kpi)
    #expect(suggestion(for: String(repeating: "a", count: 101), in: [String(repeating: "a", count: 100)]) == nil)
  }

  @Test func aNegativeStaffCountIsRefused() {
    #expect(
      issues { $0.replacingOccurrences(of: "officers: 2}", with: "officers: -3}") } == [
        "F:23:41: agencies[0].officers: expected a number of officers >= 0, found -3"
      ])
  }

  @Test func anImpossibleTimeOfDayIsRefused() {
    #expect(
      issues { $0.replacingOccurrences(of: "\"13:30-17:00\"", with: "\"13:30-25:00\"") } == [
        """
          F:9:31: hours.office.weekdays[1]: expected an interval HH:MM-HH:MM with times between 00:00 and 24:00, \
          found '13:30-25:00'
          """
      ])
  }

  @Test func aParentThatDoesNotExistIsNamed() {
    #expect(
      issues { $0.replacingOccurrences(of: "    parent: top", with: "    parent: tpo") } == [
        "F:19:13: units[1].parent: unknown unit 'tpo'; did you mean 'top'?",
        "F:19:13: units[2].parent: unknown unit 'tpo'; did you mean 'top'?",
      ])
  }

  @Test func aDeskShiftOutsideOpeningHoursIsRefused() {
    let text: (String) -> String = {
      $0.replacingOccurrences(
        of: "      - {id: d, count: 2}", with: "      - {id: d, count: 2, hours: {weekdays: [\"06:00-11:30\"]}}")
    }
    #expect(
      issues(text) == [
        """
          F:15:34: units[0].desks[0].hours: desk hours 06:00-11:30 on Monday lie outside the unit's opening hours \
          07:00-11:30, 13:30-17:00
          """
      ])
  }

  @Test func sharesThatDoNotFitAreRefused() {
    let text: (String) -> String = {
      $0.replacingOccurrences(
        of: "    deadline: 3wd", with: "    deadline: 3wd\n    p_incomplete: 0.7\n    p_guidance_only: 0.5")
    }
    #expect(
      issues(text) == ["F:31:5: procedures[1]: p_incomplete + p_refused + p_guidance_only must not exceed 1, got 1.21"])
  }

  @Test func aWrongUnitOfTimeIsRefused() {
    #expect(
      issues { $0.replacingOccurrences(of: "lead_time: 3wd", with: "lead_time: 3h") } == [
        "F:30:76: procedures[0].steps[0].lead_time: expected working days such as 3wd, found '3h' (wrong unit here)"
      ])
  }

  @Test func anUnknownDistributionSuggestsTheNearestOne() {
    #expect(
      issues {
        $0.replacingOccurrences(
          of: "work: {lognormal: {mean: 2h, cv: 0.5}}", with: "work: {lognormla: {mean: 2h, cv: 0.5}}")
      } == [
        """
          F:30:32: procedures[0].steps[0].work.lognormla: unknown distribution 'lognormla'; expected one of \
          exponential, lognormal, gamma, erlang, normal, uniform, triangular, deterministic, empirical; did you mean \
          'lognormal'?
          """
      ])
  }

  @Test func anUnknownProcedureInTheMixIsNamed() {
    #expect(
      issues { $0.replacingOccurrences(of: "mix: {land: 1, birth: 1}", with: "mix: {land: 1, brith: 1}") } == [
        "F:39:63: demand[1].mix[1]: unknown procedure 'brith'; did you mean 'birth'?"
      ])
  }

  @Test func yamlSyntaxErrorsPointAtTheLine() {
    #expect(
      issues { $0.replacingOccurrences(of: "levels: [province, commune]", with: "levels: [province, commune") } == [
        """
          F:6:7: : YAML syntax error: while parsing a flow sequence (started at line 5, column 9): did not find \
          expected ',' or ']'
          """
      ])
  }

  @Test func manyProblemsAreAllReportedAtOnce() {
    let text: (String) -> String = {
      $0.replacingOccurrences(of: "officers: 2}", with: "officers: -3}")
        .replacingOccurrences(of: "\"13:30-17:00\"", with: "\"13:30-25:00\"")
        .replacingOccurrences(of: "    deadline: 3wd", with: "    dedline: 3wd")
        .replacingOccurrences(of: "lead_time: 3wd", with: "lead_time: 3h")
    }
    #expect(issues(text).count == 5)  // four mistakes; the misspelt key also leaves 'deadline' missing
  }

  @Test func variantsExtendTheirBaseAndOverrideByID() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(atPath: Self.minimal, toPath: dir.appendingPathComponent("base.yaml").path)
    let variant = dir.appendingPathComponent("variant.yaml").path
    try """
    extends: base.yaml
    scenario: variant
    agencies:
      - {id: TNMT@top, officers: 5}
    demand:
      - {id: top, annual_volume: 6000}
    """.write(toFile: variant, atomically: true, encoding: .utf8)
    let (s, model) = try Scenario.load(path: variant)
    #expect(s.configuration.name == "variant")
    #expect(model.names.stations.firstIndex { $0.id == "TNMT@top" }.map { model.stations[$0].officers } == 5)
    #expect(s.configuration.demand.first { $0.unit == "top" }?.annualVolume == 6000)
    #expect(s.configuration.demand.first { $0.unit == "top" }?.mix.count == 1)  // kept from the base
    #expect(s.configuration.demand.count == 4)
    // --set overrides by index or by id.
    let (o, _) = try Scenario.load(
      path: variant,
      overrides: ["agencies[TNMT@top].officers=7", "rules.province_cut=0.3", "units[0].desks[0].count=4"])
    #expect(o.configuration.agencies.first { $0.id == "TNMT@top" }?.officers == 7)
    #expect(o.configuration.rules.provinceCut == 0.3)
    #expect(o.configuration.units[0].desks[0].count == 4)
    #expect(throws: ScenarioErrors.self) { try Scenario.load(path: variant, overrides: ["agencies[GHOST].officers=1"]) }
  }

  /// Random mutations of a valid file (deleted, duplicated and swapped lines, changed
  /// characters) must give either a scenario or a list of problems: never a crash.
  @Test func randomMutationsNeverCrashTheLoader() {
    let text = try! String(contentsOfFile: Self.minimal, encoding: .utf8)
    var rng = SplitMixGenerator(seed: 99)
    var outcomes = (valid: 0, invalid: 0)
    for _ in 0..<300 {
      // Structural mutations only in-process; the hostile ones run through the built
      // binary under limits (CLITests.ScenarioFuzzTests).
      let mutated = ScenarioMutations.mutate(text, &rng, hostile: false)
      let result = issues { _ in mutated }
      if result.isEmpty { outcomes.valid += 1 } else { outcomes.invalid += 1 }
    }
    #expect(outcomes.invalid > 100)
  }
}

/// The demand and desk keys that shape desk waits: `walk_in_profile_follows_cutoff` and
/// `lunch_stagger`.
@Suite struct DeskOptionKeyTests {
  func load(_ edit: (String) -> String) throws -> (Scenario, CompiledModel) {
    let text = edit(try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString).yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try Scenario.load(path: path)
  }

  @Test func walkInProfileFollowsCutoffIsReadAndDefaultsToTrue() throws {
    let (plain, _) = try load { $0 }
    #expect(plain.configuration.demand.map(\.walkInProfileFollowsCutoff) == [true, true, true, true])
    let (off, _) = try load {
      $0.replacingOccurrences(
        of: "mix: {land: 2}, online_share: 0.2}",
        with: "mix: {land: 2}, online_share: 0.2, walk_in_profile_follows_cutoff: false}")
    }
    #expect(off.configuration.demand.map(\.walkInProfileFollowsCutoff) == [false, true, true, true])
  }

  @Test func lunchStaggerSplitsTheGroupWhenTheUnitIsOpenThroughLunch() throws {
    let (_, model) = try load {
      $0.replacingOccurrences(
        of: "    weekdays: [\"07:00-11:30\", \"13:30-17:00\"]\n",
        with: "    weekdays: [\"07:00-11:30\", \"13:30-17:00\"]\n  day:\n    weekdays: [\"07:00-17:00\"]\n"
      )
      .replacingOccurrences(
        of: "    hours: office\n    desks:\n      - {id: d, count: 2}",
        with: "    hours: day\n    desks:\n      - {id: d, count: 3, hours: office, lunch_stagger: 1h}")
    }
    #expect(
      model.deskGroups.indices.filter { model.names.units[model.deskGroups[$0].unit].id == "top" }.map {
        model.names.deskGroups[$0]
      } == ["d", "d/late"])
    #expect(model.deskGroups.filter { model.names.units[$0.unit].id == "top" }.map(\.count) == [2, 1])
  }

  @Test func lunchStaggerOutsideTheUnitHoursSaysToOpenThroughLunch() {
    #expect {
      _ = try load {
        $0.replacingOccurrences(of: "      - {id: d, count: 2}", with: "      - {id: d, count: 2, lunch_stagger: 1h}")
      }
    } throws: { e in
      "\(e)".contains("lunch_stagger") && "\(e)".contains("open the unit through lunch")
    }
  }
}
