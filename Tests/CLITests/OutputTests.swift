import DESKernel
import Foundation
import OneStopModel
#if canImport(FoundationXML)
import FoundationXML
#endif
import OneStopIO
import Testing

/// Outputs other tools read exactly, checks that refuse what they cannot test, and the
/// command line's promises (exit status, suggestions, help that does not wrap).
@Suite(.serialized) struct OutputTests {
  let cli = CLITests()

  func tempDir(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Runs onestop in `directory` (for relative paths), with the repository's scenarios.
  func onestop(_ arguments: [String], in directory: URL) throws -> (Int32, String, String) {
    try CLITests().onestop(arguments, in: directory)
  }

  static let mmc = CLITests.root.appendingPathComponent("scenarios/mmc.yaml").path
  static let short = ["--set", "end=2022-01-05"]

  // MARK: - check

  @Test func checkRefusesABaselineItCannotTestAgainst() throws {
    let dir = try tempDir("check-bad")
    defer { try? FileManager.default.removeItem(at: dir) }
    // --update with a bare file name writes into the current directory.
    let (wrote, out, err) = try onestop(
      ["check", Self.mmc] + Self.short + ["--update", "--baseline", "base.json", "--replications", "3"], in: dir)
    #expect(wrote == 0, "\(err)")
    #expect(out.contains("wrote base.json: 3 replications"))
    let (ok, _, _) = try onestop(["check", Self.mmc] + Self.short + ["--baseline", "base.json"], in: dir)
    #expect(ok == 0)
    let good = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("base.json")))
        as? [String: Any])
    func variant(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
      var o = good
      edit(&o)
      try JSONSerialization.data(withJSONObject: o).write(to: dir.appendingPathComponent(name))
      return name
    }
    let cases: [(String, String)] = [
      (try variant("none.json") { $0["kpis"] = [Any]() }, "no KPIs: there is nothing to check against"),
      (
        try variant("negative.json") { $0["replications"] = -1 },
        "replications is -1; a baseline needs a positive count"
      ),
      (try variant("zero.json") { $0["replications"] = 0 }, "replications is 0"),
      (
        try variant("one.json") { o in
          o["replications"] = 1
          o["kpis"] = (o["kpis"] as! [[String: Any]]).map { k in
            var k = k; k["replications"] = Array((k["replications"] as! [Any]).prefix(1)); return k
          }
        }, "1 replication: a change cannot be tested against one value per KPI"
      ),
      (
        try variant("short.json") { o in
          o["kpis"] = (o["kpis"] as! [[String: Any]]).map { k in
            var k = k; k["replications"] = Array((k["replications"] as! [Any]).prefix(2)); return k
          }
        }, "KPI received has 2 values for 3 replications"
      ),
    ]
    for (file, message) in cases {
      let (status, out, err) = try onestop(["check", Self.mmc] + Self.short + ["--baseline", file], in: dir)
      #expect(status == 2, "\(file): \(out)")
      #expect(err.contains("\(file): \(message)"), "\(file): \(err)")
      #expect(!err.contains("Fatal error"))
    }
    // One replication in the new run cannot be tested either.
    let (one, _, oneErr) = try onestop(
      ["check", Self.mmc] + Self.short + ["--baseline", "base.json", "--replications", "1"], in: dir)
    #expect(one == 2)
    #expect(oneErr.contains("--replications must be at least 2 to test a change"))
  }

  @Test func checkWritesJUnitAndJSONNamingTheKPIThatMoved() throws {
    let dir = try tempDir("check-junit")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(
      try onestop(
        ["check", Self.mmc] + Self.short + ["--update", "--baseline", "base.json", "--replications", "4"], in: dir
      ).0 == 0)
    let (status, out, _) = try onestop(
      ["check", Self.mmc] + Self.short + [
        "--set", "units[desk-hall].desks[desks].count=9",
        "--baseline", "base.json", "--junit", "check.xml", "--json", "-",
      ], in: dir)
    #expect(status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    #expect(json["ok"] as? Bool == false)
    let kpis = try #require(json["kpis"] as? [[String: Any]])
    let moved = kpis.filter { $0["status"] as? String == "moved" }.compactMap { $0["name"] as? String }
    #expect(moved.contains("desk_utilisation"), "\(moved)")
    let xml = try String(contentsOf: dir.appendingPathComponent("check.xml"), encoding: .utf8)
    #expect(
      xml.hasPrefix(
        """
          <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"onestop check\" tests=\"\(kpis.count)\" \
          failures=\"\(moved.count)\"
          """
      ))
    #expect(
      xml.contains(
        """
          <testcase classname=\"onestop.check.mmc\" name=\"desk_utilisation\" time=\"0\">\n      <failure \
          message=\"desk_utilisation: 
          """
      ))
    #expect(xml.contains("<testcase classname=\"onestop.check.mmc\" name=\"received\" time=\"0\"/>"))
    let parser = XMLParser(data: Data(xml.utf8))
    #expect(parser.parse(), "check.xml is not well-formed XML")
  }

  // MARK: - files

  @Test func replicationsCsvMeansEqualSummaryJson() throws {
    let dir = try tempDir("run-files")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, _, err) = try cli.onestop([
      "run", "scenarios/bac-kan-2021.yaml", "--replications", "3", "--set", "end=2021-01-20",
      "--out", dir.path, "--quiet",
    ])
    #expect(status == 0, "\(err)")
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        as? [String: Any])
    let kpis = try #require(summary["kpis"] as? [String: [String: Any]])
    let units = try #require(summary["units_of_kpis"] as? [String: String])
    let lines = try String(contentsOf: dir.appendingPathComponent("replications.csv"), encoding: .utf8).split(
      separator: "\n")
    #expect(lines.first == "replication,kpi,unit,value")
    var values: [String: [Double]] = [:]
    for line in lines.dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(f.count == 4)
      #expect(units[f[1]] == f[2], "\(line)")
      values[f[1], default: []].append(Double(f[3]) ?? .nan)
    }
    #expect(Set(values.keys) == Set(kpis.keys))
    for (name, v) in values {
      #expect(v.count == 3, "\(name)")
      let mean = v.reduce(0, +) / 3
      let reported = try #require(kpis[name]?["mean"] as? Double)
      // The CSV rounds each value to what its unit carries (KPIUnit.csvDecimals): the mean
      // of the rounded values is within half that step of summary.json's full-precision mean.
      let unit = try #require(KPIUnit(rawValue: units[name] ?? ""))
      let step = pow(10, -Double(unit.csvDecimals))
      #expect(
        abs(mean - reported) <= step / 2 + 1e-9 * max(1, abs(reported)),
        "\(name): replications.csv mean \(mean), summary.json \(reported)")
      let ci = try #require(kpis[name]?["ci95"] as? [Double])
      #expect(ci[0] >= 0 && ci[0] <= reported && reported <= ci[1], "\(name): \(ci)")
    }
    // units.csv: every interval bound present, none negative, low <= mean <= high.
    let unitLines = try String(contentsOf: dir.appendingPathComponent("units.csv"), encoding: .utf8).split(
      separator: "\n")
    let header = unitLines[0].split(separator: ",").map(String.init)
    for line in unitLines.dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(f.count == header.count)
      for (k, name) in header.enumerated() where name.hasSuffix("_ci95_low") {
        let low = Double(f[k])!, mean = Double(f[k - 1])!, high = Double(f[k + 1])!
        #expect(low >= 0 && low <= mean && mean <= high, "\(name) in \(line)")
      }
    }
    // hours.csv: hours without tickets (nights) have empty cells, not zeros.
    let hours = try String(contentsOf: dir.appendingPathComponent("hours.csv"), encoding: .utf8).split(separator: "\n")
    #expect(hours.count == 25)
    let night = hours[3].split(separator: ",", omittingEmptySubsequences: false)
    #expect(night == ["2", "0", "", "", "", "", "", ""], "\(hours[3])")
    let morning = hours[10].split(separator: ",", omittingEmptySubsequences: false)
    #expect(morning.allSatisfy { Double($0) != nil }, "\(hours[10])")
    // One number format: a KPI's mean has the same text in summary.json and replications.csv's source.
    let text = try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(!text.contains("e+"), "no exponent for ordinary values")
  }

  @Test func everyPrintedSeedReproducesItsRun() throws {
    for seed in ["0", "2022", "9007199254740991"] {
      let args = [
        "run", "scenarios/mmc.yaml", "--replications", "2", "--set", "end=2022-01-05", "--json", "-", "--quiet",
      ]
      let (status, out, err) = try cli.onestop(args + ["--seed", seed])
      #expect(status == 0, "\(err)")
      let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
      let printed = try #require(json["seed"] as? NSNumber)
      #expect(printed.stringValue == seed)
      // The seed as printed (text and JSON) runs the same replications.
      let (again, out2, _) = try cli.onestop(args + ["--seed", printed.stringValue])
      #expect(again == 0)
      #expect(out2 == out)
      let (_, text, _) = try cli.onestop([
        "run", "scenarios/mmc.yaml", "--replications", "2", "--set", "end=2022-01-05", "--quiet", "--seed", seed,
      ])
      #expect(text.contains(", seed \(seed), "))
    }
    // Seeds a JSON reader would round are refused, from the command line and from a file.
    let (big, _, err) = try cli.onestop(["run", "scenarios/mmc.yaml", "--seed", "9007199254740992"])
    #expect(big == 2)
    #expect(err.contains("--seed must be from 0 to 9007199254740991"))
    let (file, _, fileErr) = try cli.onestop([
      "run", "scenarios/mmc.yaml", "--set", "seed=18446744073709551615", "--quiet",
    ])
    #expect(file == 2)
    #expect(!fileErr.isEmpty && !fileErr.contains("Fatal error"))
  }

  @Test func csvBomAndQuoting() throws {
    let dir = try tempDir("run-bom")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, _, _) = try cli.onestop([
      "run", "scenarios/mmc.yaml", "--replications", "2", "--set", "end=2022-01-05", "--out", dir.path,
      "--trace", dir.appendingPathComponent("trace.csv").path, "--csv-bom", "--quiet",
    ])
    #expect(status == 0)
    for name in ["units.csv", "hours.csv", "levels.csv", "months.csv", "agencies.csv", "replications.csv", "trace.csv"]
    {
      let data = try Data(contentsOf: dir.appendingPathComponent(name))
      #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "\(name)")
    }
    let summary = try Data(contentsOf: dir.appendingPathComponent("summary.json"))
    #expect(summary.first == UInt8(ascii: "{"), "JSON never gets a byte-order mark")
    // RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
    #expect(JSONText.csvField("plain") == "plain")
    #expect(JSONText.csvField("a,b") == "\"a,b\"")
    #expect(JSONText.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(JSONText.csvField("line\nbreak") == "\"line\nbreak\"")
    #expect(JSONText.csvField("carriage\rreturn") == "\"carriage\rreturn\"")
    #expect(JSONText.csvField("crlf\r\n") == "\"crlf\r\n\"")
    #expect(JSONText.csvField("Phòng Tư pháp") == "Phòng Tư pháp")
    #expect(JSONText.number(180150) == "180150")
    #expect(JSONText.number(0.1 + 0.2) == "0.30000000000000004")
    #expect(Double(JSONText.number(93.06234567891234)) == 93.06234567891234)
    #expect(JSONText.csvNumber(.nan) == "")
  }

  // MARK: - command line

  @Test func usageErrorsExitWithTheDocumentedStatusAndSuggest() throws {
    let (help, text, _) = try cli.onestop(["--help"])
    #expect(help == 0)
    #expect(text.contains("2 bad input") && text.contains("usage error"))
    #expect(text.contains("--generate-completion-script"))
    var (status, _, err) = try cli.onestop([
      "run", "scenarios/mmc.yaml", "--replications", "auto", "--precision", "desk_wiat_mean=1%",
    ])
    #expect(status == 2)
    #expect(err.contains("unknown KPI 'desk_wiat_mean'; did you mean 'desk_wait_mean'?"), "\(err)")
    (status, _, err) = try cli.onestop(["check", "scenarios/mmc.yaml", "--alpha", "2"])
    #expect(status == 2)
    #expect(err.contains("--alpha must lie strictly between 0 and 1, got 2.0."))
    (status, _, err) = try cli.onestop(["run", "scenarios/mmc.yaml", "--no-such-option"])
    #expect(status == 2)
    (status, _, err) = try cli.onestop(["run", "scenarios/bac-kan-2021.yaml", "--warmup", "2020-01-01", "--quiet"])
    #expect(status == 2)
    #expect(err.hasPrefix("--warmup 2020-01-01: "), "\(err)")
    #expect(!err.contains("--set"), "\(err)")
  }

  @Test func compareAndCheckAcceptReplicationsAuto() throws {
    let (status, out, err) = try cli.onestop([
      "compare", "scenarios/mmc.yaml", "scenarios/mmc.yaml",
      "--replications", "auto", "--precision", "desk_wait_mean=50%", "--max-replications", "6",
    ])
    #expect(status == 0, "\(err)")
    #expect(err.contains("precision: A: desk_wait_mean") && err.contains("precision: B: desk_wait_mean"), "\(err)")
    #expect(out.contains("5 replications each"), "\(out)")
    let dir = try tempDir("check-auto")
    defer { try? FileManager.default.removeItem(at: dir) }
    let (u, uOut, uErr) = try onestop(
      ["check", Self.mmc] + Self.short + [
        "--update", "--baseline", "b.json", "--replications", "auto",
        "--precision", "desk_wait_mean=50%",
      ], in: dir)
    #expect(u == 0, "\(uErr)")
    #expect(uOut.contains("wrote b.json: 5 replications"))
    let (c, cOut, cErr) = try onestop(
      ["check", Self.mmc] + Self.short + [
        "--baseline", "b.json", "--replications", "auto",
        "--precision", "desk_wait_mean=50%",
      ], in: dir)
    #expect(c == 0, "\(cOut) \(cErr)")
  }

  @Test func helpExamplesNeverWrapMidCommand() throws {
    let pages = [
      [], ["run"], ["validate"], ["compare"], ["check"], ["sweep"], ["sweep", "plan"], ["sweep", "run"],
      ["sweep", "missing"],
      ["sweep", "merge"], ["bench"], ["bench", "mmc"], ["bench", "province"], ["bench", "sweep"],
    ]
    for page in pages {
      let (status, out, _) = try cli.onestop(page + ["--help"])
      #expect(status == 0)
      let lines = out.components(separatedBy: "\n")
      for (i, line) in lines.enumerated()
      where line.hasPrefix("  onestop ") || line.hasPrefix("  sbatch ") || line.hasPrefix("  # ") {
        #expect(line.count <= 80, "\(page): \(line)")
        guard i + 1 < lines.count else { continue }
        let next = lines[i + 1]
        if line.hasSuffix("\\") {
          #expect(next.hasPrefix("    "), "\(page): continuation of '\(line)' is '\(next)'")
        } else {
          #expect(next.isEmpty || next.hasPrefix("  "), "\(page): '\(line)' wraps into '\(next)'")
        }
      }
    }
    let (_, province, _) = try cli.onestop(["bench", "province", "--help"])
    #expect(!province.contains("178173.0"))
    let (_, run, _) = try cli.onestop([
      "run", "scenarios/mmc.yaml", "--replications", "1", "--set", "end=2022-01-05", "--quiet",
    ])
    #expect(run.contains("1 unit on 1 level, 1 replication, seed"))
    #expect(
      run.contains("behaviour.guidance_time = {lognormal: {mean: 6m, cv: 0.5}}"),
      "priors without float noise, as --set takes them")
    #expect(!run.contains("00000000"))
  }

  // MARK: - CPUs

  @Test func cpuCountFollowsAffinityAndCgroupQuota() throws {
    #expect(AvailableCPUs.cpuListCount("0-3,8,10-11") == 7)
    #expect(AvailableCPUs.cpuListCount("0") == 1)
    #expect(AvailableCPUs.cpuListCount("x") == nil)
    let dir = try tempDir("cgroup")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    try fm.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    try "0::/a/b\n".write(to: dir.appendingPathComponent("self"), atomically: true, encoding: .utf8)
    try "max 100000\n".write(to: dir.appendingPathComponent("a/b/cpu.max"), atomically: true, encoding: .utf8)
    #expect(AvailableCPUs.quotaCPUs(root: dir.path, selfCgroup: dir.appendingPathComponent("self").path) == nil)
    try "150000 100000\n".write(to: dir.appendingPathComponent("a/cpu.max"), atomically: true, encoding: .utf8)
    #expect(AvailableCPUs.quotaCPUs(root: dir.path, selfCgroup: dir.appendingPathComponent("self").path) == 2)
    try "50000 100000\n".write(to: dir.appendingPathComponent("a/b/cpu.max"), atomically: true, encoding: .utf8)
    #expect(AvailableCPUs.quotaCPUs(root: dir.path, selfCgroup: dir.appendingPathComponent("self").path) == 1)
    // cgroup v1.
    let v1 = try tempDir("cgroup-v1")
    defer { try? FileManager.default.removeItem(at: v1) }
    try fm.createDirectory(at: v1.appendingPathComponent("cpu"), withIntermediateDirectories: true)
    try "300000\n".write(to: v1.appendingPathComponent("cpu/cpu.cfs_quota_us"), atomically: true, encoding: .utf8)
    try "100000\n".write(to: v1.appendingPathComponent("cpu/cpu.cfs_period_us"), atomically: true, encoding: .utf8)
    #expect(AvailableCPUs.quotaCPUs(root: v1.path, selfCgroup: "/nonexistent") == 3)
    // This process: never more than the machine, at least 1, at most the affinity mask.
    let count = AvailableCPUs.count
    #expect(count >= 1 && count <= ProcessInfo.processInfo.processorCount)
    if let a = AvailableCPUs.affinityCount() { #expect(count <= a) }
  }
}

