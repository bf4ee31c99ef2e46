import OneStopModel

/// One pool of officers over the statistics period (`summary.json`'s `pools`): its
/// month of highest utilisation of the officers at work, with the overtime it worked
/// that month, and its overtime and planned leave over the period.
public struct PoolRow<Value> {
  public let pool, name, unit, peakMonth: String
  public let peakUtilisation, peakOvertime, overtime, plannedLeave: Value

  public init(
    pool: String, name: String, unit: String, peakMonth: String, peakUtilisation: Value, peakOvertime: Value,
    overtime: Value, plannedLeave: Value
  ) {
    self.pool = pool
    self.name = name
    self.unit = unit
    self.peakMonth = peakMonth
    self.peakUtilisation = peakUtilisation
    self.peakOvertime = peakOvertime
    self.overtime = overtime
    self.plannedLeave = plannedLeave
  }

  /// The keys of a row, in the order they are written.
  public enum Key: String, CodingKey {
    case pool, name, unit, peak_month, peak_utilisation_present_pct, peak_overtime_hours, overtime_hours
    case planned_leave_days
  }
}

extension PoolRow: Sendable where Value: Sendable {}

extension PoolRow: Encodable where Value: Encodable {
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(pool, forKey: .pool)
    try c.encode(name, forKey: .name)
    try c.encode(unit, forKey: .unit)
    try c.encode(peakMonth, forKey: .peak_month)
    try c.encode(peakUtilisation, forKey: .peak_utilisation_present_pct)
    try c.encode(peakOvertime, forKey: .peak_overtime_hours)
    try c.encode(overtime, forKey: .overtime_hours)
    try c.encode(plannedLeave, forKey: .planned_leave_days)
  }
}

/// A pool in a month at or above `PoolMonthColumn.edge` of its officers at work, with
/// the overtime it worked that month (`run`'s printed list, the report's marks).
public struct PoolEdge: Sendable {
  public let pool, month: String
  public let utilisation, overtimeHours: Estimate

  /// Every pool-month of `s` at its edge, pool by pool in model order, months in order.
  public static func all(_ s: ReplicationSummary) -> [PoolEdge] {
    let labels = s.poolMonthLabels
    var out: [PoolEdge] = []
    for p in s.model.stations.indices {
      for k in labels.indices {
        let row = s.poolMonthRow(pool: p, month: k)
        let u = s.poolMonths.estimate(row, .utilisationPresent)
        guard u.count > 0, u.mean >= PoolMonthColumn.edge else { continue }
        out.append(
          PoolEdge(
            pool: s.model.names.stations[p].id, month: labels[k], utilisation: u,
            overtimeHours: s.poolMonths.estimate(row, .overtimeHours)))
      }
    }
    return out
  }

  /// Each pool's peak month and totals (`SummaryFile.pools`): pools with officers and at
  /// least one month with officers at work.
  public static func peaks(_ s: ReplicationSummary) -> [PoolRow<Estimate>] {
    let m = s.model, labels = s.poolMonthLabels
    return m.stations.indices.compactMap { p in
      let rows = labels.indices.map { s.poolMonthRow(pool: p, month: $0) }
      let use = rows.map { s.poolMonths.estimate($0, .utilisationPresent) }
      guard m.stations[p].officers > 0,
        let k = use.indices.filter({ use[$0].count > 0 }).max(by: { use[$0].mean < use[$1].mean })
      else { return nil }
      return PoolRow(
        pool: m.names.stations[p].id, name: m.names.stationName(p), unit: m.names.units[m.stations[p].unit].id,
        peakMonth: labels[k], peakUtilisation: use[k], peakOvertime: s.poolMonths.estimate(rows[k], .overtimeHours),
        overtime: s.pools.estimate(p, .overtimeHours), plannedLeave: s.pools.estimate(p, .plannedLeaveDays))
    }
  }
}
