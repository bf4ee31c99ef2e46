import Foundation
import OneStopReport
import Testing

/// A sensitivity study in the report (issue 24): the tornado charts rank the parameters by
/// influence, the sentence names the three the KPI depends on most in both languages, the
/// index table has every row, and a broken `sensitivity.json` names the file and the key.
@Suite struct SensitivityReportTests {
  static let dir = MarkdownGoldenTests.fixtures.appendingPathComponent("sensitivity").path

  static func study() throws -> SensitivityData {
    guard case .sensitivity(let s) = try ReportInput.read(dir) else {
      Issue.record(Comment(rawValue: "\(dir) not read as a sensitivity study"))
      throw CancellationError()
    }
    return s
  }

  /// The labels of the bars of each chart in `html`, in drawing order, chart by chart.
  static func bars(_ html: String) -> [[String]] {
    let bar = try! Regex(#"<rect class="bar"[^>]*><title>([^<]*): [^<]*</title>"#)
    return html.components(separatedBy: "<svg").dropFirst().map { svg in
      svg.matches(of: bar).compactMap { $0.output[1].substring.map(String.init) }
    }
  }

  @Test func chartsOrderTheParametersByInfluence() throws {
    let s = try Self.study()
    #expect(
      s.ranked("overdue_rate_of_received").map(\.param) == [
        "behaviour.p_return_after_incomplete", "units[*].transfer_cutoff", "rules.postal_in_transit",
        "behaviour.guidance_time",
      ])
    for l in ReportLanguage.allCases {
      let html = HTMLReport.page([.sensitivity(s)], language: l)
      let charts = Self.bars(html)
      // mu* of every parameter, largest first; the total index of the two Sobol ones.
      #expect(charts.count == 2)
      // Bars are labelled from the catalogue (the key never shows).
      #expect(charts.first == s.ranked("overdue_rate_of_received").map { l.prior($0.param) })
      #expect(charts.last == ["behaviour.p_return_after_incomplete", "units[*].transfer_cutoff"].map(l.prior))
      #expect(l.prior("units[*].transfer_cutoff") != "units[*].transfer_cutoff")
      // The interval's whiskers: three mu* intervals wider than 0, two total intervals.
      #expect(html.components(separatedBy: "class=\"whisker\"").count - 1 == 5)
      // The index table: a row per parameter, a missing lower bound drawn as none.
      #expect(html.components(separatedBy: "</tr><tr><td>").count - 1 == 3)
      #expect(!html.contains(">nan") && !html.contains("NaN") && html.contains("<td class=\"n\">–</td>"))
    }
  }

  @Test func theSentenceNamesTheTopThreeInBothLanguages() throws {
    let s = try Self.study()
    #expect(
      s.topParameters("overdue_rate_of_received") == [
        "behaviour.p_return_after_incomplete", "units[*].transfer_cutoff", "rules.postal_in_transit",
      ])
    let en = "The overdue rate of received dossiers depends most on: "
    let enTop = "Probability of returning after an incomplete visit, Transfer cut-off of the units, Postal transit in."
    #expect(s.sentence("overdue_rate_of_received", .en) == en + enTop)
    let vi = "Tỷ lệ hồ sơ trễ hạn phụ thuộc nhiều nhất vào: "
    let viTop =
      "Xác suất quay lại sau khi hồ sơ thiếu, Giờ chốt chuyển hồ sơ của đơn vị, "
      + "Thời gian bưu chính chuyển đến."
    #expect(s.sentence("overdue_rate_of_received", .vi) == vi + viTop)
    for l in ReportLanguage.allCases {
      #expect(HTMLReport.page([.sensitivity(s)], language: l).contains(s.sentence("overdue_rate_of_received", l)))
      #expect(MarkdownReport.page([.sensitivity(s)], language: l).contains(s.sentence("overdue_rate_of_received", l)))
    }
    // A KPI without a sentence label takes its catalogue name; one on a level names the level.
    #expect(
      s.sentence("visits_per_dossier@level:province", .en).hasPrefix("Visits per dossier (Province) moved with none"))
  }

  @Test func aBrokenFileNamesTheFileAndTheKey() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-report-sens-\(getpid())")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let original = try String(contentsOfFile: Self.dir + "/sensitivity.json", encoding: .utf8)
    let text = original.replacingOccurrences(of: "{\"param\": \"rules.postal_in_transit\", ", with: "{")
    try text.write(to: dir.appendingPathComponent("sensitivity.json"), atomically: true, encoding: .utf8)
    #expect(throws: ReportError.self) { try ReportInput.read(dir.path) }
    do { _ = try ReportInput.read(dir.path) } catch {
      #expect(error.description.contains("sensitivity.json: missing key 'rows[0].param'"))
      #expect(error.description.contains("onestop sensitivity"))
    }
  }
}
