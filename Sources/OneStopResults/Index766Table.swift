import OneStopIO
import OneStopModel

/// `index766.csv`, written only for a scenario with `index766`: the score card of the
/// service index (Decision 766) of the province, each level and each unit, per month of
/// the statistics period and over the whole period, means with 95 % intervals, and each
/// unit's rank among the scenario's units by mean total (competition ranking, as the
/// portal ranks).
public enum Index766Table {
  public static let file = "index766.csv"

  /// The key columns before the parts.
  public static let keyColumns = ["scope", "id", "name", "level", "month", "rank"]

  static func csv(_ s: ReplicationSummary) -> String {
    let m = s.model, months = s.index766Months
    let rows = Array(0..<s.index766.keys.count)
    let ranks = unitRanks(s)
    func scope(_ k: Int) -> (String, String, String, String) {
      switch s.index766Row(k).scope {
      case .all: return ("all", "", "", "")
      case .level(let l): return ("level", m.names.levels[l], "", m.names.levels[l])
      case .unit(let u):
        return ("unit", m.names.units[u].id, m.names.unitName(u), m.names.levels[m.units[u].level])
      }
    }
    let keys: [ResultFiles.Column<Int>] = [
      .init(keyColumns[0]) { scope($0).0 }, .init(keyColumns[1]) { ResultFiles.csv(scope($0).1) },
      .init(keyColumns[2]) { ResultFiles.csv(scope($0).2) }, .init(keyColumns[3]) { ResultFiles.csv(scope($0).3) },
      .init(keyColumns[4]) { s.index766Row($0).month.map { months[$0] } ?? "period" },
      .init(keyColumns[5]) { ranks[$0].map(String.init) ?? "" },
    ]
    return CSVTable(keys + ResultFiles.withCI(Index766Column.self) { s.index766.estimate($0, $1) }).text(rows)
  }

  /// Per row: the unit's rank among the units in the same period by mean total (1 =
  /// best; ties share the better rank), nil for the province, the levels and a unit that
  /// judged no dossier in the period.
  static func unitRanks(_ s: ReplicationSummary) -> [Int?] {
    var ranks = [Int?](repeating: nil, count: s.index766.keys.count)
    let units = s.index766Scopes.indices.filter { if case .unit = s.index766Scopes[$0] { true } else { false } }
    for month in Array(s.index766Months.indices).map(Optional.some) + [nil] {
      // A unit that judged no dossier in the period (a centre without demand) has no rank.
      let rows = units.map { s.index766RowIndex(scope: $0, month: month) }.filter {
        s.index766.estimate($0, .judged).mean > 0
      }
      let totals = rows.map { s.index766.estimate($0, .total).mean }
      for (k, row) in rows.enumerated() { ranks[row] = 1 + totals.filter { $0 > totals[k] }.count }
    }
    return ranks
  }
}

/// One score card of summary.json's `index766`: scope (`all`, `level`, `unit`), id,
/// month (`YYYY-MM` or `period`), rank among the units (units only) and one value per
/// `Index766Column`.
public struct Index766Card<Value> {
  public let scope, id, month: String
  public let rank: Int?
  /// One value per column, in `Index766Column` order.
  public let values: [Value]

  public init(scope: String, id: String, month: String, rank: Int?, _ value: (Index766Column) -> Value) {
    self.scope = scope
    self.id = id
    self.month = month
    self.rank = rank
    values = Index766Column.allCases.map(value)
  }

  public subscript(_ column: Index766Column) -> Value { values[column.rawValue] }
}

extension Index766Card: Sendable where Value: Sendable {}

extension Index766Card: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ResultKey.self)
    try c.encode(scope, forKey: ResultKey(Index766Table.keyColumns[0]))
    try c.encode(id, forKey: ResultKey(Index766Table.keyColumns[1]))
    try c.encode(month, forKey: ResultKey(Index766Table.keyColumns[4]))
    try c.encodeIfPresent(rank, forKey: ResultKey(Index766Table.keyColumns[5]))
    for column in Index766Column.allCases { try c.encode(self[column], forKey: ResultKey(column.jsonKey)) }
  }
}

extension Index766Table {
  /// Every score card of `s`, in the order of `index766.csv`; empty without `index766`.
  public static func cards(_ s: ReplicationSummary) -> [Index766Card<Estimate>] {
    let m = s.model, months = s.index766Months, ranks = unitRanks(s)
    return (0..<s.index766.keys.count).map { k in
      let row = s.index766Row(k)
      let (scope, id): (String, String)
      switch row.scope {
      case .all: (scope, id) = ("all", "")
      case .level(let l): (scope, id) = ("level", m.names.levels[l])
      case .unit(let u): (scope, id) = ("unit", m.names.units[u].id)
      }
      return Index766Card(scope: scope, id: id, month: row.month.map { months[$0] } ?? "period", rank: ranks[k]) {
        s.index766.estimate(k, $0)
      }
    }
  }
}
