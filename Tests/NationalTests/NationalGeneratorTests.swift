import Foundation
import OneStopNational
import OneStopScenario
import Testing

/// The national tables and the generator: the checked-in scenarios regenerate byte for
/// byte, the tables match the official counts, and every kind of bad input is located.
@Suite struct NationalGeneratorTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static func at(_ p: String) -> String { (root as NSString).appendingPathComponent(p) }
  static let provinces = at("scenarios/data/national/provinces-2025.csv")
  static let units = at("scenarios/data/national/units-2025.csv")
  static let defaults = at("scenarios/national/defaults.yaml")

  static func generator() throws -> NationalGenerator {
    NationalGenerator(
      tables: try NationalTables(provinces: provinces, units: units), defaults: try NationalDefaults(path: defaults),
      inputs: [
        "scenarios/data/national/provinces-2025.csv", "scenarios/data/national/units-2025.csv",
        "scenarios/national/defaults.yaml",
      ])
  }

  @Test func checkedInScenariosRegenerateByteForByte() throws {
    let g = try Self.generator()
    #expect(g.files().count == 68)
    #expect(g.differences(in: Self.at("scenarios/national")) == [])
  }

  /// NQ 202/2025/QH15 and the 34 commune resolutions: 34 provinces, 3,321 units = 2,621
  /// communes + 687 wards + 13 special zones on 1/7/2025.
  @Test func tablesMatchTheOfficialCounts() throws {
    let t = try NationalTables(provinces: Self.provinces, units: Self.units)
    #expect(t.provinces.count == 34)
    #expect(t.units.count == 3321)
    #expect(t.units.filter { $0.kind == "commune" }.count == 2621)
    #expect(t.units.filter { $0.kind == "ward" }.count == 687)
    #expect(t.units.filter { $0.kind == "special-zone" }.count == 13)
  }

  /// The national volume is shared exactly (to rounding) and the heavy tail of the
  /// sourced commune figures is there: the quietest communes near 4.5 dossiers a
  /// working day (a border commune), the busiest above 93 (Phú Giáo: 210).
  @Test func volumesAddUpAndHaveTheSourcedTail() throws {
    let g = try Self.generator(), d = g.defaults
    let plans = g.plans()
    let annual = d.nationalDossiers / d.nationalWorkingDays * d.yearWorkingDays / d.receivedShare
    let total = Double(plans.reduce(0) { $0 + $1.annualVolume })
    #expect(abs(total - annual) <= 34)
    var perDay: [Double] = []
    for p in plans {
      let us = g.tables.units.filter { $0.province == p.province.id }
      let pop = Double(us.reduce(0) { $0 + $1.population })
      perDay += us.map { Double(p.communeVolume) * d.receivedShare / d.yearWorkingDays * Double($0.population) / pop }
    }
    perDay.sort()
    #expect(perDay[perDay.count / 100] > 3 && perDay[perDay.count / 100] < 7)
    #expect(perDay[perDay.count * 99 / 100] > 93 && perDay.last! < 400)
  }

  /// Writes `provinces` and `units` texts to a temporary directory and reads them.
  static func read(provinces p: String, units u: String) -> [String] {
    let dir = NSTemporaryDirectory() + "national-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try? p.write(toFile: dir + "/p.csv", atomically: true, encoding: .utf8)
    try? u.write(toFile: dir + "/u.csv", atomically: true, encoding: .utf8)
    do {
      _ = try NationalTables(provinces: dir + "/p.csv", units: dir + "/u.csv")
      return []
    } catch {
      return error.issues.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
    }
  }

  static let p = "id,code,name,units,population\na,01,A,2,1000\nb,02,B,1,500\n"
  static let u =
    "id,code,name,province,kind,population\nx,1,Xã X,a,commune,600\ny,2,Phường Y,a,ward,400\n"
    + "z,3,Xã Z,b,commune,500\n"

  @Test func goodTablesHaveNoProblem() {
    #expect(Self.read(provinces: Self.p, units: Self.u) == [])
  }

  @Test func missingUnitIsLocatedOnTheProvinceRow() {
    let units = Self.u.replacingOccurrences(of: "y,2,Phường Y,a,ward,400\n", with: "")
    let issues = Self.read(provinces: Self.p, units: units)
    #expect(issues.count == 1)
    #expect(issues.first?.hasPrefix("p.csv:2:8: column units: A has 2 units here but 1 rows in ") == true)
  }

  @Test func duplicatedUnitNamesTheFirstLine() {
    let units = Self.u + "x,9,Xã X bis,a,commune,10\n"
    let issues = Self.read(provinces: Self.p, units: units)
    #expect(issues.contains("u.csv:5:1: column id: duplicated unit 'x' in province 'a' (first on line 2)"))
  }

  @Test func unknownParentProvince() {
    let units = Self.u.replacingOccurrences(of: "z,3,Xã Z,b,", with: "z,3,Xã Z,q,")
    let issues = Self.read(provinces: Self.p, units: units)
    #expect(issues.first?.hasPrefix("u.csv:4:10: column province: unknown province 'q'") == true)
  }

  @Test func zeroPopulation() {
    let units = Self.u.replacingOccurrences(of: "ward,400", with: "ward,0")
    #expect(
      Self.read(provinces: Self.p, units: units) == [
        "u.csv:3:21: column population: expected a whole number >= 1, found '0'"
      ])
  }

  @Test func negativeVolumeInTheDefaults() throws {
    let text = try String(contentsOfFile: Self.defaults, encoding: .utf8)
      .replacingOccurrences(of: "national_dossiers: 4400000", with: "national_dossiers: -5")
    let path = NSTemporaryDirectory() + "defaults-\(UUID().uuidString).yaml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: ScenarioErrors.self) { try NationalDefaults(path: path) }
    do { _ = try NationalDefaults(path: path) } catch {
      #expect(error.issues.count == 1)
      let text = error.issues.first?.description ?? ""
      #expect(text.hasPrefix("\(path):12:"))
      #expect(text.hasSuffix("volume.national_dossiers: expected a number >= 0.0, found '-5'"))
    }
  }
}
