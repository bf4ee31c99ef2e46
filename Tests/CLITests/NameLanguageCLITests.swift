import Foundation
import Testing

/// `name_vi` through the built binary: the CSV files name units, agencies and procedures in
/// the scenario's `report_language`, `summary.json` keeps both languages under `names`, and
/// a report in the other language names them in its own.
@Suite(.serialized) struct NameLanguageCLITests {
  static let fixture = "Tests/OneStopScenarioTests/Fixtures/minimal.yaml"
  static let named = [
    "units[top].name=Top centre", "units[top].name_vi=Trung tâm tỉnh", "agencies[TNMT@top].name=Land office",
    "agencies[TNMT@top].name_vi=Sở Tài nguyên", "procedures[land].name_vi=Cấp giấy chứng nhận",
  ]

  func run(_ sets: [String], _ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-names-\(name)-\(getpid())")
    let (status, _, err) = try CLITests().onestop(
      ["run", Self.fixture, "--replications", "1", "--quiet", "--out", dir.path] + sets.flatMap { ["--set", $0] })
    #expect(status == 0, "\(err)")
    return dir
  }

  func text(_ dir: URL, _ file: String) throws -> String {
    try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
  }

  @Test func filesNameInTheReportLanguageAndTheReportInItsOwn() throws {
    let vi = try run(Self.named, "vi")
    let en = try run(Self.named + ["report_language=en"], "en")
    defer { for d in [vi, en] { try? FileManager.default.removeItem(at: d) } }
    #expect(try text(vi, "units.csv").contains("\ntop,Trung tâm tỉnh,province,,"))
    #expect(try text(en, "units.csv").contains("\ntop,Top centre,province,,"))
    #expect(try text(vi, "agencies.csv").contains("\nTNMT@top,Sở Tài nguyên,top,"))
    let intake = "\nonline-intake@top,\"Tiếp nhận trực tuyến, Trung tâm tỉnh\","
    #expect(try text(vi, "agencies.csv").contains(intake))
    #expect(try text(en, "agencies.csv").contains("\nTNMT@top,Land office,top,"))
    let summary = try text(en, "summary.json")
    let land = "{\"id\": \"land\", \"name\": \"Cấp giấy chứng nhận\"}"
    #expect(summary.contains(land), "English falls back to vi")
    #expect(summary.contains("\"names\": {\n    \"en\": {\"unit:top\": \"Top centre\""))
    #expect(summary.contains("\"unit:top\": \"Trung tâm tỉnh\""))
    // The numbers are the same: only names differ.
    let numbers = { (d: URL) in
      try text(d, "units.csv").split(separator: "\n").map { $0.split(separator: ",").dropFirst(2) }
    }
    #expect(try numbers(vi) == numbers(en))
    // A Vietnamese report of the English run names the centre in Vietnamese, and the reverse.
    let html = en.appendingPathComponent("vi.html").path
    let (status, _, err) = try CLITests().onestop(["report", en.path, "--lang", "vi", "--out", html])
    #expect(status == 0, "\(err)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.contains("Trung tâm tỉnh") && !page.contains("Top centre"))
    let back = vi.appendingPathComponent("en.html").path
    _ = try CLITests().onestop(["report", vi.path, "--lang", "en", "--out", back])
    let english = try String(contentsOfFile: back, encoding: .utf8)
    #expect(english.contains("Top centre") && !english.contains("Trung tâm tỉnh"))
  }

  @Test func aScenarioWithoutVietnameseNamesWritesNoNames() throws {
    let dir = try run(["units[top].name=Top centre"], "none")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try !text(dir, "summary.json").contains("\"names\""))
    #expect(try text(dir, "units.csv").contains("\ntop,Top centre,province,,"))
    #expect(try text(dir, "agencies.csv").contains("\nonline-intake@top,\"online intake, Top centre\","))
  }
}
