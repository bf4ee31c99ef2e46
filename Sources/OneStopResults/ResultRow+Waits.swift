import OneStopModel

/// One level's desk waits (`summary.json`'s `desk_waits_by_level`): one value per
/// `LevelWaitColumn`, keyed `mean_min`, `p50_min`, ... (`LevelWaitColumn.shortKey`).
public struct LevelWaitsRow<Value> {
  public let level: String
  /// One value per column, in `LevelWaitColumn` order.
  public let values: [Value]

  /// The row of `level` with `value(column)` in every column.
  public init(level: String, _ value: (LevelWaitColumn) -> Value) {
    self.level = level
    values = LevelWaitColumn.allCases.map(value)
  }

  public subscript(_ column: LevelWaitColumn) -> Value { values[column.rawValue] }
}

extension LevelWaitsRow: Sendable where Value: Sendable {}

extension LevelWaitsRow: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ResultKey.self)
    try c.encode(level, forKey: ResultKey("level"))
    for column in LevelWaitColumn.allCases { try c.encode(self[column], forKey: ResultKey(column.shortKey)) }
  }
}

extension LevelWaitsRow: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ResultKey.self)
    level = try c.decode(String.self, forKey: ResultKey("level"))
    values = try LevelWaitColumn.allCases.map { try c.decode(Value.self, forKey: ResultKey($0.shortKey)) }
  }
}

/// A unit's mean and 90th-percentile desk wait (`summary.json`'s `desk_waits_by_unit`),
/// keyed as in `desk_waits_by_level` (`mean_min`, `p90_min`), with the unit's name
/// beside its id (a file written before names were there reads with the id as name).
public struct UnitWaitsRow<Value> {
  public let unit, name, level: String
  public let mean, p90: Value

  public init(unit: String, name: String, level: String, mean: Value, p90: Value) {
    self.unit = unit
    self.name = name
    self.level = level
    self.mean = mean
    self.p90 = p90
  }

  static var meanKey: ResultKey { ResultKey(LevelWaitColumn.mean.shortKey) }
  static var p90Key: ResultKey { ResultKey(LevelWaitColumn.p90.shortKey) }
}

extension UnitWaitsRow: Sendable where Value: Sendable {}

extension UnitWaitsRow: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ResultKey.self)
    try c.encode(unit, forKey: ResultKey("unit"))
    try c.encode(name, forKey: ResultKey("name"))
    try c.encode(level, forKey: ResultKey("level"))
    try c.encode(mean, forKey: Self.meanKey)
    try c.encode(p90, forKey: Self.p90Key)
  }
}

extension UnitWaitsRow: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ResultKey.self)
    let unit = try c.decode(String.self, forKey: ResultKey("unit"))
    self.init(
      unit: unit, name: try c.decodeIfPresent(String.self, forKey: ResultKey("name")) ?? unit,
      level: try c.decode(String.self, forKey: ResultKey("level")),
      mean: try c.decode(Value.self, forKey: Self.meanKey), p90: try c.decode(Value.self, forKey: Self.p90Key))
  }
}

/// An assumption of the run without a measured source (`summary.json`'s `priors`), as the
/// run printed it.
public struct SummaryPrior: Codable, Sendable {
  public let key, value, note: String

  public init(key: String, value: String, note: String) {
    self.key = key
    self.value = value
    self.note = note
  }
}
