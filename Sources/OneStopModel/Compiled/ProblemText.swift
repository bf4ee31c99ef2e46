/// What a configuration problem says: text that may name fields, kept as values so that
/// whoever reports the problem names them (the scenario layer with the file's keys,
/// `description` with the Swift properties).
///
/// Written as an interpolation: `"\(key: .pIncomplete) + \(key: .pRefused) must not exceed 1"`.
public struct ProblemText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
  /// Literal text, or a field to be named.
  public enum Part: Sendable, Hashable {
    case text(String)
    case field(ConfigurationField)
  }

  public private(set) var parts: [Part]

  public init(stringLiteral value: String) { parts = [.text(value)] }

  public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

  /// The text with each field named by `name`.
  public func rendered(_ name: (ConfigurationField) -> String) -> String {
    parts.map { part in
      switch part {
      case .text(let s): return s
      case .field(let f): return name(f)
      }
    }.joined()
  }

  /// The text with the Swift property names.
  public var description: String { rendered(\.description) }

  /// Builds a `ProblemText` from literal segments, values and `key:` references.
  public struct StringInterpolation: StringInterpolationProtocol {
    var parts: [Part] = []

    public init(literalCapacity: Int, interpolationCount: Int) {}

    public mutating func appendLiteral(_ literal: String) { append(literal) }

    /// Any value, as `String(describing:)` writes it.
    public mutating func appendInterpolation<T>(_ value: T) { append(String(describing: value)) }

    /// A field, named by whoever reports the problem.
    public mutating func appendInterpolation(key field: ConfigurationField) { parts.append(.field(field)) }

    private mutating func append(_ s: String) {
      guard !s.isEmpty else { return }
      if case .text(let t)? = parts.last { parts[parts.count - 1] = .text(t + s) } else { parts.append(.text(s)) }
    }
  }
}
