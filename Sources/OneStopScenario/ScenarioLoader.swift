import Foundation
import Yams

/// Reads scenario files: YAML with line numbers kept, `extends` resolved (a variant names
/// its base file and overrides only what changes), and `--set key.path=value` overrides.
public enum ScenarioLoader {
  /// Loads `path`, following `extends` chains, then applies `overrides`
  /// (`key.path=value`, in order).
  public static func load(path: String, overrides: [String] = []) throws(ScenarioErrors) -> YNode {
    var node = try loadChain(path: path, seen: [])
    var issues: [ScenarioIssue] = []
    for o in overrides {
      do { try applyOverride(o, to: &node) } catch { issues.append(error) }
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    return node
  }

  /// Parses YAML text (for tests and `--set` values), within `ScenarioFile`'s bounds:
  /// lines and commas counted before the YAML library runs, values counted as aliases
  /// are expanded.
  public static func parse(_ text: String, file: String) throws(ScenarioErrors) -> YNode {
    func fail(_ message: String) -> ScenarioErrors {
      ScenarioErrors(issues: [ScenarioIssue(file: file, line: 0, column: 0, path: "", message: message)])
    }
    if text.utf8.count > ScenarioFile.maxBytes { throw fail("the text is larger than 16 MiB; scenario files are at most 16 MiB") }
    if let problem = ScenarioFile.sizeProblem(text) { throw fail(problem) }
    if let problem = aliasKeyProblem(text) { throw fail(problem) }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        return YNode(.mapping([]), file: file, line: 1, column: 1)
      }
      var budget = ScenarioFile.maxNodes
      guard let tree = YNode.bounded(node, file: file, budget: &budget) else {
        throw fail("more than \(ScenarioFile.maxNodes) values once YAML aliases are expanded; scenario files are limited to \(ScenarioFile.maxNodes)")
      }
      return tree
    } catch let error as ScenarioErrors {
      throw error
    } catch let error as YamlError {
      throw ScenarioErrors(issues: [syntaxIssue(error, file: file)])
    } catch {
      throw fail("cannot read YAML: \(error)")
    }
  }

  /// An alias used as a mapping key (`*a: x`, `? *a`) is refused before parsing: the
  /// YAML library hashes keys to find duplicates, and an alias of a nested alias would
  /// be hashed at its full, exponential size. No scenario needs one.
  static func aliasKeyProblem(_ text: String) -> String? {
    guard text.utf8.contains(0x2A) else { return nil }  // no '*' at all
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      guard line.utf8.contains(0x2A) else { continue }
      let t = line.drop { $0 == " " || $0 == "-" }
      if t.hasPrefix("? *") || t.hasPrefix("?\t*") { return "line \(lineNumber): a YAML alias cannot be a key" }
      var rest = Substring(t)
      while let star = rest.firstIndex(of: "*") {
        let before = rest.startIndex == star ? nil : rest[rest.index(before: star)]
        let name = rest[rest.index(after: star)...].prefix { !" \t,:[]{}".contains($0) }
        let after = rest[name.endIndex...].drop { $0 == " " || $0 == "\t" }
        if !name.isEmpty, before == nil || " \t,{[".contains(before!), after.hasPrefix(":"),
          after.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true
        {
          return "line \(lineNumber): a YAML alias (*\(Excerpt.excerpt(String(name)))) cannot be a key"
        }
        rest = rest[rest.index(after: star)...]
      }
    }
    return nil
  }

  private static func loadChain(path: String, seen: [String]) throws(ScenarioErrors) -> YNode {
    let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
    if seen.contains(canonical) {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: 0, column: 0, path: "extends",
        message: "extends forms a cycle: \((seen + [canonical]).joined(separator: " -> "))")])
    }
    let text = try ScenarioFile.read(path)
    let node = try parse(text, file: path)
    guard case .mapping = node.kind else {
      // Not a scenario: say what kind of thing it is, never what it says (the file may
      // be a secret that only its extension made look like a scenario).
      let what = node.scalarText.map { "text of \($0.utf8.count) bytes" } ?? node.found
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: node.line, column: node.column, path: "",
        message: "expected a mapping of keys (scenario:, start:, units:, ...), found \(what)")])
    }
    // A mapping with no scenario key at all is some other file (a configuration, a
    // secret): refuse it whole rather than list, and so quote, each of its keys.
    if case .mapping(let pairs) = node.kind, !pairs.isEmpty, !pairs.contains(where: { ScenarioBuilder.topKeys.contains($0.key) }) {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: node.line, column: node.column, path: "",
        message: "not a scenario: none of its \(pairs.count) keys is a scenario key (scenario:, start:, units:, ...)")])
    }
    guard let ext = node["extends"] else { return node }
    guard let basePath = ext.scalarText, !basePath.isEmpty else {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: ext.line, column: ext.column, path: "extends",
        message: "expected the path of a base scenario file, found \(ext.found)")])
    }
    let resolved = basePath.hasPrefix("/") ? basePath
      : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(basePath).path
    if !FileManager.default.fileExists(atPath: resolved) {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: ext.line, column: ext.column, path: "extends",
        message: "base scenario '\(Excerpt.excerpt(basePath, limit: 120))' not found (looked for \(Excerpt.excerpt(resolved, limit: 160)))")])
    }
    // Located here, on the line that names it, rather than in the base file.
    if let why = ScenarioFile.refusal(resolved) {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: ext.line, column: ext.column, path: "extends",
        message: "cannot use '\(Excerpt.excerpt(basePath, limit: 120))' as a base scenario: \(why)")])
    }
    let base = try loadChain(path: resolved, seen: seen + [canonical])
    return merge(base: base, over: removing("extends", from: node))
  }

  private static func removing(_ key: String, from node: YNode) -> YNode {
    guard case .mapping(let pairs) = node.kind else { return node }
    var n = node
    n.kind = .mapping(pairs.filter { $0.key != key })
    return n
  }

  /// Deep merge: mappings merge key by key; lists of mappings with `id`s merge by id
  /// (new ids are appended); any other value replaces the base.
  static func merge(base: YNode, over: YNode) -> YNode {
    switch (base.kind, over.kind) {
    case (.mapping(let b), .mapping(let o)):
      var pairs = b
      for p in o {
        if let k = pairs.firstIndex(where: { $0.key == p.key }) {
          pairs[k] = (p.key, p.keyNode, merge(base: pairs[k].value, over: p.value))
        } else {
          pairs.append(p)
        }
      }
      var n = over
      n.kind = .mapping(pairs)
      return n
    case (.sequence(let b), .sequence(let o))
    where !o.isEmpty && o.allSatisfy({ $0["id"]?.scalarText != nil }) && b.allSatisfy({ $0["id"]?.scalarText != nil }):
      var items = b
      for item in o {
        let id = item["id"]!.scalarText!
        if let k = items.firstIndex(where: { $0["id"]?.scalarText == id }) {
          items[k] = merge(base: items[k], over: item)
        } else {
          items.append(item)
        }
      }
      var n = over
      n.kind = .sequence(items)
      return n
    default:
      return over
    }
  }

  /// Applies `key.path=value`: path segments separated by dots, list items by `[index]`
  /// or `[id]`; the value is YAML (`3`, `0.3`, `"15:00"`, `[a, b]`, `{mean: 5m}`).
  public static func applyOverride(_ text: String, to root: inout YNode) throws(ScenarioIssue) {
    guard let eq = text.firstIndex(of: "=") else {
      throw ScenarioIssue(file: "--set", line: 0, column: 0, path: text, message: "expected key.path=value")
    }
    let path = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
    let valueText = String(text[text.index(after: eq)...])
    let value: YNode
    do { value = try parse(valueText, file: "--set \(path)") } catch {
      throw error.issues[0]
    }
    var segments: [String] = []
    for part in path.split(separator: ".", omittingEmptySubsequences: false) {
      var p = Substring(part)
      if let b = p.firstIndex(of: "[") {
        segments.append(String(p[..<b]))
        p = p[b...]
        while p.hasPrefix("["), let close = p.firstIndex(of: "]") {
          segments.append(String(p[p.index(after: p.startIndex)..<close]).isEmpty ? "[]" : "[" + p[p.index(after: p.startIndex)..<close] + "]")
          p = p[p.index(after: close)...]
        }
      } else {
        segments.append(String(p))
      }
    }
    segments = segments.filter { !$0.isEmpty }
    guard !segments.isEmpty else {
      throw ScenarioIssue(file: "--set", line: 0, column: 0, path: path, message: "empty key path")
    }
    try set(&root, segments[...], value, fullPath: path)
  }

  private static func set(_ node: inout YNode, _ segs: ArraySlice<String>, _ value: YNode, fullPath: String) throws(ScenarioIssue) {
    guard let seg = segs.first else {
      node = YNode(value.kind, file: value.file, line: value.line, column: value.column)
      return
    }
    let rest = segs.dropFirst()
    if seg.hasPrefix("[") {
      let inner = String(seg.dropFirst().dropLast())
      guard case .sequence(var items) = node.kind else {
        throw ScenarioIssue(file: "--set", line: 0, column: 0, path: fullPath, message: "\(seg) selects a list item, but this value is \(node.found)")
      }
      let index: Int? = Int(inner) ?? items.firstIndex { $0["id"]?.scalarText == inner }
      guard let i = index, i >= 0, i < items.count else {
        throw ScenarioIssue(file: "--set", line: 0, column: 0, path: fullPath, message: "no list item \(seg) (the list has \(items.count) items)")
      }
      try set(&items[i], rest, value, fullPath: fullPath)
      node.kind = .sequence(items)
      return
    }
    var pairs: [(key: String, keyNode: YNode, value: YNode)]
    switch node.kind {
    case .mapping(let p): pairs = p
    case .null: pairs = []
    default:
      throw ScenarioIssue(file: "--set", line: 0, column: 0, path: fullPath, message: "'\(seg)' selects a key, but this value is \(node.found)")
    }
    if let k = pairs.firstIndex(where: { $0.key == seg }) {
      try set(&pairs[k].value, rest, value, fullPath: fullPath)
    } else {
      var child = YNode(.null, file: "--set", line: 0, column: 0)
      try set(&child, rest, value, fullPath: fullPath)
      pairs.append((seg, YNode(.scalar(seg), file: "--set", line: 0, column: 0), child))
    }
    node.kind = .mapping(pairs)
  }

  private static func syntaxIssue(_ error: YamlError, file: String) -> ScenarioIssue {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      let started = context.map { "\($0.text) (started at line \($0.mark.line), column \($0.mark.column))" }
      let what = [started, problem].compactMap { $0 }.joined(separator: ": ")
      return ScenarioIssue(file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax error: \(what)")
    case .composer(let context, let problem, let mark, _):
      let started = context.map { "\($0.text) (started at line \($0.mark.line), column \($0.mark.column))" }
      let what = [started, problem].compactMap { $0 }.joined(separator: ": ")
      return ScenarioIssue(file: file, line: mark.line, column: mark.column, path: "", message: "YAML error: \(what)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams puts the whole file in the context: give the key and its line instead.
      let keys = duplicates.prefix(5).map { "'\(Excerpt.excerpt($0))'" }.joined(separator: ", ")
      return ScenarioIssue(file: file, line: context.mark.line, column: context.mark.column, path: "",
        message: "duplicate key \(keys) in one mapping (first written here); each key may appear once")
    case .dataCouldNotBeDecoded:
      return ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "the file is not UTF-8 text")
    default:
      return ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "YAML error: \(Excerpt.excerpt("\(error)", limit: 200))")
    }
  }
}
