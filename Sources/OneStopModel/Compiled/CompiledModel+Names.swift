extension CompiledModel {
  /// Every id and name of a compiled model, index for index with its tables: what
  /// reports, traces and random-stream names print. Kept apart so that the rows the
  /// event loop reads hold no string.
  public struct Names: Sendable {
    /// A unit's or a station's id and display name.
    public struct Entity: Sendable, Equatable {
      public let id: String
      public let name: String
    }

    /// A procedure's id, name and owner: the agency responsible for it (its first
    /// step's agency, or the kind of its nearest agency: the land office for a land
    /// certificate, even when a leader signs last; "desk" for a desk-only procedure).
    public struct Procedure: Sendable, Equatable {
      public let id: String
      public let name: String
      public let owner: String
    }

    public internal(set) var levels: [String]
    public internal(set) var fields: [String]
    public internal(set) var units: [Entity] = []
    /// Per desk group: the configured id, "ID/late" for the later half of a stagger.
    public internal(set) var deskGroups: [String] = []
    public internal(set) var stations: [Entity] = []
    public internal(set) var procedures: [Procedure] = []
    /// The scenario's names in each language (`name_vi`, desk groups' names), and the
    /// language the name columns of the run's files use.
    public internal(set) var translations = ScenarioNames()

    /// Unit u's name in `translations.language` (the other language's, then the id, when
    /// it has none).
    public func unitName(_ u: Int) -> String { name(.unit, units[u]) }
    /// Station s's name in `translations.language`.
    public func stationName(_ s: Int) -> String { name(.agency, stations[s]) }
    /// Procedure p's name in `translations.language`.
    public func procedureName(_ p: Int) -> String {
      let e = procedures[p]
      return translations.name(
        ScenarioNames.key(.procedure, e.id), own: e.name == e.id ? nil : e.name, id: e.id, in: translations.language)
    }

    func name(_ kind: ScenarioNames.Kind, _ e: Entity) -> String {
      translations.name(
        ScenarioNames.key(kind, e.id), own: e.name == e.id ? nil : e.name, id: e.id, in: translations.language)
    }

    /// These names with their name columns in `language` (`vi` or `en`).
    public func written(in language: String) -> Names {
      var copy = self
      copy.translations.language = language
      return copy
    }

    /// The names the scenario gives in `language` (`en`: the configuration's `name`s and
    /// the desk groups' and fields' `name`s; `vi`: the `name_vi`s), by scoped key (`unit:pasc`), in
    /// model order, for a report in either language; empty when the scenario gives no
    /// name beside the configuration's own.
    public func given(in language: String) -> [(key: String, name: String)] {
      let own = language == "en"
      let map = own ? translations.en : translations.vi
      let title = ScenarioNames.Kind.title.rawValue
      // A title alone is written without the names (which stay as before).
      guard !translations.isEmpty else { return map[title].map { [(key: title, name: $0)] } ?? [] }
      func named(_ kind: ScenarioNames.Kind, _ id: String, _ name: String) -> (key: String, name: String)? {
        let key = ScenarioNames.key(kind, id)
        return own ? (name == id ? nil : (key, name)) : map[key].map { (key, $0) }
      }
      let whole = [ScenarioNames.Kind.description.rawValue, title]
      let prefixes = [ScenarioNames.key(.desk, ""), ScenarioNames.key(.field, "")]
      let desks = map.keys.filter { k in prefixes.contains { k.hasPrefix($0) } || whole.contains(k) }.sorted().map {
        (key: $0, name: map[$0]!)
      }
      return units.compactMap { named(.unit, $0.id, $0.name) }
        + stations.compactMap { named(.agency, $0.id, $0.name) }
        + procedures.compactMap { named(.procedure, $0.id, $0.name) } + desks
    }
  }
}
