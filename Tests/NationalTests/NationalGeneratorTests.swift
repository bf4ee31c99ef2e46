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
      let shares = NationalGenerator.unitShares(d, us, landShare: Double(p.landVolume) / Double(p.communeVolume))
      #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
      perDay += shares.map { Double(p.communeVolume) * d.receivedShare / d.yearWorkingDays * $0 }
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
    "id,code,name,province,kind,population,area_km2\nx,1,Xã X,a,commune,600,20\ny,2,Phường Y,a,ward,400,1.5\n"
    + "z,3,Xã Z,b,commune,500,30\n"

  @Test func goodTablesHaveNoProblem() {
    #expect(Self.read(provinces: Self.p, units: Self.u) == [])
  }

  @Test func missingUnitIsLocatedOnTheProvinceRow() {
    let units = Self.u.replacingOccurrences(of: "y,2,Phường Y,a,ward,400,1.5\n", with: "")
    let issues = Self.read(provinces: Self.p, units: units)
    #expect(issues.count == 1)
    #expect(issues.first?.hasPrefix("p.csv:2:8: column units: A has 2 units here but 1 rows in ") == true)
  }

  @Test func duplicatedUnitNamesTheFirstLine() {
    let units = Self.u + "x,9,Xã X bis,a,commune,10,1\n"
    let issues = Self.read(provinces: Self.p, units: units)
    #expect(issues.contains("u.csv:5:1: column id: duplicated unit 'x' in province 'a' (first on line 2)"))
  }

  @Test func unknownParentProvince() {
    let units = Self.u.replacingOccurrences(of: "z,3,Xã Z,b,", with: "z,3,Xã Z,q,")
    let issues = Self.read(provinces: Self.p, units: units)
    #expect(issues.first?.hasPrefix("u.csv:4:10: column province: unknown province 'q'") == true)
  }

  @Test func zeroPopulation() {
    let units = Self.u.replacingOccurrences(of: "ward,400,", with: "ward,0,")
    #expect(
      Self.read(provinces: Self.p, units: units) == [
        "u.csv:3:21: column population: expected a whole number >= 1, found '0'"
      ])
  }

  @Test func zeroOrMissingArea() {
    let zero = Self.u.replacingOccurrences(of: "ward,400,1.5", with: "ward,400,0")
    #expect(
      Self.read(provinces: Self.p, units: zero) == ["u.csv:3:25: column area_km2: expected a number > 0, found '0'"])
    let none = Self.u.replacingOccurrences(of: ",area_km2", with: "")
    #expect(Self.read(provinces: Self.p, units: none).first?.hasSuffix("missing column(s) area_km2") == true)
  }

  /// The driver: land dossiers follow area, the others population times the kind factor,
  /// and nothing else (hand-computed shares of the three-unit fixture).
  @Test func unitSharesFollowAreaPopulationAndKind() throws {
    let (p, u) = (Self.p, Self.u)
    let dir = NSTemporaryDirectory() + "national-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try p.write(toFile: dir + "/p.csv", atomically: true, encoding: .utf8)
    try u.write(toFile: dir + "/u.csv", atomically: true, encoding: .utf8)
    let t = try NationalTables(provinces: dir + "/p.csv", units: dir + "/u.csv")
    var d = try NationalDefaults(path: Self.defaults)
    (d.wardFactor, d.populationExponent, d.areaExponent) = (1.5, 1, 1)
    let a = Array(t.units.prefix(2))  // x: commune 600 people, 20 km²; y: ward 400 people, 1.5 km²
    let s = NationalGenerator.unitShares(d, a, landShare: 0.2)
    // people: 600 vs 400 x 1.5 = 600 -> 0.5 each; land: 20 / 21.5 and 1.5 / 21.5
    #expect(abs(s[0] - (0.8 * 0.5 + 0.2 * 20 / 21.5)) < 1e-12)
    #expect(abs(s[1] - (0.8 * 0.5 + 0.2 * 1.5 / 21.5)) < 1e-12)
    d.wardFactor = 1
    let plain = NationalGenerator.unitShares(d, a, landShare: 0)
    #expect(abs(plain[0] - 0.6) < 1e-12 && abs(plain[1] - 0.4) < 1e-12)
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
