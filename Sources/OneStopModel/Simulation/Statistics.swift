import DESKernel
import Histogram

/// Outcome counters of one cell: (receiving unit, procedure, channel in).
///
/// The definitions of the provincial reports (Tuyên Quang 2022): `received` = new in the
/// period + carried over; every received dossier ends the period resolved on time, resolved overdue,
/// withdrawn (supplement never sent) or in progress.
public struct CellCounters: Sendable, Equatable {
  /// New first contacts in the period (citizens starting a dossier).
  public var arrivals = 0
  /// Of those, accepted / refused / abandoned (gave up before acceptance).
  public var acceptedFromArrivals = 0
  public var refused = 0
  public var abandoned = 0
  /// Accepted in the period, and in progress when it started.
  public var receivedNew = 0
  public var carriedOver = 0
  public var resolvedOnTime = 0
  public var resolvedOverdue = 0
  /// Of the resolved overdue, those carried over from before the period.
  public var carriedOverOverdue = 0
  public var withdrawn = 0
  public var apologies = 0
  /// Of the apologies, those sent in time (R11: at the latest `apology_lead` working days
  /// before the due day); the others came at the end of the due day.
  public var apologiesOnTime = 0
  public var supplementRequests = 0
  /// Paper dossiers accepted after being digitised at the desk (R24).
  public var digitised = 0
  /// Results handed back (picked up, delivered by post or online).
  public var returned = 0
  /// Filled at the end of the run by scanning the dossiers still open.
  public var inProgressEnd = 0
  public var pendingIntakeEnd = 0

  public init() {}

  public var received: Int { receivedNew + carriedOver }
  public var resolved: Int { resolvedOnTime + resolvedOverdue }
  /// Apologies sent at the end of the due day, not in time.
  public var apologiesLate: Int { apologies - apologiesOnTime }

  public mutating func add(_ o: CellCounters) {
    arrivals += o.arrivals
    acceptedFromArrivals += o.acceptedFromArrivals
    refused += o.refused
    abandoned += o.abandoned
    receivedNew += o.receivedNew
    carriedOver += o.carriedOver
    resolvedOnTime += o.resolvedOnTime
    resolvedOverdue += o.resolvedOverdue
    carriedOverOverdue += o.carriedOverOverdue
    withdrawn += o.withdrawn
    apologies += o.apologies
    apologiesOnTime += o.apologiesOnTime
    digitised += o.digitised
    supplementRequests += o.supplementRequests
    returned += o.returned
    inProgressEnd += o.inProgressEnd
    pendingIntakeEnd += o.pendingIntakeEnd
  }
}

/// Waiting times at the desks: mean and quantiles.
///
/// Quantiles come from an HdrHistogram (hdrhistogram-swift) of whole seconds with two
/// significant digits: bounded memory, at most 1 % relative error, mergeable across
/// replications. Waits above 400 days are counted at that value.
public struct WaitStatistics: Sendable {
  public var tally = Tally()
  public var histogram = WaitStatistics.emptyHistogram
  /// Walk-ins served the same day they took their ticket.
  public var servedSameDay = 0

  /// The largest wait the histogram resolves, in seconds (400 days).
  public static let maximum: UInt64 = 400 * 86_400

  /// The empty histogram every new statistic starts from, built once: a copy shares its
  /// counts until the first value is recorded (copy on write), where building one ran
  /// the library's unspecialised `Array(repeating:count:)` over 2,432 counts (36 M
  /// instructions for the 913 statistics of a Hà Nội result, most of them empty).
  static let emptyHistogram = Histogram<UInt32>(
    lowestDiscernibleValue: 1, highestTrackableValue: maximum, numberOfSignificantValueDigits: .two)

  public init() {}

  mutating func add(_ wait: Double, sameDay: Bool) {
    tally.add(wait)
    _ = histogram.record(Swift.min(UInt64(Swift.max(0, wait.rounded())), Self.maximum))
    if sameDay { servedSameDay += 1 }
  }

  public mutating func merge(_ o: WaitStatistics) {
    tally.merge(o.tally)
    histogram.add(o.histogram)
    servedSameDay += o.servedSameDay
  }

  public var count: Int { tally.count }
  /// Mean in seconds.
  public var mean: Double { tally.mean }
  /// The `q`-quantile (0 ... 1) in seconds; 0 when empty.
  public func quantile(_ q: Double) -> Double {
    count > 0 ? Double(histogram.valueAtPercentile(q * 100)) : 0
  }
  public var sameDayShare: Double { count > 0 ? Double(servedSameDay) / Double(count) : 0 }
}

/// The numbers a report needs from a `WaitStatistics`, without its histogram: what a
/// replication keeps per unit and per hour, so that a hundred replications stay small.
public struct WaitDigest: Sendable, Equatable {
  public let count: Int
  /// Seconds.
  public let mean, min, p50, p90, p99: Double
  public let sameDayShare: Double
  /// Citizens served the day they took their ticket: the numerator of `served_same_day`.
  public let servedSameDay: Int

  public init(_ w: WaitStatistics) {
    count = w.count
    servedSameDay = w.servedSameDay
    mean = w.mean
    min = w.count > 0 ? w.tally.min : 0
    p50 = w.quantile(0.5)
    p90 = w.quantile(0.9)
    p99 = w.quantile(0.99)
    sameDayShare = w.sameDayShare
  }

  /// The 0.5, 0.9 or 0.99 quantile in seconds (the ones kept).
  public func quantile(_ q: Double) -> Double {
    switch q {
    case 0.5: return p50
    case 0.9: return p90
    case 0.99: return p99
    default: preconditionFailure("WaitDigest keeps only the 0.5, 0.9 and 0.99 quantiles")
    }
  }
}

extension CellCounters {
  /// Resolved on time / received (the Tuyên Quang report's 93.32 %); 0 when nothing was received.
  public var onTimeRateOfReceived: Double { received > 0 ? Double(resolvedOnTime) / Double(received) : 0 }
  /// Resolved on time / resolved (98.03 % for the same data).
  public var onTimeRateOfResolved: Double { resolved > 0 ? Double(resolvedOnTime) / Double(resolved) : 0 }
  /// Resolved overdue / received (1.9 %).
  public var overdueRateOfReceived: Double { received > 0 ? Double(resolvedOverdue) / Double(received) : 0 }
}

/// ∫ x(t) dt split by hour of day (0-23): the queue length by hour in `hours.csv`.
struct HourOfDayIntegral {
  private(set) var value: Double
  private var last: Double
  private(set) var integrals = [Double](repeating: 0, count: 24)

  init(start: Double, value: Double) {
    self.value = value
    last = start
  }

  /// The quantity becomes `newValue` at `now` (>= the last change).
  mutating func set(_ newValue: Double, at now: Double) {
    if value != 0 { accumulate(to: now) }
    last = now
    value = newValue
  }

  /// The integrals by hour with the current value carried to `end`.
  func closed(at end: Double) -> [Double] {
    var copy = self
    if value != 0 { copy.accumulate(to: end) }
    return copy.integrals
  }

  private mutating func accumulate(to now: Double) {
    var t = last
    while t < now {
      let hourStart = (t / 3600).rounded(.down) * 3600
      let next = Swift.min(now, hourStart + 3600)
      integrals[Int(hourStart / 3600) % 24] += value * (next - t)
      t = next
    }
  }
}
