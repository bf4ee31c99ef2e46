import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// The `uncertainty:` section: read into ranges with their places, every mistake located at
/// its line with the scenario's own words, and no effect on the model or its hash.
@Suite struct UncertaintySectionTests {
  let errors = ScenarioErrorTests()

  static let section = """

    uncertainty:
      - key: 'agencies[TNMT@top].officers'
        range: 1..4
        source: "report 004: 2 to 4 officers a district"
      - {key: behaviour.p_return_after_incomplete, range: 0.6..0.95, source: survey, distribution: triangular}
      - {key: 'units[*].transfer_cutoff', range: "14:00..16:30", source: Decree 61, fitted: true}

    """

  /// Loads the minimal fixture with `text` appended, from a temporary file.
  func load(_ text: String) throws -> (Scenario, CompiledModel) {
    let base = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString).yaml").path
    try (base + text).write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try Scenario.load(path: path)
  }

  @Test func rangesAreReadWithTheirPlaces() throws {
    let (s, _) = try load(Self.section)
    #expect(
      s.uncertainty.map(\.key) == [
        "agencies[TNMT@top].officers", "behaviour.p_return_after_incomplete", "units[*].transfer_cutoff",
      ])
    #expect(s.uncertainty.map(\.range) == ["1..4", "0.6..0.95", "14:00..16:30"])
    #expect(s.uncertainty.map(\.spread) == [.uniform, .triangular, .uniform])
    #expect(s.uncertainty.map(\.fitted) == [false, false, true])
    #expect(s.uncertainty[0].source == "report 004: 2 to 4 officers a district")
    // The fixture has 40 lines; the section starts on line 42.
    #expect(s.uncertainty[0].keyPlace.line == 43 && s.uncertainty[0].rangePlace.line == 44)
    #expect(s.uncertainty[1].issue("range", "x").description.hasSuffix(":46:55: uncertainty[1].range: x"))
  }

  /// The section never reaches the model: the same configuration, the same hash.
  @Test func theSectionChangesNeitherTheModelNorTheHash() throws {
    let (plain, _) = try load("")
    let (ranged, _) = try load(Self.section)
    #expect(ranged.hash == plain.hash)
    #expect(String(describing: ranged.configuration) == String(describing: plain.configuration))
    #expect(plain.uncertainty.isEmpty)
  }

  @Test func mistakesAreLocated() {
    let found = errors.issues {
      $0 + """

        uncertainty:
          - {key: rules.officer_absence_days, range: 4..2, source: x}
          - {key: rules.officer_absence_days, range: 1..2}
          - {key: rules.officer_absence_days, range: 1..3, source: "", distribution: triangle}
          - {key: extends, range: 1..2, source: x}
          - {key: rules.apology_lead, range: one..two, source: x, fited: true}
          - {key: rules.apology_lead, range: 1..2, source: x}
          - {key: rules.apology_lead, range: 1..2, source: y}

        """
    }
    #expect(
      found == [
        "F:43:46: uncertainty[0].range: LOW (4) is above HIGH (2)",
        """
          F:44:5: uncertainty[1]: missing required key 'source' (an entry is {key: KEY, range: LOW..HIGH, source: \
          \"...\"})
          """,
        "F:45:60: uncertainty[2].source: expected the range's source (a report, a decree, a survey), found ''",
        "F:45:78: uncertainty[2].distribution: expected one of uniform, triangular, found 'triangle'",
        "F:46:11: uncertainty[3].key: extends cannot be overridden: the base file is read before any --set is applied; "
          + "write a variant file with extends: instead",
        "F:47:59: uncertainty[4].fited: unknown key 'fited'; did you mean 'fitted'?",
        "F:47:38: uncertainty[4].range: expected LOW..HIGH with two numbers (or two times HH:MM), found 'one..two'",
        "F:49:11: uncertainty[6].key: 'rules.apology_lead' has a range already (uncertainty[5])",
      ], "\(found)")
  }

  /// A key the scenario does not have gets the message `--set` would give, at the entry's key.
  @Test func unknownKeysGetTheScenariosDidYouMean() {
    let found = errors.issues {
      $0 + """

        uncertainty:
          - {key: rules.officer_absense_days, range: 1..2, source: x}
          - {key: 'agencies[TNMX@top].officers', range: 1..2, source: x}
          - {key: 'units[top].desks[d].cont', range: 1..2, source: x}
          - {key: rules.officer_absence_days, range: 1..2, source: x}

        """
    }
    #expect(
      found == [
        "F:43:11: uncertainty[0].key: 'rules.officer_absense_days': unknown key 'officer_absense_days'; "
          + "did you mean 'officer_absence_days'?",
        "F:44:11: uncertainty[1].key: 'agencies[TNMX@top].officers': no list item [TNMX@top] (the list has 2 items); "
          + "did you mean 'TNMT@top'?",
        "F:45:11: uncertainty[2].key: 'units[top].desks[d].cont': unknown key 'cont'; did you mean 'count'?",
      ], "\(found)")
  }

  /// A variant's ranges replace its base's of the same key and add the others.
  @Test func aVariantMergesRangesByKey() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-ranges-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8) + Self.section
    try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
    let variant = """
      extends: base.yaml
      uncertainty:
        - {key: behaviour.p_return_after_incomplete, range: 0.7..0.9, source: a second survey}
        - {key: rules.apology_lead, range: 0..2, source: local rules}
      """
    try variant.write(to: dir.appendingPathComponent("v.yaml"), atomically: true, encoding: .utf8)
    let (s, _) = try Scenario.load(path: dir.appendingPathComponent("v.yaml").path)
    #expect(
      s.uncertainty.map(\.key) == [
        "agencies[TNMT@top].officers", "behaviour.p_return_after_incomplete", "units[*].transfer_cutoff",
        "rules.apology_lead",
      ])
    #expect(s.uncertainty[1].range == "0.7..0.9" && s.uncertainty[1].spread == .uniform)
  }
}
