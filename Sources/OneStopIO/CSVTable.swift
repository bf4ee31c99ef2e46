/// A CSV table written from one list of columns: each column is its header and the text of
/// its cell in a row, so the header line and the rows cannot drift apart (no second list
/// of names whose order must match). Cells are written as given: quote text with
/// `JSONText.csvField`, numbers with `JSONText.csvNumber`.
public struct CSVTable<Row> {
  /// A column: its header and its cell in a row.
  public struct Column {
    public let header: String
    public let cell: (Row) -> String

    public init(_ header: String, _ cell: @escaping (Row) -> String) {
      self.header = header
      self.cell = cell
    }
  }

  public let columns: [Column]

  public init(_ columns: [Column]) { self.columns = columns }

  /// The header line and one line per row, each ended by a newline.
  public func text(_ rows: some Sequence<Row>) -> String {
    var lines = [columns.map(\.header).joined(separator: ",")]
    for row in rows { lines.append(columns.map { $0.cell(row) }.joined(separator: ",")) }
    return lines.joined(separator: "\n") + "\n"
  }
}
