/// One problem in a scenario file: where, which key, and what was expected.
public struct ScenarioIssue: Error, Equatable, Sendable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let column: Int
  /// Key path, e.g. `units[3].desks[0].count`.
  public let path: String
  /// What was expected and what was found.
  public let message: String

  /// Messages and key paths are escaped and cut short here (`Excerpt`), so no problem
  /// can print a flood of text or a terminal escape, whatever the file held.
  public init(file: String, line: Int, column: Int, path: String, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.path = Excerpt.bounded(path, limit: Excerpt.pathLength)
    self.message = Excerpt.bounded(message, limit: Excerpt.messageLength)
  }

  /// `file:line:column: key.path: message`, the form compilers use, so editors jump to it.
  public var description: String {
    let at = line > 0 ? "\(file):\(line):\(column)" : file
    return path.isEmpty ? "\(at): \(message)" : "\(at): \(path): \(message)"
  }
}

/// Every problem found in a scenario; never just the first.
public struct ScenarioErrors: Error, CustomStringConvertible, Sendable {
  public let issues: [ScenarioIssue]
  public init(issues: [ScenarioIssue]) { self.issues = issues }
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
