/// The names a scenario gives beside its ids in each report language (`name_vi` beside
/// `name`; a desk group's `name`), by scoped key: `unit:pasc`, `agency:TNMT@pasc`,
/// `procedure:land-first`, `desk:pasc/land`, the scopes a KPI name uses; `description` is
/// the scenario's description (`description_vi`).
///
/// Names never change what is simulated: they are outside the configuration's
/// `String(describing:)`, and so outside the scenario's hash.
public struct ScenarioNames: Sendable, Equatable {
  /// The language the run's name columns are written in (`report_language`; `vi` or `en`).
  public var language = "vi"
  /// Vietnamese names.
  public var vi: [String: String] = [:]
  /// English names of what has no `name` in the configuration (desk groups).
  public var en: [String: String] = [:]

  public init() {}

  /// What a scoped key names; its raw value is the key's prefix (`unit:pasc`), and
  /// `description` the whole key of the scenario's description.
  public enum Kind: String, Sendable {
    case unit, agency, procedure, desk, description
  }

  /// The scoped key of `id` (`unit:pasc`).
  public static func key(_ kind: Kind, _ id: String) -> String { "\(kind.rawValue):\(id)" }

  /// Whether the scenario gave no name beside the configuration's own.
  public var isEmpty: Bool { vi.isEmpty && en.isEmpty }

  /// The name of `key` in `language`: that language's name, else the other's; `own` is
  /// the configuration's name (English), nil when the scenario gave none; the id last.
  public func name(_ key: String, own: String?, id: String, in language: String) -> String {
    let english = own ?? en[key]
    return (language == "vi" ? vi[key] ?? english : english ?? vi[key]) ?? id
  }
}
