import Foundation
import Testing

/// docs/results.md against what `run --out DIR --trace FILE` writes: every file, every CSV
/// column, every KPI and every key of `summary.json` is described, and every key of the
/// `summary.json` example is one the file has. A new column or key fails here until the
/// page says what it is.
@Suite struct ResultsDocTests {
  let cli = CLITests()

  /// Every key at any depth of a JSON value, except the keys of `kpis` and `units_of_kpis`
  /// (KPI names, checked against the KPI table).
  static func keys(_ value: Any) -> Set<String> {
    if let o = value as? [String: Any] {
      return o.reduce(into: Set(o.keys)) { all, member in
        if member.key != "kpis" && member.key != "units_of_kpis" { all.formUnion(keys(member.value)) }
      }
    }
    if let a = value as? [Any] { return a.reduce(into: Set<String>()) { $0.formUnion(keys($1)) } }
    return []
  }

  @Test func everyFileColumnAndKeyIsDocumented() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-results-doc-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, _, err) = try cli.onestop([
      "run", "scenarios/mmc.yaml", "--set", "end=2022-01-06", "--set", "report_language=en", "--replications", "2",
      "--out", dir.path, "--trace", dir.appendingPathComponent("trace.csv").path, "--quiet",
    ])
    #expect(status == 0, "\(err)")
    let doc = try String(contentsOf: CLITests.root.appendingPathComponent("docs/results.md"), encoding: .utf8)
    let words = Set(doc.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }.map(String.init))
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
    #expect(files.contains("summary.json") && files.contains("trace.csv"), "\(files)")
    for file in files {
      #expect(doc.contains("`\(file)`"), "docs/results.md does not describe \(file)")
      guard file.hasSuffix(".csv") else { continue }
      let header = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).prefix { $0 != "\n" }
      for column in header.split(separator: ",").map(String.init)
      where !column.hasSuffix("_ci95_low") && !column.hasSuffix("_ci95_high") {
        #expect(words.contains(column), "docs/results.md does not name column \(column) of \(file)")
      }
    }
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        as? [String: Any])
    let written = Self.keys(summary)
    let example = try #require(
      doc.range(of: "```json\n").flatMap { start in
        doc[start.upperBound...].range(of: "```").map { String(doc[start.upperBound..<$0.lowerBound]) }
      })
    let shown = Set(example.matches(of: try Regex(#""(\w+)":"#)).compactMap { $0.output[1].substring.map(String.init) })
    let kpis = try #require(summary["kpis"] as? [String: Any])
    for key in written {
      #expect(shown.contains(key), "the summary.json example in docs/results.md lacks key \(key)")
    }
    for key in shown.subtracting(kpis.keys) {
      #expect(
        written.contains(key),
        "the summary.json example in docs/results.md shows key \(key), which the file does not have")
    }
    for kpi in kpis.keys { #expect(words.contains(kpi), "docs/results.md does not describe KPI \(kpi)") }
  }
}
