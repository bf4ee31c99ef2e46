import OneStopModel

/// The schema of `compare.json` (`compare --out`): both scenarios, the run, and per KPI the
/// means, the paired difference B - A with its 95 % half-width and the unpaired
/// half-width. The writer encodes it; `onestop report` decodes it through `Key`,
/// `Side` and `Difference`.
public struct CompareFile: Encodable {
  /// The top-level keys, in the order they are written.
  public enum Key: String, CodingKey {
    case kind, a, b, seed, replications, onestop_version, changes, differences, uncertainty, scoped_differences
    case units
  }

  /// One scenario of the comparison.
  public struct Side: Codable, Sendable {
    public let scenario, file, scenario_hash: String
    /// The `--set` (and `--set-a`, `--set-b`) overrides applied to this side, as written;
    /// nil (and not written) without any.
    public var overrides: [String]?
    /// The scenario's title in English and in Vietnamese (`title`, `title_vi`), so that a
    /// report names the side in words, not by its id; nil (and not written) when not given.
    public var title, title_vi: String?
    /// The simulated period (first day, and the day after the last), for a report's title
    /// when the scenario gives none; nil in files of older versions.
    public var start, end: String?

    public init(scenario: String, file: String, hash: String, overrides: [String] = []) {
      self.scenario = scenario
      self.file = file
      scenario_hash = hash
      self.overrides = overrides.isEmpty ? nil : overrides
    }
  }

  /// A unit of A as a report names it: its id, name, level and parent's id.
  public struct UnitName: Codable, Sendable {
    public let id, name, level, parent: String
    public init(id: String, name: String, level: String, parent: String) {
      self.id = id
      self.name = name
      self.level = level
      self.parent = parent
    }
  }

  public let a, b: Side
  /// A's units, so that a report of the comparison alone names them (nil: not written).
  public var units: [UnitName]?
  public let seed: UInt64
  public let replications: Int
  public let version: String
  public let differences: [CompareDifference<Double>]
  /// How the parameters' ranges were propagated (`compare --uncertainty N`); nil (and not
  /// written) otherwise.
  public var uncertainty: UncertaintySummary.Propagation?
  /// What differs between A and B, key by key (`units[pasc].desks[land].count: 3 -> 4`).
  public var changes: [Change]?
  /// Every KPI at every scope (whole run, level, unit, desk group, agency, field), most
  /// significant first (`CompareDifference.scope`, `significance`).
  public var scoped: [CompareDifference<Double>]?

  /// A changed key of the comparison: its path and its value in A and in B.
  public struct Change: Codable, Sendable {
    public let key, a, b: String

    public init(key: String, a: String, b: String) {
      self.key = key
      self.a = a
      self.b = b
    }
  }

  public init(
    a: Side, b: Side, seed: UInt64, replications: Int, version: String, differences: [CompareDifference<Double>]
  ) {
    self.a = a
    self.b = b
    self.seed = seed
    self.replications = replications
    self.version = version
    self.differences = differences
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode("compare", forKey: .kind)
    try c.encode(a, forKey: .a)
    try c.encode(b, forKey: .b)
    try c.encode(seed, forKey: .seed)
    try c.encode(replications, forKey: .replications)
    try c.encode(version, forKey: .onestop_version)
    try c.encodeIfPresent(changes, forKey: .changes)
    try c.encode(differences, forKey: .differences)
    try c.encodeIfPresent(uncertainty, forKey: .uncertainty)
    try c.encodeIfPresent(scoped, forKey: .scoped_differences)
    try c.encodeIfPresent(units, forKey: .units)
  }
}

/// One KPI of a comparison: both means, the paired difference B - A, its 95 % half-width
/// and the half-width an unpaired comparison would have (`Number` is `Double` when
/// written; a reader's number may stand for the `null` of a value that is not finite).
/// With `--uncertainty`, also the difference's interval under noise alone (paired) and under
/// noise and parameters, which way the KPI is better, and the shares of the parameter sets
/// in which B is better and in which B is higher (left out of the file otherwise).
public struct CompareDifference<Number>: Sendable where Number: Sendable {
  public let kpi: String
  public let unit: KPIUnit
  public let a, b, difference, half_width, unpaired_half_width: Number
  public var ci95_noise, ci95_total: [Number]?
  /// `higher` or `lower`: which way the KPI is better; nil when it has no direction.
  public var better: String?
  public var share_b_better, share_b_higher: Number?
  /// In `scoped_differences`: the scope (`total`, `level`, `unit`, `desk`, `agency`,
  /// `field`) and |difference| / half-width (above 1: the interval excludes zero).
  public var scope: String?
  public var significance: Number?

  public init(
    kpi: String, unit: KPIUnit, a: Number, b: Number, difference: Number, halfWidth: Number, unpairedHalfWidth: Number
  ) {
    self.kpi = kpi
    self.unit = unit
    self.a = a
    self.b = b
    self.difference = difference
    half_width = halfWidth
    unpaired_half_width = unpairedHalfWidth
  }
}

extension CompareDifference: Encodable where Number: Encodable {}
extension CompareDifference: Decodable where Number: Decodable {}
