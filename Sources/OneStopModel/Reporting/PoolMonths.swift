import DESKernel

/// Columns of one pool of officers (a station: an agency's back office or a unit's
/// online intake) in one month of the statistics period (`pools-months.csv`): the
/// officer time present in its own hours, the overtime worked, the work done, the
/// utilisation of the officers at work and the share of working days in a surge.
///
/// Why per month: over a year a pool can look comfortable while it runs at the edge of
/// the officers present in its peak months (leave, a land surge); a planner reads the
/// months.
public enum PoolMonthColumn: Int, CaseIterable, Sendable {
  case presentHours, overtimeHours, busyHours, utilisationPresent, surgeDays, plannedLeaveDays

  /// A pool-month whose mean utilisation of the officers at work is at least this (%)
  /// is at its edge: `run` lists it with the overtime it worked, the report marks it.
  public static let edge = 90.0

  /// The CSV header.
  public var header: String {
    switch self {
    case .presentHours: return "present" + KPIUnit.hours.columnSuffix
    case .overtimeHours: return "overtime" + KPIUnit.hours.columnSuffix
    case .busyHours: return "busy" + KPIUnit.hours.columnSuffix
    case .utilisationPresent: return "utilisation_present" + KPIUnit.percent.columnSuffix
    case .surgeDays: return "surge_days" + KPIUnit.percent.columnSuffix
    case .plannedLeaveDays: return "planned_leave" + KPIUnit.days.columnSuffix
    }
  }

  /// The value of one replication's month `m` of a pool (`surge`: the pool has a surge
  /// rule): hours, % and officer-days; nil where there is none (nobody at work, no surge
  /// rule, no working day).
  func value(_ m: StationMonth, surge: Bool) -> Double? {
    switch self {
    case .presentHours: return m.presentSeconds / 3600
    case .overtimeHours: return m.overtimeSeconds / 3600
    case .busyHours: return m.busySeconds / 3600
    case .utilisationPresent: return m.utilisationPresent.map { 100 * $0 }
    case .surgeDays: return surge && m.workingDays > 0 ? 100 * Double(m.surgeDays) / Double(m.workingDays) : nil
    case .plannedLeaveDays: return m.leaveDays
    }
  }
}

/// Columns of one pool over the whole statistics period: the overtime it worked and
/// its officers' planned leave (summary.json's `pools`).
public enum PoolColumn: Int, CaseIterable, Sendable {
  case overtimeHours, plannedLeaveDays

  /// The key in summary.json's rows.
  public var jsonKey: String {
    switch self {
    case .overtimeHours: return "overtime" + KPIUnit.hours.columnSuffix
    case .plannedLeaveDays: return "planned_leave" + KPIUnit.days.columnSuffix
    }
  }
}

extension ReplicationSummary {
  /// Each pool's months of the statistics period (`poolMonthRows`) and its totals.
  mutating func addPools(_ r: RunResult) {
    let first = poolFirstMonth, perPool = poolMonthCount
    for s in model.stations.indices {
      let months = r.stations[s].months
      let surge = model.stations[s].hasOvertime
      for k in 0..<perPool {
        poolMonths.add(row: s * perPool + k) { $0.value(months[first + k], surge: surge) }
      }
      let reported = months[first...]
      pools.add(row: s) { c in
        switch c {
        case .overtimeHours: return reported.reduce(0) { $0 + $1.overtimeSeconds } / 3600
        case .plannedLeaveDays: return reported.reduce(0) { $0 + $1.leaveDays }
        }
      }
    }
  }

  /// Row of pool `s` in month `k` of the statistics period in `poolMonths`.
  public func poolMonthRow(pool s: Int, month k: Int) -> Int { s * poolMonthCount + k }

  /// The months of the statistics period ("YYYY-MM"), the columns of `poolMonths`' rows.
  public var poolMonthLabels: [String] { Array(RunMonths(model).labels[poolFirstMonth...]) }
}
