import DESKernel

/// One receiving unit's desk side of a replication: what its citizens waited, how many came
/// and were turned away or sent home, and the terms of Little's law and of the mean queue.
/// Everything after the warm-up; postal intake never counts.
public struct UnitResult: Sendable {
  /// Desk waits of the unit's citizens, with their same-day count and quantiles.
  public let waits: WaitDigest
  /// Tickets issued; with `turnedAway` the visits that came for a ticket.
  public let ticketsIssued: Int
  /// Walk-ins refused a ticket after the cutoff, and ticket holders sent home at closing
  /// (in the cohort, like the run's totals).
  public let turnedAway: Int
  public let sentHome: Int
  /// Ticket holders who left the hall before being called (patience), and citizens who
  /// took no ticket because of the line (balking); in the cohort. Zero without patience.
  public let leftLine: Int
  public let balked: Int
  /// Little's law at the desks: time-average number present and the time each spent there.
  public let meanInSystem: Double
  public let sojourns: Tally
  /// Citizens waiting for a desk (not being served) integrated over time (seconds x
  /// citizens), and the unit's opening seconds: the mean queue is their ratio.
  public let queueIntegral: Double
  public let openSeconds: Double
  /// Quotas, remote tickets, queues before opening, absent calls (all zero when unused).
  public var access = DeskAccessCounts()
  /// Appointments (all zero without them).
  public var appointments = AppointmentCounts()
  /// Boundary-free filing: received for others, decided for others, charged here.
  public var boundaryFree = BoundaryFreeCounts()

  /// Mean number waiting for a desk during the unit's opening hours.
  public var queueLength: Double { openSeconds > 0 ? queueIntegral / openSeconds : 0 }
}
