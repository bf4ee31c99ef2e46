import OneStopModel

/// What a scenario read from its table of units (`unit_table`), for `validate` and the
/// scenario's hash.
public struct UnitTableSummary: Sendable, Equatable {
  /// The table's path (relative paths as the scenario file's).
  public let path: String
  /// Rows read.
  public let rows: Int
  /// Columns read as nothing (sources, notes), in header order.
  public let ignoredColumns: [String]
  /// A digest of the table's text.
  public let digest: String
}

/// New dossiers a year per unit at one level, as the demand entries share them: what
/// `validate` prints to show a split at a glance.
public struct LevelVolumes: Sendable, Equatable {
  public let level: String
  public let units: Int
  public let min, median, max: Double
}

extension Scenario {
  /// Per level, top first: the least, median and most new dossiers a year of its units
  /// (all demand entries summed; a unit without demand counts 0). The median of an even
  /// number of units is the mean of the middle two.
  public var volumesByLevel: [LevelVolumes] {
    let c = configuration
    var volume: [String: Double] = [:]
    for d in c.demand { volume[d.unit, default: 0] += d.annualVolume }
    return c.levels.compactMap { level in
      let v = c.units.filter { $0.level == level }.map { volume[$0.id] ?? 0 }.sorted()
      guard let lo = v.first, let hi = v.last else { return nil }
      let mid = v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
      return LevelVolumes(level: level, units: v.count, min: lo, median: mid, max: hi)
    }
  }
}
