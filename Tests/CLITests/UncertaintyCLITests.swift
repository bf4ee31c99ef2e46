import Foundation
import Testing

/// Uncertainty as a user meets it: calibrate's fitted ranges in calibrated.yaml, read back
/// as `fitted` by sensitivity.
@Suite(.serialized) struct UncertaintyCLITests {
  let cli = CLITests()

  func temporaryDirectory(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(name)-\(getpid())").path
  }

  /// calibrate --param --out writes a fitted range per parameter (containing the fitted
  /// value) into calibrated.yaml; the file validates and sensitivity marks the range fitted.
  @Test func calibrateWritesFittedRangesThatSensitivityReads() throws {
    let dir = temporaryDirectory("fit-ranges")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let targets = (dir as NSString).appendingPathComponent("t.yaml")
    try """
    scenario: \(CLITests.root.appendingPathComponent("scenarios/mmc.yaml").path)
    source: "Erlang C"
    targets:
      - {kpi: desk_wait_mean, value: 0.877, tolerance: 0.1, source: "Erlang C: Wq of M/M/8 at utilisation 0.9"}
    """.write(toFile: targets, atomically: true, encoding: .utf8)
    let (status, out, err) = try cli.onestop([
      "calibrate", targets, "--set", "end=2022-01-05", "--replications", "2", "--screen", "6", "--iterations", "6",
      "--param", "procedures[any].intake_time.exponential=0.9..1.1", "--out", dir,
    ])
    #expect(status == 0, "\(out)\n\(err)")
    #expect(out.contains("Fitted ranges ("), "\(out)")
    let yaml = try String(contentsOfFile: (dir as NSString).appendingPathComponent("calibrated.yaml"), encoding: .utf8)
    #expect(yaml.contains("uncertainty:\n  - key: \"procedures[any].intake_time.exponential\"\n    range: \""), "\(yaml)")
    #expect(yaml.contains("    fitted: true"), "\(yaml)")
    // The fitted value lies in its range.
    let value = try #require(yaml.split(separator: "\n").first { $0.contains("exponential: ") })
      .split(separator: " ").last.map { Double($0.dropLast()) ?? .nan } ?? .nan
    let range = try #require(yaml.split(separator: "\n").first { $0.contains("range: ") })
      .split(separator: "\"")[1].components(separatedBy: "..").compactMap(Double.init)
    #expect(range.count == 2 && range[0] <= value && value <= range[1], "\(value) in \(range)")
    let calibrated = (dir as NSString).appendingPathComponent("calibrated.yaml")
    let (valid, vout, verr) = try cli.onestop(["validate", calibrated])
    #expect(valid == 0 && vout.contains("1 range"), "\(vout)\(verr)")
    let (s, sout, serr) = try cli.onestop([
      "sensitivity", calibrated, "--kpi", "desk_wait_mean", "--set", "end=2022-01-05", "--replications", "1",
      "--trajectories", "1", "--resamples", "0", "--param", "procedures[any].intake_time.exponential",
    ])
    #expect(s == 0, "\(serr)")
    #expect(sout.contains("(fitted: onestop calibrate "), "\(sout)")
  }
}

extension UncertaintyCLITests {
  /// summary.json's `uncertainty` from `run --uncertainty 8 --out DIR` with `params`.
  func uncertainRun(_ params: [String], dir: String) throws -> [String: Any] {
    var args = [
      "run", "scenarios/mmc.yaml", "--set", "end=2022-01-05", "--replications", "3", "--quiet", "--uncertainty", "8",
      "--out", dir,
    ]
    for p in params { args += ["--param", p] }
    let (status, _, err) = try cli.onestop(args)
    #expect(status == 0, "\(err)")
    let data = try Data(contentsOf: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("summary.json")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Both intervals in summary.json: the noise interval is the run's own ci95, number for
  /// number; the total interval is at least as wide; a parameter that does not move a KPI
  /// leaves its total interval exactly its noise interval (common random numbers).
  @Test func summaryHoldsTheNoiseAndTheTotalInterval() throws {
    let dir = temporaryDirectory("run-unc")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let volume = "demand[0].annual_volume=3600000..4000000", work = "procedures[any].steps[0].work=0.5..2"
    let summary = try uncertainRun([volume, work], dir: dir)
    let kpis = try #require(summary["kpis"] as? [String: [String: Any]])
    let u = try #require((summary["uncertainty"] as? [String: Any])?["kpis"] as? [String: [String: Any]])
    #expect(Set(u.keys) == Set(kpis.keys).subtracting(["events"]))
    for (k, v) in u {
      let noise = try #require(v["ci95_noise"] as? [Double]), ci = try #require(kpis[k]?["ci95"] as? [Double])
      #expect(noise == ci, "\(k): the noise interval is the run's interval")
    }
    let wait = try #require(u["desk_wait_mean"])
    let noise = try #require(wait["ci95_noise"] as? [Double]), total = try #require(wait["ci95_total"] as? [Double])
    #expect(total[1] - total[0] >= noise[1] - noise[0], "\(total) against \(noise)")
    let most = try #require(wait["depends_most"] as? [[String: Any]])
    #expect(most.first?["param"] as? String == "demand[0].annual_volume", "\(most)")
    #expect(!most.contains { $0["param"] as? String == "procedures[any].steps[0].work" }, "\(most)")
    // The back office's work time alone: the desk wait's interval does not move at all.
    let alone = try uncertainRun([work], dir: dir)
    let a = try #require(((alone["uncertainty"] as? [String: Any])?["kpis"] as? [String: [String: Any]])?["desk_wait_mean"])
    #expect(a["ci95_total"] as? [Double] == a["ci95_noise"] as? [Double], "\(a)")
    #expect((a["depends_most"] as? [Any])?.isEmpty == true)
  }

  /// The report of such a run: both intervals on the headline cards, and the sentence
  /// naming what each headline indicator depends on most, in Vietnamese and English.
  @Test func theReportShowsBothIntervalsAndTheSentence() throws {
    let dir = temporaryDirectory("run-unc-report")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try uncertainRun(["demand[0].annual_volume=3600000..4000000"], dir: dir)
    for (lang, total, sentence) in [
      ("en", "with parameter uncertainty: ", "The mean desk wait depends most on: demand[0].annual_volume ("),
      ("vi", "kể cả độ bất định của tham số: ", "Thời gian chờ trung bình tại quầy phụ thuộc nhiều nhất vào: demand[0]"),
    ] {
      let html = (dir as NSString).appendingPathComponent("r-\(lang).html")
      let (status, _, err) = try cli.onestop(["report", dir, "--lang", lang, "--out", html])
      #expect(status == 0, "\(err)")
      let page = try String(contentsOfFile: html, encoding: .utf8)
      #expect(page.components(separatedBy: "<div class=\"ci total\">\(total)").count == 6, "five cards with both")
      #expect(page.contains(sentence), "\(lang)")
    }
  }
}
