import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// Carried-over dossiers spread over units by the same driver, in whole dossiers.
@Suite struct BacklogSpreadTests {
  /// The backlog's count per unit, in the order of `units`.
  static func counts(_ s: Scenario, _ units: [String]) -> [Int] {
    units.map { u in s.configuration.backlog.filter { $0.unit == u }.reduce(0) { $0 + $1.count } }
  }

  /// `split: {like: communes}`: 101 dossiers by the communes' volumes (2000, 1000, 1500,
  /// 500, 3000 of 8000). Quotas 25.25, 12.625, 18.9375, 6.3125, 37.875: the whole parts
  /// give 98, and the 3 left go to the largest fractions (c3 .9375, c5 .875, c2 .625).
  @Test func aBacklogLikeADemandEntryFollowsItsVolumesInWholeDossiers() throws {
    let s = try Scenario.load(path: UnitTableTests.table).0
    #expect(Self.counts(s, ["c1", "c2", "c3", "c4", "c5"]) == [25, 13, 19, 6, 38])
    #expect(s.configuration.backlog.allSatisfy { $0.procedure == "birth" })
    #expect(s.configuration.backlog.map(\.count).reduce(0, +) == 101)
  }

  /// `under` keeps the level's units below a unit; an even split gives the remainder to
  /// the earlier units (ties by unit order); `by: population` follows population.
  @Test func underAndEvenAndPopulationSplits() throws {
    let even = try Scenario.load(
      path: UnitTableTests.table, overrides: ["backlog[0]={at_level: commune, under: d1, procedure: birth, count: 10}"]
    ).0
    #expect(Self.counts(even, ["c1", "c2", "c3", "c4", "c5"]) == [0, 0, 4, 3, 3])
    let byPopulation = try Scenario.load(
      path: UnitTableTests.table,
      overrides: ["backlog[0]={at_level: commune, under: d2, split: {by: population}, procedure: land, count: 7}"]
    ).0
    // 20,000 and 10,000: quotas 4.67 and 2.33.
    #expect(Self.counts(byPopulation, ["c1", "c2", "c3", "c4", "c5"]) == [5, 2, 0, 0, 0])
    // Without at_level, `like` spreads over the demand entry's own units.
    let districts = try Scenario.load(
      path: UnitTableTests.table,
      overrides: ["backlog[0]={split: {like: districts}, procedure: land, count: 1001}"]
    ).0
    #expect(Self.counts(districts, ["d1", "d2"]) == [400, 601])
  }

  /// Wrong spreads are errors on the line that wrote them.
  @Test func aWrongSpreadNamesTheEntry() {
    func issues(_ set: String) -> [String] {
      do {
        _ = try Scenario.load(path: UnitTableTests.table, overrides: ["backlog[0]=" + set])
        return []
      } catch { return error.issues.map { "\($0.path): \($0.message)" } }
    }
    #expect(
      issues("{at_level: commune, split: {like: comunes}, procedure: birth, count: 5}") == [
        "backlog[0].split.like: no demand entry has id 'comunes'; did you mean 'communes'?"
      ])
    #expect(
      issues("{at_level: commune, under: d9, procedure: birth, count: 5}") == [
        "backlog[0].under: unknown unit 'd9'; did you mean 'd1'?"
      ])
    #expect(
      issues("{unit: c1, at_level: commune, procedure: birth, count: 5}") == [
        "backlog[0].unit: give unit (one unit) or at_level (spread over a level), not both"
      ])
    #expect(
      issues("{at_level: province, split: {by: population}, procedure: birth, count: 5}") == [
        """
          backlog[0].split: unit 'top' has no population; backlog[0] is split by population, which needs it for \
          every unit (unit_table column or units[].population)
          """
      ])
  }
}

/// A broken table: every problem names the CSV file, its line and column.
@Suite struct UnitTableErrorTests {
  static func issues(_ csv: String, yaml edit: (String) -> String = { $0 }) -> [String] {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-units-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let yaml = try! String(contentsOfFile: UnitTableTests.table, encoding: .utf8)
    try! edit(yaml).write(to: tmp.appendingPathComponent("table.yaml"), atomically: true, encoding: .utf8)
    try! csv.write(to: tmp.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
    do {
      _ = try Scenario.load(path: tmp.appendingPathComponent("table.yaml").path)
      return []
    } catch {
      return error.issues.map {
        "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.path): \($0.message)"
      }
    }
  }

  @Test func aBadCellARepeatedIdAShortRowAndWrongNamesAreNamedByLineAndColumn() {
    let csv = """
      id,name,parent,level,kind,population,area_km2,source
      top,Tỉnh Thử Nghiệm,,province,,,,
      d1,Huyện Một,top,district,district,60000,300,
      d2,Thành phố Hai,top,district,city,90000,120,
      c1,Phường Tân Hà,d2,commune,ward,abc,5,
      c2,Xã An Tường,dx,commune,commune,10000,40,
      c3,Thị trấn Một,d1,comune,town,15000,10,
      c3,Xã Kim Phú,d1,commune,commune,5000,60,
      c5,Xã Lực Hành,d1,commune,commune,30000

      """
    #expect(
      Self.issues(csv) == [
        "units.csv:5:34: column population: expected a number >= 0 (at most 1000000000), found 'abc'",
        "units.csv:8:1: column id: duplicate id 'c3' (first on line 7)",
        "units.csv:9:1: : expected 8 fields (as the header has), found 6",
        "units.csv:6:16: units[4].parent: unknown unit 'dx'; did you mean 'd1'?",
        "units.csv:7:20: units[5].level: unknown level 'comune'; expected one of province, district, commune",
      ])
  }

  @Test func aMissingColumnIsNamedAndNothingElseIsSaid() {
    #expect(
      Self.issues("id,name,level\ntop,T,province\n") == [
        """
          units.csv:1:1: : missing column parent; a unit table has columns id,name,parent,level and may have \
          name_vi,kind,population,area_km2
          """
      ])
  }

  @Test func aTableThatCannotBeReadIsNamedOnTheLineThatNamesIt() {
    let found = Self.issues("") { $0.replacingOccurrences(of: "unit_table: units.csv", with: "unit_table: nope.csv") }
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.hasPrefix("table.yaml:8:13: unit_table: unit table '") == true, "\(found)")
    #expect(found.first?.hasSuffix("nope.csv': cannot read the file (does it exist?)") == true)
    let yaml = Self.issues("") { $0.replacingOccurrences(of: "unit_table: units.csv", with: "unit_table: table.yaml") }
    #expect(yaml.first?.hasSuffix("unit tables are files ending in .csv") == true)
  }

  /// A unit without the driver's value is named with the demand entry.
  @Test func aUnitWithoutPopulationNamesTheUnitAndTheEntry() throws {
    let csv = try String(contentsOf: UnitTableTests.dir.appendingPathComponent("units.csv"), encoding: .utf8)
    let found = Self.issues(csv.replacingOccurrences(of: "commune,5000,60", with: "commune,,60"))
    #expect(
      found == [
        """
          table.yaml:40:12: demand[2].split: unit 'c4' has no population; demand entry 'communes' is split by \
          population, which needs it for every unit (unit_table column or units[].population)
          """
      ])
  }
}