/// The README's first command on a fresh machine: it must update the apt lists before
/// installing (the static half of scripts/check-readme-setup.sh; `--simulate` runs it on
/// empty lists and is kept out of the suite because it downloads them).
@Suite struct ReadmeSetupTests {
  func check(_ readme: URL?) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = [CLITests.root.appendingPathComponent("scripts/check-readme-setup.sh").path]
    var env = ProcessInfo.processInfo.environment
    if let readme { env["README"] = readme.path }
    p.environment = env
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, text)
  }

  @Test func readmeFirstCommandUpdatesTheAptListsFirst() throws {
    let (status, out) = try check(nil)
    #expect(status == 0, "\(out)")
    // Without `apt-get update` (the README as it was), the check fails.
    let old = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-readme-\(UUID().uuidString).md")
    defer { try? FileManager.default.removeItem(at: old) }
    let readme = try String(contentsOf: CLITests.root.appendingPathComponent("README.md"), encoding: .utf8)
    try readme.replacingOccurrences(of: "apt-get update && apt-get install", with: "apt-get install").write(
      to: old, atomically: true, encoding: .utf8)
    let (bad, badOut) = try check(old)
    #expect(bad == 1)
    #expect(badOut.contains("does not begin with 'apt-get update && '"), "\(badOut)")
  }
}
