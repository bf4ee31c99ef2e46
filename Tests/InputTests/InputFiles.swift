import Foundation
import Testing

/// Files the input tests write: a scratch directory per test, and the repository's own
/// scenarios by absolute path.
enum InputFiles {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let mmc = root.appendingPathComponent("scenarios/mmc.yaml").path

  /// A new, empty directory named after `name`.
  static func directory(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-inputs-\(getpid())-\(name)")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Writes `text` to `name` in `dir`; returns its path.
  @discardableResult
  static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: false, encoding: .utf8)
    return url.path
  }

  /// A sweep of mmc.yaml with `parameters` (YAML lines) and `extra` top-level lines.
  static func sweep(_ parameters: String, extra: String = "") -> String {
    """
    sweep: t
    base: \(mmc)
    \(extra)
    parameters:
    \(parameters)
    replications: 1
    seed: 3
    kpis: [desk_wait_mean]
    """
  }
}

/// The scratch files the input tests build on: a directory starts empty even when an
/// earlier run left files in it, and a written file reads back as written.
@Suite struct InputFilesTests {
  @Test func aScratchDirectoryStartsEmptyAndAWrittenFileReadsBack() throws {
    let dir = try InputFiles.directory("scratch")
    try InputFiles.write("left over", "old.yaml", in: dir)
    let again = try InputFiles.directory("scratch")
    #expect(try FileManager.default.contentsOfDirectory(atPath: again.path).isEmpty)
    let path = try InputFiles.write("ä: 1\n", "new.yaml", in: again)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "ä: 1\n")
    #expect(InputFiles.sweep("  - {key: seed, values: [1, 2]}").contains("base: \(InputFiles.mmc)"))
  }
}
