import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario

/// The schema of `summary.json` (`run --out`, `run --json`): key names and order as in
/// docs/results.md, every mean as `{"mean": m, "ci95": [low, high]}` (`Estimate`).
/// `onestop report` and scripts read it; keep key names stable.
struct SummaryFile: Encodable {
  struct LevelWaits: Encodable {
    let level: String
    let mean_min, p50_min, p90_min, p99_min, served_same_day, tickets: Estimate
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
  let by_level, by_agency, by_field, by_procedure, by_channel: [BreakdownRow<Estimate>]
  let desk_waits_by_level: [LevelWaits]
  let months: [MonthRow<Estimate>]
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
    by_level = s.byLevel
    by_agency = s.byAgency
    by_field = s.byField
    by_procedure = s.byProcedure
    by_channel = s.byChannel
    desk_waits_by_level = s.levelWaits.map {
      LevelWaits(level: $0.level, mean_min: $0.mean, p50_min: $0.p50, p90_min: $0.p90, p99_min: $0.p99,
        served_same_day: $0.servedSameDay, tickets: $0.tickets)
    }
    months = s.months
    desk_waits_by_unit = s.unitWaits.map { UnitWaits(unit: $0.unit, level: $0.level, mean_min: $0.mean, p90_min: $0.p90) }
    priors = c.priors().map { Prior(key: $0.key, value: plainNumbers($0.value), note: $0.note) }
  }
}
