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
