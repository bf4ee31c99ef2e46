/// A column of the service index's results (`index766.csv`, summary.json's `index766`):
/// one part of the score card, in the order of `Measure.index766Parts`.
public enum Index766Column: Int, MeasureColumn {
  case total, computed, transparency, timeliness, online, payment, digitisation, satisfaction, onTime, trueOnTime
  case judged, late, openLate, lateReceptions, multipleSupplements

  public var measure: Measure { Measure.index766[rawValue] }
  /// The part's value from a score card and its counts.
  public var part: Index766Part { Measure.index766Parts[rawValue] }
}

/// Where a row of the index table belongs: the province, a level or a unit, in one month
/// of the statistics period or over the whole period.
public struct Index766Row: Sendable {
  /// The province, a level (by index) or a unit (by index).
  public enum Scope: Sendable, Equatable {
    case all
    case level(Int)
    case unit(Int)
  }

  public let scope: Scope
  /// Index of the month in `ReplicationSummary.index766Months`, nil for the whole period.
  public let month: Int?
}

extension ReplicationSummary {
  /// The scopes of the index table: the province, each level, each unit (empty when the
  /// scenario has no `index766`).
  static func index766Scopes(_ model: CompiledModel) -> [Index766Row.Scope] {
    guard model.index766 != nil else { return [] }
    return [.all] + model.names.levels.indices.map { .level($0) } + model.units.indices.map { .unit($0) }
  }

  /// The months of the statistics period ("YYYY-MM"), each a period of the index.
  public var index766Months: [String] { Array(RunMonths(model).labels[firstReportedMonth...]) }

  /// Rows per scope: the months of the statistics period and the period itself. Counted
  /// without `index766Months`, which builds the run's months and labels anew: the loop over
  /// every scope and month asked it 5,033 times in a Hà Nội year (240 M instructions, 1 %).
  var index766RowsPerScope: Int { poolMonthCount + 1 }

  /// Row `k` of `index766`: scope-major, each scope's months then its whole period.
  public func index766Row(_ k: Int) -> Index766Row {
    let perScope = index766RowsPerScope
    let m = k % perScope
    return Index766Row(scope: index766Scopes[k / perScope], month: m < perScope - 1 ? m : nil)
  }

  /// The row of `scope` (its index in `index766Scopes`) in month `m` (nil: the period).
  public func index766RowIndex(scope s: Int, month m: Int?) -> Int {
    let perScope = index766RowsPerScope
    return s * perScope + (m ?? perScope - 1)
  }

  /// One replication's score cards, every scope and period.
  mutating func addIndex766(_ r: RunResult) {
    guard !index766Scopes.isEmpty else { return }
    let months = RunMonths(model), first = firstReportedMonth
    let n = months.count - first
    for (s, scope) in index766Scopes.enumerated() {
      let include: (Int) -> Bool
      switch scope {
      case .all: include = { _ in true }
      case .level(let l): include = { [model] in model.units[$0].level == l }
      case .unit(let u): include = { $0 == u }
      }
      for m in 0...n {
        let range = m < n ? (first + m)..<(first + m + 1) : first..<months.count
        guard let (score, counts) = r.index766Score(months: range, model: model, units: include) else { continue }
        index766.add(row: index766RowIndex(scope: s, month: m < n ? m : nil)) { $0.part.value(score, counts) }
      }
    }
  }
}
