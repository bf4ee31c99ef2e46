import OneStopIO
import OneStopModel
import OneStopScenario

/// The schema of `summary.json` (`run --out`, `run --json`): key names and order as in
/// docs/results.md, every mean as `{"mean": m, "ci95": [low, high]}` (`Estimate`).
/// `onestop report` and scripts read it; keep key names stable.
struct SummaryFile: Encodable {
  struct Row: Encodable {
    let key: String
    let received, resolved_on_time, resolved_overdue, in_progress_end: Estimate
    let on_time_rate_of_received, overdue_rate_of_received, on_time_rate_of_resolved: Estimate

    init(_ r: Summary.Row) {
      key = r.key
      received = r.received
      resolved_on_time = r.onTime
      resolved_overdue = r.overdue
      in_progress_end = r.inProgress
      on_time_rate_of_received = r.onTimeOfReceived
      overdue_rate_of_received = r.overdueOfReceived
      on_time_rate_of_resolved = r.onTimeOfResolved
    }
  }

  struct LevelWaits: Encodable {
    let level: String
    let mean_min, p50_min, p90_min, p99_min, served_same_day, tickets: Estimate
  }

  struct Month: Encodable {
    let month, level: String
    let received_new, resolved_on_time, resolved_overdue, apologies, in_progress_end, online_in, online_share: Estimate
    let desk_wait_mean_min, tickets: Estimate
  }

  struct UnitWaits: Encodable {
    let unit, level: String
    let mean_min, p90_min: Estimate
  }

  struct Prior: Encodable {
    let key, value, note: String
  }

  let scenario, file, scenario_hash: String
  let report_language: String?
  let onestop_version, start, end: String
  let seed: UInt64
  let replications: Int
  let kpis: JSONObject<Estimate>
  let units_of_kpis: JSONObject<KPIUnit>
  let by_level, by_agency, by_field, by_procedure, by_channel: [Row]
  let desk_waits_by_level: [LevelWaits]
  let months: [Month]
  let desk_waits_by_unit: [UnitWaits]
  let priors: [Prior]

  init(_ s: Summary) {
    let c = s.scenario.configuration
    scenario = c.name
    file = s.scenario.file
    scenario_hash = s.scenario.hash
    report_language = s.scenario.reportLanguage
    onestop_version = OneStopVersion.string
    start = c.start.description
    end = c.end.description
    seed = s.seed
    replications = s.replications
    kpis = JSONObject(s.kpis.map { ($0.0, $0.2) })
    units_of_kpis = JSONObject(s.kpis.map { ($0.0, $0.1) })
    by_level = s.byLevel.map(Row.init)
    by_agency = s.byAgency.map(Row.init)
    by_field = s.byField.map(Row.init)
    by_procedure = s.byProcedure.map(Row.init)
    by_channel = s.byChannel.map(Row.init)
    desk_waits_by_level = s.levelWaits.map {
      LevelWaits(level: $0.level, mean_min: $0.mean, p50_min: $0.p50, p90_min: $0.p90, p99_min: $0.p99,
        served_same_day: $0.servedSameDay, tickets: $0.tickets)
    }
    months = s.months.map {
      Month(month: $0.month, level: $0.level, received_new: $0.receivedNew, resolved_on_time: $0.onTime,
        resolved_overdue: $0.overdue, apologies: $0.apologies, in_progress_end: $0.inProgress, online_in: $0.onlineIn,
        online_share: $0.onlineShare, desk_wait_mean_min: $0.waitMean, tickets: $0.tickets)
    }
    desk_waits_by_unit = s.unitWaits.map { UnitWaits(unit: $0.unit, level: $0.level, mean_min: $0.mean, p90_min: $0.p90) }
    priors = c.priors().map { Prior(key: $0.key, value: plainNumbers($0.value), note: $0.note) }
  }
}
