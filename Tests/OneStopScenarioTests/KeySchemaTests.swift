import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// The key schema: every printed prior is a key `--set` accepts (with the printed value),
/// the key reference in the docs is the schema's, cross-field rules and variant ids.
@Suite struct KeySchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let minimal = fixtures.appendingPathComponent("minimal.yaml").path
  static let bundled = root.appendingPathComponent("scenarios/tuyen-quang-2022.yaml").path

  /// Every prior a run prints, set with `--set` to the value printed: the scenario still
  /// loads and prints the same value (for the whole-section keys, the same scenario).
  @Test(arguments: [bundled, minimal])
  func everyPrintedPriorCanBeSetToItsPrintedValue(_ file: String) throws {
    let (scenario, _) = try Scenario.load(path: file)
    let priors = scenario.configuration.priors()
    #expect(priors.count >= 24)
    for p in priors {
      let (again, _) = try Scenario.load(path: file, overrides: ["\(p.key)=\(p.value)"])
      #expect(again.configuration.priors().first { $0.key == p.key }?.value == p.value, "\(p.key)")
      if !p.key.contains("[*]") { #expect(again.hash == scenario.hash, "\(p.key)=\(p.value) changed the scenario") }
    }
    // And a changed value takes effect, so the keys are not read and ignored.
    let (changed, _) = try Scenario.load(
      path: file, overrides: ["behaviour.return_delay={exponential: 4wd}", "rules.apology_lead=0"])
    #expect(changed.configuration.behaviour.returnDelayWorkingDays.mean == 4)
    #expect(changed.configuration.rules.apologyLeadWorkingDays == 0)
  }

  /// The priors a run lists name the file's keys, with the values in file syntax.
  @Test func priorsAreListed() throws {
    let priors = try Scenario.load(path: Self.minimal).0.configuration.priors()
    #expect(priors.contains { $0.key == "behaviour.p_never_supplement" && $0.value == "0.1" })
    #expect(priors.contains { $0.key == "units[*].transfer_cutoff" })
    #expect(priors.contains { $0.key == "calendar.saturday_counts_for_deadline" && $0.value == "false" })
  }

  @Test func everyItemOfAListCanBeSet() throws {
    let (s, _) = try Scenario.load(
      path: Self.minimal, overrides: ["units[*].transfer_cutoff=14:00", "units[*].desks[*].count=3"])
    #expect(s.configuration.units.allSatisfy { $0.transferCutoff.description == "14:00" })
    #expect(s.configuration.units.allSatisfy { $0.desks.allSatisfy { $0.count == 3 } })
  }

  /// The key reference in docs/scenario-format.md is the schema's. To regenerate it:
  /// `ONESTOP_WRITE_KEY_REFERENCE=1 swift test --filter KeySchemaTests`.
  @Test func theKeyReferenceInTheDocsIsTheSchema() throws {
    let path = Self.root.appendingPathComponent("docs/scenario-format.md").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let begin = "<!-- key reference: generated from ConfigurationSchema; do not edit -->\n"
    let end = "<!-- end of key reference -->"
    let expected = ConfigurationSchema.reference()
    guard let a = text.range(of: begin), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else {
      Issue.record("docs/scenario-format.md has no key reference markers")
      return
    }
    let found = String(text[a.upperBound..<b.lowerBound])
    if found != expected, ProcessInfo.processInfo.environment["ONESTOP_WRITE_KEY_REFERENCE"] != nil {
      try (String(text[..<a.upperBound]) + expected + String(text[b.lowerBound...])).write(
        toFile: path, atomically: true, encoding: .utf8)
      return
    }
    #expect(found == expected, "regenerate with ONESTOP_WRITE_KEY_REFERENCE=1 swift test --filter KeySchemaTests")
    // Every key the reader accepts is documented.
    for key in ScenarioBuilder.unitKeys + ScenarioBuilder.procedureKeys + ScenarioBuilder.demandKeys
      + ScenarioBuilder.topKeys
    {
      #expect(expected.contains("| `\(key)` |"), "\(key)")
    }
  }

  func issues(_ edit: (String) -> String, variant: String? = nil) -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = dir.appendingPathComponent("base.yaml").path
    try! edit(try! String(contentsOfFile: Self.minimal, encoding: .utf8)).write(
      toFile: base, atomically: true, encoding: .utf8)
    var path = base
    if let variant {
      path = dir.appendingPathComponent("variant.yaml").path
      try! variant.write(toFile: path, atomically: true, encoding: .utf8)
    }
    do {
      _ = try Scenario.load(path: path)
      return []
    } catch {
      return error.issues.map {
        "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.path): \($0.message)"
      }
    }
  }

  @Test func aTicketCutoffOutsideTheOpeningHoursIsRefused() {
    for (cutoff, ok) in [("05:00", false), ("07:00", false), ("17:30", false), ("16:30", true), ("17:00", true)] {
      let found = issues {
        $0.replacingOccurrences(
          of: "    hours: office\n", with: "    hours: office\n    ticket_cutoff: \"\(cutoff)\"\n")
      }
      if ok {
        #expect(found.isEmpty, "\(cutoff)")
      } else {
        #expect(
          found == [
            """
              base.yaml:14:20: units[0].ticket_cutoff: expected a time after the unit opens (07:00) and at most when \
              it closes (17:00), found \(cutoff)
              """
          ])
      }
    }
  }

  @Test func aNewIDInAVariantIsAnErrorUnlessMarkedAsAnAddition() {
    let misspelt = """
      extends: base.yaml
      units:
        - id: top
          desks:
            - {id: dd, count: 4}
      agencies:
        - {id: TNMT@tpo, officers: 3}
      """
    #expect(
      issues({ $0 }, variant: misspelt) == [
        """
          variant.yaml:5:14: units[top].desks[dd].id: the base scenario has no 'dd' in units[top].desks; did you mean \
          'd'? (to add a new one, write add: true in the item)
          """,
        """
          variant.yaml:7:10: agencies[TNMT@tpo].id: the base scenario has no 'TNMT@tpo' in agencies; did you mean \
          'TNMT@top'? (to add a new one, write add: true in the item)
          """,
      ])
    let added = misspelt.replacingOccurrences(of: "{id: dd, count: 4}", with: "{id: dd, count: 4, add: true}")
      .replacingOccurrences(of: "{id: TNMT@tpo, officers: 3}", with: "{id: TNMT@top, officers: 3}")
    #expect(issues({ $0 }, variant: added).isEmpty)
    let twice = added.replacingOccurrences(
      of: "{id: TNMT@top, officers: 3}", with: "{id: TNMT@top, officers: 3, add: true}")
    #expect(
      issues({ $0 }, variant: twice) == [
        """
          variant.yaml:7:38: agencies[TNMT@top].add: 'TNMT@top' is already in the base scenario; add: true marks a \
          new id
          """
      ])
  }

  @Test func aMisspeltUnitInAReferenceGetsADidYouMean() {
    #expect(
      issues { $0.replacingOccurrences(of: "{id: TNMT@top, unit: top,", with: "{id: TNMT@top, unit: tpo,") } == [
        "base.yaml:23:26: agencies[0].unit: unknown unit 'tpo'; did you mean 'top'?"
      ])
  }

  @Test func theWarmUpIsResolvedAgainstTheStart() throws {
    let base = try ScenarioBase(path: Self.minimal)
    let (s, model) = try base.build(warmup: Warmup("10d"))
    #expect(s.configuration.warmupUntil?.description == "2022-03-11")
    #expect(model.warmupEnd == 10 * 86_400)
    #expect(Warmup("soon") == nil)
    #expect(throws: ScenarioErrors.self) { try base.build(warmup: Warmup("2021-01-01")) }
  }
}
