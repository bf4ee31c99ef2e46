/// A node of the tree `JSONText.encode` builds from an `Encodable` value before writing
/// it: a scalar, an array or an object (whichever was asked for). Objects keep their keys
/// in the order they were encoded (a key encoded twice keeps its first place, last value).
///
/// Numbers, booleans and null are kept as their final text (`literal`), already in the
/// one number format of `JSONText.number`, so writing never formats a number twice.
final class JSONNode {
  /// A number, `true`, `false` or `null` as written, or a string.
  enum Scalar {
    case literal(String)
    case string(String)
  }

  var scalar: Scalar?
  var elements: [JSONNode]?
  var members: [(String, JSONNode)]?
  /// The place of each key in `members`, once an object has many keys (a linear search
  /// per key is quadratic in a table of a thousand names).
  private var index: [String: Int]?
  /// The node this one was encoded into and its key there (nil for the root and for a
  /// `superEncoder`), from which `codingPath` is built when someone asks for it.
  unowned(unsafe) let parent: JSONNode?
  let key: (any CodingKey)?

  init(parent: JSONNode? = nil, key: (any CodingKey)? = nil) {
    self.parent = parent
    self.key = key
  }

  /// The keys from the root to this node.
  var codingPath: [any CodingKey] {
    var path: [any CodingKey] = []
    var n: JSONNode? = self
    while let node = n {
      if let key = node.key { path.append(key) }
      n = node.parent
    }
    return path.reversed()
  }

  /// Sets member `key` (in place when the key is already there).
  func set(_ key: String, _ child: JSONNode) {
    if let index {
      if let i = index[key] {
        members![i].1 = child
        return
      }
    } else if let i = members!.firstIndex(where: { $0.0 == key }) {
      members![i].1 = child
      return
    }
    members!.append((key, child))
    if index != nil {
      index![key] = members!.count - 1
    } else if members!.count == 16 {
      var map: [String: Int] = [:]
      for (i, m) in members!.enumerated() { map[m.0] = i }
      index = map
    }
  }

  /// True for a non-empty array or object: what makes a container worth a line per member.
  var isNonEmptyContainer: Bool {
    if scalar != nil { return false }
    if let elements { return !elements.isEmpty }
    return !(members?.isEmpty ?? true)
  }

  /// Appends the JSON text. Containers less than `expand` levels deep that hold a
  /// non-empty container get one member per line (two spaces of indent per level); every
  /// other container is written on one line, `{"key": value, ...}` and `[a, b]`. So a
  /// file reads as a table: one line per KPI, per row, per point. A node nothing was
  /// encoded into is an empty object.
  func write(to out: inout [UInt8], expand: Int, depth: Int = 0) {
    switch scalar {
    case .literal(let t)?:
      out.append(contentsOf: t.utf8)
      return
    case .string(let s)?:
      JSONText.appendString(s, to: &out)
      return
    case nil: break
    }
    if let items = elements {
      if items.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      let lines = depth < expand && items.contains(where: \.isNonEmptyContainer)
      out.append(contentsOf: (lines ? "[\n" : "[").utf8)
      for (k, item) in items.enumerated() {
        if k > 0 { out.append(contentsOf: (lines ? ",\n" : ", ").utf8) }
        if lines { JSONNode.indent(&out, depth + 1) }
        item.write(to: &out, expand: expand, depth: depth + 1)
      }
      if lines {
        out.append(0x0A)
        JSONNode.indent(&out, depth)
      }
      out.append(0x5D)
      return
    }
    let members = members ?? []
    if members.isEmpty {
      out.append(contentsOf: "{}".utf8)
      return
    }
    let lines = depth < expand && members.contains(where: \.1.isNonEmptyContainer)
    out.append(contentsOf: (lines ? "{\n" : "{").utf8)
    for (k, m) in members.enumerated() {
      if k > 0 { out.append(contentsOf: (lines ? ",\n" : ", ").utf8) }
      if lines { JSONNode.indent(&out, depth + 1) }
      JSONText.appendString(m.0, to: &out)
      out.append(0x3A)
      out.append(0x20)
      m.1.write(to: &out, expand: expand, depth: depth + 1)
    }
    if lines {
      out.append(0x0A)
      JSONNode.indent(&out, depth)
    }
    out.append(0x7D)
  }

  private static func indent(_ out: inout [UInt8], _ depth: Int) {
    for _ in 0..<(2 * depth) { out.append(0x20) }
  }
}

extension JSONText {
  /// Appends the UTF-8 of `string(s)`: most keys and values need no escape and are
  /// copied whole.
  static func appendString(_ s: String, to out: inout [UInt8]) {
    if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out.append(contentsOf: string(s).utf8)
    } else {
      out.append(0x22)
      out.append(contentsOf: s.utf8)
      out.append(0x22)
    }
  }
}
