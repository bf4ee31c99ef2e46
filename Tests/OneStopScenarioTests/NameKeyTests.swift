import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// `name_vi` beside `name` (units, agencies, procedures) and a desk group's `name` and
/// `name_vi`: read into the scenario's names, chosen by `report_language` with the other
/// language as the fallback, and outside the hash and the model.
@Suite struct NameKeyTests {
  static let named = [
    "units[top].name=Top centre", "units[top].name_vi=Trung tâm tỉnh", "units[c{i}].name_vi=Xã {i}",
    "units[top].desks[d].name_vi=quầy chung", "agencies[UBND@{unit}].name_vi=UBND xã",
    "procedures[land].name_vi=Cấp giấy chứng nhận",
  ]

  @Test func namesAreReadPerLanguageAndChosenByTheReportLanguage() throws {
    let (vi, model) = try Scenario.load(path: ScenarioErrorTests.minimal, overrides: Self.named)
    let n = model.names
    #expect(vi.configuration.names.language == "vi")
    #expect((0..<3).map(n.unitName) == ["Trung tâm tỉnh", "Xã 1", "Xã 2"])
    #expect(n.procedureName(0) == "Cấp giấy chứng nhận" && n.procedureName(1) == "birth")
    let ubnd = try #require(n.stations.firstIndex { $0.id == "UBND@c2" })
    #expect(n.stationName(ubnd) == "UBND xã")
    #expect(n.stationName(0) == "Tiếp nhận trực tuyến, Trung tâm tỉnh")
    #expect(Dictionary(uniqueKeysWithValues: n.given(in: "vi"))["desk:top/d"] == "quầy chung")
    // In English: the English name where there is one, else the Vietnamese one, else the id.
    let en = n.written(in: "en")
    #expect((0..<3).map(en.unitName) == ["Top centre", "Xã 1", "Xã 2"])
    #expect(en.procedureName(0) == "Cấp giấy chứng nhận" && en.stationName(ubnd) == "UBND xã")
    let (_, english) = try Scenario.load(
      path: ScenarioErrorTests.minimal, overrides: Self.named + ["report_language=en"])
    #expect(english.names.unitName(0) == "Top centre" && english.names.translations.language == "en")
  }

  /// A translated name changes neither the hash nor a table the run reads.
  @Test func namesKeepTheHashAndTheModel() throws {
    let (plain, a) = try Scenario.load(path: ScenarioErrorTests.minimal, overrides: ["units[top].name=Top centre"])
    let (named, b) = try Scenario.load(path: ScenarioErrorTests.minimal, overrides: Self.named)
    #expect(plain.hash == named.hash)
    #expect(a.units.count == b.units.count && a.stations.count == b.stations.count)
    #expect(String(describing: a.units) == String(describing: b.units))
    #expect(String(describing: a.stations) == String(describing: b.stations))
    // Without a translated name the run's files carry no `names` and the old names.
    #expect(a.names.given(in: "vi").isEmpty && a.names.given(in: "en").isEmpty)
    #expect(a.names.stationName(0) == "online intake, Top centre")
    // The English name is the configuration's own, in the hash as before.
    let (renamed, _) = try Scenario.load(path: ScenarioErrorTests.minimal, overrides: ["units[top].name=Other"])
    #expect(renamed.hash != plain.hash)
  }

  /// `description_vi` reaches the names; a variant with its own `description` and no
  /// `description_vi` does not show its base's.
  @Test func theVietnameseDescriptionFollowsItsDescription() throws {
    let (s, model) = try Scenario.load(
      path: ScenarioErrorTests.minimal, overrides: ["description=Base", "description_vi=Kịch bản gốc"])
    #expect(s.description == "Base" && model.names.translations.vi["description"] == "Kịch bản gốc")
    #expect(Dictionary(uniqueKeysWithValues: model.names.given(in: "vi"))["description"] == "Kịch bản gốc")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-desc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let base =
      try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8)
      + "description: Base\ndescription_vi: Kịch bản gốc\n"
    try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
    let variant = dir.appendingPathComponent("variant.yaml")
    try "extends: base.yaml\ndescription: Variant\n".write(to: variant, atomically: true, encoding: .utf8)
    let (_, v) = try Scenario.load(path: variant.path)
    #expect(v.names.translations.vi["description"] == nil)
    let same = dir.appendingPathComponent("same.yaml")
    try "extends: base.yaml\nseed: 3\n".write(to: same, atomically: true, encoding: .utf8)
    #expect(try Scenario.load(path: same.path).1.names.translations.vi["description"] == "Kịch bản gốc")
  }

  /// `title`/`title_vi` reach the names outside the hash; a title alone changes no other
  /// name (the online intake keeps its English name); a variant with its own `scenario` id
  /// does not show its base's title, one without keeps it.
  @Test func theTitleStaysWithItsScenario() throws {
    let (plain, a) = try Scenario.load(path: ScenarioErrorTests.minimal)
    let (titled, b) = try Scenario.load(
      path: ScenarioErrorTests.minimal, overrides: ["title=Minimal, 2024", "title_vi=Tối giản, năm 2024"])
    #expect(plain.hash == titled.hash && a.names.given(in: "vi").isEmpty)
    #expect(b.names.translations.en["title"] == "Minimal, 2024")
    #expect(b.names.translations.vi["title"] == "Tối giản, năm 2024")
    #expect(b.names.given(in: "vi").map(\.key) == ["title"] && b.names.given(in: "en").map(\.key) == ["title"])
    #expect(b.names.stationName(0) == a.names.stationName(0))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-title-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let base = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8) + "title_vi: Gốc\n"
    try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
    let variant = dir.appendingPathComponent("variant.yaml")
    try "extends: base.yaml\nscenario: other\n".write(to: variant, atomically: true, encoding: .utf8)
    #expect(try Scenario.load(path: variant.path).1.names.translations.vi["title"] == nil)
    let same = dir.appendingPathComponent("same.yaml")
    try "extends: base.yaml\nseed: 3\n".write(to: same, atomically: true, encoding: .utf8)
    #expect(try Scenario.load(path: same.path).1.names.translations.vi["title"] == "Gốc")
  }

  @Test func badNamesNameTheirPlace() {
    let errors = ScenarioErrorTests()
    let issues = errors.issues {
      $0.replacingOccurrences(of: "    level: province\n", with: "    level: province\n    name_vi: [a, b]\n")
    }
    #expect(issues.count == 1 && issues[0].hasPrefix("F:13:") && issues[0].contains("units[0].name_vi: expected"))
    let desk = errors.issues {
      $0.replacingOccurrences(of: "{id: d, count: 2}", with: "{id: d, count: 2, name_vi: {a: 1}}")
    }
    #expect(desk.count == 1 && desk[0].contains("units[0].desks[0].name_vi: expected"), "\(desk)")
    let defaults = errors.issues {
      $0.replacingOccurrences(of: "units:\n", with: "unit_defaults: {all: {name_vi: X}}\nunits:\n")
    }
    #expect(defaults.contains { $0.contains("unit_defaults.all.name_vi: unknown key") }, "\(defaults)")
  }
}
