import Yams

/// A YAML node that remembers where it came from (file, line, column), so that every
/// error can point at the line a planner wrote, even after `extends` merged two files.
public struct YNode: Sendable {
  /// The node's content; a mapping keeps its order and each key's own node, for errors
  /// that point at a key.
  public enum Kind: Sendable {
    case scalar(String)
    case mapping([(key: String, keyNode: YNode, value: YNode)])
    case sequence([YNode])
    case null
  }

  public var kind: Kind
  public var file: String
  public var line: Int
  public var column: Int

  public init(_ kind: Kind, file: String, line: Int, column: Int) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
  }

  /// Converts a Yams node (aliases resolved by Yams' composer, sharing storage), or nil
  /// once more than `budget` nodes have been made: the budget is what stops a YAML
  /// alias bomb, whose 1 KB expands to billions of nodes here.
  static func bounded(_ node: Node, file: String, budget: inout Int) -> YNode? {
    budget -= 1
    guard budget >= 0 else { return nil }
    let mark = node.mark
    let line = mark?.line ?? 0, column = mark?.column ?? 0
    switch node {
    case .scalar(let s):
      if s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) {
        return YNode(.null, file: file, line: line, column: column)
      }
      return YNode(.scalar(s.string), file: file, line: line, column: column)
    case .mapping(let m):
      var pairs: [(key: String, keyNode: YNode, value: YNode)] = []
      for pair in m {
        guard let k = bounded(pair.key, file: file, budget: &budget),
          let v = bounded(pair.value, file: file, budget: &budget)
        else { return nil }
        pairs.append((k.scalarText ?? "?", k, v))
      }
      return YNode(.mapping(pairs), file: file, line: line, column: column)
    case .sequence(let s):
      var items: [YNode] = []
      for item in s {
        guard let y = bounded(item, file: file, budget: &budget) else { return nil }
        items.append(y)
      }
      return YNode(.sequence(items), file: file, line: line, column: column)
    case .alias:
      return YNode(.null, file: file, line: line, column: column)
    }
  }

  /// The text of a scalar, nil otherwise.
  public var scalarText: String? {
    if case .scalar(let s) = kind { return s }
    return nil
  }

  /// The value under `key` of a mapping.
  public subscript(key: String) -> YNode? {
    if case .mapping(let pairs) = kind { return pairs.last { $0.key == key }?.value }
    return nil
  }

  /// `file:line:column`.
  public var location: String { "\(file):\(line):\(column)" }

  /// What kind of node this is, for messages ("a mapping", "a list", "the text 'x'").
  public var found: String {
    switch kind {
    case .scalar(let s): return "'\(Excerpt.excerpt(s))'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .null: return "nothing"
    }
  }
}
