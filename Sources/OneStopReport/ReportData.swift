import Foundation

/// The parts of a run's `summary.json` (`onestop run --out DIR`) that a report shows.
/// Decoded through `ReportSchema.Summary`, which lists only the keys the report draws, so a
/// summary written by a newer onestop with more keys still reads, and a broken or older one
/// is an error naming the file and the key.
public struct ReportData: Sendable {
  /// A mean with its 95 % confidence interval.
  public struct Estimate: Sendable, Equatable {
    public let mean: Double
    public let low: Double
    public let high: Double
  }

  /// A row of a breakdown (by level, agency, field or procedure): counts and rates.
  public struct Row: Sendable {
    public let key: String
    public let received, onTime, overdue, inProgress, onTimeRate, overdueRate: Estimate
  }

  /// A month of the monthly series, for one level or all (`level` "all").
  public struct Month: Sendable {
    public let month: String
    public let level: String
    public let receivedNew, onTime, overdue, inProgress, onlineShare, waitMean: Estimate
  }

  /// A unit's mean and 90th-percentile desk wait, minutes.
  public struct UnitWait: Sendable {
    public let unit: String
    public let level: String
    public let mean, p90: Estimate
  }

  /// An assumption of the run without a measured source, as the run printed it.
  public struct Prior: Sendable {
    public let key, value, note: String
  }

  public let scenario, file, hash, version, start, end: String
  public let seed: String
  /// The scenario's `report_language`, when it gives one.
  public let language: String?
  public let replications: Int
  public let kpis: [String: Estimate]
  public let kpiUnits: [String: String]
  public let byLevel, byAgency, byField, byProcedure: [Row]
  public let months: [Month]
  public let unitWaits: [UnitWait]
  public let priors: [Prior]
  /// From `agencies.csv` (when present): agency, kind, officers and utilisation %.
  public var stations: [(name: String, kind: String, officers: Int, utilisation: Double)] = []
  /// The source report's figures (a calibration target file), when given.
  public var targets: [ReportTarget] = []
  /// From `units.csv` (when present): unit, level and desk utilisation %.
  public var deskUse: [(unit: String, level: String, utilisation: Double)] = []
  /// From `hours_by_level.csv` (when present): level, hour, tickets, mean wait (minutes).
  public var levelHours: [(level: String, hour: Int, tickets: Double, wait: Double)] = []
  /// From `hours.csv` (when present): hour of the ticket, tickets, mean wait (minutes).
  public var hours: [(hour: Int, tickets: Double, wait: Double)] = []

  /// Reads `DIR/summary.json` (or the file itself when `path` is a file).
  public init(path: String) throws(ReportError) {
    var isDirectory: ObjCBool = false
    let file = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      ? (path as NSString).appendingPathComponent("summary.json") : path
    let dir = (file as NSString).deletingLastPathComponent
    guard let data = try ReportFile.data(file, in: dir) else {
      throw ReportError("\(file): cannot read it; give the directory written by `onestop run --out DIR` (it holds summary.json)")
    }
    try self.init(data: data, file: file)
    func table(_ name: String, _ columns: [String]) throws(ReportError) -> [[String: String]]? {
      try CSV.read((dir as NSString).appendingPathComponent(name), in: dir, required: columns)?.rows
    }
    if let rows = try table("agencies.csv", ["station", "kind", "officers", "utilisation_pct"]) {
      stations = rows.map { ($0["station"] ?? "", $0["kind"] ?? "", Int($0["officers"] ?? "") ?? 0, Double($0["utilisation_pct"] ?? "") ?? .nan) }
    }
    if let rows = try table("units.csv", ["unit", "level", "desk_utilisation_pct"]) {
      deskUse = rows.map { ($0["unit"] ?? "", $0["level"] ?? "", Double($0["desk_utilisation_pct"] ?? "") ?? .nan) }
    }
    if let rows = try table("hours_by_level.csv", ["level", "hour", "tickets", "wait_mean_min"]) {
      levelHours = rows.map { ($0["level"] ?? "", Int($0["hour"] ?? "") ?? 0, Double($0["tickets"] ?? "") ?? 0, Double($0["wait_mean_min"] ?? "") ?? .nan) }
    }
    if let rows = try table("hours.csv", ["hour", "tickets", "wait_mean_min"]) {
      hours = rows.map { (Int($0["hour"] ?? "") ?? 0, Double($0["tickets"] ?? "") ?? 0, Double($0["wait_mean_min"] ?? "") ?? .nan) }
    }
  }

