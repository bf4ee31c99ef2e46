import Foundation
import OneStopModel
import OneStopResults

/// The parts of a run's `summary.json` (`onestop run --out DIR`) that a report shows.
/// Decoded through `ReportSchema.Summary`, which lists only the keys the report draws, so a
/// summary written by a newer onestop with more keys still reads, and a broken or older one
/// is an error naming the file and the key.
public struct ReportData: Sendable {
  /// A mean with its 95 % confidence interval.
  /// Read as `{"mean": m, "ci95": [low, high]}`; a `null` (not finite when written) is NaN,
  /// an interval that is not two numbers is the mean.
  public struct Estimate: Sendable, Equatable, Decodable {
    public let mean: Double
    public let low: Double
    public let high: Double

    init(mean: Double, low: Double, high: Double) {
      self.mean = mean
      self.low = low
      self.high = high
    }

    private enum Keys: String, CodingKey { case mean, ci95 }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: Keys.self)
      let m = try c.decode(ReportSchema.Number.self, forKey: .mean).value
      let ci95 = try c.decode([ReportSchema.Number].self, forKey: .ci95)
      self.init(mean: m, low: ci95.count == 2 ? ci95[0].value : m, high: ci95.count == 2 ? ci95[1].value : m)
    }
  }

  /// A row of a breakdown (by level, agency, field or procedure): counts and rates.
  public typealias Row = BreakdownRow<Estimate>

  /// A month of the monthly series, for one level or all (`level` "all").
  public typealias Month = MonthRow<Estimate>

  /// A unit's mean and 90th-percentile desk wait, minutes.
  public typealias UnitWait = UnitWaitsRow<Estimate>

  /// An assumption of the run without a measured source, as the run printed it.
  public typealias Prior = SummaryPrior

  public let scenario, file, hash, version, start, end: String
  /// The scenario's description ("" when it has none).
  public let description: String
  /// The names of units, agencies and procedures (from the summary, `units.csv` and
  /// `agencies.csv`).
  public var names = ReportNames()
  /// Desk tickets per unit (`units.csv`), to find the busiest centre.
  public var unitTickets: [String: Double] = [:]
  public let seed: String
  /// The `--set` overrides of the run (empty without any).
  public let overrides: [String]
  /// The scenario's `report_language`, when it gives one.
  public let language: String?
  public let replications: Int
  public let kpis: [String: Estimate]
  public let kpiUnits: [String: String]
  public let byLevel, byAgency, byField, byProcedure: [Row]
  public let months: [Month]
  public let unitWaits: [UnitWait]
  /// The units the report lists by desk wait, longest first: up to 15, those where people
  /// wait at least half a minute on average (and at least the 3 longest).
  public var longestWaits: [UnitWait] {
    let ranked = unitWaits.filter { $0.mean.mean.isFinite && $0.mean.mean > 0 }.sorted { $0.mean.mean > $1.mean.mean }
    return Array(ranked.enumerated().filter { $0.offset < 3 || $0.element.mean.mean >= 0.5 }.map(\.element).prefix(15))
  }
  public let priors: [Prior]
  /// From `agencies.csv` (when present): agency, kind, officers and utilisation %.
  public var stations: [(name: String, kind: String, officers: Int, utilisation: Double)] = []
  /// The source report's figures (a calibration target file), when given.
  public var targets: [ReportTarget] = []
  /// Calibrated or a what-if example (from the target file), when there is one.
  public var calibration: ReportCalibration?
  /// From `units.csv` (when present): unit, its name (the id in a file written before
  /// names were there), level and desk utilisation %.
  public var deskUse: [(unit: String, name: String, level: String, utilisation: Double)] = []
  /// From `hours_by_level.csv` (when present): level, hour, tickets, mean wait (minutes).
  public var levelHours: [(level: String, hour: Int, tickets: Double, wait: Double)] = []
  /// From `hours.csv` (when present): hour of the ticket, tickets, mean wait (minutes).
  public var hours: [(hour: Int, tickets: Double, wait: Double)] = []
  /// From `pools-months.csv` (when present): per pool and month, the utilisation of the
  /// officers at work (%) and the overtime worked (hours).
  public var poolMonths: [PoolMonth] = []
  /// From `index766.csv` (when present): the service index's score cards.
  public var index766: [ReportIndexCard] = []

  /// One pool in one month (`pools-months.csv`).
  public struct PoolMonth: Sendable {
    public let pool, name, kind, month: String
    public let utilisation, overtime: Double
  }

  /// Both intervals of every KPI under parameter uncertainty (`run --uncertainty`), when
  /// the summary has them.
  public var uncertainty: UncertaintyData?

  /// Reads `DIR/summary.json` (or the file itself when `path` is a file).
  public init(path: String) throws(ReportError) {
    var isDirectory: ObjCBool = false
    let file =
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      ? (path as NSString).appendingPathComponent("summary.json") : path
    let dir = (file as NSString).deletingLastPathComponent
    guard let data = try ReportFile.data(file, in: dir) else {
      throw ReportError(
        "\(file): cannot read it; give the directory written by `onestop run --out DIR` (it holds summary.json)")
    }
    try self.init(data: data, file: file)
    func table(_ name: String, _ columns: [String]) throws(ReportError) -> [[String: String]]? {
      try CSV.read((dir as NSString).appendingPathComponent(name), in: dir, required: columns)?.rows
    }
    let utilisation = StationColumn.utilisation.header, deskUtilisation = UnitColumn.deskUtilisation.header
    if let rows = try table("agencies.csv", ["station", "kind", "officers", utilisation]) {
      stations = rows.map { r in
        (r["station"] ?? "", r["kind"] ?? "", Int(r["officers"] ?? "") ?? 0, Double(r[utilisation] ?? "") ?? .nan)
      }
      for r in rows { names.stations[r["station"] ?? ""] = r["name"] ?? "" }
    }
    if let rows = try table("units.csv", ["unit", "level", deskUtilisation]) {
      for r in rows {
        let id = r["unit"] ?? ""
        names.units[id] = (r["name"] ?? id, r["level"] ?? "", r["parent"] ?? "")
        unitTickets[id] = Double(r[UnitColumn.tickets.header] ?? "")
      }
      deskUse = rows.map { r in
        (r["unit"] ?? "", r["name"] ?? r["unit"] ?? "", r["level"] ?? "", Double(r[deskUtilisation] ?? "") ?? .nan)
      }
    }
    let levelTickets = LevelHourColumn.tickets.header, levelWait = LevelHourColumn.waitMean.header
    if let rows = try table("hours_by_level.csv", ["level", "hour", levelTickets, levelWait]) {
      levelHours = rows.map { r in
        (
          r["level"] ?? "", Int(r["hour"] ?? "") ?? 0, Double(r[levelTickets] ?? "") ?? 0,
          Double(r[levelWait] ?? "") ?? .nan
        )
      }
    }
    let poolUse = PoolMonthColumn.utilisationPresent.header, overtime = PoolMonthColumn.overtimeHours.header
    if let rows = try table("pools-months.csv", ["pool", "name", "kind", "month", poolUse, overtime]) {
      poolMonths = rows.map { r in
        PoolMonth(
          pool: r["pool"] ?? "", name: r["name"] ?? "", kind: r["kind"] ?? "", month: r["month"] ?? "",
          utilisation: Double(r[poolUse] ?? "") ?? .nan, overtime: Double(r[overtime] ?? "") ?? 0)
      }
    }
    if let rows = try table(Index766Table.file, Index766Table.keyColumns) { index766 = Self.index766Cards(rows) }
    let hourTickets = HourColumn.tickets.header, hourWait = HourColumn.waitMean.header
    if let rows = try table("hours.csv", ["hour", hourTickets, hourWait]) {
      hours = rows.map { r in
        (Int(r["hour"] ?? "") ?? 0, Double(r[hourTickets] ?? "") ?? 0, Double(r[hourWait] ?? "") ?? .nan)
      }
    }
  }

  init(data: Data, file: String) throws(ReportError) {
    guard try ReportSchema.keys(of: data, file: file).isSuperset(of: ["scenario", "kpis"]) else {
      throw ReportError(
        "\(file): not a run summary (no 'scenario' and 'kpis'); give the directory written by `onestop run --out DIR`")
    }
    let s = try ReportSchema.decode(ReportSchema.Summary.self, from: data, file: file, writer: "onestop run --out DIR")
    scenario = s.scenario
    self.file = s.file
    hash = s.scenario_hash
    version = s.onestop_version
    start = s.start
    end = s.end
    seed = String(s.seed)
    overrides = s.overrides ?? []
    replications = s.replications
    guard replications >= 1 else {
      throw ReportError("\(file): 'replications' is \(replications); a run has at least 1 replication")
    }
    guard !s.kpis.isEmpty else {
      throw ReportError(
        "\(file): 'kpis' is empty; a run summary has every KPI: write it again with `onestop run --out DIR`")
    }
    language = s.report_language
    kpis = s.kpis
    kpiUnits = s.units_of_kpis
    byLevel = s.by_level
    byAgency = s.by_agency
    byField = s.by_field
    byProcedure = s.by_procedure
    months = s.months
    unitWaits = s.desk_waits_by_unit
    priors = s.priors
    description = s.description ?? ""
    for p in s.procedures ?? [] { names.procedures[p.id] = p.name }
    for w in s.desk_waits_by_unit { names.units[w.unit] = (w.name, w.level, "") }
    names.localized = s.names ?? [:]
    uncertainty = s.uncertainty.map(UncertaintyData.init)
  }
}

