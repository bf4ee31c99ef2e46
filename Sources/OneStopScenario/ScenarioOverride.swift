import OneStopModel

/// One change to a scenario tree: a key path and the value to put there, parsed once.
///
/// Why: `--set`, sweep points, calibration and staffing values used to be formatted as
/// `key=value` text and parsed again for every point; an override is parsed once (the
/// path into segments, the value into a node) and applied to the loaded tree as often
/// as needed. A sweep value keeps the node its file wrote, so its errors point there.
public struct ScenarioOverride: Sendable {
  /// One step of a key path.
  public enum Segment: Sendable, Equatable {
    /// A mapping key.
    case key(String)
    /// A list item, by index or by `id` (`[3]`, `[pasc]`).
    case item(String)
    /// Every item of a list (`[*]`), as the printed priors name them.
    case all
  }

  /// The key path as written (`units[pasc].desks[land].count`).
  public let path: String
  public let segments: [Segment]
  public let value: YNode

  /// `path` split into segments, with `value` already parsed.
  public init(path: String, value: YNode) throws(ScenarioIssue) {
    let path = path.trimmingCharacters(in: .whitespaces)
    self.path = path
    self.segments = Self.segments(path)
    self.value = value
    if let why = Self.keyProblem(path, segments: segments) {
      throw ScenarioIssue(file: "--set", line: 0, column: 0, path: Excerpt.excerpt(path, limit: 120), message: why)
    }
  }

  /// Longest key path, in characters and in segments. The deepest key of the schema has
  /// a handful of segments; the bound keeps `set`'s recursion (one level per segment)
  /// far from the stack's end (20,000 segments overflowed it).
  public static let maxPathLength = 1_000
  public static let maxSegments = 32

  /// Why `path` cannot be a key path, or nil: empty, too long, or `extends` (the base is
  /// read before any override is applied, so setting it would be silently ignored).
  public static func keyProblem(_ path: String, segments given: [Segment]? = nil) -> String? {
    let path = path.trimmingCharacters(in: .whitespaces)
    guard path.utf8.count <= maxPathLength else {
      return "the key path has \(path.utf8.count) characters; key paths are at most \(maxPathLength)"
    }
    let segments = given ?? Self.segments(path)
    guard !segments.isEmpty else { return "empty key path" }
    guard segments.count <= maxSegments else {
      return "the key path has \(segments.count) segments; key paths have at most \(maxSegments)"
    }
    if segments[0] == .key("extends") {
      return "extends cannot be overridden: the base file is read before any --set is applied; "
        + "write a variant file with extends: instead"
    }
    return nil
  }

  /// A number (a sweep or calibration value), as a plain scalar.
  public init(path: String, number: Double, integer: Bool = false) throws(ScenarioIssue) {
    let text = integer ? String(Int(number.rounded())) : ConfigurationText.number(number)
    try self.init(path: path, value: YNode(.scalar(text), file: "--set \(path)", line: 0, column: 0))
  }

  /// Parses `key.path=value`; the value is YAML (`3`, `0.3`, `"15:00"`, `[a, b]`,
  /// `{mean: 5m}`).
  public static func parse(_ text: String) throws(ScenarioIssue) -> ScenarioOverride {
    guard let eq = text.firstIndex(of: "=") else {
      throw ScenarioIssue(file: "--set", line: 0, column: 0, path: text, message: "expected key.path=value")
    }
    let path = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    let valueText = text[text.index(after: eq)...]
    if valueText.allSatisfy({ $0 == " " || $0 == "\t" }) {
      throw ScenarioIssue(
        file: "--set", line: 0, column: 0, path: Excerpt.excerpt(path, limit: 120),
        message: "no value after '='; write key.path=value (null clears an optional value)")
    }
    if let why = keyProblem(path) {
      throw ScenarioIssue(file: "--set", line: 0, column: 0, path: Excerpt.excerpt(path, limit: 120), message: why)
    }
    let value: YNode
    do { value = try ScenarioLoader.parse(String(valueText), file: "--set \(path)") } catch {
      throw error.issues[0]
    }
    return try ScenarioOverride(path: path, value: value)
  }

