import Foundation
@testable import OneStopReport
import Testing

/// The sweep page and the priors table in the committee's words (issue 25): a Vietnamese
/// sweep page names the study by its base scenario's title, every header, chart and series
/// by the catalogue's words for its KPI and scenario key, values in the page's format; the
/// sweep's id, base file and point ids only in the footer's code spans.
extension ReportWordsTests {
  static let sweepKeys = ["end", "units[pasc].desks[transport].count", "procedures[any].intake_time.exponential"]
  static let sweepColumns = [
    "end", "units_pasc_desks_transport_count", "procedures_any_intake_time_exponential_s",
    "desk_wait_mean_at_pasc_min", "on_time_rate_of_received_pct",
  ]

  /// A merged sweep as `sweep merge` now writes it: 4 points, 2 desk counts x 2 desk times.
  static func sweep(dir: URL, words: Bool = true) throws {
    var csv = "id,end,units_pasc_desks_transport_count,procedures_any_intake_time_exponential_s,seed,replications,"
    csv +=
      ["desk_wait_mean_at_pasc_min", "on_time_rate_of_received_pct"].map { "\($0),\($0)_ci95_low,\($0)_ci95_high" }
      .joined(separator: ",") + "\n"
    var points: [[String: Any]] = []
    for (k, (desks, time)) in [(2, 55), (2, 65), (3, 55), (3, 65)].enumerated() {
      let wait = Double(time) / Double(desks)
      csv += "p000\(k),2022-01-05,\(desks),\(time),3,2,\(wait),\(wait - 1),\(wait + 1),93.25,93,93.5\n"
      let values = ["end": "2022-01-05", sweepKeys[1]: "\(desks)", sweepKeys[2]: "\(time)s"]
      points.append(["id": "p000\(k)", "seed": 3, "values": values, "kpis": [String: Any]()])
    }
    var json: [String: Any] = [
      "sweep": "tq-desks", "base": "/data/scenarios/\(id).yaml", "manifest_hash": "1", "replications": 2,
      "seeds": "common", "parameters": sweepKeys,
      "kpis": ["desk_wait_mean@pasc": "min", "on_time_rate_of_received": "%"],
      "columns": Dictionary(
        uniqueKeysWithValues: zip(
          sweepKeys + ["desk_wait_mean@pasc", "on_time_rate_of_received"],
          sweepColumns)),
      "rows": 4, "complete": true, "missing": [String](), "points": points,
    ]
    if words {
      json.merge(titled) { a, _ in a }
      json["description"] = "Transport desks x desk time at the provincial centre"
      json["description_vi"] = "Số quầy Giao thông vận tải x thời gian tại quầy"
      json["units"] = [
        ["id": "pasc", "name": "Trung tâm Phục vụ hành chính công tỉnh", "level": "province", "parent": ""]
      ]
      json["names"] = ["vi": ["desk:pasc/transport": "quầy Giao thông vận tải"]]
    }
    try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent("summary.json"))
    try csv.write(to: dir.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
    try "{}".write(to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
  }

  /// What a Vietnamese sweep page must not show outside its footer: KPI names, the CSV's
  /// column names, the scenario keys, the sweep's id and the point ids.
  static let sweepIds = sweepColumns + sweepKeys.filter { $0 != "end" } + ["tq-desks", "p0000", "p0003", id]

  @Test func theVietnameseSweepPageSpeaksInWords() throws {
    let dir = try Self.scratch("sweep-words")
    try Self.sweep(dir: dir)
    let input = try ReportInput.read(dir.path)
    let html = HTMLReport.page([input], language: .vi)
    let outside = Self.outsideCode(html)
    #expect(Self.rawKeys(outside, ids: Self.sweepIds) == [], "\(outside)")
    // The check can fail: the ids are on the page, in the footer's code spans.
    #expect(Self.rawKeys(html, ids: ["tq-desks", "p0000", "p0003", Self.id]).count == 4)
    #expect(outside.contains("Quét tham số: Tuyên Quang, năm 2022, 4 điểm"), "\(outside)")
    #expect(outside.contains("Kỳ 01/01/2022 - 31/12/2022 · 2 lần chạy lặp"))
    let desks = "Số quầy – Trung tâm Phục vụ hành chính công tỉnh, quầy Giao thông vận tải"
    #expect(outside.contains(desks) && outside.contains("55 giây") && outside.contains("65 giây"))
    let centre = "Trung tâm Phục vụ hành chính công tỉnh"
    let wait = "Thời gian chờ tại quầy, trung bình – \(centre) (phút)"
    #expect(outside.contains(wait))
    #expect(outside.contains("Tỷ lệ đúng hạn trên số tiếp nhận (%)") && outside.contains("93,25"))
    #expect(html.contains("<td class=\"n\">27,5</td>"), "55 s over 2 desks, one decimal of a minute")
    #expect(!outside.contains("Transport desks x desk time"), "the English description on the English page only")
    #expect(outside.contains("Số quầy Giao thông vận tải x thời gian tại quầy"), "description_vi")
    let en = Self.outsideCode(HTMLReport.page([input], language: .en))
    #expect(en.contains("Parameter sweep: Tuyen Quang, 2022, 4 points") && en.contains("Transport desks x desk time"))
    #expect(!en.contains("Số quầy Giao thông vận tải x thời gian tại quầy"))
    // The Markdown page in the same words, the ids in code spans.
    let markdown = MarkdownReport.page([input], language: .vi)
    let text = markdown.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
    #expect(Self.rawKeys(text, ids: Self.sweepIds) == [], "\(text)")
    #expect(text.contains("## Quét tham số: Tuyên Quang, năm 2022, 4 điểm"))
    #expect(text.contains("| 4 | 3 | 65 giây |"))
    #expect(markdown.contains("`p0003`") || markdown.contains("4 = p0003"))
  }

  /// A merged summary.json of an older version (no title, period, units, names, points or
  /// KPI units) still renders: the heading without a title, the columns by the catalogue.
  @Test func anOlderSweepSummaryStillRenders() throws {
    let dir = try Self.scratch("sweep-old")
    try Self.sweep(dir: dir, words: false)
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        as? [String: Any])
    for key in ["kpis", "points", "replications"] { json[key] = nil }
    json["columns"] = Dictionary(uniqueKeysWithValues: zip(Self.sweepKeys, Self.sweepColumns))
    try JSONSerialization.data(withJSONObject: json).write(to: dir.appendingPathComponent("summary.json"))
    let html = HTMLReport.page([try ReportInput.read(dir.path)], language: .vi)
    let outside = Self.outsideCode(html)
    #expect(outside.contains("Quét tham số, 4 điểm"), "\(outside)")
    #expect(outside.contains("Tỷ lệ đúng hạn trên số tiếp nhận (%)") && outside.contains("Số quầy"))
    #expect(!outside.contains("tq-desks") && html.contains("<code>tq-desks</code>"))
  }

