import Foundation
import Testing

/// Sweeps that cannot lie: merge refuses point files that are not their point's result,
/// no manifest can make onestop write outside the sweep directory, concurrent runs share
/// the work, and every printed seed reproduces its point.
@Suite(.serialized) struct SweepIntegrityTests {
  let cli = CLITests()
  let sweeps = SweepTests()

  func planAndRun(_ file: URL, _ dir: URL) throws {
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", dir.path]).0 == 0)
    #expect(try cli.onestop(["sweep", "run", dir.path, "--quiet"]).0 == 0)
  }

  func row(_ dir: URL, _ id: String) -> URL { dir.appendingPathComponent("rows/\(id).json") }

  @Test func mergeRefusesDuplicatedForeignAndTamperedPointFiles() throws {
    let dir = sweeps.tempDir("sweep-lie"), other = sweeps.tempDir("sweep-lie-other")
    defer { for d in [dir, other] { try? FileManager.default.removeItem(at: d) } }
    try planAndRun(try sweeps.sweepFile(), dir)
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    let results = dir.appendingPathComponent("results.csv")
    let good = try sweeps.read(results)
    try FileManager.default.removeItem(at: results)

    // Duplicated: p0002's file copied over p0003's.
    try FileManager.default.removeItem(at: row(dir, "p0003"))
    try FileManager.default.copyItem(at: row(dir, "p0002"), to: row(dir, "p0003"))
    var (status, _, err) = try cli.onestop(["sweep", "merge", dir.path])
    #expect(status == 1)
    #expect(err.contains("rows/p0003.json: refused: holds point p0002, not p0003"), "\(err)")
    #expect(!FileManager.default.fileExists(atPath: results.path))
    #expect(try cli.onestop(["sweep", "missing", dir.path, "--rows"]).1 == "p0003\n")

    // Tampered: a well-formed file with one KPI value edited.
    #expect(try cli.onestop(["sweep", "run", dir.path, "--quiet"]).0 == 0)
    let text = try sweeps.read(row(dir, "p0004"))
    let edited = text.replacingOccurrences(
      of: #""desk_wait_mean": \[[0-9.e-]+"#, with: #""desk_wait_mean": [0.125"#, options: .regularExpression)
    #expect(edited != text)
    try edited.write(to: row(dir, "p0004"), atomically: true, encoding: .utf8)
    (status, _, err) = try cli.onestop(["sweep", "merge", dir.path])
    #expect(status == 1)
    #expect(err.contains("rows/p0004.json: refused: checksum mismatch"), "\(err)")

    // Foreign: the same point of another plan (another seed).
    #expect(try cli.onestop(["sweep", "run", dir.path, "--quiet"]).0 == 0)
    let otherFile = try sweeps.sweepFile()
    try (try sweeps.read(otherFile)).replacingOccurrences(of: "seed: 11", with: "seed: 12").write(
      to: otherFile, atomically: true, encoding: .utf8)
    try planAndRun(otherFile, other)
    try FileManager.default.removeItem(at: row(dir, "p0001"))
    try FileManager.default.copyItem(at: row(other, "p0001"), to: row(dir, "p0001"))
    (status, _, err) = try cli.onestop(["sweep", "merge", dir.path])
    #expect(status == 1)
    #expect(err.contains("rows/p0001.json: refused: belongs to another plan"), "\(err)")
    // --partial merges the rest and lists the refused point as missing.
    #expect(try cli.onestop(["sweep", "merge", dir.path, "--partial"]).0 == 0)
    #expect(try sweeps.read(dir.appendingPathComponent("summary.json")).contains("\"missing\": [\"p0001\"]"))

    // Running again replaces the refused file; the merge is then the original one.
    #expect(try cli.onestop(["sweep", "run", dir.path, "--quiet"]).0 == 0)
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    #expect(try sweeps.read(results) == good)
  }

  @Test func noManifestPathEscapesTheSweepDirectory() throws {
    let dir = sweeps.tempDir("sweep-escape")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try cli.onestop(["sweep", "plan", try sweeps.sweepFile().path, "--out", dir.path]).0 == 0)
    let manifest = dir.appendingPathComponent("manifest.json")
    let planned = try sweeps.read(manifest)
    let outside = dir.deletingLastPathComponent().appendingPathComponent("escaped-p0000.json")
    try? FileManager.default.removeItem(at: outside)
    for id in ["../../escaped-p0000", "../escaped-p0000", "/tmp/escaped-p0000", ".hidden", "a/b", ".."] {
      for dropHash in [true, false] {
        var text = planned.replacingOccurrences(
          of: "\"id\": \"p0000\"", with: "\"id\": \(try String(data: JSONEncoder().encode(id), encoding: .utf8)!)")
        if dropHash {
          text = text.replacingOccurrences(
            of: #"  "manifest_hash": "[0-9a-f]+",\n"#, with: "", options: .regularExpression)
        }
        #expect(text != planned)
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        for command in [
          ["sweep", "run", dir.path, "--quiet"], ["sweep", "merge", dir.path, "--partial"],
          ["sweep", "missing", dir.path],
        ] {
          let (status, _, err) = try cli.onestop(command)
          #expect(status == 2, "\(command) with id \(id): \(err)")
          #expect(err.contains(dropHash ? "no manifest_hash" : "has the id"), "\(err)")
        }
      }
    }
    #expect(!FileManager.default.fileExists(atPath: outside.path))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped-p0000.json"))
    let rows = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("rows").path)
    #expect(rows.isEmpty, "\(rows)")
  }

