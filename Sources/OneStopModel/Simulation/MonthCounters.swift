import DESKernel

/// One (month, level) cell of the monthly series. The dossier counts are differences of
/// the run's cell counters between month starts (so the months add up to the year
/// exactly); `inProgressEnd` is a snapshot at the month's end; waits and tickets are
/// counted by the month the ticket was taken.
public struct MonthCounters: Sendable, Equatable {
  /// Accepted in the month (all channels), and of those online.
  public var receivedNew = 0
  public var onlineIn = 0
  public var resolvedOnTime = 0
  public var resolvedOverdue = 0
  public var apologies = 0
  /// Of the apologies, those in time; and the paper dossiers digitised among those accepted.
  public var apologiesOnTime = 0
  public var digitised = 0
  /// Counted dossiers in processing or waiting for a supplement at the month's end.
  public var inProgressEnd = 0
  /// Walk-in tickets taken, and the desk waits of the citizens called (seconds).
  public var tickets = 0
  public var waits = Tally()

  public init() {}

  public mutating func add(_ o: MonthCounters) {
    receivedNew += o.receivedNew
    onlineIn += o.onlineIn
    resolvedOnTime += o.resolvedOnTime
    resolvedOverdue += o.resolvedOverdue
    apologies += o.apologies
    apologiesOnTime += o.apologiesOnTime
    digitised += o.digitised
    inProgressEnd += o.inProgressEnd
    tickets += o.tickets
    waits.merge(o.waits)
  }

  /// Apologies at the end of the due day.
  public var apologiesLate: Int { apologies - apologiesOnTime }

  /// online_in / received_new, 0 when nothing was received.
  public var onlineShare: Double { receivedNew > 0 ? Double(onlineIn) / Double(receivedNew) : 0 }
}