/// A figure of the scenario's source report (from its calibration target file).
public struct ReportTarget: Sendable {
  public let kpi: String
  public let value: Double
  public let tolerance: Double
  public let source: String
  /// The source in Vietnamese (the target file's `source_vi`), when given.
  public var sourceVi: String?
  /// Half a unit of the report's last digit (docs/calibration.md).
  public let precision: Double
  /// input, fitted or independent: only independent figures are evidence.
  public let role: String
  /// Bounds the report implies instead of a figure (the target file's `at_least`/`at_most`).
  public var atLeast: Double?
  public var atMost: Double?
  /// The tolerance below `atLeast` (a count's default is that bound's own spread).
  public var toleranceBelow: Double?
  public init(
    kpi: String, value: Double, tolerance: Double, source: String, precision: Double = 0, role: String = "independent"
  ) {
    self.kpi = kpi
    self.value = value
    self.tolerance = tolerance
    self.source = source
    self.precision = precision
    self.role = role
  }

  /// The source in `l`: `source_vi` on a Vietnamese page, else `source`.
  public func source(_ l: ReportLanguage) -> String { l == .vi ? sourceVi ?? source : source }

  /// Within: |mean - report| <= tolerance + precision + the 95 % half-width of the mean;
  /// for bounds, the interval [at_least, at_most] widened by as much holds the mean.
  public func within(_ e: ReportData.Estimate) -> Bool {
    let allowance = tolerance + precision + max(0, e.high - e.mean)
    if atLeast == nil && atMost == nil { return abs(e.mean - value) <= allowance }
    let below = allowance - tolerance + (toleranceBelow ?? tolerance)
    return e.mean + below >= (atLeast ?? -.infinity) && e.mean - allowance <= (atMost ?? .infinity)
  }

