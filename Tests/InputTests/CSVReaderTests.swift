import OneStopIO
import Testing

/// The one CSV reader: RFC 4180 quoting, and where each record and field starts.
@Suite struct CSVReaderTests {
  @Test func fieldsLinesAndColumns() {
    let text = "id,name\r\nc1,\"Xã A, B\"\nc2,\"two\nlines\"\n\nc3,\"say \"\"hi\"\"\""
    let r = CSVReader.records(text)
    #expect(r.map(\.fields) == [["id", "name"], ["c1", "Xã A, B"], ["c2", "two\nlines"], [""], ["c3", "say \"hi\""]])
    // A quoted line break moves the next record's line on; columns count characters.
    #expect(r.map(\.line) == [1, 2, 3, 5, 6])
    #expect(r.map(\.columns) == [[1, 4], [1, 4], [1, 4], [1], [1, 4]])
    #expect(r[3].isBlank && !r[0].isBlank)
    #expect(CSVReader.rows("a,b\n") == [["a", "b"]])
    #expect(CSVReader.rows("") == [])
  }
}
