import OneStopModel

/// The schema of `compare.json` (`compare --out`): both scenarios, the run, and per KPI the
/// means, the paired difference B - A with its 95 % half-width and the unpaired
/// half-width. The writer encodes it; `onestop report` decodes it through `Key`,
/// `Side` and `Difference`.
public struct CompareFile: Encodable {
  /// The top-level keys, in the order they are written.
  public enum Key: String, CodingKey {
    case kind, a, b, seed, replications, onestop_version, differences
  }

  /// One scenario of the comparison.
  public struct Side: Codable, Sendable {
    public let scenario, file, scenario_hash: String

    public init(scenario: String, file: String, hash: String) {
      self.scenario = scenario
      self.file = file
      scenario_hash = hash
    }
  }

  public let a, b: Side
  public let seed: UInt64
  public let replications: Int
  public let version: String
  public let differences: [CompareDifference<Double>]

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
    try c.encode(differences, forKey: .differences)
  }
}

/// One KPI of a comparison: both means, the paired difference B - A, its 95 % half-width
/// and the half-width an unpaired comparison would have (`Number` is `Double` when
/// written; a reader's number may stand for the `null` of a value that is not finite).
public struct CompareDifference<Number>: Sendable where Number: Sendable {
  public let kpi: String
  public let unit: KPIUnit
  public let a, b, difference, half_width, unpaired_half_width: Number

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
