import Foundation
/// The unit of a KPI: what its number counts or measures. It decides how the number is
/// printed, the column suffix in CSV files, and the smallest change `onestop check`
/// fails for; a KPI's unit is written to files as `symbol` (`"%"`, `"min"`, `"dossiers"`).
public enum KPIUnit: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
  case dossiers
  /// Apology letters sent for late dossiers.
  case letters
  /// Results returned (by post).
  case results
  /// A percentage (0 ... 100), or percentage points for a difference.
  case percent = "%"
  case minutes = "min"
  case hours
  case days
  case visits
  /// Citizens present (a time-average queue length).
  case citizens
  /// Desk staff busy (a time average).
  case staff
  /// Back-office officers busy (a time average).
  case officers
  /// Simulation events (a measure of work, not of the province).
  case events
  /// Points of the service index (Decision 766).
  case points

  /// The text written to files and tables.
  public var symbol: String { rawValue }

  public var description: String { rawValue }

  /// Decimals in printed tables: counts of whole things have none, rates, durations and
  /// averages two.
  public var decimals: Int {
    switch self {
    case .dossiers, .letters, .results, .events: return 0
    case .percent, .minutes, .hours, .days, .visits, .citizens, .staff, .officers, .points: return 2
    }
  }

  /// Decimals a value of this unit carries in a CSV file (the one place that decides): a
  /// mean count over replications to 0.1 dossier, a rate or share to 4 decimals
  /// (93.3215 %), minutes, days and index points to 0.01, hours to 0.1, averages of visits and persons to
  /// 0.001. Finer digits are noise of the replications, not information; `summary.json`
  /// keeps every digit (it is the machine interface).
  public var csvDecimals: Int {
    switch self {
    case .dossiers, .letters, .results, .events, .hours: return 1
    case .percent: return 4
    case .minutes, .days, .points: return 2
    case .visits, .citizens, .staff, .officers: return 3
    }
  }

  /// `x` rounded to `csvDecimals` (not finite stays as it is).
  public func csvRounded(_ x: Double) -> Double {
    guard x.isFinite else { return x }
    let scale = pow(10, Double(csvDecimals))
    let r = (x * scale).rounded() / scale
    return r == 0 ? 0 : r
  }

  /// The smallest change of a mean worth failing CI for (`onestop check`, besides 2 % of
  /// the baseline): 10 dossiers, 0.2 percentage points, 0.2 minutes, 0.1 days, 2 hours,
  /// 0.02 visits per dossier, 0.05 persons, 1000 events.
  public var checkFloor: Double {
    switch self {
    case .dossiers, .letters, .results: return 10
    case .visits: return 0.02
    case .percent, .points: return 0.2
    case .minutes: return 0.2
    case .days: return 0.1
    case .hours: return 2
    case .events: return 1000
    case .citizens, .staff, .officers: return 0.05
    }
  }

  /// The suffix of a column holding this unit in every CSV file (`_pct`, `_min`,
  /// `_days`, `_hours`; counts have none).
  public var columnSuffix: String {
    switch self {
    case .percent: return "_pct"
    case .minutes: return "_min"
    case .days: return "_days"
    case .hours: return "_hours"
    case .points: return "_pts"
    default: return ""
    }
  }
}
