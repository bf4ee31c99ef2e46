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

  /// The property path in `ModelConfiguration`, e.g. `units[3].desks[0].serviceTimeFactor`.
  public var description: String {
    var out = Self.swiftPath(entity)
    if let field { out += (out.isEmpty ? "" : ".") + "\(field)" }
    if let part { out += "." + Self.swiftPart(part) }
    return out
  }

  /// The entity's path in `ModelConfiguration` (the file uses the same path except for
  /// weekday periods).
  public static func swiftPath(_ entity: Entity) -> String {
    switch entity {
    case .configuration: return ""
    case .calendar: return "calendar"
    case .behaviour: return "behaviour"
    case .rules: return "rules"
    case .level(let i): return "levels[\(i)]"
    case .field(let i): return "fields[\(i)]"
    case .unit(let i): return "units[\(i)]"
    case .deskGroup(let u, let k): return "units[\(u)].desks[\(k)]"
    case .agency(let i): return "agencies[\(i)]"
    case .procedure(let i): return "procedures[\(i)]"
    case .step(let p, let k): return "procedures[\(p)].steps[\(k)]"
    case .demand(let i): return "demand[\(i)]"
    case .mixEntry(let d, let k): return "demand[\(d)].mix[\(k)]"
    case .weekdayPeriod(let d, let k): return "demand[\(d)].weekdayFactorPeriods[\(k)]"
    case .backlog(let i): return "backlog[\(i)]"
    }
  }

  static func swiftPart(_ part: Part) -> String {
    switch part {
    case .day(let d): return ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][d]
    case .seasons: return "seasons"
    case .season(let k): return "seasons[\(k)]"
    }
  }
}
