import Foundation

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