  /// Parses every text, collecting every problem. A key path given twice is refused
  /// (the later value would silently win), once per key however often it repeats.
  public static func parse(_ texts: [String]) throws(ScenarioErrors) -> [ScenarioOverride] {
    var out: [ScenarioOverride] = [], issues: [ScenarioIssue] = []
    var seen: [String: Int] = [:]
    for t in texts {
      do {
        let o = try parse(t)
        seen[o.path, default: 0] += 1
        if seen[o.path] == 2 {
          issues.append(
            ScenarioIssue(
              file: "--set", line: 0, column: 0, path: Excerpt.excerpt(o.path, limit: 120),
              message: "set more than once; give each key once"))
        }
        out.append(o)
      } catch { issues.append(error) }
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    return out
  }

  static func segments(_ path: String) -> [Segment] {
    var out: [Segment] = []
    for part in path.split(separator: ".", omittingEmptySubsequences: false) {
      var p = Substring(part)
      if let b = p.firstIndex(of: "[") {
        if b > p.startIndex { out.append(.key(String(p[..<b]))) }
        p = p[b...]
        while p.hasPrefix("["), let close = p.firstIndex(of: "]") {
          let inner = String(p[p.index(after: p.startIndex)..<close])
          out.append(inner == "*" ? .all : .item(inner))
          p = p[p.index(after: close)...]
        }
      } else if !p.isEmpty {
        out.append(.key(String(p)))
      }
    }
    return out
  }

  /// Puts the value at the path in `root` (missing mapping keys are created).
  public func apply(to root: inout YNode) throws(ScenarioIssue) {
    try set(&root, segments[...])
  }

  private func fail(_ message: String) -> ScenarioIssue {
    ScenarioIssue(file: "--set", line: 0, column: 0, path: path, message: message)
  }

  private func set(_ node: inout YNode, _ segs: ArraySlice<Segment>) throws(ScenarioIssue) {
    guard let seg = segs.first else {
      node = YNode(value.kind, file: value.file, line: value.line, column: value.column)
      return
    }
    let rest = segs.dropFirst()
    switch seg {
    case .item, .all:
      let label = seg == .all ? "[*]" : { if case .item(let s) = seg { return "[\(s)]" } else { return "" } }()
      guard case .sequence(var items) = node.kind else {
        throw fail("\(label) selects a list item, but this value is \(node.found)")
      }
      if case .item(let inner) = seg {
        let index: Int? = Int(inner) ?? items.firstIndex { $0["id"]?.scalarText == inner }
        guard let i = index, i >= 0, i < items.count else {
          let ids = items.compactMap { $0["id"]?.scalarText }
          let hint = Int(inner) == nil ? suggestion(for: inner, in: ids).map { "; did you mean '\($0)'?" } ?? "" : ""
          throw fail("no list item \(label) (the list has \(items.count) items)\(hint)")
        }
        try set(&items[i], rest)
      } else {
        for i in items.indices { try set(&items[i], rest) }
      }
      node.kind = .sequence(items)
    case .key(let key):
      var pairs: [(key: String, keyNode: YNode, value: YNode)]
      switch node.kind {
      case .mapping(let p): pairs = p
      case .null: pairs = []
      default: throw fail("'\(key)' selects a key, but this value is \(node.found)")
      }
      if let k = pairs.firstIndex(where: { $0.key == key }) {
        try set(&pairs[k].value, rest)
      } else {
        var child = YNode(.null, file: "--set", line: 0, column: 0)
        try set(&child, rest)
        pairs.append((key, YNode(.scalar(key), file: "--set", line: 0, column: 0), child))
      }
      node.kind = .mapping(pairs)
    }
  }
}
