/// The names a scenario gives beside its ids in each report language (`name_vi` beside
/// `name`; a desk group's `name`), by scoped key: `unit:pasc`, `agency:TNMT@pasc`,
/// `procedure:land-first`, `desk:pasc/land`, `field:land`, the scopes a KPI name uses; `description` is
/// the scenario's description (`description_vi`), `title` its title (`title`, `title_vi`).
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
  /// `description` and `title` the whole keys of the scenario's description and title.
  public enum Kind: String, Sendable {
    case unit, agency, procedure, desk, field, description, title
  }

  /// The scoped key of `id` (`unit:pasc`).
  public static func key(_ kind: Kind, _ id: String) -> String { "\(kind.rawValue):\(id)" }

  /// Whether the scenario gave no name beside the configuration's own (a title alone does
  /// not count: it names no unit, so a scenario with only a title names them as before).
  public var isEmpty: Bool {
    let title = Kind.title.rawValue
    return vi.keys.allSatisfy { $0 == title } && en.keys.allSatisfy { $0 == title }
  }

  /// The name of `key` in `language`: that language's name, else the other's; `own` is
  /// the configuration's name (English), nil when the scenario gave none; the id last.
  public func name(_ key: String, own: String?, id: String, in language: String) -> String {
    let english = own ?? en[key]
    return (language == "vi" ? vi[key] ?? english : english ?? vi[key]) ?? id
  }
}
