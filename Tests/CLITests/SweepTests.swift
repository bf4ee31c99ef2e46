import Foundation
import Testing

/// `onestop sweep` as researchers and cluster jobs run it: plan, run in chunks in any
/// order, resume after a kill, merge (refusing missing points), and bad sweep files.
@Suite(.serialized) struct SweepTests {
  static let root = CLITests.root
  let cli = CLITests()

  /// A small sweep over the M/M/c scenario (two simulated days): desks x service factor.
  func sweepFile(chunkSize: Int = 2, extra: String = "", design: String = "") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-sweepfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("sweep.yaml")
    let text = """
      sweep: mmc-small
      base: \(Self.root.appendingPathComponent("scenarios/mmc.yaml").path)
      parameters:
        - key: end
          values: ["2022-01-05"]
        - key: units[desk-hall].desks[desks].count
          from: 8
          to: 10
          step: 1
          integer: true
        - key: procedures[any].intake_time
          values: ["{exponential: 1m}", "{exponential: 50s}"]
      replications: 2
      seed: 11
      chunk_size: \(chunkSize)
      kpis: [desk_wait_mean, desk_wait_p90, desk_utilisation, desk_wait_mean@desk-hall]
      \(design)\(extra)
      """
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  func tempDir(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(name)-\(UUID().uuidString)")
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test func mergedResultsDoNotDependOnChunkingJobsOrOrder() throws {
    let one = tempDir("sweep-one"), chunked = tempDir("sweep-chunked"), other = tempDir("sweep-other")
    defer { for d in [one, chunked, other] { try? FileManager.default.removeItem(at: d) } }
    let (p1, planOut, _) = try cli.onestop(["sweep", "plan", try sweepFile().path, "--out", one.path])
    #expect(p1 == 0)
    #expect(planOut.contains("6 points x 2 replications, 3 chunks"))
    #expect(try cli.onestop(["sweep", "run", one.path, "--jobs", "2", "--quiet"]).0 == 0)
    #expect(try cli.onestop(["sweep", "merge", one.path]).0 == 0)

    // The same sweep in chunks, last chunk first, one thread each.
    #expect(try cli.onestop(["sweep", "plan", try sweepFile().path, "--out", chunked.path]).0 == 0)
    for k in [2, 0, 1] {
      #expect(try cli.onestop(["sweep", "run", chunked.path, "--chunk", String(k), "--jobs", "1", "--quiet"]).0 == 0)
    }
    #expect(try cli.onestop(["sweep", "merge", chunked.path]).0 == 0)

    // Other chunk sizes give other chunks, not other results.
    #expect(try cli.onestop(["sweep", "plan", try sweepFile(chunkSize: 5).path, "--out", other.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "run", other.path, "--chunk", "1", "--quiet"]).0 == 0)
    #expect(try cli.onestop(["sweep", "run", other.path, "--chunk", "0", "--quiet"]).0 == 0)
    #expect(try cli.onestop(["sweep", "merge", other.path]).0 == 0)

    let csv = try read(one.appendingPathComponent("results.csv"))
    #expect(csv == (try read(chunked.appendingPathComponent("results.csv"))))
    #expect(csv == (try read(other.appendingPathComponent("results.csv"))))
    #expect(
      try read(one.appendingPathComponent("summary.json")) == (try read(chunked.appendingPathComponent("summary.json")))
    )
    let lines = csv.split(separator: "\n")
    #expect(lines.count == 7)
    #expect(
      lines[0].hasPrefix(
        """
          id,end,units_desk_hall_desks_desks_count,procedures_any_intake_time,seed,replications,desk_wait_mean_min,des\
          k_wait_mean_min_ci95_low,desk_wait_mean_min_ci95_high,desk_wait_p90_min,
          """
      ))
    #expect(
      lines[0].hasSuffix(
        """
          ,desk_wait_mean_at_desk_hall_min,desk_wait_mean_at_desk_hall_min_ci95_low,desk_wait_mean_at_desk_hall_min_ci\
          95_high
          """
      ))
    // More desks, shorter waits: the sweep measured something.
    let wait = lines.dropFirst().map { Double($0.split(separator: ",")[6])! }
    #expect(wait[0] > wait[2] && wait[0] > wait[4])
    // A run with everything done does nothing.
    let (again, _, err) = try cli.onestop(["sweep", "run", one.path])
    #expect(again == 0)
    #expect(err.contains("0 points run, 6 already done"))
  }

  /// `sweep run` and `sweep missing` read the base without compiling it, and still refuse
  /// a base changed since the plan (a point would no longer be the planned scenario).
  @Test func aBaseChangedSinceThePlanIsRefused() throws {
    let dir = tempDir("sweep-changed"), out = tempDir("sweep-changed-out")
    defer { for d in [dir, out] { try? FileManager.default.removeItem(at: d) } }
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let base = dir.appendingPathComponent("base.yaml")
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("scenarios/mmc.yaml"), to: base)
    let sweep = try String(contentsOf: try sweepFile(), encoding: .utf8)
      .replacingOccurrences(of: Self.root.appendingPathComponent("scenarios/mmc.yaml").path, with: base.path)
    let file = dir.appendingPathComponent("sweep.yaml")
    try sweep.write(to: file, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", out.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "missing", out.path]).0 == 0)
    let text = try String(contentsOf: base, encoding: .utf8)
    try text.replacingOccurrences(of: "description: M/M/8", with: "description: changed M/M/8").write(
      to: base, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "missing", out.path]).0 == 0)  // the description is not the model
    try text.replacingOccurrences(of: "start: 2022-01-03", with: "start: 2022-01-04").write(
      to: base, atomically: true, encoding: .utf8)
    for command in ["missing", "run"] {
      let (status, _, err) = try cli.onestop(
        ["sweep", command, out.path, "--quiet"].filter { command == "run" || $0 != "--quiet" })
      #expect(status == 2)
      #expect(err.contains("changed since the sweep was planned"), "\(err)")
    }
  }

  @Test func mergeRefusesMissingPointsUnlessPartial() throws {
    let dir = tempDir("sweep-missing")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try cli.onestop(["sweep", "plan", try sweepFile().path, "--out", dir.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "run", dir.path, "--chunk", "1", "--quiet"]).0 == 0)
    let (missing, chunks, _) = try cli.onestop(["sweep", "missing", dir.path])
    #expect(missing == 0)
    #expect(chunks == "0,2\n")
    let (status, _, err) = try cli.onestop(["sweep", "merge", dir.path])
    #expect(status == 1)
    #expect(err.contains("4 of 6 points have no result: p0000, p0001, p0004, p0005"))
    #expect(err.contains("in chunks 0,2"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("results.csv").path))
    let (partial, _, _) = try cli.onestop(["sweep", "merge", dir.path, "--partial"])
    #expect(partial == 0)
    let csv = try read(dir.appendingPathComponent("results.csv"))
    #expect(csv.split(separator: "\n").count == 3)
    let summary = try read(dir.appendingPathComponent("summary.json"))
    #expect(summary.contains("\"complete\": false"))
    #expect(summary.contains("\"missing\": [\"p0000\", \"p0001\", \"p0004\", \"p0005\"]"))
    // A row file from another plan does not count as done.
    let row = dir.appendingPathComponent("rows/p0002.json")
    try (try read(row)).replacingOccurrences(of: "\"manifest_hash\": \"", with: "\"manifest_hash\": \"x").write(
      to: row, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "missing", dir.path]).1 == "0,1,2\n")
  }

  /// Kill a real `sweep run` mid-sweep: every finished point stays, no visible file is
  /// partial, and the rerun runs only what is missing, ending with the same results as
  /// an uninterrupted sweep.
  @Test func aKilledSweepLosesNothingAndResumes() throws {
    let dir = tempDir("sweep-kill"), reference = tempDir("sweep-ref")
    defer { for d in [dir, reference] { try? FileManager.default.removeItem(at: d) } }
    let file = try sweepFile(extra: "\n")
    let longer = try read(file).replacingOccurrences(of: "[\"2022-01-05\"]", with: "[\"2022-01-07\"]")
    try longer.write(to: file, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", dir.path]).0 == 0)
    let rows = dir.appendingPathComponent("rows")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.root.appendingPathComponent(".build/debug/onestop").path)
    p.arguments = ["sweep", "run", dir.path, "--jobs", "1", "--quiet"]
    p.standardError = FileHandle.nullDevice
    try p.run()
    var done: [String] = []
    for _ in 0..<1200 where done.count < 2 {
      usleep(50_000)
      done = ((try? FileManager.default.contentsOfDirectory(atPath: rows.path)) ?? []).filter { !$0.hasPrefix(".") }
    }
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    done = try FileManager.default.contentsOfDirectory(atPath: rows.path).filter { !$0.hasPrefix(".") }.sorted()
    #expect(done.count >= 2 && done.count < 6, "killed after \(done.count) points; the test needs a kill mid-sweep")
    var stamps: [String: Date] = [:]
    for name in done {
      let url = rows.appendingPathComponent(name)
      #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) != nil, "\(name) is not complete JSON")
      stamps[name] = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }
    let (status, _, err) = try cli.onestop(["sweep", "run", dir.path, "--jobs", "2"])
    #expect(status == 0)
    #expect(err.contains("\(6 - done.count) points run, \(done.count) already done"), "\(err)")
    for name in done {
      let after =
        try FileManager.default.attributesOfItem(atPath: rows.appendingPathComponent(name).path)[.modificationDate]
        as? Date
      #expect(after == stamps[name], "\(name) was run again")
    }
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", reference.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "run", reference.path, "--quiet"]).0 == 0)
    #expect(try cli.onestop(["sweep", "merge", reference.path]).0 == 0)
    #expect(
      try read(dir.appendingPathComponent("results.csv")) == (try read(reference.appendingPathComponent("results.csv")))
    )
  }

  @Test func latinHypercubePutsOnePointInEachStratum() throws {
    let dir = tempDir("sweep-lhs")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try sweepFile(design: "design: latin_hypercube\npoints: 10\n")
    let text = try read(file)
      .replacingOccurrences(of: "from: 8\n    to: 10\n    step: 1\n", with: "from: 8\n    to: 17\n")
      .replacingOccurrences(
        of: "  - key: procedures[any].intake_time\n    values: [\"{exponential: 1m}\", \"{exponential: 50s}\"]\n",
        with: "  - key: procedures[any].p_incomplete\n    from: 0\n    to: 0.1\n")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let (status, _, err) = try cli.onestop(["sweep", "plan", file.path, "--out", dir.path])
    #expect(status == 0, "\(err)")
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
        as? [String: Any])
    let rows = try #require(manifest["rows"] as? [[String: Any]])
    #expect(rows.count == 10)
    let p = rows.map { Double(($0["values"] as! [String])[2])! }
    let desks = rows.map { Int(($0["values"] as! [String])[1])! }
    #expect(Set(p.map { Int($0 * 100) }).count == 10, "p_incomplete strata: \(p)")
    #expect(Set(desks).count == 10, "desks: \(desks)")
    // The same file plans the same points.
    let again = tempDir("sweep-lhs2")
    defer { try? FileManager.default.removeItem(at: again) }
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", again.path]).0 == 0)
    #expect(
      try read(dir.appendingPathComponent("manifest.json")) == (try read(again.appendingPathComponent("manifest.json")))
    )
  }

  @Test func badSweepFilesGetPreciseErrors() throws {
    let dir = tempDir("sweep-bad")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try sweepFile()
    let good = try read(file)
    func plan(_ text: String) throws -> (Int32, String) {
      try text.write(to: file, atomically: true, encoding: .utf8)
      let (status, _, err) = try cli.onestop(["sweep", "plan", file.path, "--out", dir.path])
      return (status, err)
    }
    let f = file.path
    var (status, err) = try plan(good.replacingOccurrences(of: "replications: 2", with: "replicatons: 2"))
    #expect(status == 2)
    #expect(err.contains("\(f):13:1: replicatons: unknown key 'replicatons'; did you mean 'replications'?"), "\(err)")
    (status, err) = try plan(good.replacingOccurrences(of: "desk_utilisation,", with: "desk_utilization,"))
    #expect(
      err.contains("\(f):16:39: kpis[2]: unknown KPI 'desk_utilization'; did you mean 'desk_utilisation'?"), "\(err)")
    (status, err) = try plan(good.replacingOccurrences(of: "desk_wait_mean@desk-hall", with: "desk_wait_mean@desk-hal"))
    #expect(
      err.contains("\(f):16:57: kpis[3]: the base scenario has no unit 'desk-hal'; did you mean 'desk-hall'?"), "\(err)"
    )
    (status, err) = try plan(good.replacingOccurrences(of: "from: 8", with: "from: eight"))
    #expect(err.contains("\(f):7:11: parameters[1].from: expected a number, found 'eight'"), "\(err)")
    (status, err) = try plan(good.replacingOccurrences(of: "desks[desks].count", with: "desks[counter].count"))
    #expect(status == 2)
    #expect(
      err.contains("\(f):6:5: parameters[1]: point p0000 (end=2022-01-05, units[desk-hall].desks[counter].count=8"),
      "\(err)")
    #expect(err.contains("no list item [counter]"), "\(err)")
    (status, err) = try plan(good.replacingOccurrences(of: "{exponential: 50s}", with: "{exponential: -50s}"))
    #expect(status == 2)
    #expect(
      err.contains(
        """
          \(f):11:5: parameters[2]: point p0001 (end=2022-01-05, units[desk-hall].desks[desks].count=8, \
          procedures[any].intake_time={exponential: -50s}) is not a valid scenario: \
          procedures[0].intake_time.exponential: expected a duration >= 0, found '-50s'
          """
      ), "\(err)")
    #expect(!err.contains("Fatal error"))
    (status, err) = try plan(good.replacingOccurrences(of: "scenarios/mmc.yaml", with: "scenarios/nothing.yaml"))
    #expect(err.contains("\(f):2:7: base: no scenario file at"), "\(err)")
  }
}
