import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// A field's `name` and `name_vi` (issue 25): a `fields` item may be a mapping `{id, name,
/// name_vi}` beside plain ids; the names reach the scenario's names (and `summary.json`'s),
/// never the hash or the model; a wrong item is reported at its place.
@Suite struct FieldNameTests {
  /// The minimal scenario with its `fields` line replaced by `fields`, in a new file.
  static func scenario(fields: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-fields-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let text = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8)
    #expect(text.contains("fields: [land, civil]\n"))
    let path = dir.appendingPathComponent("fields.yaml").path
    try text.replacingOccurrences(of: "fields: [land, civil]\n", with: "fields: \(fields)\n")
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func fieldNamesAreNamesOutsideTheHash() throws {
    let (plain, a) = try Scenario.load(path: ScenarioErrorTests.minimal)
    let fields = "[{id: land, name: Land and housing, name_vi: Đất đai và nhà ở}, civil]"
    let named = try Self.scenario(fields: fields)
    let (withNames, b) = try Scenario.load(path: named)
    #expect(withNames.configuration.fields == ["land", "civil"])
    #expect(plain.hash == withNames.hash)
    #expect(String(describing: a.units) == String(describing: b.units))
    let vi = Dictionary(uniqueKeysWithValues: b.names.given(in: "vi"))
    let en = Dictionary(uniqueKeysWithValues: b.names.given(in: "en"))
    #expect(vi["field:land"] == "Đất đai và nhà ở" && en["field:land"] == "Land and housing")
    #expect(vi["field:civil"] == nil && a.names.given(in: "vi").isEmpty)
  }

  @Test func aWrongFieldItemIsReportedAtItsPlace() throws {
    for (fields, message) in [
      ("[land, {name_vi: Hộ tịch}]", "fields[1]: missing required key 'id'"),
      ("[land, {id: civil, nam_vi: Hộ tịch}]", "fields[1].nam_vi: unknown key 'nam_vi'; did you mean 'name_vi'?"),
      ("[land, {id: civil, name_vi: [a]}]", "fields[1].name_vi: expected text"),
    ] {
      let path = try Self.scenario(fields: fields)
      do {
        _ = try Scenario.load(path: path)
        Issue.record("\(fields) was accepted")
      } catch {
        #expect(error.description.contains(message), "\(error.description)")
        #expect(error.description.contains("fields.yaml:6"), "\(error.description)")
      }
    }
  }
}
