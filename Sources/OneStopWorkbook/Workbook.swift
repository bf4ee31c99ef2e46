import CXLSXWriter
import Foundation
import OneStopReport

/// An Excel workbook of result tables (`--xlsx FILE` on run, compare, staff and sweep
/// merge), written through libxlsxwriter: one sheet per table, every cell that reads as a
/// number stored as a number (Excel in any locale shows it with its own decimal mark and
/// can sum it), text as text, the header row bold and frozen, headers in the report's
/// language (`ReportLanguage.column`). The tables are the same CSV text the command writes
/// for scripts, so the workbook and the CSV files never disagree.
public enum Workbook {
  /// A table: its sheet name and its CSV text (header first).
  public typealias Table = (name: String, csv: String)

  /// An error writing the workbook, with libxlsxwriter's reason.
  public struct WriteError: Error, CustomStringConvertible {
    public let description: String
  }

  /// Writes `tables` to `path` (atomically: a hidden temporary file renamed into place).
  public static func write(_ tables: [Table], to path: String, language: ReportLanguage) throws {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
    guard let book = workbook_new(temporary) else {
      throw WriteError(description: "\(path): cannot create the workbook (is the directory writable?)")
    }
    let bold = workbook_add_format(book)
    format_set_bold(bold)
    var used: Set<String> = []
    for table in tables {
      let name = sheetName(table.name, used: &used)
      guard let sheet = workbook_add_worksheet(book, name) else { continue }
      let rows = CSVText.rows(table.csv)
      for (r, row) in rows.enumerated() {
        for (c, cell) in row.enumerated() {
          let (rr, cc) = (lxw_row_t(r), lxw_col_t(c))
          if r == 0 {
            worksheet_write_string(sheet, rr, cc, language.column(cell), bold)
          } else if let x = number(cell) {
            worksheet_write_number(sheet, rr, cc, x, nil)
          } else if !cell.isEmpty {
            worksheet_write_string(sheet, rr, cc, cell, nil)
          }
        }
      }
      worksheet_freeze_panes(sheet, 1, 0)
      if let width = rows.first?.count, width > 0 {
        worksheet_set_column(sheet, 0, lxw_col_t(width - 1), 16, nil)
      }
    }
    let status = workbook_close(book)
    guard status == LXW_NO_ERROR else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw WriteError(description: "\(path): \(String(cString: lxw_strerror(status)))")
    }
    if rename(temporary, path) != 0 {
      try? FileManager.default.removeItem(atPath: temporary)
      throw WriteError(description: "\(path): cannot move the workbook into place")
    }
  }

  /// A cell's number: a plain decimal as onestop writes it (`180150`, `93.06`, `1e-05`);
  /// text that merely starts with digits (`2022-01`, `lam-binh-3`) stays text.
  static func number(_ cell: String) -> Double? {
    guard let first = cell.unicodeScalars.first, first == "-" || first == "." || ("0"..."9").contains(first),
      cell.allSatisfy({ "0123456789.-+eE".contains($0) }), let x = Double(cell), x.isFinite
    else { return nil }
    // A month (2022-01) or a date is not a number even though Double refuses it anyway;
    // a leading zero with more digits (an id like 007) stays text.
    if cell.count > 1 && cell.hasPrefix("0") && !cell.hasPrefix("0.") { return nil }
    return x
  }

  /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
  static func sheetName(_ name: String, used: inout Set<String>) -> String {
    let base = String(
      name.replacingOccurrences(of: ".csv", with: "").map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(28))
    var candidate = base, k = 2
    while used.contains(candidate.lowercased()) {
      candidate = "\(base)-\(k)"
      k += 1
    }
    used.insert(candidate.lowercased())
    return candidate
  }
}

/// Splits CSV text (RFC 4180: quoted cells with doubled quotes and embedded commas or line
/// breaks) into rows of cells; a byte-order mark at the start is dropped.
public enum CSVText {
  public static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false, afterQuote = false
    var chars = Substring(text)
    if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
    for ch in chars {
      if quoted {
        if ch == "\"" {
          quoted = false
          afterQuote = true
        } else {
          cell.append(ch)
        }
        continue
      }
      switch ch {
      case "\"":
        if afterQuote { cell.append("\"") }
        quoted = true
        afterQuote = false
      case ",":
        row.append(cell)
        cell = ""
        afterQuote = false
      case "\n", "\r\n":
        row.append(cell)
        rows.append(row)
        row = []
        cell = ""
        afterQuote = false
      default:
        cell.append(ch)
        afterQuote = false
      }
    }
    if !cell.isEmpty || !row.isEmpty {
      row.append(cell)
      rows.append(row)
    }
    return rows
  }
}
