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
    #expect(
      yaml.contains("uncertainty:\n  - key: \"procedures[any].intake_time.exponential\"\n    range: \""), "\(yaml)")
    #expect(yaml.contains("    fitted: true"), "\(yaml)")
    // The fitted value lies in its range.
    let value =
      try #require(yaml.split(separator: "\n").first { $0.contains("exponential: ") })
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
    let a = try #require(
      ((alone["uncertainty"] as? [String: Any])?["kpis"] as? [String: [String: Any]])?["desk_wait_mean"])
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
      ("en", "with parameter uncertainty: ", "The mean desk wait depends most on: Dossiers a year ("),
      (
        "vi", "kể cả độ bất định của tham số: ",
        "Thời gian chờ trung bình tại quầy phụ thuộc nhiều nhất vào: Số hồ sơ mỗi năm"
      ),
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

extension UncertaintyCLITests {
  /// compare --uncertainty on the M/M/c queue, 8 desks against 10, with the volume within
  /// ±5 % (utilisation 0.86 to 0.95 with 8 desks, at most 0.76 with 10): ten desks wait less
  /// in every parameter set, so B is better in 100 % of them; the noise interval is the
  /// paired one, the total at least as wide. Without --uncertainty compare.json is as before.
  @Test func compareSaysHowOftenBIsBetter() throws {
    let dir = temporaryDirectory("cmp-unc")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let a = (dir as NSString).appendingPathComponent("a.yaml"), b = (dir as NSString).appendingPathComponent("b.yaml")
    try "extends: \(CLITests.root.appendingPathComponent("scenarios/mmc.yaml").path)\nend: 2022-01-05\n".write(
      toFile: a, atomically: true, encoding: .utf8)
    try "extends: a.yaml\nunits: [{id: desk-hall, desks: [{id: desks, count: 10}]}]\n".write(
      toFile: b, atomically: true, encoding: .utf8)
    let plain = (dir as NSString).appendingPathComponent("plain"), unc = (dir as NSString).appendingPathComponent("unc")
    let args = ["compare", a, b, "--replications", "3"]
    let (s0, _, e0) = try cli.onestop(args + ["--out", plain])
    #expect(s0 == 0, "\(e0)")
    let (s1, out, e1) = try cli.onestop(
      args + [
        "--uncertainty", "6", "--param", "demand[0].annual_volume=3600000..3960000", "--param",
        "units[desk-hall].desks[desks].count=8..10", "--out", unc,
      ])
    #expect(s1 == 0, "\(e1)")
    #expect(out.contains("Parameter uncertainty: 6 sets of 1 parameter"), "\(out)")
    // A set's desks would undo B's change: that parameter is left out, and said so.
    #expect(out.contains("left out, B changes them: units[desk-hall].desks[desks].count"), "\(out)")
    let plainText = try String(
      contentsOfFile: (plain as NSString).appendingPathComponent("compare.json"), encoding: .utf8)
    #expect(!plainText.contains("ci95_noise") && !plainText.contains("\"uncertainty\""))
    let data = try Data(contentsOf: URL(fileURLWithPath: (unc as NSString).appendingPathComponent("compare.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      (json["uncertainty"] as? [String: Any])?["left_out"] as? [String] == ["units[desk-hall].desks[desks].count"])
    let diffs = try #require(json["differences"] as? [[String: Any]])
    let wait = try #require(diffs.first { $0["kpi"] as? String == "desk_wait_mean" })
    #expect(wait["better"] as? String == "lower")
    #expect(wait["share_b_better"] as? Double == 1, "\(wait)")
    let d = try #require(wait["difference"] as? Double), h = try #require(wait["half_width"] as? Double)
    let noise = try #require(wait["ci95_noise"] as? [Double])
    #expect(abs(noise[0] - (d - h)) < 1e-12 && abs(noise[1] - (d + h)) < 1e-12, "the paired interval, \(noise)")
    let total = try #require(wait["ci95_total"] as? [Double])
    #expect(total[1] - total[0] >= 2 * h, "\(total) against ±\(h)")
    #expect(diffs.first { $0["kpi"] as? String == "received" }?["better"] == nil, "a volume has no better way")
    let (r, _, re) = try cli.onestop([
      "report", unc, "--lang", "en", "--out", (dir as NSString).appendingPathComponent("c.html"),
    ])
    #expect(r == 0, "\(re)")
    let page = try String(contentsOfFile: (dir as NSString).appendingPathComponent("c.html"), encoding: .utf8)
    #expect(page.contains("The mean desk wait: B is better than A in 100 % of the plausible parameter sets."))
  }
}

extension UncertaintyCLITests {
  /// A study written as a sweep (--design-only), run with `sweep plan/run/merge` and read
  /// back (--from-sweep) gives the same indices as the study run in one process, byte for
  /// byte; a sweep of other replications is refused.
  @Test func aDesignRunAsASweepGivesTheSameIndices() throws {
    let dir = temporaryDirectory("sens-sweep")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func path(_ p: String) -> String { (dir as NSString).appendingPathComponent(p) }
    let study = [
      "sensitivity", "scenarios/mmc.yaml", "--kpi", "desk_wait_mean", "--kpi", "desk_wait_p90", "--set",
      "end=2022-01-05", "--replications", "2", "--param", "demand[0].annual_volume=3400000..3800000", "--param",
      "procedures[any].intake_time.exponential=0.9..1", "--param", "units[desk-hall].desks[desks].count=8..10",
      "--trajectories", "3", "--resamples", "100",
    ]
    let (s0, _, e0) = try cli.onestop(study + ["--out", path("local")])
    #expect(s0 == 0, "\(e0)")
    let (s1, out1, e1) = try cli.onestop(study + ["--out", path("design"), "--design-only"])
    #expect(s1 == 0 && out1.contains("10 points of 3 parameters"), "\(out1)\(e1)")
    let sweep = try String(contentsOfFile: path("design/sweep.yaml"), encoding: .utf8)
    #expect(sweep.contains("design: list\n") && sweep.contains("seeds: common\n"), "\(sweep)")
    for args in [
      ["plan", path("design/sweep.yaml"), "--out", path("runs")], ["run", path("runs")], ["merge", path("runs")],
    ] {
      let (s, o, e) = try cli.onestop(["sweep"] + args)
      #expect(s == 0, "\(o)\(e)")
    }
    let (s2, out2, e2) = try cli.onestop(study + ["--out", path("back"), "--from-sweep", path("runs")])
    #expect(s2 == 0 && out2.contains("0 replications run"), "\(out2)\(e2)")
    let local = try String(contentsOfFile: path("local/sensitivity.csv"), encoding: .utf8)
    let back = try String(contentsOfFile: path("back/sensitivity.csv"), encoding: .utf8)
    #expect(back == local, "the sweep's indices are the local study's")
    let other = study.map { $0 == "2" ? "3" : $0 }
    let (s3, _, e3) = try cli.onestop(other + ["--from-sweep", path("runs")])
    #expect(s3 == 2 && e3.contains("not this study's sweep (it runs 2 replications, not 3)"), "\(e3)")
    let (s4, _, e4) = try cli.onestop(study + ["--sobol", "8", "--design-only", "--out", path("x")])
    #expect(s4 != 0 && e4.contains("a sweep holds one stage"), "\(e4)")
  }
}