  init(data: Data, file: String) throws(ReportError) {
    guard try ReportSchema.keys(of: data, file: file).isSuperset(of: ["scenario", "kpis"]) else {
      throw ReportError("\(file): not a run summary (no 'scenario' and 'kpis'); give the directory written by `onestop run --out DIR`")
    }
    let s = try ReportSchema.decode(ReportSchema.Summary.self, from: data, file: file, writer: "onestop run --out DIR")
    scenario = s.scenario
    self.file = s.file
    hash = s.scenario_hash
    version = s.onestop_version
    start = s.start
    end = s.end
    seed = String(s.seed)
    replications = s.replications
    guard replications >= 1 else { throw ReportError("\(file): 'replications' is \(replications); a run has at least 1 replication") }
    guard !s.kpis.isEmpty else { throw ReportError("\(file): 'kpis' is empty; a run summary has every KPI: write it again with `onestop run --out DIR`") }
    language = s.report_language
    kpis = s.kpis.mapValues(\.value)
    kpiUnits = s.units_of_kpis
    func rows(_ rows: [ReportSchema.Row]) -> [Row] {
      rows.map { r in
        Row(key: r.key, received: r.received.value, onTime: r.resolved_on_time.value, overdue: r.resolved_overdue.value,
          inProgress: r.in_progress_end.value, onTimeRate: r.on_time_rate_of_received.value,
          overdueRate: r.overdue_rate_of_received.value)
      }
    }
    byLevel = rows(s.by_level)
    byAgency = rows(s.by_agency)
    byField = rows(s.by_field)
    byProcedure = rows(s.by_procedure)
    months = s.months.map { r in
      Month(month: r.month, level: r.level, receivedNew: r.received_new.value, onTime: r.resolved_on_time.value,
        overdue: r.resolved_overdue.value, inProgress: r.in_progress_end.value, onlineShare: r.online_share.value,
        waitMean: r.desk_wait_mean_min.value)
    }
    unitWaits = s.desk_waits_by_unit.map { UnitWait(unit: $0.unit, level: $0.level, mean: $0.mean_min.value, p90: $0.p90_min.value) }
    priors = s.priors.map { Prior(key: $0.key, value: $0.value, note: $0.note) }
  }
}

/// A figure of the scenario's source report (from its calibration target file).
public struct ReportTarget: Sendable {
  public let kpi: String
  public let value: Double
  public let tolerance: Double
  public let source: String
  public init(kpi: String, value: Double, tolerance: Double, source: String) {
    self.kpi = kpi
    self.value = value
    self.tolerance = tolerance
    self.source = source
  }
}

extension ReportData {
  /// The simulated estimate of KPI `name` as the summary has it: a whole-run KPI, or a
  /// count or rate by level (`@level:`) or deciding agency (`@agency:`); nil otherwise.
  public func estimate(_ name: String) -> Estimate? {
    if let e = kpis[name] { return e }
    guard let at = name.firstIndex(of: "@") else { return nil }
    let base = String(name[..<at]), key = String(name[name.index(after: at)...])
    let rows: [Row], row: String
    if key.hasPrefix("agency:") { rows = byAgency; row = String(key.dropFirst(7)) } else if key.hasPrefix("level:") { rows = byLevel; row = String(key.dropFirst(6)) } else { return nil }
    guard let r = rows.first(where: { $0.key == row }) else { return nil }
    switch base {
    case "received": return r.received
    case "resolved_on_time": return r.onTime
    case "resolved_overdue": return r.overdue
    case "in_progress_end": return r.inProgress
    case "on_time_rate_of_received": return r.onTimeRate
    case "overdue_rate_of_received": return r.overdueRate
    default: return nil
    }
  }
}

/// A report that cannot be made, with what to do about it.
public struct ReportError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public init(_ message: String) { description = message }
}
