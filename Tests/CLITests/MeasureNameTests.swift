import Foundation
import OneStopModel
import Testing

/// The table of measures is the one place a measure's name is spelled: a string literal
/// that is a measure's name (`"desk_wait_mean"`), a column or key built from it
/// (`"desk_wait_mean_min"`, `"served_same_day_pct"`) or a KPI name on it
/// (`"desk_wait_mean@pasc"`) anywhere else in Sources fails here. Say `Measure.deskWaitMean.name`,
/// `UnitColumn.waitMean.header` or `BreakdownColumn.received.jsonKey` instead.
///
/// Two vocabularies share words with the measures and are not measures: the trace's event
/// names (`Trace.swift`: a dossier `turned_away`, `withdrawn`) and the report's labels
/// (`ReportLanguage.swift`, the catalogue of names `ReportCatalogue*.swift` and the keys
/// passed to `label(...)`).
@Suite struct MeasureNameTests {
  static let table = "OneStopModel/Reporting/Measure+Table.swift"
  static let otherVocabularies: Set<String> = [
    "OneStopModel/Simulation/Trace.swift", "OneStopReport/ReportLanguage.swift", "OneStopReport/ReportCatalogue.swift",
    "OneStopReport/ReportCatalogue+Columns.swift",
  ]

  /// Every spelling a measure's name takes in files: the name with each unit's CSV and
  /// JSON suffix.
  static let spellings: Set<String> = Set(
    Measure.all.flatMap { m in
      [m.name, m.column, m.jsonKey] + KPIUnit.allCases.map { m.name + $0.columnSuffix }
    })

  /// The string literals of `text` that spell a measure (the part before an `@` of a KPI
  /// name), except in doc comments and as keys of `label(...)`: (line, literal).
  static func strayNames(in text: String) -> [(line: Int, literal: String)] {
    let literal = try! Regex(#"(label\()?"((\\.|[^"\\])*)""#)
    var found: [(Int, String)] = []
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("//") { continue }
      for match in line.matches(of: literal) where match.output[1].substring == nil {
        guard let body = match.output[2].substring.map(String.init) else { continue }
        let base = body.firstIndex(of: "@").map { String(body[..<$0]) } ?? body
        if spellings.contains(base) { found.append((i + 1, body)) }
      }
    }
    return found
  }

  @Test func aMeasureIsNamedOnlyInTheTable() throws {
    let sources = CodeSizeTests.sources.path + "/"
    for url in try CodeSizeTests.swiftFiles() {
      let file = url.path.replacingOccurrences(of: sources, with: "")
      guard file != Self.table, !Self.otherVocabularies.contains(file) else { continue }
      for (line, literal) in Self.strayNames(in: try String(contentsOf: url, encoding: .utf8)) {
        Issue.record("\(file):\(line): \"\(literal)\" spells a measure of the table; name it through Measure")
      }
    }
  }

  /// The check itself: a name, a column, a JSON key and a KPI name on a measure are found;
  /// a label key, a comment, a longer word and the table's own references are not.
  @Test func theCheckFindsStrayNamesOnly() {
    let text = """
      let a = "desk_wait_mean"
      let b = ["units.csv": "served_same_day_pct", "k": "desk_wait_mean_min"]
      // "desk_wait_p90" in a comment
      let c = l.label("received") + "received_from" + Measure.received.name
      let d = "desk_wait_mean@pasc"
      """
    let expected = ["desk_wait_mean", "served_same_day_pct", "desk_wait_mean_min", "desk_wait_mean@pasc"]
    #expect(Self.strayNames(in: text).map(\.literal) == expected)
    #expect(Self.strayNames(in: text).map(\.line) == [1, 2, 2, 5])
  }
}