  /// Two `sweep run` processes started together on one directory: every point is run
  /// once in all, and a claim file left by a process that no longer exists blocks nothing.
  @Test func concurrentSweepRunsShareTheWork() throws {
    let dir = sweeps.tempDir("sweep-concurrent")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try sweeps.sweepFile()
    try (try sweeps.read(file)).replacingOccurrences(of: "[\"2022-01-05\"]", with: "[\"2022-01-08\"]").write(
      to: file, atomically: true, encoding: .utf8)
    #expect(try cli.onestop(["sweep", "plan", file.path, "--out", dir.path]).0 == 0)
    // A stale claim: the file exists but no process holds its lock.
    try "otherhost 999999\n".write(
      to: dir.appendingPathComponent("rows/.p0000.claim"), atomically: true, encoding: .utf8)
    let binary = CLITests.root.appendingPathComponent(".build/debug/onestop")
    var processes: [(Process, Pipe)] = []
    for _ in 0..<2 {
      let p = Process()
      p.executableURL = binary
      p.arguments = ["sweep", "run", dir.path, "--jobs", "1"]
      let err = Pipe()
      p.standardError = err
      p.standardOutput = FileHandle.nullDevice
      processes.append((p, err))
    }
    for (p, _) in processes { try p.run() }
    var ran: [Int] = []
    for (p, err) in processes {
      let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationStatus == 0, "\(text)")
      let match = text.firstMatch(of: /all chunks: (\d+) points run/)
      ran.append(Int(match?.1 ?? "") ?? -1)
    }
    #expect(ran.reduce(0, +) == 6, "points run by each process: \(ran); each point must run exactly once")
    #expect(ran.allSatisfy { $0 >= 1 }, "one process did all the work: \(ran)")
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("rows").path).filter {
      $0.hasSuffix(".claim")
    }
    #expect(left.isEmpty, "claim files left: \(left)")
  }

  /// Per-point seeds fit in 2^53, and `onestop run` with a point's printed values and
  /// seed gives the point's numbers exactly.
  @Test func everyPrintedSweepSeedReproducesItsPoint() throws {
    let dir = sweeps.tempDir("sweep-seed")
    defer { try? FileManager.default.removeItem(at: dir) }
    try planAndRun(try sweeps.sweepFile(), dir)
    #expect(try cli.onestop(["sweep", "merge", dir.path]).0 == 0)
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json")))
        as? [String: Any])
    let points = try #require(summary["points"] as? [[String: Any]])
    #expect(points.count == 6)
    let csv = try sweeps.read(dir.appendingPathComponent("results.csv")).split(separator: "\n").dropFirst()
    for (k, point) in points.enumerated() where k == 0 || k == 5 {
      let seed = try #require(point["seed"] as? Int)
      #expect(seed >= 0 && seed < 1 << 53)
      #expect(
        csv[csv.startIndex + k].split(separator: ",")[4] == Substring(String(seed)), "results.csv prints the seed as is"
      )
      let values = try #require(point["values"] as? [String: String])
      var args = ["run", "scenarios/mmc.yaml", "--replications", "2", "--seed", String(seed), "--json", "-", "--quiet"]
      for (key, value) in values.sorted(by: { $0.key < $1.key }) { args += ["--set", "\(key)=\(value)"] }
      let (status, out, err) = try cli.onestop(args)
      #expect(status == 0, "\(err)")
      let run = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
      #expect(run["seed"] as? Int == seed)
      let kpis = try #require(run["kpis"] as? [String: [String: Any]])
      let swept = try #require(point["kpis"] as? [String: [String: Any]])
      for name in ["desk_wait_mean", "desk_wait_p90", "desk_utilisation"] {
        #expect(kpis[name]?["mean"] as? Double == swept[name]?["mean"] as? Double, "\(name) of point \(k)")
      }
    }
  }

  /// One cause shared by every point is reported once, with the number of points.
  @Test func sweepPlanReportsASharedErrorOnce() throws {
    let dir = sweeps.tempDir("sweep-once")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try sweeps.sweepFile()
    try (try sweeps.read(file)).replacingOccurrences(of: "desks[desks].count", with: "desks[counter].count").write(
      to: file, atomically: true, encoding: .utf8)
    let (status, _, err) = try cli.onestop(["sweep", "plan", file.path, "--out", dir.path])
    #expect(status == 2)
    #expect(err.components(separatedBy: "no list item [counter]").count == 2, "\(err)")
    #expect(err.contains("(the same in 5 more points: p0001, p0002, p0003, p0004, p0005)"), "\(err)")
  }

  /// `name:` names a parameter's column; values with one unit lose it to the column name.
  @Test func resultsHavePlainColumnsAndUnitlessNumbers() throws {
    let dir = sweeps.tempDir("sweep-names")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try sweeps.sweepFile()
    let text = try sweeps.read(file)
      .replacingOccurrences(
        of: "  - key: units[desk-hall].desks[desks].count\n",
        with: "  - key: units[desk-hall].desks[desks].count\n    name: desks\n"
      )
      .replacingOccurrences(
        of: "  - key: procedures[any].intake_time\n    values: [\"{exponential: 1m}\", \"{exponential: 50s}\"]",
        with: "  - key: procedures[any].intake_time.exponential\n    values: [60s, 50s]")
    try text.write(to: file, atomically: true, encoding: .utf8)
    try planAndRun(file, dir)
    #expect(try cli.onestop(["sweep", "merge", dir.path, "--csv-bom"]).0 == 0)
    let data = try Data(contentsOf: dir.appendingPathComponent("results.csv"))
    #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
    let lines = String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\n")
    #expect(
      lines[0].hasPrefix("id,end,desks,procedures_any_intake_time_exponential_s,seed,replications,"), "\(lines[0])")
    #expect(lines[1].hasPrefix("p0000,2022-01-05,8,60,"), "\(lines[1])")
    for line in lines.dropFirst() {
      for field in line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(2) {
        #expect(Double(field) != nil, "\(line)")
      }
    }
    // A bad name is a located error.
    try text.replacingOccurrences(of: "name: desks", with: "name: Desks count").write(
      to: file, atomically: true, encoding: .utf8)
    let (status, _, err) = try cli.onestop(["sweep", "plan", file.path, "--out", dir.path])
    #expect(status == 2)
    #expect(err.contains(":7:11: parameters[1].name: expected a plain column name"), "\(err)")
  }
}
