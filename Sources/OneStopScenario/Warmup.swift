import OneStopModel

/// The warm-up a command line asks for (`--warmup 2022-02-01` or `--warmup 30d`),
/// resolved against the scenario's own start when the scenario is built.
///
/// Why a value and not a `warmup_until` override: "30 days after the start" needs the
/// start, which is only known once the file is read; resolving it while building lets
/// the scenario be loaded and compiled once.
public enum Warmup: Sendable, Equatable {
  /// Statistics start on this date.
  case until(CivilDate)
  /// Statistics start this many days after the run's start (0: the scenario's own
  /// `warmup_until` is kept).
  case days(Int)

  /// Parses `YYYY-MM-DD` or `Nd`; nil for anything else.
  public init?(_ text: String) {
    if let date = CivilDate(iso: text) {
      self = .until(date)
    } else if text.hasSuffix("d"), let n = Int(text.dropLast()), n >= 0 {
      self = .days(n)
    } else {
      return nil
    }
  }

  /// How the command line wrote it, for messages (`--warmup 30d`).
  public var text: String {
    switch self {
    case .until(let d): return d.description
    case .days(let n): return "\(n)d"
    }
  }

  /// The statistics start this warm-up gives `configuration` (nil: keep the file's).
  /// `countFrom` is the scenario's start when a simulated backlog moved the run's start
  /// earlier: statistics never start before it.
  func resolve(_ configuration: ModelConfiguration, countFrom: CivilDate?) -> CivilDate? {
    var date: CivilDate
    switch self {
    case .until(let d): date = d
    case .days(0): return nil
    case .days(let n): date = configuration.start.adding(days: n)
    }
    if let countFrom { date = max(date, countFrom) }
    return date
  }
}
