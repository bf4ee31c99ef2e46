import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// Units from a CSV table (`unit_table`) and volumes split by a driver (`split:`), on the
/// fixture `Fixtures/units`: `table.yaml` reads `units.csv`, `list.yaml` writes the same
/// units as a YAML list. Populations of the communes: 20,000 (a ward), 10,000, 15,000 (a
/// town), 5,000 and 30,000, 80,000 in all; of the districts 60,000 and 90,000.
@Suite struct UnitTableTests {
  static let dir = KeySchemaTests.fixtures.appendingPathComponent("units")
  static let table = dir.appendingPathComponent("table.yaml").path
  static let list = dir.appendingPathComponent("list.yaml").path

  /// The volume of each unit's demand entries, by unit id.
  static func volumes(_ s: Scenario, _ units: [String]) -> [Double] {
    units.map { u in s.configuration.demand.filter { $0.unit == u }.reduce(0) { $0 + $1.annualVolume } }
  }

  /// A copy of the fixture directory with `edit` applied to the table's text, loaded.
  static func withTable(_ edit: (String) -> String, sets: [String] = []) throws -> Scenario {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-units-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    try FileManager.default.copyItem(atPath: table, toPath: tmp.appendingPathComponent("table.yaml").path)
    let csv = try String(contentsOf: dir.appendingPathComponent("units.csv"), encoding: .utf8)
    try edit(csv).write(to: tmp.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
    return try Scenario.load(path: tmp.appendingPathComponent("table.yaml").path, overrides: sets).0
  }

  /// The table and the YAML list compile to the same model; the table's rows come after
  /// the YAML items (here `top`, which merges over its row: its desks and its row's name).
  @Test func theTableAndTheYAMLListGiveTheSameModel() throws {
    let (a, ma) = try Scenario.load(path: Self.table)
    let (b, mb) = try Scenario.load(path: Self.list)
    #expect(String(describing: a.configuration) == String(describing: b.configuration))
    #expect(String(describing: ma) == String(describing: mb))
    #expect(ma.names.units.map(\.id) == ["top", "d1", "d2", "c1", "c2", "c3", "c4", "c5"])
    #expect(ma.names.units[0].name == "Tỉnh Thử Nghiệm" && ma.names.units[3].name == "Phường Tân Hà")
    #expect(a.configuration.units[0].desks[0].count == 2 && a.configuration.units[1].desks[0].count == 1)
    #expect(a.unitTable?.rows == 8 && a.unitTable?.ignoredColumns == ["population_year", "source"])
    // The hash covers the table: the same model from a table and from a list differ.
    #expect(a.hash != b.hash)
  }

  /// Two tables that differ only in an ignored column give the same model and different
  /// hashes; a changed population changes the volumes.
  @Test func theHashCoversTheTablesText() throws {
    let a = try Scenario.load(path: Self.table).0
    let sourced = try Self.withTable { $0.replacingOccurrences(of: "tr. 12", with: "tr. 13") }
    #expect(String(describing: a.configuration) == String(describing: sourced.configuration))
    #expect(a.hash != sourced.hash)
    let same = try Self.withTable { $0 }
    #expect(same.hash == a.hash)
  }

  /// In a variant, `unit_table` is relative to the variant that names it.
  @Test func aVariantsTableIsFoundBesideTheVariant() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-units-\(UUID().uuidString)")
    let sub = tmp.appendingPathComponent("t")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let csv = try String(contentsOf: Self.dir.appendingPathComponent("units.csv"), encoding: .utf8)
    try csv.replacingOccurrences(of: "commune,30000,80", with: "commune,60000,80").write(
      to: sub.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
    let variant = tmp.appendingPathComponent("variant.yaml")
    try "extends: \(Self.table)\nunit_table: t/units.csv\n".write(to: variant, atomically: true, encoding: .utf8)
    let s = try Scenario.load(path: variant.path).0
    #expect(s.unitTable?.path == sub.appendingPathComponent("units.csv").path)
    // Populations 20, 10, 15, 5 and 60 thousand: c5 draws 60/110 of 8000.
    #expect(Self.volumes(s, ["c5"]) == [8000 * 60_000 / 110_000])
  }

  /// `by: population`: each unit's volume is the entry's volume × population / total,
  /// exactly (these populations divide the volumes).
  @Test func aSplitByPopulationIsProportionalToPopulation() throws {
    let s = try Scenario.load(path: Self.table).0
    #expect(Self.volumes(s, ["c1", "c2", "c3", "c4", "c5"]) == [2000, 1000, 1500, 500, 3000])
    #expect(Self.volumes(s, ["d1", "d2"]) == [600, 900])
    #expect(Self.volumes(s, ["top"]) == [3000])
    #expect(
      s.volumesByLevel == [
        LevelVolumes(level: "province", units: 1, min: 3000, median: 3000, max: 3000),
        LevelVolumes(level: "district", units: 2, min: 600, median: 750, max: 900),
        LevelVolumes(level: "commune", units: 5, min: 500, median: 1500, max: 3000),
      ])
  }

