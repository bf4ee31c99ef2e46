/// One thing wrong with a configuration: where (a key path such as
/// `units[3].parent`), what was expected, and, as a value, why.
public struct ConfigurationProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of thing a name refers to.
  public enum Reference: String, Sendable, Equatable {
    case unit, agency, agencyKind, procedure, level, field
  }

  /// The cause as a value, so that the scenario layer decides what to add (a "did you
  /// mean") or to leave out (an echo of another problem) without reading the message.
  public enum Cause: Sendable, Equatable {
    /// A value out of range or inconsistent with another.
    case invalid
    /// A name that matches nothing of its kind; `known` are the names that exist.
    case unknown(Reference, name: String, known: [String])
    /// A procedure received at a unit where no agency can do one of its steps: a
    /// consequence whenever the unit's parent (or the step's agency) is wrong.
    case noRoute(procedure: String, unit: String)
  }

  /// Key path in the configuration (and in the scenario file).
  public let path: String
  /// What is wrong and what was expected.
  public let message: String
  public let cause: Cause

  public init(_ path: String, _ message: String, cause: Cause = .invalid) {
    self.path = path
    self.message = message
    self.cause = cause
  }

  public var description: String { "\(path): \(message)" }

  /// The procedure this problem is about, when it is one of its references.
  public var procedure: String? {
    switch cause {
    case .unknown(.procedure, let name, _): return name
    case .noRoute(let procedure, _): return procedure
    default: return nil
    }
  }
}

/// Every problem found while compiling a configuration; never just the first.
public struct ConfigurationErrors: Error, CustomStringConvertible, Sendable {
  public let problems: [ConfigurationProblem]
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
