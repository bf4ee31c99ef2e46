/// An `Encoder` that builds a `JSONValue` tree: keys in the order `encode(to:)` writes
/// them (the declaration order of a synthesised conformance), numbers through
/// `JSONText.number` (a non-finite double becomes `null`, never an error), `nil`
/// optionals left out (`encodeIfPresent`) or `null` (`encodeNil`).
///
/// Foundation's `JSONEncoder` sorts keys or leaves their order unspecified, writes
/// doubles in its own format and refuses NaN; result files need none of that.
struct JSONTreeEncoder: Encoder {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.members == nil { node.members = [] }
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if node.elements == nil { node.elements = [] }
    return JSONUnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONSingleContainer(node: node, codingPath: codingPath)
  }

  /// The node of `value`: primitives as literals or strings, anything else through its
  /// own `encode(to:)`.
  static func node<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONNode {
    let n = JSONNode()
    switch value {
    case let d as Double: n.scalar = .literal(JSONText.number(d))
    case let f as Float: n.scalar = .literal(JSONText.number(Double(f)))
    case let s as String: n.scalar = .string(s)
    case let b as Bool: n.scalar = .literal(b ? "true" : "false")
    case let i as any BinaryInteger: n.scalar = .literal(String(describing: i))
    default: try value.encode(to: JSONTreeEncoder(node: n, codingPath: codingPath))
    }
    return n
  }
}

/// A node under construction: a scalar, an array or an object (whichever was asked for).
final class JSONNode {
  var scalar: JSONValue?
  var elements: [JSONNode]?
  var members: [(String, JSONNode)]?

  /// The finished value; a node nothing was encoded into is an empty object.
  var value: JSONValue {
    if let scalar { return scalar }
    if let elements { return .array(elements.map(\.value)) }
    return .object((members ?? []).map { JSONMember($0.0, $0.1.value) })
  }

  func set(_ key: String, _ child: JSONNode) {
    if let i = members!.firstIndex(where: { $0.0 == key }) {
      members![i].1 = child
    } else {
      members!.append((key, child))
    }
  }
}

/// The members of an object node, set in the order they are encoded.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    let n = JSONNode()
    n.scalar = .literal("null")
    node.set(key.stringValue, n)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    node.set(key.stringValue, try JSONTreeEncoder.node(value, codingPath: codingPath + [key]))
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
    node.set(key.stringValue, try JSONTreeEncoder.node(value, codingPath: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let n = JSONNode()
    n.members = []
    node.set(key.stringValue, n)
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: n, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let n = JSONNode()
    n.elements = []
    node.set(key.stringValue, n)
    return JSONUnkeyedContainer(node: n, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
  mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

  private func superEncoder(named key: String) -> any Encoder {
    let n = JSONNode()
    node.set(key, n)
    return JSONTreeEncoder(node: n, codingPath: codingPath)
  }
}

/// The elements of an array node, appended in order.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]
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
    let n = JSONNode()
    n.scalar = .literal("null")
    node.elements!.append(n)
  }

  mutating func encode<T: Encodable>(_ value: T) throws { try append(value) }

  private mutating func append<T: Encodable>(_ value: T) throws {
    node.elements!.append(try JSONTreeEncoder.node(value, codingPath: codingPath + [Index(count)]))
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
    let n = JSONNode()
    n.members = []
    node.elements!.append(n)
    return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(node: n, codingPath: codingPath + [Index(count - 1)]))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let n = JSONNode()
    n.elements = []
    node.elements!.append(n)
    return JSONUnkeyedContainer(node: n, codingPath: codingPath + [Index(count - 1)])
  }

  mutating func superEncoder() -> any Encoder {
    let n = JSONNode()
    node.elements!.append(n)
    return JSONTreeEncoder(node: n, codingPath: codingPath)
  }
}

/// One value: a scalar, or a whole array or object encoded by a wrapper type.
struct JSONSingleContainer: SingleValueEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]

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

  private mutating func set<T: Encodable>(_ value: T) throws {
    let n = try JSONTreeEncoder.node(value, codingPath: codingPath)
    node.scalar = n.scalar
    node.elements = n.elements
    node.members = n.members
  }
}

extension JSONText {
  /// The JSON document of `value`, ending with a line feed: keys in encoding order,
  /// numbers in the one format of `number(_:)`, laid out by `JSONValue.text(expand:)`
  /// (`expand: 0`, one line: a journal line).
  public static func encode<T: Encodable>(_ value: T, expand: Int = 2) -> String {
    tree(value).text(expand: expand) + "\n"
  }

  /// The tree of `value`. Encoding into this tree cannot fail for onestop's own types;
  /// a conformance that throws is a programming error.
  public static func tree<T: Encodable>(_ value: T) -> JSONValue {
    do { return try JSONTreeEncoder.node(value, codingPath: []).value } catch {
      preconditionFailure("JSONText.encode: \(error)")
    }
  }
}
