/// One thing wrong with a configuration: where (a key path such as
/// `units[3].parent`) and what was expected.
public struct ConfigurationProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// Key path in the configuration (and in the scenario file).
  public let path: String
  /// What is wrong and what was expected.
  public let message: String

  public init(_ path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}

/// Every problem found while compiling a configuration; never just the first.
public struct ConfigurationErrors: Error, CustomStringConvertible, Sendable {
  public let problems: [ConfigurationProblem]
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
