/// Where a configuration problem lies, as values: which entity (by its index in the
/// configuration), which of its fields, and which part of that field.
///
/// The model knows the configuration, not the file it was read from: a unit expanded
/// from a `count` template, an agency from `at_level`, or a value set on the command
/// line all end up at an index here. The scenario layer turns a location into the
/// file's line, key path and key names (`ConfigurationField` names no key); Swift
/// callers get the configuration's own property path (`description`).
public struct ProblemLocation: Sendable, Hashable, CustomStringConvertible {
  /// The entity a problem is about; indices are those of the configuration's arrays.
  public enum Entity: Sendable, Hashable {
    /// The configuration itself (top-level values and the sizes of its lists).
    case configuration
    case calendar
    case behaviour
    case rules
    /// An entry of `levels` or `fields`.
    case level(Int)
    case field(Int)
    case unit(Int)
    /// Desk group `index` of unit `unit` (as configured, before a lunch stagger splits it).
    case deskGroup(unit: Int, index: Int)
    case agency(Int)
    case procedure(Int)
    case step(procedure: Int, index: Int)
    case demand(Int)
    /// Entry `index` of a demand's procedure mix.
    case mixEntry(demand: Int, index: Int)
    /// Period `index` of a demand's weekday factors from a date.
    case weekdayPeriod(demand: Int, index: Int)
    case backlog(Int)
    /// Period `index` of a unit's `digitisation` list.
    case digitisationPeriod(unit: Int, index: Int)
  }

  /// A part of an opening-hours field.
  public enum Part: Sendable, Hashable {
    /// A day of the base week, 0 = Monday.
    case day(Int)
    /// The list of seasons, or one of them.
    case seasons
    case season(Int)
  }

  public let entity: Entity
  /// The field of the entity, or nil for a problem about the entity as a whole (a rule
  /// across its fields).
  public let field: ConfigurationField?
  public let part: Part?

  public init(_ entity: Entity, _ field: ConfigurationField? = nil, _ part: Part? = nil) {
    self.entity = entity
    self.field = field
    self.part = part
  }

  /// The same entity with another field (and part).
  public func with(_ field: ConfigurationField?, _ part: Part? = nil) -> ProblemLocation {
    ProblemLocation(entity, field, part)
  }

  /// One step of a location's path from the configuration: a field, and the item's
  /// index when the field is a list (`units[3]` is `.units` at 3).
  public struct Step: Sendable, Hashable {
    public let field: ConfigurationField
    public let index: Int?
  }

  /// The location as steps from the configuration: `units[3].desks[0].serviceTimeFactor`
  /// is units at 3, desks at 0, serviceTimeFactor. Fields stay values: whoever prints a
  /// path names them (`path(_:)`).
  public var steps: [Step] {
    var out = Self.steps(entity)
    if let field { out.append(Step(field: field, index: nil)) }
    if let part { out.append(Self.step(part)) }
    return out
  }

  /// The path with each field named by `name`, e.g. `units[3].desks[0].serviceTimeFactor`
  /// with the Swift property names.
  public func path(_ name: (ConfigurationField) -> String) -> String {
    steps.map { step in name(step.field) + (step.index.map { "[\($0)]" } ?? "") }.joined(separator: ".")
  }

  /// The property path in `ModelConfiguration`, e.g. `units[3].desks[0].serviceTimeFactor`.
  public var description: String { path(\.description) }

  /// The entity's steps from the configuration.
  static func steps(_ entity: Entity) -> [Step] {
    func at(_ field: ConfigurationField, _ index: Int? = nil) -> Step { Step(field: field, index: index) }
    switch entity {
    case .configuration: return []
    case .calendar: return [at(.calendar)]
    case .behaviour: return [at(.behaviour)]
    case .rules: return [at(.rules)]
    case .level(let i): return [at(.levels, i)]
    case .field(let i): return [at(.fields, i)]
    case .unit(let i): return [at(.units, i)]
    case .deskGroup(let u, let k): return [at(.units, u), at(.desks, k)]
    case .agency(let i): return [at(.agencies, i)]
    case .procedure(let i): return [at(.procedures, i)]
    case .step(let p, let k): return [at(.procedures, p), at(.steps, k)]
    case .demand(let i): return [at(.demand, i)]
    case .mixEntry(let d, let k): return [at(.demand, d), at(.mix, k)]
    case .weekdayPeriod(let d, let k): return [at(.demand, d), at(.weekdayFactorPeriods, k)]
    case .backlog(let i): return [at(.backlog, i)]
    case .digitisationPeriod(let u, let k): return [at(.units, u), at(.digitisation, k)]
    }
  }

  /// A part's step below its field.
  static func step(_ part: Part) -> Step {
    switch part {
    case .day(let d): return Step(field: ConfigurationField.daysOfWeek[d], index: nil)
    case .seasons: return Step(field: .seasons, index: nil)
    case .season(let k): return Step(field: .seasons, index: k)
    }
  }
}
