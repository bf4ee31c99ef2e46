/// An `Encoder` that builds a tree of `JSONNode`s: keys in the order `encode(to:)` writes
/// them (the declaration order of a synthesised conformance), numbers through
/// `JSONText.number` (a non-finite double becomes `null`, never an error), `nil`
/// optionals left out (`encodeIfPresent`) or `null` (`encodeNil`).
///
/// Foundation's `JSONEncoder` sorts keys or leaves their order unspecified, writes
/// doubles in its own format and refuses NaN; result files need none of that.
struct JSONTreeEncoder: Encoder {
  let node: JSONNode
  var codingPath: [any CodingKey] { node.codingPath }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.members == nil { node.members = [] }
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if node.elements == nil { node.elements = [] }
    return JSONUnkeyedContainer(node: node)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONSingleContainer(node: node)
  }

  /// A new node under `parent` at `key`, holding `value`.
  static func node<T: Encodable>(_ value: T, parent: JSONNode?, key: (any CodingKey)?) throws -> JSONNode {
    let n = JSONNode(parent: parent, key: key)
    try fill(n, with: value)
    return n
  }

  /// Encodes `value` into the empty node `n`: primitives as literals or strings (the
  /// common ones tested first, by their type), anything else through its own `encode(to:)`.
  static func fill<T: Encodable>(_ n: JSONNode, with value: T) throws {
    // The types most values have, by identity (a cast costs a conformance look-up).
    if T.self == Double.self {
      n.scalar = .literal(JSONText.number(value as! Double))
      return
    }
    if T.self == String.self {
      n.scalar = .string(value as! String)
      return
    }
    if T.self == Int.self {
      n.scalar = .literal(String(value as! Int))
      return
    }
    switch value {
    case let d as Double: n.scalar = .literal(JSONText.number(d))
    case let s as String: n.scalar = .string(s)
    case let i as Int: n.scalar = .literal(String(i))
    case let f as Float: n.scalar = .literal(JSONText.number(Double(f)))
    case let b as Bool: n.scalar = .literal(b ? "true" : "false")
    case let i as any BinaryInteger: n.scalar = .literal(String(describing: i))
    default: try value.encode(to: JSONTreeEncoder(node: n))
    }
  }
}

/// The members of an object node, set in the order they are encoded.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  var codingPath: [any CodingKey] { node.codingPath }

  mutating func encodeNil(forKey key: Key) throws {
    let n = JSONNode(parent: node, key: key)
    n.scalar = .literal("null")
    node.set(key.stringValue, n)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    node.set(key.stringValue, try JSONTreeEncoder.node(value, parent: node, key: key))
  }

  // The primitive overloads all go through the generic path: one place for formats.
  mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }

  private mutating func put<T: Encodable>(_ value: T, _ key: Key) throws {
    node.set(key.stringValue, try JSONTreeEncoder.node(value, parent: node, key: key))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let n = JSONNode(parent: node, key: key)
    n.members = []
    node.set(key.stringValue, n)
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: n))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let n = JSONNode(parent: node, key: key)
    n.elements = []
    node.set(key.stringValue, n)
    return JSONUnkeyedContainer(node: n)
  }

  mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
  mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

  private func superEncoder(named key: String) -> any Encoder {
    let n = JSONNode(parent: node)
    node.set(key, n)
    return JSONTreeEncoder(node: n)
  }
}

/// The elements of an array node, appended in order.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey] { node.codingPath }
  var count: Int { node.elements?.count ?? 0 }

  /// The key of the next element, for coding paths.
  private struct Index: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
  }

  mutating func encodeNil() throws {
    let n = JSONNode(parent: node, key: Index(count))
    n.scalar = .literal("null")
    node.elements!.append(n)
  }

  mutating func encode<T: Encodable>(_ value: T) throws { try append(value) }

  private mutating func append<T: Encodable>(_ value: T) throws {
    node.elements!.append(try JSONTreeEncoder.node(value, parent: node, key: Index(count)))
  }

  mutating func encode(_ value: Bool) throws { try append(value) }
  mutating func encode(_ value: String) throws { try append(value) }
  mutating func encode(_ value: Double) throws { try append(value) }
  mutating func encode(_ value: Float) throws { try append(value) }
  mutating func encode(_ value: Int) throws { try append(value) }
  mutating func encode(_ value: Int8) throws { try append(value) }
  mutating func encode(_ value: Int16) throws { try append(value) }
  mutating func encode(_ value: Int32) throws { try append(value) }
  mutating func encode(_ value: Int64) throws { try append(value) }
  mutating func encode(_ value: UInt) throws { try append(value) }
  mutating func encode(_ value: UInt8) throws { try append(value) }
  mutating func encode(_ value: UInt16) throws { try append(value) }
  mutating func encode(_ value: UInt32) throws { try append(value) }
  mutating func encode(_ value: UInt64) throws { try append(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let n = JSONNode(parent: node, key: Index(count))
    n.members = []
    node.elements!.append(n)
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: n))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let n = JSONNode(parent: node, key: Index(count))
    n.elements = []
    node.elements!.append(n)
    return JSONUnkeyedContainer(node: n)
  }

  mutating func superEncoder() -> any Encoder {
    let n = JSONNode(parent: node)
    node.elements!.append(n)
    return JSONTreeEncoder(node: n)
  }
}

/// One value: a scalar, or a whole array or object encoded by a wrapper type.
struct JSONSingleContainer: SingleValueEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey] { node.codingPath }

  mutating func encodeNil() throws { node.scalar = .literal("null") }

  mutating func encode(_ value: Bool) throws { try set(value) }
  mutating func encode(_ value: String) throws { try set(value) }
  mutating func encode(_ value: Double) throws { try set(value) }
  mutating func encode(_ value: Float) throws { try set(value) }
  mutating func encode(_ value: Int) throws { try set(value) }
  mutating func encode(_ value: Int8) throws { try set(value) }
  mutating func encode(_ value: Int16) throws { try set(value) }
  mutating func encode(_ value: Int32) throws { try set(value) }
  mutating func encode(_ value: Int64) throws { try set(value) }
  mutating func encode(_ value: UInt) throws { try set(value) }
  mutating func encode(_ value: UInt8) throws { try set(value) }
  mutating func encode(_ value: UInt16) throws { try set(value) }
  mutating func encode(_ value: UInt32) throws { try set(value) }
  mutating func encode(_ value: UInt64) throws { try set(value) }

  mutating func encode<T: Encodable>(_ value: T) throws { try set(value) }

  /// The value replaces whatever the node held.
  private mutating func set<T: Encodable>(_ value: T) throws {
    node.scalar = nil
    node.elements = nil
    node.members = nil
    try JSONTreeEncoder.fill(node, with: value)
  }
}

extension JSONText {
  /// The JSON document of `value`, ending with a line feed: keys in encoding order,
  /// numbers in the one format of `number(_:)`, laid out as `JSONNode.write` says
  /// (`expand: 0`, one line: a journal line).
  public static func encode<T: Encodable>(_ value: T, expand: Int = 2) -> String {
    var out: [UInt8] = []
    tree(value).write(to: &out, expand: expand)
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
  }

  /// The tree of `value`. Encoding into this tree cannot fail for onestop's own types;
  /// a conformance that throws is a programming error.
  static func tree<T: Encodable>(_ value: T) -> JSONNode {
    do { return try JSONTreeEncoder.node(value, parent: nil, key: nil) } catch {
      preconditionFailure("JSONText.encode: \(error)")
    }
  }
}
