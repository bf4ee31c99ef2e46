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
  }
}
