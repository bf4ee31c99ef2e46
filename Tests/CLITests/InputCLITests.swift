import Foundation
import Testing
import TestSupport

/// The reproducers of issue 29 that need the binary (the check, calibrate, the options):
/// each gets a clean error, named after the file and the field, or a correct answer.
@Suite(.serialized) struct InputCLITests {
  static let mmc = OutputTests.mmc
  static let short = ["--set", "end=2022-01-05"]

  func onestop(_ arguments: [String], in directory: URL) throws -> (Int32, String, String) {
    try CLITests().onestop(arguments, in: directory)
  }

  func tempDir(_ name: String) throws -> URL { try OutputTests().tempDir(name) }

  /// M/M/8 at rho = 0.9 with 7 desks is unstable: the mean desk wait goes from 0.9 minutes to
  /// over a hundred. With 3 replications Welch's test alone missed it (p = 0.009 > 0.001);
  /// the gross-change rule catches it, and an unchanged model still passes.
  @Test func aHundredfoldChangeFailsAgainstThreeReplications() throws {
    let dir = try tempDir("gross")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (wrote, _, warning) = try onestop(
      ["check", Self.mmc] + Self.short + ["--update", "--baseline", "b.json", "--replications", "3"], in: dir)
    #expect(wrote == 0)
    #expect(warning.contains("warning: b.json: 3 replications cannot detect a change of half of"), "\(warning)")
    #expect(warning.contains("Gross changes (10x) are still caught."))
    #expect(try onestop(["check", Self.mmc] + Self.short + ["--baseline", "b.json"], in: dir).0 == 0)
    let (status, out, _) = try onestop(
      ["check", Self.mmc] + Self.short + [
        "--baseline", "b.json",
        "--set", "units[desk-hall].desks[desks].count=7",
      ], in: dir)
    #expect(status == 1, "\(out)")
    #expect(out.contains("desk_wait_mean: 0.") && out.contains("a gross change: beyond 10x"), "\(out)")
  }

