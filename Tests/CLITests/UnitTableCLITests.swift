import Foundation
import Testing

/// A scenario whose units come from a CSV table, through the built binary: `validate`
/// names the table and its ignored columns and prints the volumes per unit; `run --out`
/// writes the Vietnamese names beside the ids.
@Suite(.serialized) struct UnitTableCLITests {
  static let fixture = "Tests/OneStopScenarioTests/Fixtures/units/table.yaml"

  @Test func validatePrintsTheTableAndTheSplit() throws {
    let (status, out, err) = try CLITests().onestop(["validate", Self.fixture])
    #expect(status == 0, "\(err)")
    let table = "Tests/OneStopScenarioTests/Fixtures/units/units.csv"
    #expect(out.contains("  unit table \(table): 8 rows; ignored columns: population_year, source\n"))
    #expect(
      out.contains(
        """
          dossiers a year per unit (min / median / max): province 3000 (1 unit); district 600 / 750 / 900 \
        (2 units); commune 500 / 1500 / 3000 (5 units)
        """))
  }

  @Test func runWritesTheNamesBesideTheIds() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-unit-names-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, out, err) = try CLITests().onestop([
      "run", Self.fixture, "--set", "end=2022-03-15", "--out", dir.path,
    ])
    #expect(status == 0, "\(err)")
    #expect(out.contains("Xã Lực Hành"), "the longest-waits table names the units")
    let units = try String(contentsOf: dir.appendingPathComponent("units.csv"), encoding: .utf8)
    #expect(units.hasPrefix("unit,name,level,parent,"))
    #expect(units.contains("\nc1,Phường Tân Hà,commune,d2,"))
    let summary = try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(summary.contains("\"unit\": \"c1\", \"name\": \"Phường Tân Hà\""))
  }
}
