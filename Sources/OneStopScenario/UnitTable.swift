import DESKernel
import Foundation
import OneStopIO
import OneStopModel

/// A scenario's table of units (`unit_table: data/units.csv`), read into one unit item
/// per row, as if written under `units:`.
///
/// Why a table: a province has a hundred or more units, each with a Vietnamese name, a
/// parent, a kind and a population from a statistical yearbook; a CSV beside the YAML
/// keeps them as the sources give them, with columns for the sources themselves. Each
/// row becomes a mapping whose values remember their file, line and column, so a wrong
/// parent or level found later is placed on the row that wrote it.
struct UnitTable {
  /// Columns a table must have.
  static let requiredColumns = ["id", "name", "parent", "level"]
  /// Columns read when present; any other column is ignored (sources, notes).
  static let optionalColumns = ["name_vi", "kind", "population", "area_km2"]
  /// Columns holding a number >= 0.
  static let numberColumns: Set<String> = ["population", "area_km2"]
  /// Largest population or area a cell may hold (the country has about 10^8 people and
  /// 3.3 × 10^5 km²; a bound keeps a weight's power finite).
  static let maxValue = 1e9

  /// The path the table was read from (relative paths as the scenario's).
  let path: String
  /// One mapping per row, in file order.
  let rows: [YNode]
  /// Columns read as nothing, in header order.
  let ignoredColumns: [String]
  /// A digest of the file's text, for the scenario's hash.
  let digest: String
  /// Ids of rows with a value that could not be read (already reported): a split that
  /// misses their value says nothing more.
  let incomplete: Set<String>

  /// The path `node` names: relative to the file that wrote it (a base or a variant),
  /// or to the scenario file for a `--set` value.
  static func resolve(_ given: String, writtenIn file: String, scenarioFile: String) -> String {
    if given.hasPrefix("/") { return given }
    let base = file.hasPrefix("--set") ? scenarioFile : file
    let dir = (base as NSString).deletingLastPathComponent
    return dir.isEmpty ? given : (dir as NSString).appendingPathComponent(given)
  }

  /// Reads the table `node` names; every problem goes to `r` (file, line, column).
  static func load(_ node: YNode, scenarioFile: String, reader r: ScenarioReader) -> UnitTable? {
    guard let given = r.string(node, "unit_table"), !given.isEmpty else {
      if node.scalarText == "" { r.issue(node, "unit_table", "expected the path of a CSV file, found nothing") }
      return nil
    }
    let path = resolve(given, writtenIn: node.file, scenarioFile: scenarioFile)
    let text: String
    do { text = try InputFile.text(path, .unitTable) } catch {
      r.issue(node, "unit_table", "unit table '\(Excerpt.excerpt(path, limit: 160))': \(error.reason)")
      return nil
    }
    var records = CSVReader.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    records.removeAll { $0.isBlank }
    guard let header = records.first else {
      r.issue(node, "unit_table", "'\(Excerpt.excerpt(path, limit: 160))' is empty; expected a header line")
      return nil
    }
    guard records.count - 1 <= ModelLimits.units else {
      r.issue(
        node, "unit_table",
        "'\(Excerpt.excerpt(path, limit: 160))' has \(records.count - 1) rows; at most \(ModelLimits.units) units")
      return nil
    }
    var table = Reading(path: path, reader: r)
    guard let columns = table.columns(header) else { return nil }
    let rows = records.dropFirst().compactMap { table.row($0, columns) }
    let ignored = columns.enumerated().filter { $0.element == nil }.map { header.fields[$0.offset] }
    let digest = String(StreamKey.fnv1a(text), radix: 16)
    return UnitTable(
      path: path, rows: rows, ignoredColumns: ignored, digest: digest, incomplete: table.incomplete)
  }

  /// The checks of one table's header and rows.
  private struct Reading {
    let path: String
    let reader: ScenarioReader
    /// Where each id was first written.
    var seen: [String: Int] = [:]
    /// Rows kept without a value that could not be read.
    var incomplete: Set<String> = []

    init(path: String, reader: ScenarioReader) {
      self.path = path
      self.reader = reader
    }

