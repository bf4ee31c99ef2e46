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

/// Edit distance, for "did you mean" suggestions on misspelt keys.
func levenshtein(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}

/// The closest of `candidates` to `word`, when close enough to be a likely typo.
func suggestion(for word: String, in candidates: [String]) -> String? {
  // Edit distance is quadratic: a long value is no typo of a key, and must cost nothing.
  guard word.utf8.count <= 100 else { return nil }
  let scored = candidates.map { ($0, levenshtein(word.lowercased(), $0.lowercased())) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  return best.1 <= max(2, word.count / 3) ? best.0 : nil
}
