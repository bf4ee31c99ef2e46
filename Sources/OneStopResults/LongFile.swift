import Foundation
import OneStopIO
import OneStopModel

/// The long form for researchers (`run --long FILE`, docs/results.md): one row per
/// (replication, KPI, scope) with every value the run computes per replication, tidy for
/// R, pandas or a pivot table: the pooled KPIs (scope `all`), each breakdown row
/// (`level:province`, `agency:TNMT`, `field:land`, `procedure:land-certificate`,
/// `channel:online`), the desk waits per level, each unit (`unit:pasc`), each back-office
/// pool (`station:TNMT@pasc`) and each month (`month:2022-01` for all levels,
/// `month:2022-01@level:province`). Values are rounded as in every CSV file
/// (`KPIUnit.csvDecimals`). Needs a summary made with `long: true`.
public enum LongFile {
  /// The header.
  public static let header = "replication,kpi,scope,unit,value"

  /// The rows of `s`, replication by replication, in the order above.
  public static func text(_ s: ReplicationSummary) -> String {
    var rows: [(replication: Int, order: Int, line: String)] = []
    func add(_ replication: Int, _ kpi: String, _ scope: String, _ unit: KPIUnit, _ value: Double) {
      let line = "\(replication),\(kpi),\(JSONText.csvField(scope)),\(unit.symbol),"
        + JSONText.csvNumber(unit.csvRounded(value))
      rows.append((replication, rows.count, line))
    }
    let series = s.kpis
    for (k, kpi) in series.kpis.enumerated() {
      for (r, v) in series.values[k].enumerated() { add(r, kpi.name, "all", kpi.unit, v) }
    }
    for (d, dimension) in ReplicationSummary.dimensions.enumerated() {
      let table = s.breakdowns[d]
      for v in table.recorded {
        let c = BreakdownColumn(rawValue: v.column)!
        add(v.replication, c.measure.name, "\(dimension.rawValue):\(table.keys[v.row])", c.measure.unit, v.value)
      }
    }
    for v in s.levelWaits.recorded {
      let c = LevelWaitColumn(rawValue: v.column)!
      add(v.replication, c.measure.name, "level:\(s.levelWaits.keys[v.row])", c.measure.unit, v.value)
    }
    for v in s.units.recorded {
      let c = UnitColumn(rawValue: v.column)!
      add(v.replication, c.measure.name, "unit:\(s.units.keys[v.row])", c.measure.unit, v.value)
    }
    for v in s.stations.recorded {
      let c = StationColumn(rawValue: v.column)!
      add(v.replication, c.header, "station:\(s.stations.keys[v.row])", c.unit, v.value)
    }
    for v in s.months.recorded {
      let c = MonthColumn(rawValue: v.column)!, m = s.monthRows[v.row]
      let scope = m.level == "all" ? "month:\(m.month)" : "month:\(m.month)@level:\(m.level)"
      add(v.replication, c.measure.name, scope, c.measure.unit, v.value)
    }
    rows.sort { ($0.replication, $0.order) < ($1.replication, $1.order) }
    return ([header] + rows.map(\.line)).joined(separator: "\n") + "\n"
  }
}
