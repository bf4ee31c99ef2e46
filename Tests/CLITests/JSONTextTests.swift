import Foundation
import OneStopIO
import Testing

/// JSON through `Encodable`: keys in declaration order, the one number format, layout.
@Suite struct JSONTextTests {
  struct Point: Encodable {
    let id: String
    let seed: UInt64
    let mean: Double
    let values: [Double]
    let note: String?
  }

  struct File: Encodable {
    let name: String
    let ok: Bool
    let points: [Point]
    let units: JSONObject<String>
  }

  @Test func keysInOrderNumbersInTheOneFormat() {
    let p = Point(
      id: "p0", seed: 9_007_199_254_740_991, mean: 93.06234567891234, values: [180150, 1e-05, .nan, 0.1], note: nil)
    #expect(
      JSONText.encode(p, expand: 0) == """
        {"id": "p0", "seed": 9007199254740991, "mean": 93.06234567891234, "values": [180150, 1e-05, null, 0.1]}

        """)
  }

  @Test func containersOfContainersGetALinePerMember() {
    let f = File(
      name: "Tuyên \"Quang\"", ok: true, points: [Point(id: "a", seed: 1, mean: 2.5, values: [], note: "x")],
      units: JSONObject([("received", "dossiers"), ("desk_wait_mean", "min")]))
    #expect(
      JSONText.encode(f) == """
        {
          "name": "Tuyên \\"Quang\\"",
          "ok": true,
          "points": [
            {"id": "a", "seed": 1, "mean": 2.5, "values": [], "note": "x"}
          ],
          "units": {"received": "dossiers", "desk_wait_mean": "min"}
        }

        """)
  }

  @Test func whatIsWrittenReadsBackExactly() throws {
    let values = [0.1 + 0.2, 1.0 / 3, 123_456.789e10, -2.5e-300]
    let text = JSONText.encode(Point(id: "x", seed: 0, mean: 0, values: values, note: nil))
    struct Back: Decodable { let values: [Double] }
    #expect(try JSONDecoder().decode(Back.self, from: Data(text.utf8)).values == values)
  }

  @Test func aKeyWrittenTwiceKeepsItsFirstPlaceInALargeObject() {
    // Past 16 keys an object finds its keys through an index: the same answer as the scan.
    let members = (0..<20).map { ("k\($0)", $0) } + [("k3", 99), ("k19", -1)]
    let expected = (0..<20).map { "\"k\($0)\": \($0 == 3 ? 99 : $0 == 19 ? -1 : $0)" }.joined(separator: ", ")
    #expect(JSONText.encode(JSONObject(members), expand: 0) == "{" + expected + "}\n")
  }

  @Test func keysAndStringsAreEscaped() {
    let o = JSONObject([("a\"b\\c", "tab\there"), ("line\nfeed", "\u{1}"), ("Hà Nội", "ok")])
    #expect(
      JSONText.encode(o, expand: 0)
        == #"{"a\"b\\c": "tab\there", "line\nfeed": "\u0001", "Hà Nội": "ok"}"# + "\n")
  }

  /// Records the coding path each value is encoded at.
  final class Paths: @unchecked Sendable {
    var seen: [String] = []
  }

  struct Probe: Encodable {
    let paths: Paths
    func encode(to encoder: any Encoder) throws {
      paths.seen.append(encoder.codingPath.map(\.stringValue).joined(separator: "/"))
      var c = encoder.singleValueContainer()
      try c.encode(1)
    }
  }

  struct Outer: Encodable {
    let items: [Probe]
    let one: Probe
    let nested: JSONObject<[Probe]>
  }

  @Test func encodersSeeTheirCodingPath() {
    let paths = Paths()
    let p = Probe(paths: paths)
    let text = JSONText.encode(Outer(items: [p, p], one: p, nested: JSONObject([("x", [p])])), expand: 0)
    #expect(text == #"{"items": [1, 1], "one": 1, "nested": {"x": [1]}}"# + "\n")
    #expect(paths.seen == ["items/0", "items/1", "one", "nested/x/0"])
  }
}
