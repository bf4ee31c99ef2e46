import OneStopModel

/// A key of a result row, spelled by the table of measures (`MeasureColumn.jsonKey`) or
/// by the row (`key`, `month`).
struct ResultKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// One row of a breakdown of `summary.json` (`by_level`, `by_agency`, `by_field`,
/// `by_procedure`, `by_channel`): its key and one value per `BreakdownColumn`. The one type
/// of the row from the summary to the report: the writers encode it with estimates
/// (`Estimate`), the report decodes it with its own (`Value` is whatever holds a
/// `{"mean": m, "ci95": [low, high]}`).
public struct BreakdownRow<Value> {
  public let key: String
  /// One value per column, in `BreakdownColumn` order.
  public let values: [Value]

  /// The row `key` with `value(column)` in every column.
  public init(key: String, _ value: (BreakdownColumn) -> Value) {
    self.key = key
    values = BreakdownColumn.allCases.map(value)
  }

  public subscript(_ column: BreakdownColumn) -> Value { values[column.rawValue] }
}

extension BreakdownRow: Sendable where Value: Sendable {}

extension BreakdownRow: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ResultKey.self)
    try c.encode(key, forKey: ResultKey("key"))
    for column in BreakdownColumn.allCases { try c.encode(self[column], forKey: ResultKey(column.jsonKey)) }
  }
}

extension BreakdownRow: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ResultKey.self)
    key = try c.decode(String.self, forKey: ResultKey("key"))
    values = try BreakdownColumn.allCases.map { try c.decode(Value.self, forKey: ResultKey($0.jsonKey)) }
  }
}

/// One (month, level) row of the monthly series (`summary.json`'s `months`, `months.csv`):
/// one value per `MonthColumn`, encoded by the writers and decoded by the report.
public struct MonthRow<Value> {
  public let month, level: String
  /// One value per column, in `MonthColumn` order.
  public let values: [Value]

  /// The row of `month` and `level` with `value(column)` in every column.
  public init(month: String, level: String, _ value: (MonthColumn) -> Value) {
    self.month = month
    self.level = level
    values = MonthColumn.allCases.map(value)
  }

  public subscript(_ column: MonthColumn) -> Value { values[column.rawValue] }
}

extension MonthRow: Sendable where Value: Sendable {}

extension MonthRow: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ResultKey.self)
    try c.encode(month, forKey: ResultKey("month"))
    try c.encode(level, forKey: ResultKey("level"))
    for column in MonthColumn.allCases { try c.encode(self[column], forKey: ResultKey(column.jsonKey)) }
  }
}

extension MonthRow: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: ResultKey.self)
    month = try c.decode(String.self, forKey: ResultKey("month"))
    level = try c.decode(String.self, forKey: ResultKey("level"))
    values = try MonthColumn.allCases.map { try c.decode(Value.self, forKey: ResultKey($0.jsonKey)) }
  }
}
