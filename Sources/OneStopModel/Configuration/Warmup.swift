/// The warm-up a command line asks for (`--warmup 2022-02-01` or `--warmup 30d`),
/// resolved by `CompiledModel` against the configuration's start.
///
/// Why a value and not a `warmup_until` override: "30 days after the start" needs the
/// start, which is only known once the file is read; the compiler has it, so the
/// scenario is loaded and compiled once.
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

  /// The statistics start this warm-up gives a run from `start` (nil: keep the
  /// configuration's `warmupUntil`). `countingFrom` is the scenario's start when a
  /// simulated backlog moved the run's start earlier: statistics never start before it.
  public func resolve(start: CivilDate, countingFrom: CivilDate?) -> CivilDate? {
    var date: CivilDate
    switch self {
    case .until(let d): date = d
    case .days(0): return nil
    case .days(let n): date = start.adding(days: n)
    }
    if let countingFrom { date = max(date, countingFrom) }
    return date
  }
}
