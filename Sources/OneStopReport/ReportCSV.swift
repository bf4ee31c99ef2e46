import Foundation
import OneStopIO

/// Reading the files of a result directory: through `InputFile` (regular files only, no
/// link out of the directory, at most `InputFile.Kind.result`'s size), so a planted link
/// to `/etc/shadow` or a 132 MB table is refused by name instead of drawn.
enum ReportFile {
  /// The bytes of `name` in `dir`, nil when there is no such file.
  static func data(_ path: String, in dir: String) throws(ReportError) -> Data? {
    // A file named without a directory (`report compare.json`) lies in the current one.
    do { return try InputFile.data(path, .result, inside: dir.isEmpty ? "." : dir) } catch {
      if error.missing { return nil }
      throw ReportError(error.description)
    }
  }
}

/// The result tables onestop writes, read through `CSVReader` (RFC 4180 quoting).
enum CSV {
  /// A table: its header and its rows by column name.
  struct Table {
    let header: [String]
    let rows: [[String: String]]
  }

  /// `path` (a file of `dir`) as a table that has every column of `required`; nil when
  /// the file does not exist. A missing column is named: a table from another program or
  /// an older onestop must not become an empty chart.
  static func read(_ path: String, in dir: String, required: [String]) throws(ReportError) -> Table? {
    guard let data = try ReportFile.data(path, in: dir) else { return nil }
    guard var text = String(data: data, encoding: .utf8) else { throw ReportError("\(path): not UTF-8 text") }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let rows = parse(text)
    guard let header = rows.first else {
      throw ReportError("\(path): empty; expected a header with \(required.joined(separator: ", "))")
    }
    let missing = required.filter { !header.contains($0) }
    if !missing.isEmpty {
      let list = missing.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (missing.count > 5 ? ", ..." : "")
      let columns = missing.count == 1 ? "column" : "columns"
      throw ReportError("\(path): missing \(columns) \(list); the file is broken or not written by onestop")
    }
    let width = header.count
    let body = rows.dropFirst().filter { $0.count == width }.map {
      Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a })
    }
    return Table(header: header, rows: body)
  }

  /// `path` as a table, which must exist.
  static func require(_ path: String, in dir: String, columns: [String]) throws(ReportError) -> Table {
    guard let t = try read(path, in: dir, required: columns) else {
      throw ReportError("\(path): cannot read it (does it exist?)")
    }
    return t
  }

  /// The rows of `text` (the shared reader of `OneStopIO`).
  static func parse(_ text: String) -> [[String]] { CSVReader.rows(text) }
}
