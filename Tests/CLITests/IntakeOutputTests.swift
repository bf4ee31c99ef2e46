import Foundation
import Testing

/// What digitisation by share and the apology timing add to the files of `run`, and only
/// when a scenario uses them: the `digitised` column of `units.csv` and the timing of the
/// trace's apologies (the reference scenario made late by lead times of 8 working days on average).
@Suite struct IntakeOutputTests {
  let cli = CLITests()

  /// The header of `units.csv` and the details of the trace's `apology` rows of a short
  /// run of mmc.yaml with `settings` added.
  func run(_ settings: [String]) throws -> (header: [String], apologies: [String: Int]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-intake-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let trace = dir.appendingPathComponent("trace.csv").path
    let (status, _, err) = try cli.onestop(
      [
        "run", "scenarios/mmc.yaml", "--set", "end=2022-01-19", "--set",
        "procedures[any].steps[0].lead_time={exponential: 8wd}", "--set", "behaviour.digitisation_time=1s",
      ]
        + settings.flatMap { ["--set", $0] } + ["--replications", "1", "--out", dir.path, "--trace", trace, "--quiet"])
    #expect(status == 0, "\(err)")
    let units = try String(contentsOf: dir.appendingPathComponent("units.csv"), encoding: .utf8)
    var details: [String: Int] = [:]
    let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
    let detail = try #require(lines.first?.split(separator: ",").firstIndex(of: "detail"))
    for line in lines where line.contains(",apology,") {
      details[String(line.split(separator: ",", omittingEmptySubsequences: false)[detail]), default: 0] += 1
    }
    return (units.prefix { $0 != "\n" }.split(separator: ",").map(String.init), details)
  }

  @Test func theFilesChangeOnlyWhenTheKeysAreSet() throws {
    let plain = try run([])
    #expect(!plain.header.contains("digitised") && plain.header.last == "busy_desks_mean_ci95_high")
    #expect(plain.apologies.keys.sorted() == [""] && plain.apologies[""]! > 0)
    let set = try run([
      "units[desk-hall].digitisation=[{from: 2022-01-10, share: 0.5}]", "rules.apology_compliance=0.5",
    ])
    #expect(set.header.suffix(3) == ["digitised", "digitised_ci95_low", "digitised_ci95_high"])
    #expect(set.apologies.keys.sorted() == ["late", "on_time"], "\(set.apologies)")
  }
}