  /// The priors table's notes: the catalogue's Vietnamese on a Vietnamese page (the schema's
  /// English stays on the English page), counts included.
  @Test func priorNotesAreInThePagesLanguage() throws {
    let dir = try Self.scratch("priors")
    let summary = try ReportTests.summary(dir: dir)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
    let notes = [
      "prior, no source: mean 5 wd", "no source", "R14: transit times unverified", "no source: none",
      "prior, no source: morning peak, ~60 % before 11:30; 3 of 5 entries",
      "R5: Decree 61 Art. 20 text not read; 12 of 146 units", "R11: local rules vary (0-1 day)",
    ]
    json["priors"] = notes.enumerated().map {
      ["key": "behaviour.supplement_delay", "value": "\($0.offset)", "note": $0.element]
    }
    try JSONSerialization.data(withJSONObject: json).write(to: summary)
    let run = try ReportInput.read(dir.path)
    func priors(_ l: ReportLanguage) throws -> String {
      let html = HTMLReport.page([run], language: l)
      return Self.visible(
        try #require(html.firstRange(of: #/<section id="assumptions">.*?</section>/#).map { String(html[$0]) }))
    }
    let vi = try priors(.vi)
    for english in ["no source", "prior", "unverified", "entries", "units", "mean", "Decree", "rules vary"] {
      #expect(!vi.contains(english), "\(english): \(vi)")
    }
    #expect(vi.contains("giả định, không có nguồn: trung bình 5 ngày làm việc"))
    let peak = "cao điểm buổi sáng, ~60 % trước 11:30; 3 trên 5 mục nhu cầu"
    #expect(vi.contains("giả định, không có nguồn: \(peak)"))
    #expect(vi.contains("R5: chưa đọc văn bản Điều 20 Nghị định 61; 12 trên 146 đơn vị"))
    let en = try priors(.en)
    #expect(notes.allSatisfy { en.contains($0) }, "\(en)")
  }

  @Test func aHeaderWhoseNameEndsInParenthesesTakesTheUnitInside() {
    let name = ReportNames().kpi("turned_away", .vi)
    #expect(name == "Lượt phải về (hết giờ)")
    #expect(SweepData.withUnit(name, "lượt") == "Lượt phải về (hết giờ; lượt)")
    #expect(SweepData.withUnit("Thời gian chờ", "phút") == "Thời gian chờ (phút)")
  }
}
