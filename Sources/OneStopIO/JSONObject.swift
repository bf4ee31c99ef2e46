/// A JSON object whose keys are data (KPI names, parameter keys), in the order given:
/// `{"b": ..., "a": ...}`. A dictionary would lose the order.
public struct JSONObject<Value: Encodable>: Encodable {
  public let members: [(String, Value)]

  public init(_ members: [(String, Value)]) {
    self.members = members
  }

  /// A key that is any string.
  private struct Key: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    for (k, v) in members { try c.encode(v, forKey: Key(stringValue: k)) }
  }
}
