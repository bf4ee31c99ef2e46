import Foundation
@testable import OneStopReport
import OneStopResults
import Testing

/// No scenario id on a Vietnamese page outside its footer (issue 25): the run, comparison,
/// sweep and sensitivity pages name a scenario by its title (`title_vi` on a Vietnamese
/// page), else by the catalogue's title of its period ("Mô phỏng năm 2022"); the id and the
/// file stay in the footer's code spans.
extension ReportWordsTests {
  /// A realistic scenario id: the fixtures' old `tq` hid that the pages printed it.
  static let id = "tuyen-quang-2022"
  /// Each side's titles and period, as `compare --out` writes them.
  static let titled: [String: String] = [
    "title": "Tuyen Quang, 2022", "title_vi": "Tuyên Quang, năm 2022", "start": "2022-01-01", "end": "2023-01-01",
  ]

  /// The text a reader sees outside code spans (the footers' ids and files).
  static func outsideCode(_ html: String) -> String {
    visible(html.replacingOccurrences(of: #"<code[^>]*>[^<]*</code>"#, with: " ", options: .regularExpression))
  }

  /// A directory of `onestop report`'s inputs for this suite.
  static func scratch(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-ids-\(getpid())/\(name)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The run, comparison, sweep and sensitivity study of the scenario `id`, written under
  /// `tag` (tests run in parallel).
  static func pagesOfTheScenario(_ tag: String) throws -> [String: ReportInput] {
    func scratch(_ name: String) throws -> URL { try Self.scratch("\(tag)-\(name)") }
    let run = try scratch("run")
    let summary = try ReportTests.summary(dir: run)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
    json["scenario"] = id
    json["file"] = "scenarios/\(id).yaml"
    try JSONSerialization.data(withJSONObject: json).write(to: summary)
    let cmp = try scratch("cmp")
    try compare(dir: cmp)
    let sweep = try scratch("sweep")
    let column = "units[pasc].desks[land].count"
    let files = [
      "manifest.json": "{}",
      "results.csv": "id,seed,replications,\(column),on_time_rate_of_received_mean\np0,1,2,3,93.1\np1,2,2,4,93.4\n",
      "summary.json": """
      {"sweep": "tq-desks", "base": "../\(id).yaml", "parameters": ["\(column)"],
       "columns": {"\(column)": "\(column)"}}
      """,
    ]
    for (name, text) in files {
      try text.write(to: sweep.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    // The study with the scenario's titles and period, as `sensitivity --out` now writes it.
    let sens = try scratch("sens")
    let old = URL(fileURLWithPath: SensitivityReportTests.dir).appendingPathComponent("sensitivity.json")
    var study = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: old)) as? [String: Any])
    study.merge(titled.merging(["title_vi": "Tuyên Quang, năm 2022"]) { _, b in b }) { _, b in b }
    try JSONSerialization.data(withJSONObject: study).write(to: sens.appendingPathComponent("sensitivity.json"))
    return [
      "run": try ReportInput.read(run.path), "compare": try ReportInput.read(cmp.path),
      "sweep": try ReportInput.read(sweep.path), "sensitivity": try ReportInput.read(sens.path),
      "sensitivity (older file)": try ReportInput.read(SensitivityReportTests.dir),
    ]
  }

  @Test func noPageShowsTheScenarioIdOutsideItsFooter() throws {
    for (kind, input) in try Self.pagesOfTheScenario("pages") {
      let html = HTMLReport.page([input], language: .vi)
      let outside = Self.outsideCode(html)
      #expect(!Self.rawKeys(outside, ids: [Self.id]).contains(Self.id), "\(kind): \(outside)")
      let markdown = MarkdownReport.page([input], language: .vi)
      let text = markdown.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
      #expect(!Self.rawKeys(text, ids: [Self.id]).contains(Self.id), "\(kind): \(text)")
      // The check can fail: the id is on the page, in the footer (a sweep's in its base file).
      #expect(Self.rawKeys(html, ids: [Self.id]).contains(Self.id), "\(kind)")
    }
  }

  /// The comparison names A and B by their title; one scenario on both sides is told apart
  /// by what B sets, in words; without titles the catalogue's title of the period stands in,
  /// and a file of an older version (no period either) still renders, by the id.
  @Test func theComparisonNamesItsScenariosByTitle() throws {
    let cmp = try Self.scratch("cmp-titles")
    try Self.compare(dir: cmp)
    let vi = Self.outsideCode(HTMLReport.page([try ReportInput.read(cmp.path)], language: .vi))
    #expect(vi.contains("Phương án A:  Tuyên Quang, năm 2022"), "\(vi)")
    let lead = "So với phương án A (Tuyên Quang, năm 2022), phương án B (cùng kịch bản, "
    #expect(vi.contains(lead) && vi.contains(" = 4): "), "\(vi)")
    let en = Self.outsideCode(HTMLReport.page([try ReportInput.read(cmp.path)], language: .en))
    #expect(en.contains("Against A (Tuyen Quang, 2022), B (the same scenario with "), "\(en)")
    #expect(!en.contains("Tuyên Quang"))
    // In Markdown the same words, the id in the footer's code span.
    let markdown = MarkdownReport.page([try ReportInput.read(cmp.path)], language: .vi)
    #expect(markdown.contains("Phương án A: **Tuyên Quang, năm 2022**") && markdown.contains("`\(Self.id)`"))
    // Only a period: the catalogue's title; nothing at all (an older file): the id.
    try Self.compare(dir: cmp, words: ["start": "2022-01-01", "end": "2023-01-01"])
    let period = Self.visible(HTMLReport.page([try ReportInput.read(cmp.path)], language: .vi))
    let fallback = "So với phương án A (Mô phỏng năm 2022), phương án B (cùng kịch bản, "
    #expect(period.contains(fallback), "\(period)")
    try Self.compare(dir: cmp, words: [:])
    let old = Self.visible(HTMLReport.page([try ReportInput.read(cmp.path)], language: .vi))
    #expect(old.contains("So với phương án A (\(Self.id)), phương án B (cùng kịch bản, "), "\(old)")
  }

  /// The sensitivity page's heading names the scenario by its title in the page's language.
  @Test func theSensitivityHeadingNamesTheScenarioByTitle() throws {
    let study = try #require(try Self.pagesOfTheScenario("heading")["sensitivity"])
    let heading = #/<h2 class="run">([^<]*)</h2>/#
    let vi = try #require(HTMLReport.page([study], language: .vi).firstMatch(of: heading)).output.1
    #expect(vi == "Kết quả dựa vào đâu (độ nhạy): Tuyên Quang, năm 2022")
    let en = try #require(HTMLReport.page([study], language: .en).firstMatch(of: heading)).output.1
    #expect(en == "What the answer rests on (sensitivity): Tuyen Quang, 2022")
  }

  /// A default range (a printed prior at ±25 %) has no source: its note is the catalogue's,
  /// in the page's language; a written range keeps its source (`source_vi` in Vietnamese).
  @Test func aDefaultRangeIsNotedInThePagesLanguage() {
    let defaulted = UncertaintySummary.Parameter(
      key: "behaviour.return_delay", range: "x0.75..x1.25", origin: "default", source: nil, distribution: "uniform")
    let note = "không có nguồn: giá trị giả định ±25 % (±1 giờ với giờ trong ngày)"
    #expect(HTMLReport.rangeNote(defaulted, .vi) == note)
    #expect(HTMLReport.rangeNote(defaulted, .en).hasPrefix("no source: the printed prior's value ±25 %"))
    let written = UncertaintySummary.Parameter(
      key: "rules.annual_leave_days", range: "12..16", origin: "scenario", source: "Labour Code 2019 Art. 113",
      sourceVi: "Bộ luật Lao động 2019 Điều 113", distribution: "uniform")
    #expect(HTMLReport.rangeNote(written, .vi) == "Bộ luật Lao động 2019 Điều 113")
    #expect(HTMLReport.rangeNote(written, .en) == "Labour Code 2019 Art. 113")
    let given = UncertaintySummary.Parameter(
      key: "rules.annual_leave_days", range: "12..16", origin: "param", source: nil, distribution: "uniform")
    #expect(HTMLReport.rangeNote(given, .vi) == "")
  }

  /// A field's name from the scenario (`name_vi` on a Vietnamese page), else the catalogue's
  /// word for its id, in the by-field rows and in a KPI's field scope.
  @Test func fieldsAreNamedByTheScenarioThenTheCatalogue() {
    var names = ReportNames()
    names.localized = ["vi": ["field:land": "Đất đai và nhà ở"], "en": ["field:land": "Land and housing"]]
    #expect(names.field("land", .vi) == "Đất đai và nhà ở" && names.field("land", .en) == "Land and housing")
    #expect(names.field("transport", .vi) == ReportLanguage.vi.word("transport"))
    #expect(ReportLanguage.vi.word("transport") != "transport")
    let kpi = names.kpi("on_time_rate_of_received@field:land", .vi)
    #expect(kpi.hasSuffix(" – Đất đai và nhà ở"), "\(kpi)")
    #expect(ReportNames().kpi("on_time_rate_of_received@field:land", .vi).hasSuffix(" – Đất đai"))
  }
}
