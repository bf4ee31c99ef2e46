/// Columns of a breakdown row (by level, agency, field, procedure, channel).
public enum BreakdownColumn: Int, CaseIterable, Sendable {
  case received, resolvedOnTime, resolvedOverdue, inProgressEnd, onTimeRateOfReceived, overdueRateOfReceived, onTimeRateOfResolved

  /// The column's value for the counters of one replication (rates in %).
  func value(_ c: CellCounters) -> Double {
    switch self {
    case .received: return Double(c.received)
    case .resolvedOnTime: return Double(c.resolvedOnTime)
    case .resolvedOverdue: return Double(c.resolvedOverdue)
    case .inProgressEnd: return Double(c.inProgressEnd)
    case .onTimeRateOfReceived: return 100 * c.onTimeRateOfReceived
    case .overdueRateOfReceived: return 100 * c.overdueRateOfReceived
    case .onTimeRateOfResolved: return 100 * c.onTimeRateOfResolved
    }
  }
}

/// Columns of the desk waits of one level (minutes, %, tickets).
public enum LevelWaitColumn: Int, CaseIterable, Sendable {
  case mean, p50, p90, p99, servedSameDay, tickets
}

/// Columns of one (month, level) row of the monthly series.
public enum MonthColumn: Int, CaseIterable, Sendable {
  case receivedNew, resolvedOnTime, resolvedOverdue, apologies, inProgressEnd, onlineIn, onlineShare, waitMean, tickets

  func value(_ m: MonthCounters) -> Double {
    switch self {
    case .receivedNew: return Double(m.receivedNew)
    case .resolvedOnTime: return Double(m.resolvedOnTime)
    case .resolvedOverdue: return Double(m.resolvedOverdue)
    case .apologies: return Double(m.apologies)
    case .inProgressEnd: return Double(m.inProgressEnd)
    case .onlineIn: return Double(m.onlineIn)
    case .onlineShare: return 100 * m.onlineShare
    case .waitMean: return m.waits.mean / 60
    case .tickets: return Double(m.tickets)
    }
  }
}

/// Columns of one unit (`units.csv`).
public enum UnitColumn: Int, CaseIterable, Sendable {
  case received, resolvedOnTime, resolvedOverdue, inProgressEnd, onTimeRateOfReceived
  case waitMean, waitP90, servedSameDay, deskUtilisation, tickets, queueLength, busyDesks
}

/// Columns of one station, online intake or agency (`agencies.csv`).
public enum StationColumn: Int, CaseIterable, Sendable {
  case utilisation, waitDays, busyHours, busyOfficers
}

/// Columns of one clock hour of the ticket (`hours.csv`).
public enum HourColumn: Int, CaseIterable, Sendable {
  case tickets, waitMean, waitP50, waitP90, waitP99, servedSameDay, queueLength
}

/// Columns of one (level, clock hour) row (`hours_by_level.csv`).
public enum LevelHourColumn: Int, CaseIterable, Sendable {
  case tickets, waitMean
}