  /// Baselines that claim what no run writes: values of 1e308 (the message once trapped while
  /// printing them), 2,000 replications (check ran them all).
  @Test func aForgedBaselineIsRefusedByField() throws {
    let dir = try tempDir("forged-baseline")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(
      try onestop(
        ["check", Self.mmc] + Self.short + ["--update", "--baseline", "b.json", "--replications", "2"], in: dir
      ).0 == 0)
    let good = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("b.json"))) as? [String: Any])
    func variant(_ name: String, replications: Int, value: Double) throws {
      var o = good
      o["replications"] = replications
      o["kpis"] = (o["kpis"] as! [[String: Any]]).map { k in
        var k = k; k["replications"] = Array(repeating: value, count: replications); return k
      }
      try JSONSerialization.data(withJSONObject: o).write(to: dir.appendingPathComponent(name))
    }
    try variant("huge.json", replications: 3, value: 1.7e308)
    try variant("many.json", replications: 2_000, value: 0)
    let expected = [
      (
        "huge.json", "huge.json: KPI received: replications[0] is 1.7e+308, not a KPI value (at most 1e15 in magnitude)"
      ),
      ("many.json", "many.json: replications is 2000; a baseline holds at most 200 (check re-runs every one)"),
    ]
    for (file, message) in expected {
      let (status, out, err) = try onestop(["check", Self.mmc] + Self.short + ["--baseline", file], in: dir)
      #expect(status == 2 && err == message + "\n", "\(out)\(err)")
    }
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("link.json").path, withDestinationPath: "/etc/passwd")
    let (status, _, err) = try onestop(["check", Self.mmc, "--baseline", "link.json"], in: dir)
    #expect(status == 2 && err == "link.json: a link to a file that is not a .json file\n", "\(err)")
  }

  @Test func targetFiguresAndSearchSizesAreBounded() throws {
    let dir = try tempDir("targets")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.yaml").path
    try """
    scenario: \(Self.mmc)
    targets:
      - {kpi: desk_wait_mean, value: 1e308, tolerance: 1e308, source: "x"}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let (status, _, err) = try onestop(["calibrate", path, "--replications", "2"], in: dir)
    #expect(status == 2)
    #expect(
      err
        == """
        \(path):3:34: targets[0].value: expected the report's figure in [-1000000000000, 1000000000000], found \
        1e+308\n
        """,
      "\(err)")
    let (screen, _, screenErr) = try onestop(["calibrate", path, "--screen", "1000000000"], in: dir)
    #expect(
      screen == 2 && screenErr.hasPrefix("Error: --screen must be from 1 to 10000 points, got 1000000000."),
      "\(screenErr)")
  }

  /// A negative number reads as a value with its own message, not as a missing value.
  @Test func negativeAndEmptyOptionValuesGetTheirOwnMessage() throws {
    let dir = try tempDir("options")
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [([String], String)] = [
      (
        ["run", Self.mmc, "--seed", "-1"],
        """
        Error: The value '-1' is invalid for '--seed <seed>': a seed cannot be negative; give a whole number from 0 \
        to 2^53 - 1
        """
      ),
      (
        ["run", Self.mmc, "--seed", ""],
        "Error: The value '' is invalid for '--seed <seed>': empty; a seed is a whole number from 0 to 2^53 - 1"
      ),
      (["run", Self.mmc, "--replications", "-2"], "Error: --replications must be at least 1, got -2."),
      (["run", Self.mmc, "--replications", "20000"], "Error: --replications must be at most 10000, got 20000."),
      (["run", Self.mmc, "--threads", "-1"], "Error: --threads must be at least 1, got -1."),
      (
        ["run", Self.mmc, "--warmup", "-5d"],
        "Error: --warmup cannot be negative, got '-5d'; give a date (YYYY-MM-DD) or a number of days (e.g. 30d)."
      ),
      (["sweep", "run", ".", "--chunk", "-3"], "Error: --chunk must be 0 or more, got -3."),
    ]
    for (arguments, message) in cases {
      let (status, _, err) = try onestop(arguments, in: dir)
      #expect(status == 2 && err.hasPrefix(message), "\(arguments): \(err)")
    }
    // Every command with --seed says what a seed is, never "Missing value".
    for command in [["compare", Self.mmc], ["check", Self.mmc], ["staff", Self.mmc], ["sensitivity", Self.mmc]] {
      let (status, _, err) = try onestop(command + ["--seed", "-1"], in: dir)
      #expect(status == 2 && err.contains("a seed cannot be negative"), "\(command): \(err)")
    }
    let sets = (0...1_000).flatMap { ["--set", "description=x\($0)"] }
    let (status, _, err) = try onestop(["validate", Self.mmc] + sets, in: dir)
    #expect(
      status == 2
        && err == "Error: 1001 --set options; at most 1000 (put larger changes in a variant file with extends:)\n",
      "\(err)")
    let (twice, _, twiceErr) = try onestop(["validate", Self.mmc, "--set", "seed=1", "--set", "seed=2"], in: dir)
    #expect(twice == 2 && twiceErr == "--set: seed: set more than once; give each key once\n", "\(twiceErr)")
  }

  /// Mutated baselines through `check`: each is checked or refused, never a crash or a hang.
  @Test func mutatedBaselinesAreCheckedOrRefused() throws {
    let dir = try tempDir("fuzz-baseline")
    defer { try? FileManager.default.removeItem(at: dir) }
    let oneDay = ["--set", "end=2022-01-05", "--threads", "1"]
    #expect(
      try onestop(["check", Self.mmc] + oneDay + ["--update", "--baseline", "b.json", "--replications", "2"], in: dir).0
        == 0)
    let original = try String(contentsOf: dir.appendingPathComponent("b.json"), encoding: .utf8)
    var rng = SplitMixGenerator(seed: 32)
    for k in 0..<12 {
      let name = "m\(k).json"
      try ScenarioMutations.mutate(original, &rng).write(
        to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
      let (status, out, err) = try onestop(["check", Self.mmc] + oneDay + ["--baseline", name], in: dir)
      #expect([0, 1, 2].contains(status), "\(name): \(status)\n\(out)\(err)")
      #expect(!err.contains("Fatal error"), "\(err)")
    }
  }
}

extension InputCLITests {
  /// A bad value in `unit_defaults` is reported once, at the key path and line where it
  /// is written, not once per unit that inherits it under a path the file does not have.
  @Test func aBadUnitDefaultIsReportedOnceWhereItIsWritten() throws {
    let dir = try tempDir("unit-defaults")
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try String(
      contentsOf: CLITests.root.appendingPathComponent("scenarios/tuyen-quang-2022.yaml"), encoding: .utf8)
    let lines = text.components(separatedBy: "\n")
    let at = try #require(lines.firstIndex { $0 == "    online_intake_officers: 1" }, "the district default")
    var bad = lines
    bad[at] = "    online_intake_officers: abc"
    let path = dir.appendingPathComponent("bad.yaml").path
    try bad.joined(separator: "\n").replacingOccurrences(of: "unit_table: data/", with: "unit_table: ../data/")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let (status, _, err) = try onestop(["validate", path], in: CLITests.root)
    #expect(status == 2)
    let problems = err.split(separator: "\n").filter { $0.contains("online_intake_officers") }
    let once = "\(path):\(at + 1):29: unit_defaults.district.online_intake_officers: expected a number of officers"
    #expect(problems == ["\(once), found 'abc'"], "\(err)")
  }
}
