import Foundation
import OneStopReport
import Testing

/// `onestop report`: number and date formats in both languages, and a page built from a
/// summary that shows the summary's numbers, draws every chart and loads nothing.
@Suite struct ReportTests {
  @Test func vietnameseAndEnglishNumbersAndDates() {
    #expect(ReportLanguage.vi.number(1234567.891, decimals: 2) == "1.234.567,89")
    #expect(ReportLanguage.en.number(1234567.891, decimals: 2) == "1,234,567.89")
    #expect(ReportLanguage.vi.number(999.5) == "1.000")
    #expect(ReportLanguage.vi.number(0.004, decimals: 2) == "0,00")
    #expect(ReportLanguage.en.number(-12.5, decimals: 1) == "−12.5")
    #expect(ReportLanguage.vi.percent(93.3215) == "93,32 %")
    #expect(ReportLanguage.vi.number(.nan) == "–")
    #expect(ReportLanguage.vi.date("2022-07-16") == "16/07/2022")
    #expect(ReportLanguage.vi.date("2022-07") == "07/2022")
    #expect(ReportLanguage.en.date("2022-07-16") == "2022-07-16")
    #expect(ReportLanguage.vi.label("resolved_overdue") == "Giải quyết quá hạn")
    #expect(ReportLanguage.vi.label("in_progress") == "Đang giải quyết")
    #expect(ReportLanguage.vi.label("apologies") == "Thư xin lỗi")
  }

  static func estimate(_ m: Double, _ lo: Double, _ hi: Double) -> [String: Any] { ["mean": m, "ci95": [lo, hi]] }

  static func row(_ key: String, _ received: Double, _ overdue: Double) -> [String: Any] {
    [
      "key": key, "received": estimate(received, received, received),
      "resolved_on_time": estimate(received - overdue - 10, 0, received),
      "resolved_overdue": estimate(overdue, max(0, overdue - 5), overdue + 5), "in_progress_end": estimate(10, 8, 12),
      "on_time_rate_of_received": estimate(90, 89, 91),
      "overdue_rate_of_received": estimate(100 * overdue / received, 0, 5),
      "on_time_rate_of_resolved": estimate(95, 94, 96),
    ]
  }

  /// The month columns the report does not draw (the file has them all).
  static func monthExtras(_ m: Int) -> [String: Any] {
    let count = Double(m)
    return [
      "apologies": estimate(1, 0, 0), "online_in": estimate(30 * count, 0, 0), "tickets": estimate(60 * count, 0, 0),
    ]
  }

  static func summary(dir: URL) throws -> URL {
    let months = (1...3).flatMap { m in
      ["province", "all"].map { level -> [String: Any] in
        [
          "month": "2022-0\(m)", "level": level, "received_new": estimate(Double(100 * m), 0, 0),
          "resolved_on_time": estimate(Double(90 * m), 0, 0),
          "resolved_overdue": estimate(Double(m), 0, 0), "in_progress_end": estimate(50, 0, 0),
          "online_share": estimate(30, 0, 0),
          "desk_wait_mean_min": estimate(3, 0, 0),
        ].merging(monthExtras(m)) { a, _ in a }
      }
    }
    let json: [String: Any] = [
      "scenario": "test-tỉnh", "file": "scenarios/x.yaml", "scenario_hash": "abc", "onestop_version": "0.1.0",
      "start": "2022-01-01", "end": "2022-04-01", "seed": 7, "replications": 3,
      "kpis": [
        "on_time_rate_of_received": estimate(93.3215, 92.8, 93.9), "overdue_rate_of_received": estimate(1.9, 1.5, 2.3),
        "in_progress_end": estimate(8585, 8400, 8700), "apologies": estimate(3500, 3400, 3600),
        "received": estimate(180289, 180000, 180500),
      ],
      "by_level": [row("province", 1000, 20), row("commune", 3000, 5)],
      "by_agency": [row("GTVT@pasc", 800, 30), row("TNMT", 2000, 120), row("UBNDX", 1200, 0), row("<b>x</b>", 10, 1)],
      "by_field": [], "by_procedure": [], "months": months, "units_of_kpis": [String: String](),
      "desk_waits_by_unit": [
        [
          "unit": "pasc", "name": "Trung tâm Phục vụ hành chính công", "level": "province",
          "mean_min": estimate(18.3, 13.6, 23), "p90_min": estimate(45.4, 30, 61),
        ],
        // A row written before names were there: the id stands for the name.
        ["unit": "xa-1", "level": "commune", "mean_min": estimate(0, 0, 0), "p90_min": estimate(0, 0, 0)],
      ],
      "priors": [["key": "behaviour.p_return_after_incomplete", "value": "0.85", "note": "no source"]],
    ]
    let url = dir.appendingPathComponent("summary.json")
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    return url
  }

