/// Reading CSV text (RFC 4180 quoting): the one reader for the result files `report` draws
/// and the data tables a scenario names (`unit_table:`).
///
/// Why one reader with positions: a table a planner typed by hand gets errors that name
/// its line and column, the way scenario errors do, and the report and the scenario
/// layer cannot disagree on what a quoted comma or a doubled quote means.
public enum CSVReader {
  /// One record of a CSV text: its fields, where it starts and where each field starts.
  public struct Record: Sendable, Equatable {
    /// Line of the record's first character, from 1 (a quoted line break inside a field
    /// moves the next record's line on).
    public let line: Int
    public let fields: [String]
    /// Column (in characters, from 1) of each field's first character, quote included.
    public let columns: [Int]

    /// A blank line: one empty field.
    public var isBlank: Bool { fields.count == 1 && fields[0].isEmpty }
  }

  /// The records of `text`. A quoted field may hold commas, line breaks and doubled
  /// quotes; a bare carriage return outside quotes is dropped; `\r\n` ends a record like
  /// `\n`. A last line without a line break is a record; a trailing line break adds none.
  public static func records(_ text: String) -> [Record] {
    var out: [Record] = []
    var fields: [String] = [], columns: [Int] = [], field = "", quoted = false
    var line = 1, column = 0, recordLine = 1, fieldColumn = 1
    var it = text.makeIterator()
    func next() -> Character? {
      guard let c = it.next() else { return nil }
      if c == "\n" || c == "\r\n" {
        line += 1
        column = 0
      } else {
        column += 1
      }
      return c
    }
    func endField() {
      fields.append(field)
      columns.append(fieldColumn)
      field = ""
      fieldColumn = column + 1
    }
    func endRecord() {
      endField()
      out.append(Record(line: recordLine, fields: fields, columns: columns))
      fields = []
      columns = []
      recordLine = line
      fieldColumn = 1
    }
    while let c = next() {
      if quoted {
        guard c == "\"" else {
          field.append(c)
          continue
        }
        guard let d = next() else {
          quoted = false
          continue
        }
        if d == "\"" {
          field.append("\"")
          continue
        }
        quoted = false
        if d == "," {
          endField()
        } else if d == "\n" || d == "\r\n" {
          endRecord()
        } else {
          field.append(d)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        endField()
      } else if c == "\n" || c == "\r\n" {
        endRecord()
      } else if c != "\r" {
        field.append(c)
      }
    }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    return out
  }

  /// The fields of each record of `text` (`records` without positions).
  public static func rows(_ text: String) -> [[String]] { records(text).map(\.fields) }
}
