import Foundation

/// The parts of a run's `summary.json` (`onestop run --out DIR`) that a report shows.
/// Read with `JSONSerialization`, so a summary written by a newer onestop with more keys
/// still reads.
public struct ReportData: Sendable {
  /// A mean with its 95 % confidence interval.
  public struct Estimate: Sendable, Equatable {
    public let mean: Double
    public let low: Double
    public let high: Double
  }

  public struct Row: Sendable {
    public let key: String
    public let received, onTime, overdue, inProgress, onTimeRate, overdueRate: Estimate
  }

  public struct Month: Sendable {
    public let month: String
    public let level: String
    public let receivedNew, onTime, overdue, inProgress, onlineShare, waitMean: Estimate
  }

  public struct UnitWait: Sendable {
    public let unit: String
    public let level: String
    public let mean, p90: Estimate
  }

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
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ReportError("\(file): cannot read it; give the directory written by `onestop run --out DIR` (it holds summary.json)")
    }
    guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      throw ReportError("\(file): not a JSON object")
    }
    try self.init(json: root, file: file)
    let dir = (file as NSString).deletingLastPathComponent
    if let rows = try? CSV.read((dir as NSString).appendingPathComponent("agencies.csv")) {
      stations = rows.map { ($0["station"] ?? "", $0["kind"] ?? "", Int($0["officers"] ?? "") ?? 0, Double($0["utilisation_pct"] ?? "") ?? .nan) }
    }
    if let rows = try? CSV.read((dir as NSString).appendingPathComponent("units.csv")) {
      deskUse = rows.map { ($0["unit"] ?? "", $0["level"] ?? "", Double($0["desk_utilisation_pct"] ?? "") ?? .nan) }
    }
    if let rows = try? CSV.read((dir as NSString).appendingPathComponent("hours_by_level.csv")) {
      levelHours = rows.map { ($0["level"] ?? "", Int($0["hour"] ?? "") ?? 0, Double($0["tickets"] ?? "") ?? 0, Double($0["wait_mean_min"] ?? "") ?? .nan) }
    }
    if let rows = try? CSV.read((dir as NSString).appendingPathComponent("hours.csv")) {
      hours = rows.map { (Int($0["hour"] ?? "") ?? 0, Double($0["tickets"] ?? "") ?? 0, Double($0["wait_mean_min"] ?? "") ?? .nan) }
    }
  }

  init(json j: [String: Any], file: String) throws(ReportError) {
    func text(_ k: String) -> String {
      if let s = j[k] as? String { return s }
      if let n = j[k] as? NSNumber { return n.stringValue }
      return ""
    }
    guard j["kpis"] is [String: Any], j["scenario"] is String else {
      throw ReportError("\(file): not a run summary (no 'scenario' and 'kpis'); give the directory written by `onestop run --out DIR`")
    }
    scenario = text("scenario")
    self.file = text("file")
    hash = text("scenario_hash")
    version = text("onestop_version")
    start = text("start")
    end = text("end")
    seed = text("seed")
    replications = (j["replications"] as? Int) ?? 0
    language = j["report_language"] as? String
    func estimate(_ any: Any?) -> Estimate {
      guard let o = any as? [String: Any], let m = (o["mean"] as? NSNumber)?.doubleValue else { return Estimate(mean: .nan, low: .nan, high: .nan) }
      let ci = (o["ci95"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
      return Estimate(mean: m, low: ci.count == 2 ? ci[0] : m, high: ci.count == 2 ? ci[1] : m)
    }
    var k: [String: Estimate] = [:]
    for (name, value) in (j["kpis"] as? [String: Any]) ?? [:] { k[name] = estimate(value) }
    kpis = k
    kpiUnits = (j["units_of_kpis"] as? [String: String]) ?? [:]
    func rows(_ key: String) -> [Row] {
      ((j[key] as? [[String: Any]]) ?? []).map { r in
        Row(key: (r["key"] as? String) ?? "", received: estimate(r["received"]), onTime: estimate(r["resolved_on_time"]),
          overdue: estimate(r["resolved_overdue"]), inProgress: estimate(r["in_progress_end"]),
          onTimeRate: estimate(r["on_time_rate_of_received"]), overdueRate: estimate(r["overdue_rate_of_received"]))
      }
    }
    byLevel = rows("by_level")
    byAgency = rows("by_agency")
    byField = rows("by_field")
    byProcedure = rows("by_procedure")
    months = ((j["months"] as? [[String: Any]]) ?? []).map { r in
      Month(month: (r["month"] as? String) ?? "", level: (r["level"] as? String) ?? "", receivedNew: estimate(r["received_new"]),
        onTime: estimate(r["resolved_on_time"]), overdue: estimate(r["resolved_overdue"]), inProgress: estimate(r["in_progress_end"]),
        onlineShare: estimate(r["online_share"]), waitMean: estimate(r["desk_wait_mean_min"]))
    }
    unitWaits = ((j["desk_waits_by_unit"] as? [[String: Any]]) ?? []).map { r in
      UnitWait(unit: (r["unit"] as? String) ?? "", level: (r["level"] as? String) ?? "", mean: estimate(r["mean_min"]), p90: estimate(r["p90_min"]))
    }
    priors = ((j["priors"] as? [[String: Any]]) ?? []).map { r in
      Prior(key: (r["key"] as? String) ?? "", value: (r["value"] as? String) ?? "\(r["value"] ?? "")", note: (r["note"] as? String) ?? "")
    }
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
