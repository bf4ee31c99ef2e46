import Foundation
import Yams

/// Reads scenario files: YAML with line numbers kept, `extends` resolved (a variant names
/// its base file and overrides only what changes), and `--set key.path=value` overrides.
public enum ScenarioLoader {
  /// Loads `path`, following `extends` chains, then applies `overrides`
  /// (`key.path=value`, in order).
  public static func load(path: String, overrides: [String] = []) throws(ScenarioErrors) -> YNode {
    try load(path: path, overrides: ScenarioOverride.parse(overrides))
  }

  /// Loads `path`, following `extends` chains, then applies `overrides` in order.
  public static func load(path: String, overrides: [ScenarioOverride]) throws(ScenarioErrors) -> YNode {
    var node = try loadChain(path: path, seen: [])
    try apply(overrides, to: &node)
    return node
  }

  /// Applies `overrides` in order to `node`, collecting every problem.
  public static func apply(_ overrides: [ScenarioOverride], to node: inout YNode) throws(ScenarioErrors) {
    var issues: [ScenarioIssue] = []
    for o in overrides {
      do { try o.apply(to: &node) } catch { issues.append(error) }
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
  }

  /// Parses YAML text (for tests and `--set` values), within `ScenarioFile`'s bounds:
  /// lines and commas counted before the YAML library runs, values counted as aliases
  /// are expanded.
  public static func parse(_ text: String, file: String) throws(ScenarioErrors) -> YNode {
    func fail(_ message: String) -> ScenarioErrors {
      ScenarioErrors(issues: [ScenarioIssue(file: file, line: 0, column: 0, path: "", message: message)])
    }
    if text.utf8.count > ScenarioFile.maxBytes {
      throw fail("the text is larger than 16 MiB; scenario files are at most 16 MiB")
    }
    if let problem = ScenarioFile.sizeProblem(text) { throw fail(problem) }
    if let problem = aliasKeyProblem(text) { throw fail(problem) }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        return YNode(.mapping([]), file: file, line: 1, column: 1)
      }
      var budget = ScenarioFile.maxNodes
      guard let tree = YNode.bounded(node, file: file, budget: &budget) else {
        throw fail(
          """
            more than \(ScenarioFile.maxNodes) values once YAML aliases are expanded; scenario files are limited to \
            \(ScenarioFile.maxNodes)
            """
        )
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
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: 0, column: 0, path: "extends",
          message: "extends forms a cycle: \((seen + [canonical]).joined(separator: " -> "))")
      ])
    }
    let text = try ScenarioFile.read(path)
    let node = try parse(text, file: path)
    guard case .mapping = node.kind else {
      // Not a scenario: say what kind of thing it is, never what it says (the file may
      // be a secret that only its extension made look like a scenario).
      let what = node.scalarText.map { "text of \($0.utf8.count) bytes" } ?? node.found
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: node.line, column: node.column, path: "",
          message: "expected a mapping of keys (scenario:, start:, units:, ...), found \(what)")
      ])
    }
    // A mapping with no scenario key at all is some other file (a configuration, a
    // secret): refuse it whole rather than list, and so quote, each of its keys.
    if case .mapping(let pairs) = node.kind, !pairs.isEmpty,
      !pairs.contains(where: { ScenarioBuilder.topKeys.contains($0.key) })
    {
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: node.line, column: node.column, path: "",
          message: "not a scenario: none of its \(pairs.count) keys is a scenario key (scenario:, start:, units:, ...)")
      ])
    }
    guard let ext = node["extends"] else { return node }
    guard let basePath = ext.scalarText, !basePath.isEmpty else {
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: ext.line, column: ext.column, path: "extends",
          message: "expected the path of a base scenario file, found \(ext.found)")
      ])
    }
    let resolved =
      basePath.hasPrefix("/")
      ? basePath
      : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(basePath).path
    if !FileManager.default.fileExists(atPath: resolved) {
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: ext.line, column: ext.column, path: "extends",
          message:
            """
              base scenario '\(Excerpt.excerpt(basePath, limit: 120))' not found (looked for \
              \(Excerpt.excerpt(resolved, limit: 160)))
              """
        )
      ])
    }
    // Located here, on the line that names it, rather than in the base file.
    if let why = ScenarioFile.refusal(resolved) {
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: path, line: ext.line, column: ext.column, path: "extends",
          message: "cannot use '\(Excerpt.excerpt(basePath, limit: 120))' as a base scenario: \(why)")
      ])
    }
    let base = try loadChain(path: resolved, seen: seen + [canonical])
    var issues: [ScenarioIssue] = []
    let merged = merge(base: base, over: removing("extends", from: node), issues: &issues)
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    return merged
  }

  private static func removing(_ key: String, from node: YNode) -> YNode {
    guard case .mapping(let pairs) = node.kind else { return node }
    var n = node
    n.kind = .mapping(pairs.filter { $0.key != key })
    return n
  }

  /// Deep merge: mappings merge key by key; lists of mappings with `id`s merge by id;
  /// any other value replaces the base. An id the base does not have is an error (a
  /// misspelt id would otherwise add a new desk group, agency or unit and change the
  /// answer) unless the item says `add: true`; the error suggests the nearest base id.
  static func merge(base: YNode, over: YNode, path: String = "", issues: inout [ScenarioIssue]) -> YNode {
    switch (base.kind, over.kind) {
    case (.mapping(let b), .mapping(let o)):
      var pairs = b
      for p in o {
        let sub = path.isEmpty ? p.key : "\(path).\(p.key)"
        if let k = pairs.firstIndex(where: { $0.key == p.key }) {
          pairs[k] = (p.key, p.keyNode, merge(base: pairs[k].value, over: p.value, path: sub, issues: &issues))
        } else {
          pairs.append(p)
        }
      }
      var n = over
      n.kind = .mapping(pairs)
      return n
    case (.sequence(let b), .sequence(let o))
    where path == "uncertainty" && (b + o).allSatisfy({ $0["key"]?.scalarText != nil }):
      // A variant's ranges replace its base's ranges of the same key and add the others.
      var items = b
      for item in o {
        if let k = items.firstIndex(where: { $0["key"]?.scalarText == item["key"]?.scalarText }) {
          items[k] = item
        } else {
          items.append(item)
        }
      }
      var n = over
      n.kind = .sequence(items)
      return n
    case (.sequence(let b), .sequence(let o))
    where !o.isEmpty && o.allSatisfy({ $0["id"]?.scalarText != nil }) && b.allSatisfy({ $0["id"]?.scalarText != nil }):
      var items = b
      let baseIDs = b.compactMap { $0["id"]?.scalarText }
      for item in o {
        let id = item["id"]!.scalarText!
        let added = item["add"].map { ["true", "yes", "on"].contains($0.scalarText?.lowercased() ?? "") } ?? false
        if let k = items.firstIndex(where: { $0["id"]?.scalarText == id }) {
          if added, let node = item["add"] {
            issues.append(
              ScenarioIssue(
                file: node.file, line: node.line, column: node.column, path: "\(path)[\(id)].add",
                message: "'\(Excerpt.excerpt(id))' is already in the base scenario; add: true marks a new id"))
          }
          items[k] = merge(base: items[k], over: removing("add", from: item), path: "\(path)[\(id)]", issues: &issues)
        } else if added {
          items.append(removing("add", from: item))
        } else {
          let node = item["id"] ?? item
          let hint = suggestion(for: id, in: baseIDs).map { "did you mean '\($0)'? " } ?? ""
          issues.append(
            ScenarioIssue(
              file: node.file, line: node.line, column: node.column, path: "\(path)[\(Excerpt.excerpt(id))].id",
              message:
                """
                  the base scenario has no '\(Excerpt.excerpt(id))' in \(path); \(hint)(to add a new one, write add: \
                  true in the item)
                  """
            ))
        }
      }
      var n = over
      n.kind = .sequence(items)
      return n
    default:
      return over
    }
  }

  /// Applies `key.path=value`: path segments separated by dots, list items by `[index]`,
  /// `[id]` or `[*]` (every item); the value is YAML (`3`, `0.3`, `"15:00"`, `[a, b]`, `{mean: 5m}`).
  public static func applyOverride(_ text: String, to root: inout YNode) throws(ScenarioIssue) {
    try ScenarioOverride.parse(text).apply(to: &root)
  }

  private static func syntaxIssue(_ error: YamlError, file: String) -> ScenarioIssue {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      let started = context.map { "\($0.text) (started at line \($0.mark.line), column \($0.mark.column))" }
      let what = [started, problem].compactMap { $0 }.joined(separator: ": ")
      return ScenarioIssue(
        file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax error: \(what)")
    case .composer(let context, let problem, let mark, _):
      let started = context.map { "\($0.text) (started at line \($0.mark.line), column \($0.mark.column))" }
      let what = [started, problem].compactMap { $0 }.joined(separator: ": ")
      return ScenarioIssue(file: file, line: mark.line, column: mark.column, path: "", message: "YAML error: \(what)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams puts the whole file in the context: give the key and its line instead.
      let keys = duplicates.prefix(5).map { "'\(Excerpt.excerpt($0))'" }.joined(separator: ", ")
      return ScenarioIssue(
        file: file, line: context.mark.line, column: context.mark.column, path: "",
        message: "duplicate key \(keys) in one mapping (first written here); each key may appear once")
    case .dataCouldNotBeDecoded:
      return ScenarioIssue(file: file, line: 0, column: 0, path: "", message: "the file is not UTF-8 text")
    default:
      return ScenarioIssue(
        file: file, line: 0, column: 0, path: "", message: "YAML error: \(Excerpt.excerpt("\(error)", limit: 200))")
    }
  }
}
