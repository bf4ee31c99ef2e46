import Foundation

/// Writes a plan as a variant scenario: `extends:` the base file, then only the keys the
/// plan changes, in the scenario's own structure (list items by `id`, which `extends`
/// merges by id), so `onestop run plan.yaml` runs it and `onestop compare` compares it.
public enum StaffVariant {
  /// A tree of mapping keys and id-selected list items, built from key paths.
  final class Node {
    var keys: [(String, Node)] = []
    var items: [(String, Node)] = []
    var value: String?

    func child(_ s: StaffKeyPath.Segment) -> Node {
      switch s {
      case .key(let k):
        if let n = keys.first(where: { $0.0 == k })?.1 { return n }
        let n = Node()
        keys.append((k, n))
        return n
      case .item(let id):
        if let n = items.first(where: { $0.0 == id })?.1 { return n }
        let n = Node()
        items.append((id, n))
        return n
      }
    }
  }

  /// The variant's text. `base` is the path written after `extends:` (relative to where
  /// the variant is written, or absolute); each value is YAML text (a count, an option's value).
  public static func text(
    base: String, name: String, comment: [String], assignments: [(key: String, value: String)]
  ) -> String {
    var lines = comment.map { "# " + $0 }
    lines.append("extends: \(quote(base))")
    lines.append("scenario: \(quote(name))")
    return lines.joined(separator: "\n") + "\n" + body(assignments: assignments)
  }

  /// The changed keys in the scenario's own structure (list items by `id`), one value
  /// (already YAML text) per key path.
  public static func body(assignments: [(key: String, value: String)]) -> String {
    let root = Node()
    for (key, value) in assignments {
      var n = root
      for s in StaffKeyPath.segments(key) { n = n.child(s) }
      n.value = value
    }
    var lines: [String] = []
    func emit(_ n: Node, indent: String) {
      for (k, c) in n.keys {
        if let v = c.value {
          lines.append("\(indent)\(quote(k)): \(v)")
        } else if !c.items.isEmpty {
          lines.append("\(indent)\(quote(k)):")
          for (id, item) in c.items {
            lines.append("\(indent)  - id: \(quote(id))")
            emit(item, indent: indent + "    ")
          }
        } else {
          lines.append("\(indent)\(quote(k)):")
          emit(c, indent: indent + "  ")
        }
      }
    }
    emit(root, indent: "")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A YAML scalar, quoted when it could be read as something else.
  public static func quote(_ s: String) -> String {
    let plain = s.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } && !s.isEmpty && !s.first!.isNumber
    return plain
      ? s : "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
