import Foundation
import Testing
import TestSupport

/// Seeded mutations of the bundled scenarios, through the built binary: each mutated
/// file must give a located error or a valid (short) run, never a crash, a hang or
/// unbounded memory (issue 15).
///
/// Why a subprocess: a Swift trap kills the process it happens in, so an in-process
/// fuzz test would die on the first bug instead of reporting it. `onestop validate`
/// takes many files at once, so a batch costs one process start; it runs under a
/// memory limit (`ulimit -v`) and a time limit (`timeout`), and a batch that dies names
/// the first file it did not report.
@Suite(.serialized) struct ScenarioFuzzTests {
  static let root = CLITests.root
  static let mutants = 2_000
  static let runs = 30
  static let batch = 250

  /// Runs the binary under a memory and a time limit; returns (status, stdout, stderr).
  /// Status 124 is a timeout, above 128 a signal.
  func limited(_ arguments: [String], seconds: Int) throws -> (Int32, String, String) {
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
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "ulimit -v 3000000; exec timeout \(seconds) \"$0\" \"$@\"", binary] + arguments
    p.currentDirectoryURL = Self.root
    // Files, not pipes: no reader thread, and a full pipe can never block the child.
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-fuzz-out-\(UUID().uuidString)")
    let outPath = base.path + ".out", errPath = base.path + ".err"
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
      try? FileManager.default.removeItem(atPath: outPath)
      try? FileManager.default.removeItem(atPath: errPath)
    }
    p.standardOutput = FileHandle(forWritingAtPath: outPath)
    p.standardError = FileHandle(forWritingAtPath: errPath)
    try p.run()
    p.waitUntilExit()
    let o = FileManager.default.contents(atPath: outPath) ?? Data(),
      e = FileManager.default.contents(atPath: errPath) ?? Data()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }

  @Test func mutatedScenariosGiveALocatedErrorOrAValidRun() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let sources = try FileManager.default.contentsOfDirectory(
      atPath: Self.root.appendingPathComponent("scenarios").path
    )
    .filter { $0.hasSuffix(".yaml") }.sorted()
    let texts = try sources.map {
      try String(contentsOf: Self.root.appendingPathComponent("scenarios/\($0)"), encoding: .utf8)
    }
    var rng = SplitMixGenerator(seed: 15)
    var files: [String] = []
    for k in 0..<Self.mutants {
      let s = Int.random(in: 0..<sources.count, using: &rng)
      let path = dir.appendingPathComponent(String(format: "m%05d-%@", k, sources[s])).path
      try ScenarioMutations.mutate(texts[s], &rng).write(toFile: path, atomically: false, encoding: .utf8)
      files.append(path)
    }

    // Validation, in batches: every file reported (ok, or problems located in it).
    var valid: [String] = [], invalid = 0
    var start = 0
    while start < files.count {
      let batch = Array(files[start..<min(start + Self.batch, files.count)])
      let (status, out, err) = try limited(["validate"] + batch, seconds: 120)
      var reported: [String: Bool] = [:]  // file -> ok
      for line in (out + err).split(separator: "\n") {
        // validate's details of a valid file (its unit table, its volumes) follow its ok line, indented.
        if line.hasPrefix("  ") { continue }
        guard let file = batch.first(where: { line.hasPrefix($0 + ":") }) else {
          Issue.record("an unlocated line: \(line.prefix(300))")
          continue
        }
        reported[file] = line.hasPrefix(file + ": ok (") || (reported[file] ?? false)
      }
      if status != 0 && status != 2 {
        let culprit = batch.first { reported[$0] == nil } ?? batch[0]
        let text = (try? String(contentsOfFile: culprit, encoding: .utf8)) ?? ""
        Issue.record(
          """
            validate exited with \(status) (124: timeout, >128: signal) on \
            \(culprit):\n\(text.prefix(4000))\n\(err.suffix(2000))
            """
        )
        start += (batch.firstIndex(of: culprit) ?? 0) + 1
        continue
      }
      for f in batch {
        switch reported[f] {
        case .some(true): valid.append(f)
        case .some(false): invalid += 1
        case .none: Issue.record("no answer for \(f)")
        }
      }
      start += batch.count
    }
    #expect(invalid > Self.mutants / 2)
    #expect(valid.count > 100)

    // A short run of a sample of the valid ones: two weeks from the scenario's start.
    var sampler = SplitMixGenerator(seed: 16)
    for f in valid.shuffled(using: &sampler).prefix(Self.runs) {
      let text = try String(contentsOfFile: f, encoding: .utf8)
      var args = ["run", f, "--replications", "1", "--quiet", "--threads", "1"]
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("start: ") }),
        let date = ISO8601DateFormatter.date(String(line.dropFirst(7).prefix(10)))
      {
        args += ["--set", "end=\(ISO8601DateFormatter.day(date.addingTimeInterval(14 * 86_400)))"]
      }
      let (status, _, err) = try limited(args, seconds: 120)
      #expect(status == 0 || status == 2, "run exited with \(status) on \(f):\n\(err.suffix(2000))")
    }
  }
}

extension ISO8601DateFormatter {
  static func date(_ day: String) -> Date? {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withFullDate]
    return f.date(from: day)
  }

  static func day(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withFullDate]
    return f.string(from: date)
  }
}
