import DESKernel
import Foundation
import OneStopModel
import OneStopSweep

/// The CSV files written next to `summary.json` by `onestop run --out DIR`: fixed column
/// order, `.` decimal point, means over replications. Schemas in docs/results.md.
enum ResultFiles {
  static func write(_ s: Summary, to dir: String) throws {
    try writeAtomically(units(s), to: (dir as NSString).appendingPathComponent("units.csv"))
    try writeAtomically(agencies(s), to: (dir as NSString).appendingPathComponent("agencies.csv"))
    try writeAtomically(hours(s), to: (dir as NSString).appendingPathComponent("hours.csv"))
    try writeAtomically(levels(s), to: (dir as NSString).appendingPathComponent("levels.csv"))
    try writeAtomically(months(s), to: (dir as NSString).appendingPathComponent("months.csv"))
  }

  static func mean(_ s: Summary, _ f: (RunResult) -> Double) -> Double {
    s.results.map(f).reduce(0, +) / Double(max(s.results.count, 1))
  }

  static func units(_ s: Summary) -> String {
    var lines = ["unit,level,parent,received,resolved_on_time,resolved_overdue,in_progress_end,on_time_rate_of_received,desk_wait_mean_min,desk_wait_p90_min,served_same_day_pct,desk_utilisation_pct,tickets,queue_length_mean,busy_desks_mean"]
    let m = s.model
    let util = s.results.map { $0.deskUtilisation(model: m) }
    for (u, unit) in m.units.enumerated() {
      let rows = s.results.map { $0.total { uu, _, _ in uu == u } }
      let rec = rows.map { Double($0.received) }.reduce(0, +) / Double(rows.count)
      let onTime = rows.map { Double($0.resolvedOnTime) }.reduce(0, +) / Double(rows.count)
      let over = rows.map { Double($0.resolvedOverdue) }.reduce(0, +) / Double(rows.count)
      let prog = rows.map { Double($0.inProgressEnd) }.reduce(0, +) / Double(rows.count)
      let rate = rows.map { 100 * $0.onTimeRateOfReceived }.reduce(0, +) / Double(rows.count)
      let fields: [String] = [
        csv(unit.id), csv(m.levels[unit.level]), csv(unit.parent.map { m.units[$0].id } ?? ""),
        jnum(rec), jnum(onTime), jnum(over), jnum(prog), fmt(rate, 4),
        fmt(mean(s) { $0.unitWaits[u].mean / 60 }, 4), fmt(mean(s) { $0.unitWaits[u].quantile(0.9) / 60 }, 4),
        fmt(mean(s) { 100 * $0.servedSameDay { $0 == u } }, 4),
        fmt(util.map { 100 * $0[u] }.reduce(0, +) / Double(util.count), 4),
        jnum(mean(s) { Double($0.ticketsIssued[u]) }),
        fmt(mean(s) { $0.queueLengths[u] }, 4), fmt(mean(s) { $0.busyDesks(model: m)[u] }, 4),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func agencies(_ s: Summary) -> String {
    var lines = ["station,name,unit,kind,officers,utilisation_pct,wait_mean_days,busy_hours,busy_officers_mean"]
    let m = s.model
    for (k, st) in m.stations.enumerated() {
      let fields: [String] = [
        csv(st.id), csv(st.name), csv(m.units[st.unit].id), st.isOnlineIntake ? "online-intake" : "agency", String(st.officers),
        fmt(mean(s) { $0.stationAvailableSeconds[k] > 0 ? 100 * $0.stationBusySeconds[k] / $0.stationAvailableSeconds[k] : 0 }, 4),
        fmt(mean(s) { $0.stationWaits[k].mean / 86_400 }, 4),
        fmt(mean(s) { $0.stationBusySeconds[k] / 3600 }, 2),
        fmt(mean(s) { $0.busyOfficers(model: m)[k] }, 4),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func hours(_ s: Summary) -> String {
    var lines = ["hour,tickets,wait_mean_min,wait_p50_min,wait_p90_min,wait_p99_min,served_same_day_pct,queue_length_mean"]
    for h in 0..<24 {
      let fields: [String] = [
        String(h), jnum(mean(s) { Double($0.hourWaits[h].count) }),
        fmt(mean(s) { $0.hourWaits[h].mean / 60 }, 4), fmt(mean(s) { $0.hourWaits[h].quantile(0.5) / 60 }, 4),
        fmt(mean(s) { $0.hourWaits[h].quantile(0.9) / 60 }, 4), fmt(mean(s) { $0.hourWaits[h].quantile(0.99) / 60 }, 4),
        fmt(mean(s) { 100 * $0.hourWaits[h].sameDayShare }, 4),
        fmt(mean(s) { $0.openDaysByHour[h] > 0 ? $0.hourQueueIntegral[h] / (3600 * Double($0.openDaysByHour[h])) : 0 }, 4),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func levels(_ s: Summary) -> String {
    var lines = ["level,received,resolved_on_time,resolved_overdue,in_progress_end,on_time_rate_of_received,desk_wait_mean_min,desk_wait_p50_min,desk_wait_p90_min,desk_wait_p99_min,served_same_day_pct,tickets"]
    for (row, w) in zip(s.byLevel, s.levelWaits) {
      let fields: [String] = [
        csv(row.key), jnum(row.received.mean), jnum(row.onTime.mean), jnum(row.overdue.mean), jnum(row.inProgress.mean),
        fmt(row.onTimeOfReceived.mean, 4), fmt(w.mean.mean, 4), fmt(w.p50.mean, 4), fmt(w.p90.mean, 4), fmt(w.p99.mean, 4),
        fmt(w.servedSameDay.mean, 4), jnum(w.tickets.mean),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func months(_ s: Summary) -> String {
    var lines = ["month,level,received_new,resolved_on_time,resolved_overdue,apologies,in_progress_end,online_in,online_share_pct,desk_wait_mean_min,tickets"]
    for r in s.months {
      let fields: [String] = [
        r.month, csv(r.level), jnum(r.receivedNew.mean), jnum(r.onTime.mean), jnum(r.overdue.mean), jnum(r.apologies.mean),
        jnum(r.inProgress.mean), jnum(r.onlineIn.mean), fmt(r.onlineShare.mean, 4), fmt(r.waitMean.mean, 4), jnum(r.tickets.mean),
      ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, quote or newline.
  static func csv(_ s: String) -> String { JSONText.csvField(s) }
}