    func issue(_ line: Int, _ column: Int, _ path: String, _ message: String) {
      reader.issue(YNode(.null, file: self.path, line: line, column: column), path, message)
    }

    /// The key each column is read into (nil: ignored), or nil when the header is wrong.
    func columns(_ header: CSVReader.Record) -> [String?]? {
      let names = header.fields.map { $0.trimmingWhitespace }
      var ok = true
      for (k, name) in names.enumerated() where names[..<k].contains(name) && !name.isEmpty {
        issue(header.line, header.columns[k], "column \(Excerpt.excerpt(name))", "appears twice in the header")
        ok = false
      }
      let missing = UnitTable.requiredColumns.filter { !names.contains($0) }
      if !missing.isEmpty {
        issue(
          header.line, 1, "",
          """
          missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); a unit table has \
          columns \((UnitTable.requiredColumns).joined(separator: ",")) and may have \
          \(UnitTable.optionalColumns.joined(separator: ","))
          """
        )
        ok = false
      }
      let known = UnitTable.requiredColumns + UnitTable.optionalColumns
      return ok ? names.map { known.contains($0) ? $0 : nil } : nil
    }

    /// A row as a unit's mapping, or nil when it cannot be one (its problems recorded).
    mutating func row(_ record: CSVReader.Record, _ columns: [String?]) -> YNode? {
      guard record.fields.count == columns.count else {
        issue(
          record.line, 1, "",
          "expected \(columns.count) fields (as the header has), found \(record.fields.count)")
        return nil
      }
      var pairs: [(key: String, keyNode: YNode, value: YNode)] = []
      var ok = true
      for (k, key) in columns.enumerated() {
        guard let key else { continue }
        let text = record.fields[k].trimmingWhitespace
        let at = (line: record.line, column: record.columns[k])
        if text.isEmpty {
          if key == "id" || key == "level" {
            issue(at.line, at.column, "column \(key)", "expected a unit \(key), found nothing")
            ok = false
          }
          continue
        }
        if UnitTable.numberColumns.contains(key) {
          let v = Double(text.replacingOccurrences(ofASCII: "_", with: ""))
          guard let v, v.isFinite, v >= 0, v <= UnitTable.maxValue else {
            // The unit stays (so nothing that names it fails too), without the value.
            incomplete.insert(record.fields[columns.firstIndex(of: "id") ?? 0].trimmingWhitespace)
            issue(
              at.line, at.column, "column \(key)",
              "expected a number >= 0 (at most \(fmt(UnitTable.maxValue))), found '\(Excerpt.excerpt(text))'")
            continue
          }
        }
        if key == "id" {
          if let first = seen[text] {
            issue(at.line, at.column, "column id", "duplicate id '\(Excerpt.excerpt(text))' (first on line \(first))")
            ok = false
          } else {
            seen[text] = at.line
          }
        }
        let keyNode = YNode(.scalar(key), file: path, line: at.line, column: at.column)
        pairs.append((key, keyNode, YNode(.scalar(text), file: path, line: at.line, column: at.column)))
      }
      return ok ? YNode(.mapping(pairs), file: path, line: record.line, column: 1) : nil
    }
  }

  /// The unit list: the YAML items first, in their order, each merged over the row with
  /// its id (the YAML's keys win), then the rows no item names, in file order.
  func merged(under yaml: YNode?) -> YNode {
    var index: [String: Int] = [:]
    for (k, row) in rows.enumerated() { if let id = row["id"]?.scalarText { index[id] = k } }
    var used = Set<Int>()
    var items: [YNode] = []
    if let yaml, case .sequence(let list) = yaml.kind {
      for item in list {
        guard let id = item["id"]?.scalarText, let k = index[id], !used.contains(k) else {
          items.append(item)
          continue
        }
        var none: [ScenarioIssue] = []
        items.append(ScenarioLoader.merge(base: rows[k], over: item, issues: &none))
        used.insert(k)
      }
    } else if let yaml {
      return yaml  // not a list: the unit reader says so
    }
    let left = rows.indices.filter { !used.contains($0) }.map { rows[$0] }
    return YNode(.sequence(items + left), file: yaml?.file ?? path, line: yaml?.line ?? 1, column: yaml?.column ?? 1)
  }
}
