import Foundation
import OneStopModel
@testable import OneStopReport
import Testing

/// The report in the committee's words (issue 25): the Vietnamese run, fit, comparison and
/// sensitivity pages of the fixtures show no raw KPI key and no unit or agency id as
/// visible text (they stay in attributes), every KPI has a name in both languages, the
/// period ends on its last day, and the comparison chart shares one scale per unit.
@Suite struct ReportWordsTests {
  /// The text a reader sees: tags, the style and the charts' accessible titles removed.
  static func visible(_ html: String) -> String {
    var s = html.replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: " ", options: .regularExpression)
    s = s.replacingOccurrences(of: #"<(title|desc)[^>]*>[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
    s = s.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
    return s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
  }

  /// Raw keys and ids of `text`: every KPI name with an underscore, and the fixtures' ids.
  static func rawKeys(_ text: String, ids: [String]) -> [String] {
    let keys = KPI.all.map(\.name).filter { $0.contains("_") } + ids
    return keys.filter { key in
      let pattern = #"(?<![\w@.-])"# + NSRegularExpression.escapedPattern(for: key) + #"(?![\w-])"#
      return text.range(of: pattern, options: .regularExpression) != nil
    }
  }

  /// A comparison's fixture: one scenario with a realistic id on both sides, B with a desk
  /// more; `words` are each side's titles and period (`[:]`: a file of an older version).
  static func compare(dir: URL, words: [String: String] = titled) throws {
    func row(_ kpi: String, _ unit: String, _ a: Double, _ b: Double, _ h: Double) -> [String: Any] {
      [
        "kpi": kpi, "unit": unit, "a": a, "b": b, "difference": b - a, "half_width": h,
        "unpaired_half_width": 2 * h,
      ]
    }
    func scoped(_ kpi: String, _ scope: String, _ a: Double, _ b: Double) -> [String: Any] {
      row(kpi, kpi.hasPrefix("tickets") ? "visits" : "min", a, b, 1).merging(["scope": scope]) { x, _ in x }
    }
    let side: [String: Any] = ["scenario": Self.id, "file": "scenarios/\(Self.id).yaml", "scenario_hash": "1"]
    let json: [String: Any] = [
      "a": side.merging(words) { a, _ in a },
      "b": side.merging(words) { a, _ in a }.merging([
        "scenario_hash": "2", "overrides": ["units[pasc].desks[land].count=4"],
      ]) { _, b in b },
      "units": [
        ["id": "pasc", "name": "Trung tâm Phục vụ hành chính công tỉnh", "level": "province", "parent": ""],
        ["id": "xa-1", "name": "Xã Một", "level": "commune", "parent": "pasc"],
      ],
      "scoped_differences": [
        scoped("tickets@xa-1", "unit", 900, 900), scoped("tickets@pasc", "unit", 60000, 60100),
        scoped("desk_wait_p90@desk:xa-1/desk", "desk", 5, 5), scoped("desk_wait_p90@pasc", "unit", 62, 61),
        scoped("desk_wait_p90@desk:pasc/transport", "desk", 165, 163), scoped("desk_wait_mean@pasc", "unit", 23, 22),
      ],
      "seed": 1, "replications": 4,
      "onestop_version": "0.1.0",
      "differences": [
        row("on_time_rate_of_received", "%", 93.3, 93.4, 0.2), row("desk_utilisation", "%", 40, 39.98, 0.001),
        row("desk_wait_mean", "min", 12, 10, 0.5), row("desk_wait_p90", "min", 60, 30, 4),
        row("resolved_overdue", "dossiers", 3381, 3300, 100),
        row("desk_wait_p90@unit:pasc", "min", 61, 61.2, 1),
        row("resolved_overdue@agency:GTVT@pasc", "dossiers", 5, 4, 2),
      ],
    ]
    try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent("compare.json"))
  }

  /// A run (the summary fixture with two of report 004's targets, plus `extra`), the
  /// comparison fixture and the sensitivity fixture, written under a directory named `name`.
  static func inputs(_ name: String, extra: [ReportTarget] = []) throws -> [ReportInput] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid())")
    let cmp = dir.appendingPathComponent("cmp")
    try FileManager.default.createDirectory(at: cmp, withIntermediateDirectories: true)
    _ = try ReportTests.summary(dir: dir)
    try compare(dir: cmp)
    var run = try ReportData(path: dir.path)
    run.targets =
      [
        ReportTarget(kpi: "on_time_rate_of_received", value: 93.32, tolerance: 1, source: "004"),
        ReportTarget(kpi: "resolved_overdue@agency:GTVT@pasc", value: 528, tolerance: 46, source: "004"),
      ] + extra
    return [.run(run), try ReportInput.read(cmp.path), try ReportInput.read(SensitivityReportTests.dir)]
  }

  @Test func theVietnamesePagesShowNoRawKeyOrId() throws {
    let inputs = try Self.inputs(
      "onestop-words",
      extra: [ReportTarget(kpi: "received@level:commune", value: 3000, tolerance: 40, source: "004")])
    let html = HTMLReport.page(inputs, language: .vi)
    let text = Self.visible(html)
    let ids = ["pasc", "GTVT@pasc", "xa-1", "UBNDX", "TNMT"]
    #expect(Self.rawKeys(text, ids: ids) == [], "\(text)")
    // The check can fail: the ids are on the page, in attributes.
    #expect(Self.rawKeys(html, ids: ids).count >= 4)
    // Names: the agency kind, the centre, a generated commune read by its level.
    #expect(text.contains("Giao thông vận tải – Trung tâm Phục vụ hành chính công"))
    #expect(text.contains("UBND cấp xã"))
    // The period with its last day, and the sentence of the result first.
    #expect(text.contains("01/01/2022 - 31/03/2022"))
    #expect(text.contains("Trong kỳ 01/01/2022 - 31/03/2022, mô hình ước tính 93,32 %"))
    // The comparison's sentence names the clearest change with its interval.
    let decision = "Thời gian chờ tại quầy, phân vị 90 trên toàn bộ các đơn vị giảm 30,0 phút"
    #expect(text.contains(decision), "\(text)")
    guard case .run(let run) = inputs[0] else { Issue.record("the first input is not a run"); return }
    try Self.checkTitle(run, html: html)
  }

  /// A target's `source_vi` fills the fit table's source column on the Vietnamese page only.
  @Test func theFitTableQuotesTheVietnameseSource() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-src-vi-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    _ = try ReportTests.summary(dir: dir)
    var run = try ReportData(path: dir.path)
    var target = ReportTarget(kpi: "on_time_rate_of_received", value: 93.32, tolerance: 1, source: "004: on time")
    target.sourceVi = "004: 'Trước hạn và đúng hạn: 168.252 hồ sơ, đạt 93,32%'"
    run.targets = [target]
    let vi = Self.visible(HTMLReport.page([.run(run)], language: .vi))
    let en = Self.visible(HTMLReport.page([.run(run)], language: .en))
    #expect(vi.contains("Trước hạn và đúng hạn: 168.252 hồ sơ, đạt 93,32%"))
    #expect(!vi.contains("004: on time"))
    #expect(en.contains("004: on time") && !en.contains("đạt 93,32%"))
    #expect(MarkdownReport.page([.run(run)], language: .vi).contains("đạt 93,32%'"))
  }

  /// The run's title is never the scenario's id (`test-tỉnh`): the page's `<title>` and the
  /// run heading read the catalogue's title from the period, or the scenario's `title_vi`;
  /// the id stays in the footer's small print only.
  static func checkTitle(_ run: ReportData, html: String) throws {
    func titles(_ html: String) -> String {
      let page = html.range(of: #"<title>[^<]*</title>"#, options: .regularExpression).map { String(html[$0]) }
      let heading = html.range(of: #"<h2 class="run"[^>]*>[^<]*</h2>"#, options: .regularExpression)
      return (page ?? "") + " " + Self.visible(heading.map { String(html[$0]) } ?? "")
    }
    let id = run.scenario
    #expect(id == "test-tỉnh")
    let fallback = titles(html)
    #expect(fallback.contains("Mô phỏng năm 2022") && !fallback.contains(id), "\(fallback)")
    let code = #"<code[^>]*>[^<]*</code>"#
    let outsideCode = Self.visible(html.replacingOccurrences(of: code, with: " ", options: .regularExpression))
    #expect(Self.rawKeys(outsideCode, ids: [id]) == [])
    #expect(html.contains("<code class=\"id\">\(id)</code>"))
    // The scenario's own title in each language, the other's when one is missing.
    var named = run
    named.names.localized = ["vi": ["title": "Tuyên Quang, năm 2022"], "en": ["title": "Tuyen Quang, 2022"]]
    let vi = titles(HTMLReport.page([.run(named)], language: .vi))
    let page = "<title>Kết quả mô phỏng bộ phận một cửa – Tuyên Quang, năm 2022</title>"
    #expect(vi.contains(page), "\(vi)")
    #expect(vi.contains("Tuyên Quang, năm 2022 · Kỳ") && !vi.contains(id))
    #expect(titles(HTMLReport.page([.run(named)], language: .en)).contains("Tuyen Quang, 2022 · Period"))
    named.names.localized = ["en": ["title": "Tuyen Quang, 2022"]]
    #expect(named.title(.vi) == "Tuyen Quang, 2022")
    // The check can fail: the old page, whose title was the id.
    let old = html.replacingOccurrences(of: "Mô phỏng năm 2022", with: id)
    #expect(titles(old).contains(id))
  }

  /// The Markdown report speaks the same words as the page: no raw key or id outside
  /// code spans (file names), names from the scenario, Vietnamese numbers and dates.
  @Test func theVietnameseMarkdownShowsNoRawKeyOrId() throws {
    let inputs = try Self.inputs("onestop-words-md")
    let markdown = MarkdownReport.page(inputs, language: .vi)
    let text = markdown.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
    let ids = ["pasc", "GTVT@pasc", "xa-1", "UBNDX", "TNMT"]
    #expect(Self.rawKeys(text, ids: ids) == [], "\(text)")
    #expect(text.contains("Giao thông vận tải – Trung tâm Phục vụ hành chính công"))
    #expect(text.contains("01/01/2022 - 31/03/2022") && text.contains("93,32 %"))
    let decision = "Thời gian chờ tại quầy, phân vị 90 trên toàn bộ các đơn vị "
    #expect(text.contains(decision + "giảm 30,0 phút"))
    let overdue = "| Giải quyết quá hạn – Giao thông vận tải – "
    #expect(text.contains(overdue + "Trung tâm Phục vụ hành chính công"), "\(text)")
    // The English Markdown names the same rows in English.
    let english = MarkdownReport.page(inputs, language: .en)
    #expect(
      Self.rawKeys(
        english.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression),
        ids: ids) == [])
    #expect(english.contains("01/01/2022 - 31/03/2022") || english.contains("2022-01-01"))
  }

  /// The scenario's names (`summary.json`'s `names`) come first in their language; a name
  /// the pools of a level share takes its unit, a pool's own name does not.
  @Test func scenarioNamesNameUnitsAndAgencies() {
    var names = ReportNames()
    names.units = [
      "pasc": ("Provincial centre", "province", ""), "son-duong": ("Huyện Sơn Dương", "district", "pasc"),
    ]
    names.localized = [
      "vi": [
        "unit:pasc": "Trung tâm tỉnh", "agency:TNMT@pasc": "Sở Tài nguyên và Môi trường",
        "agency:THUE@son-duong": "Chi cục Thuế", "agency:THUE@ham-yen": "Chi cục Thuế",
        "desk:pasc/land": "quầy Đất đai", "procedure:land": "Cấp giấy chứng nhận",
      ],
      "en": ["unit:pasc": "Provincial centre"],
    ]
    #expect(names.unit("pasc", .vi) == "Trung tâm tỉnh" && names.unit("pasc", .en) == "Provincial centre")
    #expect(names.agency("TNMT@pasc", .vi) == "Sở Tài nguyên và Môi trường")
    #expect(names.agency("THUE@son-duong", .vi) == "Chi cục Thuế – Huyện Sơn Dương")
    #expect(names.agency("TNMT@pasc", .en) == "Natural Resources and Environment – Provincial centre")
    let desk = "Thời gian chờ tại quầy, phân vị 90 – Trung tâm tỉnh, quầy Đất đai"
    #expect(names.kpi("desk_wait_p90@desk:pasc/land", .vi) == desk)
    #expect(names.procedure("land", .vi) == "Cấp giấy chứng nhận" && names.procedure("land", .en) == "land")
  }

  /// A bar label longer than the usual column widens it (a centre's full name is not cut
  /// at the chart's edge); short labels keep the usual column.
  @Test func longBarLabelsWidenTheirColumn() {
    func x(_ label: String) -> String? {
      let svg = ReportCharts.bars(title: "t", items: [(label, 1, nil, nil)], format: { "\($0)" }, unit: "")
      return svg.firstMatch(of: #/<rect class="bar" x="([^"]*)"/#).map { String($0.output.1) }
    }
    #expect(x("Sở Y tế") == "190.0")
    #expect(x("Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang").flatMap(Double.init) == 360)
  }

  @Test func everyKPIHasANameInBothLanguages() {
    for kpi in KPI.all.map(\.name) {
      for l in ReportLanguage.allCases { #expect(l.kpi(kpi) != kpi, "\(kpi) has no \(l) name") }
    }
    for unit in KPIUnit.allCases.map(\.rawValue) where unit != "%" {
      #expect(ReportLanguage.vi.unit(unit) != unit, "\(unit)")
    }
    #expect(ReportLanguage.vi.measure(180207.4, unit: "dossiers") == "180.207 hồ sơ")
    #expect(ReportLanguage.vi.measure(61.04, unit: "min") == "61,0 phút")
  }

  /// A comparison's first screen holds the busiest centre's desk waits (the unit with the
  /// most tickets in A) and its desk groups', by name, and what B sets, in words.
  @Test func theComparisonShowsTheBusiestCentresWaitsFirst() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-words-centre-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Self.compare(dir: dir)
    let html = HTMLReport.page([try ReportInput.read(dir.path)], language: .vi)
    let table = try #require(html.firstRange(of: #/<table class="centre">.*?</table>/#).map { String(html[$0]) })
    let kpis = table.matches(of: #/data-kpi="([^"]*)"/#).map { String($0.output.1) }
    #expect(kpis == ["desk_wait_mean@pasc", "desk_wait_p90@pasc", "desk_wait_p90@desk:pasc/transport"])
    #expect(table.contains("Trung tâm Phục vụ hành chính công tỉnh, quầy Giao thông vận tải"))
    #expect(html.range(of: "<table class=\"centre\">")!.lowerBound < html.range(of: "<svg")!.lowerBound)
    #expect(html.contains("title=\"--set units[pasc].desks[land].count=4\"") && html.contains(" = 4</span>"))
    // The page's title names the comparison in words, not the scenario ids ("tq / tq").
    let title = try #require(html.firstRange(of: #/<title>.*?</title>/#).map { String(html[$0]) })
    #expect(title.contains("So sánh") && !title.contains(Self.id), "\(title)")
  }

  /// Bars of one unit share a scale: the minute rows' widths are in the ratio of their
  /// changes, and a tiny % change draws a tiny bar beside a larger % change.
  @Test func comparisonBarsShareOneScalePerUnit() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-words-cmp-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Self.compare(dir: dir)
    let html = HTMLReport.page([try ReportInput.read(dir.path)], language: .en)
    let bar = try Regex(#"<rect class="bar" x="[^"]*" y="[^"]*" width="([^"]*)""#)
    let widths = html.matches(of: bar).compactMap { Double(String($0.output[1].substring ?? "")) }
    // Headline order grouped by unit: %, % then dossiers, then min, min.
    #expect(widths.count == 5)
    #expect(abs(widths[1] / widths[0] - 0.02 / 0.1) < 0.01, "\(widths)")
    #expect(abs(widths[3] / widths[4] - 2 / 30) < 0.01, "\(widths)")
  }
}