  /// Kind factors and the exponent, set as `--set` and `calibrate --param` address them;
  /// they change the communes' volumes and nothing else.
  @Test func kindFactorsAndTheExponentChangeTheSplitAndNothingElse() throws {
    let base = try Scenario.load(path: Self.table).0
    let ward = try Scenario.load(path: Self.table, overrides: ["demand[communes].split.kind_factors.ward=2"]).0
    // The ward weighs 2 × 20,000: weights 40, 10, 15, 5, 30 (thousands), sum 100.
    #expect(Self.volumes(ward, ["c1", "c2", "c3", "c4", "c5"]) == [3200, 800, 1200, 400, 2400])
    let root = try Scenario.load(path: Self.table, overrides: ["demand[communes].split.exponent=0.5"]).0
    let p = [20000.0, 10000, 15000, 5000, 30000]
    let w = p.map { $0.squareRoot() }, sum = w.reduce(0, +)
    for (v, x) in zip(Self.volumes(root, ["c1", "c2", "c3", "c4", "c5"]), w) {
      #expect(abs(v - 8000 * x / sum) <= 1e-9 * v)
    }
    #expect(abs(Self.volumes(root, ["c1", "c2", "c3", "c4", "c5"]).reduce(0, +) - 8000) <= 1e-9)
    // The backlog spread like the communes' demand follows: quotas 40.4, 10.1, 15.15,
    // 5.05 and 30.3 of 101, the one left to the ward.
    #expect(BacklogSpreadTests.counts(ward, ["c1", "c2", "c3", "c4", "c5"]) == [41, 10, 15, 5, 30])
    // Nothing else changed: the units, agencies, other entries, and the communes' entries
    // apart from their volumes.
    for changed in [ward, root] {
      let (a, b) = (base.configuration, changed.configuration)
      #expect(String(describing: a.units) == String(describing: b.units))
      #expect(String(describing: a.agencies) == String(describing: b.agencies))
      #expect(a.demand.count == b.demand.count)
      for (x, y) in zip(a.demand, b.demand) {
        var (x0, y0) = (x, y)
        if x.unit.hasPrefix("c") { (x0.annualVolume, y0.annualVolume) = (0, 0) }
        #expect(String(describing: x0) == String(describing: y0))
      }
    }
  }

  /// `split: even`, written or not, is today's equal split: the same configuration.
  @Test func anEvenSplitIsTheDefault() throws {
    let minimal = KeySchemaTests.minimal
    let a = try Scenario.load(path: minimal).0
    let b = try Scenario.load(path: minimal, overrides: ["demand[communes].split=even"]).0
    #expect(a.hash == b.hash)
    let eq = try Scenario.load(path: minimal, overrides: ["demand[communes].split={by: equal}"]).0
    #expect(Self.volumes(eq, ["c1", "c2"]) == [1500, 1000] && Self.volumes(a, ["c1", "c2"]) == [1500, 1000])
  }
}
