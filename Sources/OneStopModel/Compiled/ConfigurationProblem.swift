/// One thing wrong with a configuration: where (a typed location: unit 3, its parent),
/// what was expected, and, as a value, why.
///
/// Names no key of the scenario file: the scenario layer places a problem on the line
/// that wrote it and names its fields with the file's keys.
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

  /// Which entity and field the problem is about.
  public let location: ProblemLocation
  /// What is wrong and what was expected, naming fields as values.
  public let text: ProblemText
  public let cause: Cause

  public init(_ location: ProblemLocation, _ text: ProblemText, cause: Cause = .invalid) {
    self.location = location
    self.text = text
    self.cause = cause
  }

  /// The property path in `ModelConfiguration` (`units[3].parent`).
  public var path: String { location.description }
  /// The text with the Swift property names.
  public var message: String { text.description }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }

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
