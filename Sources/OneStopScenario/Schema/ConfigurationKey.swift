import DESKernel
import OneStopModel

/// What a scenario key holds, and in which unit: the reader parses by it, the key
/// reference describes it, and the printed priors write values back in it.
public enum KeyKind: Sendable {
  case text
  case flag
  /// A whole number in `min ... max`; `what` names it in messages ("a number of desks").
  case whole(min: Int, max: Int, what: String)
  /// A number in `min ... max`.
  case number(min: Double, max: Double, what: String)
  case probability
  case time
  case date
  /// Whole working days, written as a duration (`3wd` or `3`).
  case workingDays
  case duration(DurationUnit)
  case distribution(DurationUnit)
  case choice([String])
  /// Anything else (lists, schedules, ramps); read by the section's own code and
  /// described here for the key reference.
  case other(String)

  /// How the key reference describes it.
  public var summary: String {
    switch self {
    case .text: return "text"
    case .flag: return "true or false"
    case .whole(let lo, let hi, _): return "whole number, \(lo) to \(hi)"
    case .number(let lo, let hi, _): return "number, \(ConfigurationText.number(lo)) to \(ConfigurationText.number(hi))"
    case .probability: return "probability, 0 to 1"
    case .time: return "time of day HH:MM"
    case .date: return "date YYYY-MM-DD"
    case .workingDays: return "working days (`3wd`), 0 to \(Int(ModelLimits.delayWorkingDays))"
    case .duration(let u): return "duration in \(u.referenceName), up to \(u.maximum.text)"
    case .distribution(let u): return "distribution of durations in \(u.referenceName), mean up to \(u.maximum.text)"
    case .choice(let options): return options.map { "`\($0)`" }.joined(separator: ", ")
    case .other(let text): return text
    }
  }
}

extension DurationUnit {
  /// The unit's name in the key reference (a bare number means this unit).
  public var referenceName: String {
    switch self {
    case .seconds: return "seconds"
    case .hours: return "hours"
    case .workingDays: return "working days"
    }
  }
}

/// Where a key's value is stored in its section's Swift value.
public enum KeyBinding<Root> {
  case number(WritableKeyPath<Root, Double>)
  case whole(WritableKeyPath<Root, Int>)
  case flag(WritableKeyPath<Root, Bool>)
  case distribution(WritableKeyPath<Root, Distribution>)
  case time(WritableKeyPath<Root, TimeOfDay>)
  /// A time that may be absent (`null`: none).
  case optionalTime(WritableKeyPath<Root, TimeOfDay?>)
  case optionalDate(WritableKeyPath<Root, CivilDate?>)
  case optionalNumber(WritableKeyPath<Root, Double?>)
  /// A distribution that may be absent (`null`: none).
  case optionalDistribution(WritableKeyPath<Root, Distribution?>)
  /// An enumeration, by its raw text.
  case choice(get: (Root) -> String, set: (inout Root, String) -> Bool)
  /// Read by the section's own code (lists, schedules, ids).
  case custom
}

/// One key of a scenario section: its name in the file, what it holds, where it is
/// stored, what it means, and, for a prior, why its default is only assumed.
///
/// Why: one table per section drives the reader, the did-you-mean hints, the
/// defaults, the printed priors and the key reference in `docs/scenario-format.md`,
/// so that a key cannot be readable but unprintable, or printed but not settable.
public struct ConfigurationKey<Root> {
  /// Name in the file (`return_delay`).
  public let key: String
  public let kind: KeyKind
  public let binding: KeyBinding<Root>
  /// What it means, for the key reference.
  public let doc: String
  /// Set for a prior (no source document fixes it): why, and what the default rests
  /// on. Priors are listed by every run.
  public let prior: String?
  /// Whether the file must give it.
  public let required: Bool

  public init(
    _ key: String, _ kind: KeyKind, _ binding: KeyBinding<Root>, doc: String, prior: String? = nil,
    required: Bool = false
  ) {
    self.key = key
    self.kind = kind
    self.binding = binding
    self.doc = doc
    self.prior = prior
    self.required = required
  }

  /// The value `root` holds for this key, as a file writes it (nil for custom keys).
  public func text(of root: Root) -> String? {
    switch binding {
    case .number(let k):
      if case .workingDays = kind { return DurationUnit.workingDays.text(root[keyPath: k]) }
      return ConfigurationText.number(root[keyPath: k])
    case .whole(let k):
      if case .workingDays = kind { return "\(root[keyPath: k])wd" }
      if case .duration(let u) = kind { return u.text(Double(root[keyPath: k])) }
      return "\(root[keyPath: k])"
    case .flag(let k): return "\(root[keyPath: k])"
    case .distribution(let k):
      guard case .distribution(let u) = kind else { return root[keyPath: k].description }
      return ConfigurationText.distribution(root[keyPath: k], unit: u)
    case .time(let k): return root[keyPath: k].description
    case .optionalTime(let k): return root[keyPath: k]?.description ?? "null"
    case .optionalDate(let k): return root[keyPath: k]?.description ?? "null"
    case .optionalNumber(let k): return root[keyPath: k].map(ConfigurationText.number) ?? "null"
    case .optionalDistribution(let k):
      guard let d = root[keyPath: k] else { return "null" }
      guard case .distribution(let u) = kind else { return d.description }
      return ConfigurationText.distribution(d, unit: u)
    case .choice(let get, _): return get(root)
    case .custom: return nil
    }
  }
}

extension ConfigurationKey {
  /// A key stored in an enumeration's raw value.
  public static func choice<E: RawRepresentable & CaseIterable>(
    _ key: String, _ path: WritableKeyPath<Root, E>, doc: String, prior: String? = nil
  ) -> ConfigurationKey where E.RawValue == String {
    ConfigurationKey(
      key, .choice(E.allCases.map(\.rawValue)),
      .choice(
        get: { $0[keyPath: path].rawValue },
        set: { root, text in
          guard let v = E(rawValue: text) else { return false }
          root[keyPath: path] = v
          return true
        }), doc: doc, prior: prior)
  }

  /// A key read by the section's own code, listed for hints and the key reference.
  public static func custom(_ key: String, _ kind: KeyKind, doc: String, required: Bool = false) -> ConfigurationKey {
    ConfigurationKey(key, kind, .custom, doc: doc, required: required)
  }
}
