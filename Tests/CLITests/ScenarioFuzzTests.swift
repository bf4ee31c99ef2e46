import Foundation
import Testing

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

  /// SplitMix64: the same mutants on every machine.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Values that once broke something, or sit at the edge of a documented range.
  static let extremes = [
    "0", "-1", "1e308", "1e-320", "2147483648", "9223372036854775807", "9223372036854775808", "1e9", "1e7", "10001",
    ".nan", ".inf", "-.inf", "100000wd", "1000wd", "1e23h", "10000h", "0wd", "24:00", "00:00", "9999-12-31",
    "0001-01-01", "3022-01-01", "1000000", "0.0000001", "\"\"", "[]", "{}", "~", "*x", "&x 1",
  ]

  /// Lines a mutation may insert: an alias bomb, a long value, deep nesting, a
  /// duplicated top key, an extends outside the repository.
  static let insertions = [
    "bomb: &b0 [x, x, x, x, x, x, x, x, x, x]\nb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]\nb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]\nb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]\nb4: &b4 [*b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3]\nb5: &b5 [*b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4]\nb6: [*b5, *b5, *b5, *b5, *b5, *b5, *b5, *b5, *b5, *b5]",
    "description: " + String(repeating: "A", count: 200_000),
    "deep: " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000),
    "end: 2032-01-01", "extends: /etc/passwd", "extends: ../../../../etc/shadow.yaml", "replications: 100000",
  ]

  static func mutate(_ text: String, _ rng: inout Seeded) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let i = Int.random(in: 0..<lines.count, using: &rng)
      switch Int.random(in: 0..<10, using: &rng) {
      case 0: lines.remove(at: i)
      case 1: lines.insert(lines[i], at: i)
      case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
      case 3:
        if !lines[i].isEmpty {
          var chars = Array(lines[i])
          chars[Int.random(in: 0..<chars.count, using: &rng)] = Array("-:{}[]9x \"&*,#|>!%@`").randomElement(using: &rng)!
          lines[i] = String(chars)
        }
      case 4: lines[i] = String(lines[i].dropFirst(Int.random(in: 0...4, using: &rng)))
      case 5: lines.insert(insertions.randomElement(using: &rng)!, at: i)
      default: lines[i] = replacingANumber(lines[i], &rng)
      }
      if lines.isEmpty { lines = ["x"] }
    }
    return lines.joined(separator: "\n")
  }

  /// One number (or duration, date, time) of `line` replaced by an extreme value.
  static func replacingANumber(_ line: String, _ rng: inout Seeded) -> String {
    let chars = Array(line)
    var spans: [Range<Int>] = []
    var i = 0
    while i < chars.count {
      if chars[i].isNumber && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_")) {
        var j = i
        while j < chars.count && (chars[j].isNumber || chars[j].isLetter || ".-:e+".contains(chars[j])) { j += 1 }
        spans.append(i..<j)
        i = j
      } else {
        i += 1
      }
    }
    guard let span = spans.randomElement(using: &rng) else { return line }
    return String(chars[..<span.lowerBound]) + extremes.randomElement(using: &rng)! + String(chars[span.upperBound...])
  }

  /// Runs the binary under a memory and a time limit; returns (status, stdout, stderr).
  /// Status 124 is a timeout, above 128 a signal.
  func limited(_ arguments: [String], seconds: Int) throws -> (Int32, String, String) {
    let candidates = [".build/debug/onestop", ".build/x86_64-unknown-linux-gnu/debug/onestop", ".build/release/onestop"]
    guard let binary = candidates.map({ Self.root.appendingPathComponent($0).path }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
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
    let o = FileManager.default.contents(atPath: outPath) ?? Data(), e = FileManager.default.contents(atPath: errPath) ?? Data()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }

  @Test func mutatedScenariosGiveALocatedErrorOrAValidRun() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let sources = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("scenarios").path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    let texts = try sources.map { try String(contentsOf: Self.root.appendingPathComponent("scenarios/\($0)"), encoding: .utf8) }
    var rng = Seeded(state: 15)
    var files: [String] = []
    for k in 0..<Self.mutants {
      let s = Int.random(in: 0..<sources.count, using: &rng)
      let path = dir.appendingPathComponent(String(format: "m%05d-%@", k, sources[s])).path
      try Self.mutate(texts[s], &rng).write(toFile: path, atomically: false, encoding: .utf8)
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
        guard let file = batch.first(where: { line.hasPrefix($0 + ":") }) else {
          Issue.record("an unlocated line: \(line.prefix(300))")
          continue
        }
        reported[file] = line.hasPrefix(file + ": ok (") || (reported[file] ?? false)
      }
      if status != 0 && status != 2 {
        let culprit = batch.first { reported[$0] == nil } ?? batch[0]
        let text = (try? String(contentsOfFile: culprit, encoding: .utf8)) ?? ""
        Issue.record("validate exited with \(status) (124: timeout, >128: signal) on \(culprit):\n\(text.prefix(4000))\n\(err.suffix(2000))")
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
    var sampler = Seeded(state: 16)
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
