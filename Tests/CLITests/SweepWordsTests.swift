import Foundation
import Testing

/// A merged sweep names its study in words (issue 25): `summary.json` carries the base
/// scenario's titles, period and names, read at merge time while the base is as planned,
/// and the Vietnamese report shows neither the sweep's id nor a CSV column outside its footer.
extension SweepTests {
  @Test func theMergedSummaryNamesTheStudyAndTheReportSpeaksInWords() throws {
    let dir = tempDir("sweep-words"), base = tempDir("sweep-words-base")
    defer { for d in [dir, base] { try? FileManager.default.removeItem(at: d) } }
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    let copy = base.appendingPathComponent("mmc.yaml")
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("scenarios/mmc.yaml"), to: copy)
    let file = try sweepFile(
      extra: "description: Desks x desk time\ndescription_vi: Số quầy x thời gian tại quầy\n")
    let text = try read(file).replacingOccurrences(
      of: Self.root.appendingPathComponent("scenarios/mmc.yaml").path, with: copy.path)
    try text.write(to: file, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", dir.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "run", dir.path, "--quiet"]).0 == 0)
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    let summary = try read(dir.appendingPathComponent("summary.json"))
    for key in [
      #""description": "Desks x desk time""#, #""description_vi": "Số quầy x thời gian tại quầy""#,
      #""title_vi": "Hàng đợi tham chiếu M/M/8""#,
      #""start": "2022-01-03""#, #""end": "2022-01-05""#, #"{"id": "desk-hall""#,
    ] {
      #expect(summary.contains(key), "\(key)")
    }
    let page = dir.appendingPathComponent("r.html")
    #expect(try cli.onestop(["report", dir.path, "--lang", "vi", "--out", page.path]).0 == 0)
    let html = try read(page)
    let outside = html.replacingOccurrences(of: #"<code[^>]*>[^<]*</code>"#, with: " ", options: .regularExpression)
      .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
    #expect(outside.contains("Quét tham số: Hàng đợi tham chiếu M/M/8, 6 điểm"), "\(outside)")
    #expect(outside.contains("Số quầy x thời gian tại quầy") && !outside.contains("Desks x desk time"))
    for raw in ["mmc-small", "p0000", "units_desk_hall_desks_desks_count", "desk_wait_mean_min", "desk_wait_mean"] {
      #expect(!outside.contains(raw), "\(raw)")
    }
    #expect(html.contains("<code>mmc-small</code>"))
    // A base edited since the plan: the merge cannot know its words and leaves them out.
    try (try read(copy)).replacingOccurrences(of: "end: 2022-01-17", with: "end: 2022-01-18").write(
      to: copy, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    let older = try read(dir.appendingPathComponent("summary.json"))
    #expect(!older.contains("\"title_vi\"") && !older.contains("\"units\"") && older.contains("\"description\""))
  }
}

extension UncertaintyCLITests {
  /// The priors table of a run under uncertainty: the schema's English notes on the English
  /// page, the catalogue's Vietnamese on the Vietnamese page.
  @Test func thePriorNotesAreInThePagesLanguage() throws {
    let dir = temporaryDirectory("run-unc-priors")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try uncertainRun(["demand[0].annual_volume=3600000..4000000"], dir: dir)
    for lang in ["vi", "en"] {
      let html = (dir as NSString).appendingPathComponent("r-\(lang).html")
      #expect(try cli.onestop(["report", dir, "--lang", lang, "--out", html]).0 == 0)
      let page = try String(contentsOfFile: html, encoding: .utf8)
      let priors = try #require(
        page.firstRange(of: #/<section id="assumptions">.*?</section>/#).map { String(page[$0]) })
      #expect(priors.contains("no source") == (lang == "en"), "\(priors)")
      #expect(priors.contains("không có nguồn") == (lang == "vi"), "\(priors)")
      if lang == "vi" {
        for english in ["prior,", "unverified", "entries", " of ", "mean "] {
          #expect(!priors.contains(english), "\(english)")
        }
      }
    }
  }
}
