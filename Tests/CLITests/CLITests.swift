import Foundation
import Testing

/// The built `onestop` binary, as a user runs it: help, errors, exit codes, outputs.
@Suite(.serialized) struct CLITests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs `onestop` with `arguments`; returns (exit status, stdout, stderr).
  /// Runs the built onestop with `arguments` in `directory` (default: the repository).
  func onestop(_ arguments: [String], in directory: URL? = nil) throws -> (Int32, String, String) {
    let candidates = [
      ".build/debug/onestop", ".build/x86_64-unknown-linux-gnu/debug/onestop", ".build/release/onestop",
    ]
    guard
      let binary = candidates.map({ Self.root.appendingPathComponent($0).path }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else {
      Issue.record("onestop is not built: run `swift build` first")
      return (-1, "", "")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = arguments
    p.currentDirectoryURL = directory ?? Self.root
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }

  /// `onestop report` writes the scenario's `report_language` unless `--lang` says, and
  /// refuses a directory without results.
  @Test func reportFollowsTheScenarioLanguage() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-report-cli-\(getpid())").path
    let (status, _, err) = try onestop([
      "run", "scenarios/mmc.yaml", "--set", "end=2022-01-05", "--set", "report_language=en",
      "--replications", "2", "--quiet", "--out", dir,
    ])
    #expect(status == 0, "\(err)")
    let (r1, _, _) = try onestop(["report", dir])
    #expect(r1 == 0)
    let english = try String(contentsOfFile: (dir as NSString).appendingPathComponent("report.html"), encoding: .utf8)
    #expect(english.contains("<html lang=\"en\">"))
    let (r2, _, _) = try onestop([
      "report", dir, "--lang", "vi", "--out", (dir as NSString).appendingPathComponent("vi.html"),
    ])
    #expect(r2 == 0)
    let vietnamese = try String(contentsOfFile: (dir as NSString).appendingPathComponent("vi.html"), encoding: .utf8)
    #expect(vietnamese.contains("<html lang=\"vi\">") && vietnamese.contains("Giải quyết đúng hạn"))
    let (bad, _, badErr) = try onestop(["report", FileManager.default.temporaryDirectory.path])
    #expect(bad == 2 && badErr.contains("no result here"), "\(badErr)")
  }

  /// `onestop staff`: a plan that meets the target, written as a variant that validates
  /// with the plan's desks; infeasible bounds and a misspelt KPI are clear errors (exit 2).
  @Test func staffWritesARunnablePlanAndRefusesWhatItCannotMeet() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-staff-cli-\(getpid())").path
    let base = ["staff", "scenarios/mmc.yaml", "--set", "end=2022-01-08", "--replications", "3"]
    let (status, out, err) = try onestop(
      base + [
        "--target", "desk_wait_mean<=0.5m",
        "--vary", "units[desk-hall].desks[desks].count=1..12", "--out", dir,
      ])
    #expect(status == 0, "\(out)\n\(err)")
    #expect(out.contains("A plan that meets every target with 95 % confidence"))
    let plan = (dir as NSString).appendingPathComponent("plan.yaml")
    let text = try String(contentsOfFile: plan, encoding: .utf8)
    let desks = try #require(
      text.split(separator: "\n").first { $0.contains("count:") }.flatMap {
        Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
      })
    #expect(desks >= 9)  // Erlang C: 8 desks wait 0.88 min on average at this load
    let (v, vout, _) = try onestop(["validate", plan])
    #expect(v == 0 && vout.contains("\(desks) desks"), "\(vout)")
    for file in ["changes.csv", "targets.csv", "tradeoff.csv", "evaluations.jsonl"] {
      #expect(FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(file)), "\(file)")
    }
    let (bad, _, badErr) = try onestop(
      base + ["--target", "desk_wait_mean<=0.5m", "--vary", "units[desk-hall].desks[desks].count=1..7"])
    #expect(bad == 2)
    #expect(
      badErr.contains("no plan within the bounds meets every target") && badErr.contains("desk_wait_mean<=0.5m"),
      "\(badErr)")
    let (typo, _, typoErr) = try onestop(base + ["--target", "desk_wiat_mean<=1"])
    #expect(typo == 2 && typoErr.contains("did you mean 'desk_wait_mean'"), "\(typoErr)")
  }

  @Test func helpTeachesTheCommands() throws {
    let (status, out, _) = try onestop(["--help"])
    #expect(status == 0)
    for word in ["run", "validate", "bench", "onestop run scenarios/tuyen-quang-2022.yaml"] {
      #expect(out.contains(word), "\(word)")
    }
    let (_, runHelp, _) = try onestop(["help", "run"])
    for word in ["--replications", "--seed", "--set", "--out", "--json", "key.path=value"] {
      #expect(runHelp.contains(word), "\(word)")
    }
  }

  @Test func validateReportsEveryProblemAndExitsWithStatus2() throws {
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-cli-bad.yaml")
    try """
    scenario: x\nstart: 2022-01-03\nend: 2022-02-01\nlevels: [a]\nfields: [f]\nunits:\n  - {id: u, level: b, \
    desks: [{id: d, count: -1}]}\nprocedures: []\n
    """
    .write(to: bad, atomically: true, encoding: .utf8)
    let (status, out, err) = try onestop(["validate", bad.path])
    #expect(status == 2)
    #expect(out.isEmpty)
    #expect(err.contains("\(bad.path):7:46: units[0].desks[0].count: expected a number of desks >= 0, found -1"))
    #expect(err.contains("units[0].level: unknown level 'b'; expected one of a"))
    #expect(!err.contains("Fatal error") && !err.contains("Backtrace"))
    let (okStatus, okOut, _) = try onestop(["validate", "scenarios/mmc.yaml", "scenarios/tuyen-quang-2022.yaml"])
    #expect(okStatus == 0)
    #expect(okOut.contains("scenarios/tuyen-quang-2022.yaml: ok (3 levels, 146 units"))
  }

  @Test func aMissingFileIsAClearError() throws {
    let (status, _, err) = try onestop(["run", "no-such-file.yaml"])
    #expect(status == 2)
    #expect(err.contains("no-such-file.yaml: cannot read the file (does it exist?)"))
  }

  @Test func runWritesTheSummaryWithTheDocumentedKPINames() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-cli-\(UUID().uuidString)")
    let (status, out, _) = try onestop([
      "run", "scenarios/mmc.yaml", "--replications", "2", "--set", "end=2022-01-06",
      "--out", dir.path, "--quiet",
    ])
    #expect(status == 0)
    #expect(out.contains("desk_wait_mean") && out.contains("Assumptions this answer rests on"))
    let data = try Data(contentsOf: dir.appendingPathComponent("summary.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let kpis = try #require(json["kpis"] as? [String: Any])
    for name in [
      "received", "resolved_on_time", "resolved_overdue", "in_progress_end", "on_time_rate_of_received",
      "on_time_rate_of_resolved", "desk_wait_mean", "desk_wait_p50", "desk_wait_p90", "desk_wait_p99",
    ] {
      #expect(kpis[name] != nil, "\(name)")
    }
    #expect(json["replications"] as? Int == 2)
    let units = try String(contentsOf: dir.appendingPathComponent("units.csv"), encoding: .utf8)
    #expect(units.hasPrefix("unit,name,level,parent,received,received_ci95_low,received_ci95_high,resolved_on_time,"))
    #expect(
      units.contains(
        """
        ,on_time_rate_of_received_pct,on_time_rate_of_received_pct_ci95_low,on_time_rate_of_received_pct_ci95_high,d\
        esk_wait_mean_min,
        """
      ))
    #expect(units.contains("\ndesk-hall,desk-hall,only,,"))
    let hours = try String(contentsOf: dir.appendingPathComponent("hours.csv"), encoding: .utf8)
    #expect(hours.split(separator: "\n").count == 25)
    let levels = try String(contentsOf: dir.appendingPathComponent("levels.csv"), encoding: .utf8)
    #expect(
      levels.hasPrefix(
        """
        level,received,resolved_on_time,resolved_overdue,in_progress_end,on_time_rate_of_received_pct,desk_wait_mean\
        _min,desk_wait_p50_min,desk_wait_p90_min,desk_wait_p99_min,served_same_day_pct,tickets\nonly,
        """
      ))
    let months = try String(contentsOf: dir.appendingPathComponent("months.csv"), encoding: .utf8)
    #expect(
      months.hasPrefix(
        """
        month,level,received_new,resolved_on_time,resolved_overdue,apologies,in_progress_end,online_in,online_share_\
        pct,desk_wait_mean_min,tickets,scope\n2022-01,only,
        """
      ))
    #expect(months.contains("\n2022-01,all,"))
    #expect((json["desk_waits_by_level"] as? [Any])?.count == 1)
    #expect((json["months"] as? [Any])?.count == 2)
    #expect(out.contains("desk_wait_p90 (all units pooled)") && out.contains("Desk waits by level"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("agencies.csv").path))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("summary.json.tmp").path))
    #expect((json["priors"] as? [Any])?.isEmpty == false)
    try? FileManager.default.removeItem(at: dir)
  }

  @Test func benchMmcPrintsItsNumbers() throws {
    let (status, out, _) = try onestop(["bench", "mmc", "--customers", "20000", "--json"])
    #expect(status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    for key in ["mean_wait", "p_wait", "customers", "events", "seconds", "events_per_second"] {
      #expect(json[key] != nil, "\(key)")
    }
    #expect(json["customers"] as? Int == 20000)
    let (bad, _, err) = try onestop(["bench", "mmc", "--servers", "0"])
    #expect(bad == 2, "usage errors exit 2, as the help says")
    #expect(err.contains("--servers must be at least 1, got 0."))
  }

  /// `mmc.yaml` through the command line: the JSON's 95 % interval for the mean desk wait,
  /// widened to 99.9 % with the ratio of Student-t quantiles (8 replications: t(0.9995, 7)
  /// = 5.408, t(0.975, 7) = 2.365), must contain Erlang C's 0.876916 min.
  @Test func mmcScenarioThroughTheCommandLineAgreesWithErlangC() throws {
    let (status, out, _) = try onestop(["run", "scenarios/mmc.yaml", "--replications", "8", "--json", "-", "--quiet"])
    #expect(status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let wait = try #require((json["kpis"] as? [String: Any])?["desk_wait_mean"] as? [String: Any])
    let mean = try #require(wait["mean"] as? Double)
    let ci = try #require(wait["ci95"] as? [Double])
    let half999 = (ci[1] - mean) * 5.408 / 2.365
    #expect(abs(mean - 0.876916) <= half999, "mean wait \(mean) ± \(half999) min")
    #expect(half999 < 0.25 * 0.876916)
    // The time-weighted averages: queue length Lq = lambda Wq = 7.2 x 0.876916 (Little's
    // law on Erlang C) and busy desks = lambda / mu = 7.2.
    for (name, expected) in [("desk_queue_length", 7.2 * 0.876916), ("busy_desk_staff", 7.2)] {
      let k = try #require((json["kpis"] as? [String: Any])?[name] as? [String: Any])
      let m = try #require(k["mean"] as? Double), c = try #require(k["ci95"] as? [Double])
      let h = (c[1] - m) * 5.408 / 2.365
      #expect(abs(m - expected) <= h, "\(name) \(m) ± \(h), expected \(expected)")
      #expect(h < 0.25 * expected)
    }
  }

  /// The committed baseline passes with its own seed and with another seed; removing one
  /// transport desk at the provincial centre is caught.
  @Test func checkPassesOnTheBaselineAndCatchesARemovedDesk() throws {
    let args = ["check", "scenarios/tuyen-quang-2022.yaml", "--baseline", "results/baseline/tuyen-quang-2022.json"]
    let (same, sameOut, _) = try onestop(args)
    #expect(same == 0, "\(sameOut)")
    let (other, otherOut, _) = try onestop(args + ["--seed", "7"])
    #expect(other == 0, "\(otherOut)")
    let (removed, out, _) = try onestop(args + ["--set", "units[pasc].desks[transport].count=2"])
    #expect(removed == 1)
    #expect(out.contains("desk_wait_mean: "))
    #expect(out.contains("KPI(s) moved"))
  }

  /// `--trace`: the Form 05 record agrees with the counts of the report, dossier by
  /// dossier in time order.
  @Test func traceRecordsEveryHandOverAndAgreesWithTheReport() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-trace-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let trace = dir.appendingPathComponent("trace.csv")
    let (status, out, err) = try onestop([
      "run", "scenarios/tuyen-quang-2022.yaml", "--replications", "1", "--set", "end=2022-03-01",
      "--trace", trace.path, "--json", "-", "--quiet",
    ])
    #expect(status == 0, "\(err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let kpis = try #require(json["kpis"] as? [String: [String: Any]])
    func kpi(_ name: String) -> Int { Int((kpis[name]?["mean"] as? Double) ?? -1) }
    let lines = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
    #expect(
      lines.first
        == "replication,dossier,event,time_s,date,clock,unit,procedure,channel_in,step,agency,due_date,detail,wait_s")
    var accepted = 0, onTime = 0, overdue = 0, carried = 0
    var lastDossier = -1, lastTime = 0.0
    for line in lines.dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      let dossier = Int(f[1])!, time = Double(f[3])!
      if dossier != lastDossier {
        #expect(dossier > lastDossier)
        #expect(f[2] == "submitted" || f[2] == "carried_over", "first event of dossier \(dossier): \(f[2])")
        lastDossier = dossier
      } else {
        #expect(time >= lastTime, "dossier \(dossier) goes back in time")
      }
      lastTime = time
      switch f[2] {
      case "accepted": accepted += 1
      case "carried_over": carried += 1
      case "resolved": if f[12] == "on_time" { onTime += 1 } else { overdue += 1 }
      default: break
      }
    }
    #expect(accepted == kpi("received_new"))
    #expect(carried == kpi("carried_over"))
    #expect(onTime == kpi("resolved_on_time"))
    #expect(overdue == kpi("resolved_overdue"))
  }

  /// A run killed while writing its files leaves no file that looks complete: the
  /// trace is written under a hidden temporary name and renamed at the end.
  @Test func aKilledRunLeavesNoPartialFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-kill-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.root.appendingPathComponent(".build/debug/onestop").path)
    p.arguments = [
      "run", "scenarios/tuyen-quang-2022.yaml", "--replications", "1", "--out", dir.path,
      "--trace", dir.appendingPathComponent("trace.csv").path, "--quiet",
    ]
    p.currentDirectoryURL = Self.root
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    // Wait until the trace is being written, then kill the process mid-write.
    var writing = false
    for _ in 0..<1200 where !writing {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      writing = names.contains { $0.hasPrefix(".trace.csv.") && $0.hasSuffix(".tmp") }
      if !writing { usleep(50_000) }
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(writing, "the run never started writing its trace")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(names.filter { !$0.hasPrefix(".") }.isEmpty, "visible files after a kill: \(names)")
  }

  /// `--replications auto` stops once the target half-width is met, and the count does not
  /// depend on the number of threads.
  @Test func replicationsAutoMeetsItsTargetOnAnyNumberOfThreads() throws {
    var outputs: [String] = []
    for threads in ["1", "2"] {
      let (status, out, err) = try onestop([
        "run", "scenarios/mmc.yaml", "--set", "end=2022-01-08", "--replications", "auto",
        "--precision", "desk_wait_mean=8%", "--threads", threads, "--json", "-", "--quiet",
      ])
      #expect(status == 0, "\(err)")
      #expect(err.contains("desk_wait_mean") && err.contains("met"))
      let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
      let wait = try #require((json["kpis"] as? [String: Any])?["desk_wait_mean"] as? [String: Any])
      let mean = try #require(wait["mean"] as? Double), ci = try #require(wait["ci95"] as? [Double])
      #expect(ci[1] - mean <= 0.08 * mean + 1e-9)
      #expect((json["replications"] as? Int ?? 0) > 5, "one batch met an 8 % target: make the test harder")
      outputs.append(out)
    }
    #expect(outputs[0] == outputs[1])
  }

  /// `--warmup 31d` is `warmup_until` 31 days after the start, and excludes that month.
  @Test func warmupOptionMatchesTheScenarioKey() throws {
    let common = [
      "run", "scenarios/bac-kan-2021.yaml", "--replications", "1", "--set", "end=2021-04-01", "--json", "-", "--quiet",
    ]
    let (s1, byDays, _) = try onestop(common + ["--warmup", "31d"])
    let (s2, byKey, _) = try onestop(common + ["--set", "warmup_until=2021-02-01"])
    let (s3, none, _) = try onestop(common)
    #expect(s1 == 0 && s2 == 0 && s3 == 0)
    // The same run but for the overrides it records (`--set warmup_until` is one more).
    func withoutOverrides(_ json: String) -> String {
      json.split(separator: "\n").filter { !$0.contains("\"overrides\"") }.joined(separator: "\n")
    }
    #expect(byDays.contains("\"overrides\": [\"end=2021-04-01\"]"), "\(byDays.prefix(300))")
    #expect(withoutOverrides(byDays) == withoutOverrides(byKey))
    #expect(byDays != none)
    let (bad, _, err) = try onestop(common + ["--warmup", "soon"])
    #expect(bad == 2)
    #expect(err.contains("--warmup wants a date (YYYY-MM-DD) or a number of days"))
  }
}