  /// The figure as the report column shows it: `3.381`, `≤ 33`, `≥ 234`, `234 – 267`.
  public func written(_ number: (Double) -> String) -> String {
    switch (atLeast, atMost) {
    case (nil, nil): number(value)
    case (let lo?, nil): "≥ " + number(lo)
    case (nil, let hi?): "≤ " + number(hi)
    case (let lo?, let hi?): number(lo) + " – " + number(hi)
    }
  }
}

/// Whether a scenario is calibrated or a what-if example, from its target file: the report
/// says so on the scenario's page (the held-out check itself is `onestop calibrate`'s).
public struct ReportCalibration: Sendable {
  /// Nil for a calibrated scenario; why it is a what-if example otherwise.
  public let whatIf: String?
  /// Independent figures and rank targets: the evidence.
  public let independent: Int
  public init(whatIf: String?, independent: Int) {
    self.whatIf = whatIf
    self.independent = independent
  }

  /// The sentence on the scenario's page.
  public func sentence(_ l: ReportLanguage) -> String {
    if let whatIf { return l.label("what_if_note") + whatIf }
    return l.label("calibrated_a") + l.number(Double(independent)) + l.label("calibrated_b")
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
    if key.hasPrefix("agency:") {
      rows = byAgency; row = String(key.dropFirst(7))
    } else if key.hasPrefix("level:") {
      rows = byLevel; row = String(key.dropFirst(6))
    } else {
      return nil
    }
    guard let r = rows.first(where: { $0.key == row }),
      let column = BreakdownColumn.allCases.first(where: { $0.measure.name == base })
    else { return nil }
    return column == .onTimeRateOfResolved ? nil : r[column]
  }
}

/// The names a report draws a breakdown row and a month by.
extension BreakdownRow where Value == ReportData.Estimate {
  public var received: Value { self[.received] }
  public var onTime: Value { self[.resolvedOnTime] }
  public var overdue: Value { self[.resolvedOverdue] }
  public var inProgress: Value { self[.inProgressEnd] }
  public var onTimeRate: Value { self[.onTimeRateOfReceived] }
  public var overdueRate: Value { self[.overdueRateOfReceived] }
}

extension MonthRow where Value == ReportData.Estimate {
  public var receivedNew: Value { self[.receivedNew] }
  public var onTime: Value { self[.resolvedOnTime] }
  public var overdue: Value { self[.resolvedOverdue] }
  public var inProgress: Value { self[.inProgressEnd] }
  public var onlineShare: Value { self[.onlineShare] }
  public var waitMean: Value { self[.waitMean] }
}

/// A report that cannot be made, with what to do about it.
public struct ReportError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public init(_ message: String) { description = message }
}