  @Test(arguments: ReportLanguage.allCases)
  func thePageShowsTheSummaryDrawsEveryChartAndLoadsNothing(language: ReportLanguage) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "onestop-report-\(getpid())-\(language.rawValue)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = try Self.summary(dir: dir)
    let data = try ReportData(path: dir.path)
    let html = HTMLReport.html(data, language: language)
    // The headline numbers, formatted in the report's language.
    #expect(html.contains(language.percent(93.3215)))
    #expect(html.contains(language.number(8585)))
    #expect(html.contains(language.number(180289)))
    // Agencies with overdue dossiers get one bar each, most overdue first; the unit wait
    // chart skips units without waiting; four monthly lines.
    #expect(html.components(separatedBy: "class=\"bar\"").count - 1 == 3 + 1)
    #expect(html.components(separatedBy: "<polyline class=\"series").count - 1 == 4)
    let tnmt = try #require(html.range(of: "data-key=\"TNMT\"")),
      gtvt = try #require(html.range(of: "data-key=\"GTVT@pasc\""))
    #expect(tnmt.lowerBound < gtvt.lowerBound)
    // Self-contained and escaped.
    for forbidden in ["<script", "src=", "href=", "http:", "https:", "@import", "url("] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    #expect(!html.contains("<b>x</b>") && html.contains("&lt;b&gt;x&lt;/b&gt;"))
    #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
    #expect(html.contains("test-tỉnh"))
    // Units are listed by their names (the id in an attribute).
    #expect(html.contains("data-key=\"pasc\"><td>Trung tâm Phục vụ hành chính công</td>"))
    #expect(data.unitWaits.map(\.name) == ["Trung tâm Phục vụ hành chính công", "xa-1"])
  }

  /// With the source report's figures, the cards show them and a fit table follows.
  @Test func theReportsFiguresAppearOnTheCardsAndInTheFitTable() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-report-fit-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = try Self.summary(dir: dir)
    var data = try ReportData(path: dir.path)
    #expect(data.estimate("resolved_overdue@agency:TNMT")?.mean == 120)
    #expect(data.estimate("received@level:commune")?.mean == 3000)
    #expect(data.estimate("resolved_overdue@agency:NOPE") == nil)
    data.targets = [
      ReportTarget(kpi: "on_time_rate_of_received", value: 93.32, tolerance: 1, source: "004, row 2"),
      ReportTarget(
        kpi: "resolved_overdue@agency:TNMT", value: 2492, tolerance: 800, source: "004, row 8", role: "fitted"),
    ]
    data.calibration = ReportCalibration(whatIf: nil, independent: 1)
    let html = HTMLReport.html(data, language: .vi)
    #expect(html.contains("Báo cáo: 93,32 %"))
    #expect(html.contains("id=\"against-report\""))
    #expect(html.contains(">2.492<") && html.contains(">120<") && html.contains("class=\"notmet\""))
    // The roles and whether the scenario is calibrated, on the scenario's page.
    #expect(html.contains("<td>độc lập</td>") && html.contains("<td>đã khớp</td>"))
    #expect(html.contains("Đã hiệu chỉnh theo báo cáo nguồn: 1 số liệu độc lập là bằng chứng"))
    data.calibration = ReportCalibration(whatIf: "only inputs", independent: 0)
    let md = MarkdownReport.page([.run(data)], language: .en)
    #expect(md.contains("A what-if example, not a calibrated province: only inputs"), "\(md)")
    // Within: |mean - report| <= tolerance + precision + the half-width.
    let e = try #require(data.estimate("on_time_rate_of_received"))
    let edge = e.mean + (e.high - e.mean) + 1 + 0.5
    #expect(e.high > e.mean)
    #expect(ReportTarget(kpi: "x", value: edge - 0.01, tolerance: 1, source: "", precision: 0.5).within(e))
    #expect(!ReportTarget(kpi: "x", value: edge + 0.01, tolerance: 1, source: "", precision: 0.5).within(e))
  }

  /// A summary with a key the report needs missing or of the wrong type (a broken file, or
  /// one from an older onestop) is an error naming the file and the key path; more keys than
  /// the report reads, and `null` numbers (NaN in the writer), still read.
  @Test func aBrokenSummaryNamesTheFileAndTheKey() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-report-broken-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = try Self.summary(dir: dir)
    let good = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    func read(_ change: (inout [String: Any]) -> Void) throws(ReportError) -> ReportData {
      var json = good
      change(&json)
      try! JSONSerialization.data(withJSONObject: json).write(to: url)
      return try ReportData(path: dir.path)
    }
    let cases: [(String, (inout [String: Any]) -> Void)] = [
      (
        "missing key 'by_level[1].resolved_overdue'",
        { j in
          var rows = j["by_level"] as! [[String: Any]]
          rows[1]["resolved_overdue"] = nil
          j["by_level"] = rows
        }
      ),
      ("missing key 'desk_waits_by_unit'", { j in j["desk_waits_by_unit"] = nil }),
      ("'replications' is not a number", { j in j["replications"] = "three" }),
      (
        "missing key 'kpis.received.ci95'",
        { j in
          var k = j["kpis"] as! [String: Any]
          k["received"] = ["mean": 1]
          j["kpis"] = k
        }
      ),
    ]
    for (message, change) in cases {
      do {
        _ = try read(change)
        Issue.record("no error for \(message)")
      } catch {
        #expect(error.description.hasPrefix("\(url.path): \(message); "), "\(error.description)")
        #expect(error.description.contains("older onestop"))
      }
    }
    let newer = try read { j in
      j["a_key_from_a_newer_onestop"] = [1, 2]
      var k = j["kpis"] as! [String: Any]
      k["received"] = ["mean": NSNull(), "ci95": [NSNull(), NSNull()]]
      j["kpis"] = k
    }
    #expect(newer.kpis["received"]?.mean.isNaN == true)
    #expect(newer.byLevel.count == 2)
  }

  @Test func aDirectoryWithoutASummaryIsAClearError() throws {
    do {
      _ = try ReportData(path: "/nonexistent-dir")
      Issue.record("no error")
    } catch {
      #expect(error.description.contains("onestop run --out DIR"))
    }
  }
}

/// The Markdown output, held against committed golden files (regenerate with
/// `ONESTOP_UPDATE_GOLDEN=1 swift test --filter MarkdownGoldenTests` and review the diff).
@Suite struct MarkdownGoldenTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  @Test(arguments: ReportLanguage.allCases)
  func markdownMatchesTheGoldenFile(language: ReportLanguage) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "onestop-md-\(getpid())-\(language.rawValue)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = try ReportTests.summary(dir: dir)
    let markdown = MarkdownReport.page([.run(try ReportData(path: dir.path))], language: language)
    let golden = Self.fixtures.appendingPathComponent("report-\(language.rawValue).md")
    if ProcessInfo.processInfo.environment["ONESTOP_UPDATE_GOLDEN"] == "1" {
      try markdown.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(markdown == expected)
  }
}
