import DESKernel

/// Running estimates in a table: one row per key (a level, a unit, a month), one column
/// per measure, each cell a `Tally` of the value in every replication that had one. A
/// summary folds each replication into its tables and forgets it.
public struct EstimateTable<Column: CaseIterable & RawRepresentable & Sendable>: Sendable, Equatable
where Column.RawValue == Int {
  /// The rows' keys, in the model's order.
  public let keys: [String]
  private var tallies: [Tally]
  /// With `recording` (the long form, `run --long`): every value added, tagged with
  /// `replication`, the replication being folded. Off by default: a summary forgets.
  public var recording = false
  public var replication = 0
  public private(set) var recorded: [LongValue] = []

  public init(keys: [String]) {
    self.keys = keys
    tallies = Array(repeating: Tally(), count: keys.count * Column.allCases.count)
  }

  private func cell(_ row: Int, _ column: Column) -> Int { row * Column.allCases.count + column.rawValue }

  /// Adds one replication's values to row `row`: `value(column)`, or nothing for a
  /// column that returns nil (no observation in that replication: an hour without tickets).
  public mutating func add(row: Int, _ value: (Column) -> Double?) {
    for column in Column.allCases {
      guard let x = value(column) else { continue }
      tallies[cell(row, column)].add(x)
      if recording { recorded.append(LongValue(replication: replication, row: row, column: column.rawValue, value: x)) }
    }
  }

  /// The estimate of a cell over the replications that had a value (count 0 when none
  /// had one: an hour without tickets in every replication).
  public func estimate(_ row: Int, _ column: Column) -> Estimate { Estimate(tallies[cell(row, column)]) }
}

/// One value of one replication in a table's cell (the long form).
public struct LongValue: Sendable, Equatable {
  public let replication, row, column: Int
  public let value: Double
}
