/// A JSON value whose objects keep their keys in the order they were encoded: the tree
/// `JSONText.encode` builds from an `Encodable` value before writing it.
///
/// Numbers, booleans and null are kept as their final text (`literal`), already in the
/// one number format of `JSONText.number`, so writing never formats a number twice.
public indirect enum JSONValue: Sendable, Equatable {
  /// A number, `true`, `false` or `null`, as written.
  case literal(String)
  case string(String)
  case array([JSONValue])
  /// Members in encoding order (a key encoded twice keeps its first place, last value).
  case object([JSONMember])

  /// True for a non-empty array or object: what makes a container worth a line per member.
  var isNonEmptyContainer: Bool {
    switch self {
    case .array(let a): return !a.isEmpty
    case .object(let o): return !o.isEmpty
    default: return false
    }
  }

  /// The JSON text. Containers less than `expand` levels deep that hold a non-empty
  /// container get one member per line (two spaces of indent per level); every other
  /// container is written on one line, `{"key": value, ...}` and `[a, b]`. So a file
  /// reads as a table: one line per KPI, per row, per point.
  public func text(expand: Int, depth: Int = 0) -> String {
    switch self {
    case .literal(let t): return t
    case .string(let s): return JSONText.string(s)
    case .array(let items):
      if items.isEmpty { return "[]" }
      if depth < expand && items.contains(where: \.isNonEmptyContainer) {
        let pad = String(repeating: "  ", count: depth + 1)
        return "[\n" + items.map { pad + $0.text(expand: expand, depth: depth + 1) }.joined(separator: ",\n")
          + "\n" + String(repeating: "  ", count: depth) + "]"
      }
      return "[" + items.map { $0.text(expand: expand, depth: depth + 1) }.joined(separator: ", ") + "]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      func member(_ m: JSONMember) -> String {
        JSONText.string(m.key) + ": " + m.value.text(expand: expand, depth: depth + 1)
      }
      if depth < expand && members.contains(where: \.value.isNonEmptyContainer) {
        let pad = String(repeating: "  ", count: depth + 1)
        return "{\n" + members.map { pad + member($0) }.joined(separator: ",\n") + "\n"
          + String(repeating: "  ", count: depth) + "}"
      }
      return "{" + members.map(member).joined(separator: ", ") + "}"
    }
  }
}

/// One key and its value in a `JSONValue.object`.
public struct JSONMember: Sendable, Equatable {
  public let key: String
  public let value: JSONValue

  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
