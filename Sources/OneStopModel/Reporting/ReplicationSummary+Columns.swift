/// A column of a summary table: one measure of the table of measures, read at the
/// table's scope. Its CSV header and its key in `summary.json` are built from the
/// measure's name and unit (`base` is the name unless a table spells it shorter).
public protocol MeasureColumn: CaseIterable, RawRepresentable, Sendable where RawValue == Int {
  /// The measure the column holds.
  var measure: Measure { get }
  /// The column's name without its unit suffix; the measure's name by default.
  var base: String { get }
}

extension MeasureColumn {
  public var base: String { measure.name }
  /// The CSV header: `base` and the unit's suffix (`desk_wait_mean_min`).
  public var header: String { base + measure.unit.columnSuffix }
  /// The key in `summary.json`'s rows: `base`, with `_min` for minutes.
  public var jsonKey: String { base + measure.unit.jsonKeySuffix }
}

/// Columns of a breakdown row (by level, agency, field, procedure, channel).
public enum BreakdownColumn: Int, MeasureColumn {
  case received, resolvedOnTime, resolvedOverdue, inProgressEnd
  case onTimeRateOfReceived, overdueRateOfReceived, onTimeRateOfResolved

  public var measure: Measure {
    switch self {
    case .received: return .received
    case .resolvedOnTime: return .resolvedOnTime
    case .resolvedOverdue: return .resolvedOverdue
    case .inProgressEnd: return .inProgressEnd
    case .onTimeRateOfReceived: return .onTimeRateOfReceived
    case .overdueRateOfReceived: return .overdueRateOfReceived
    case .onTimeRateOfResolved: return .onTimeRateOfResolved
    }
  }

  /// The column's value for the counters of one replication (rates in %).
  func value(_ c: CellCounters) -> Double { measure.cell!(c) }
}

/// Columns of the desk waits of one level (minutes, %, tickets).
public enum LevelWaitColumn: Int, MeasureColumn {
  case mean, p50, p90, p99, servedSameDay, tickets

  public var measure: Measure {
    switch self {
    case .mean: return .deskWaitMean
    case .p50: return .deskWaitP50
    case .p90: return .deskWaitP90
    case .p99: return .deskWaitP99
    case .servedSameDay: return .servedSameDay
    case .tickets: return .tickets
    }
  }

  /// `summary.json`'s `desk_waits_by_level` drops the table's `desk_wait_` (`mean_min`).
  public var shortKey: String { jsonKey.dropping(prefix: "desk_wait_") }
}

/// Columns of one (month, level) row of the monthly series.
public enum MonthColumn: Int, MeasureColumn {
  case receivedNew, resolvedOnTime, resolvedOverdue, apologies, inProgressEnd, onlineIn, onlineShare, waitMean, tickets

  public var measure: Measure {
    switch self {
    case .receivedNew: return .receivedNew
    case .resolvedOnTime: return .resolvedOnTime
    case .resolvedOverdue: return .resolvedOverdue
    case .apologies: return .apologies
    case .inProgressEnd: return .inProgressEnd
    case .onlineIn: return .onlineIn
    case .onlineShare: return .onlineShareOfReceived
    case .waitMean: return .deskWaitMean
    case .tickets: return .tickets
    }
  }

  /// The monthly series calls the online share `online_share` (`online_share_pct`).
  public var base: String { self == .onlineShare ? "online_share" : measure.name }

  func value(_ m: MonthCounters) -> Double { measure.month!(m) }
}

/// Columns of one unit (`units.csv`); `digitised` is written only when the model
/// `reportsDigitisation` (`written(for:)`).
public enum UnitColumn: Int, MeasureColumn {
  case received, resolvedOnTime, resolvedOverdue, inProgressEnd, onTimeRateOfReceived
  case waitMean, waitP90, servedSameDay, deskUtilisation, tickets, queueLength, busyDesks, digitised

  /// The columns `units.csv` has for `model`: all but `digitised` unless a unit gives its
  /// digitisation as shares, so a scenario that does not keeps the file it had.
  public static func written(for model: CompiledModel) -> [UnitColumn] {
    allCases.filter { $0 != .digitised || model.reportsDigitisation }
  }

  public var measure: Measure {
    switch self {
    case .received: return .received
    case .resolvedOnTime: return .resolvedOnTime
    case .resolvedOverdue: return .resolvedOverdue
    case .inProgressEnd: return .inProgressEnd
    case .onTimeRateOfReceived: return .onTimeRateOfReceived
    case .waitMean: return .deskWaitMean
    case .waitP90: return .deskWaitP90
    case .servedSameDay: return .servedSameDay
    case .deskUtilisation: return .deskUtilisation
    case .tickets: return .tickets
    case .queueLength: return .deskQueueLength
    case .busyDesks: return .busyDeskStaff
    case .digitised: return .digitised
    }
  }

  /// `units.csv` names the two time averages of a unit `queue_length_mean` and
  /// `busy_desks_mean`.
  public var base: String {
    switch self {
    case .queueLength: return "queue_length_mean"
    case .busyDesks: return "busy_desks_mean"
    default: return measure.name
    }
  }
}

/// Columns of one station, online intake or agency (`agencies.csv`): no measure of the
/// table (stations are not a KPI scope), so the headers are the file's own.
public enum StationColumn: Int, CaseIterable, Sendable {
  case utilisation, waitDays, busyHours, busyOfficers

  /// The CSV header.
  public var header: String {
    switch self {
    case .utilisation: return "utilisation" + KPIUnit.percent.columnSuffix
    case .waitDays: return "wait_mean" + KPIUnit.days.columnSuffix
    case .busyHours: return "busy" + KPIUnit.hours.columnSuffix
    case .busyOfficers: return "busy_officers_mean"
    }
  }
}

/// Columns of one clock hour of the ticket (`hours.csv`).
public enum HourColumn: Int, MeasureColumn {
  case tickets, waitMean, waitP50, waitP90, waitP99, servedSameDay, queueLength

  public var measure: Measure {
    switch self {
    case .tickets: return .tickets
    case .waitMean: return .deskWaitMean
    case .waitP50: return .deskWaitP50
    case .waitP90: return .deskWaitP90
    case .waitP99: return .deskWaitP99
    case .servedSameDay: return .servedSameDay
    case .queueLength: return .deskQueueLength
    }
  }

  /// Hours are of the desks: `wait_mean_min`, `queue_length_mean`.
  public var base: String {
    self == .queueLength ? UnitColumn.queueLength.base : measure.name.dropping(prefix: "desk_")
  }
}

/// Columns of one (level, clock hour) row (`hours_by_level.csv`).
public enum LevelHourColumn: Int, MeasureColumn {
  case tickets, waitMean

  public var measure: Measure { self == .tickets ? .tickets : .deskWaitMean }
  /// As in `hours.csv`: `wait_mean_min`.
  public var base: String { measure.name.dropping(prefix: "desk_") }
}

extension String {
  /// The string without `prefix`, or itself when it does not start with it.
  func dropping(prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
