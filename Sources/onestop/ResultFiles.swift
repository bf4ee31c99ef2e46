import DESKernel
import Foundation
import OneStopModel
import OneStopIO

/// The CSV files written next to `summary.json` by `onestop run --out DIR`: fixed column
/// order, `.` decimal point, the one number format of every onestop file
/// (`JSONText.number`), an empty cell where there is no value. Column names end in the
/// unit (`_pct`, `_min`, `_days`, `_hours`; counts have none); a mean over replications
/// has its 95 % interval in `NAME_ci95_low` and `NAME_ci95_high` next to it. Schemas in
/// docs/results.md.
enum ResultFiles {
  static func write(_ s: Summary, to dir: String, bom: Bool = false) throws {
    let files: [(String, String)] = [
      ("units.csv", units(s)), ("agencies.csv", agencies(s)), ("hours.csv", hours(s)), ("hours_by_level.csv", hoursByLevel(s)),
      ("levels.csv", levels(s)),
      ("months.csv", months(s)), ("replications.csv", replications(s)),
    ]
    for (name, text) in files {
      try writeAtomically((bom ? "\u{FEFF}" : "") + text, to: (dir as NSString).appendingPathComponent(name))
    }
  }

  static func n(_ x: Double) -> String { JSONText.csvNumber(x) }

  /// The mean of an estimate, empty (NA) when no replication had a value.
  static func mean(_ e: Estimate) -> String { e.count > 0 ? n(e.mean) : "" }

  /// Mean, low and high of an estimate (the interval as in summary.json).
  static func triple(_ e: Estimate) -> [String] { [n(e.mean), n(e.low), n(e.high)] }

  /// `name, name_ci95_low, name_ci95_high`.
  static func withCI(_ names: [String]) -> [String] { names.flatMap { [$0, "\($0)_ci95_low", "\($0)_ci95_high"] } }

  static func units(_ s: Summary) -> String {
    let measures = ["received", "resolved_on_time", "resolved_overdue", "in_progress_end", "on_time_rate_of_received_pct",
      "desk_wait_mean_min", "desk_wait_p90_min", "served_same_day_pct", "desk_utilisation_pct", "tickets", "queue_length_mean",
      "busy_desks_mean"]
    var lines = [(["unit", "level", "parent"] + withCI(measures)).joined(separator: ",")]
    let m = s.model
    for (u, unit) in m.units.enumerated() {
      var fields: [String] = [csv(m.names.units[u].id), csv(m.names.levels[unit.level]), csv(unit.parent.map { m.names.units[$0].id } ?? "")]
      for column in UnitColumn.allCases { fields += triple(s.stats.units.estimate(u, column)) }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func agencies(_ s: Summary) -> String {
    var lines = ["station,name,unit,kind,officers,utilisation_pct,wait_mean_days,busy_hours,busy_officers_mean"]
    let m = s.model
    for (k, st) in m.stations.enumerated() {
      let fields: [String] = [
        csv(m.names.stations[k].id), csv(m.names.stations[k].name), csv(m.names.units[st.unit].id), st.isOnlineIntake ? "online-intake" : "agency", String(st.officers),
      ] + StationColumn.allCases.map { mean(s.stats.stations.estimate(k, $0)) }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Per clock hour of the ticket: waits over the replications that issued tickets in that
  /// hour, empty cells (NA) when none did; the queue over the days the desks were open
  /// in that hour, empty when never.
  static func hours(_ s: Summary) -> String {
    var lines = ["hour,tickets,wait_mean_min,wait_p50_min,wait_p90_min,wait_p99_min,served_same_day_pct,queue_length_mean"]
    for h in 0..<24 {
      lines.append(([String(h)] + HourColumn.allCases.map { mean(s.stats.hours.estimate(h, $0)) }).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Per level and clock hour of the ticket: tickets and the mean wait over the
  /// replications that issued tickets then (empty when none did). The provincial level is
  /// the provincial centre in most provinces: its hour-of-day profile, not the pooled one.
  static func hoursByLevel(_ s: Summary) -> String {
    var lines = ["level,hour,tickets,wait_mean_min"]
    for (l, level) in s.model.names.levels.enumerated() {
      for h in 0..<24 {
        let k = l * 24 + h
        lines.append([JSONText.csvField(level), String(h), mean(s.stats.levelHours.estimate(k, .tickets)),
          mean(s.stats.levelHours.estimate(k, .waitMean))].joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func levels(_ s: Summary) -> String {
    var lines = ["level,received,resolved_on_time,resolved_overdue,in_progress_end,on_time_rate_of_received_pct,desk_wait_mean_min,desk_wait_p50_min,desk_wait_p90_min,desk_wait_p99_min,served_same_day_pct,tickets"]
    for (row, w) in zip(s.byLevel, s.levelWaits) {
      let fields: [String] = [
        csv(row.key), n(row.received.mean), n(row.onTime.mean), n(row.overdue.mean), n(row.inProgress.mean),
        n(row.onTimeOfReceived.mean), n(w.mean.mean), n(w.p50.mean), n(w.p90.mean), n(w.p99.mean),
        n(w.servedSameDay.mean), n(w.tickets.mean),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func months(_ s: Summary) -> String {
    var lines = ["month,level,received_new,resolved_on_time,resolved_overdue,apologies,in_progress_end,online_in,online_share_pct,desk_wait_mean_min,tickets"]
    for r in s.months {
      let fields: [String] = [
        r.month, csv(r.level), n(r.receivedNew.mean), n(r.onTime.mean), n(r.overdue.mean), n(r.apologies.mean),
        n(r.inProgress.mean), n(r.onlineIn.mean), n(r.onlineShare.mean), n(r.waitMean.mean), n(r.tickets.mean),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every KPI of summary.json in every replication (long format): the mean of a KPI's
  /// values here is its `mean` in summary.json.
  static func replications(_ s: Summary) -> String {
    var lines = ["replication,kpi,unit,value"]
    let units = Dictionary(uniqueKeysWithValues: s.kpis.map { ($0.0, $0.1.symbol) })
    for r in 0..<s.replications {
      for (name, values) in s.perReplication {
        lines.append("\(r),\(csv(name)),\(csv(units[name] ?? "")),\(n(values[r]))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it needs it (RFC 4180).
  static func csv(_ s: String) -> String { JSONText.csvField(s) }
}
