import DESKernel

/// What one unit's desk access did over the statistics period (issue 28): citizens
/// turned away by the daily quota, remote tickets and their no-shows, calls nobody
/// answered and the desk time they cost, tickets taken before the doors opened, the
/// visits and days walk-in dossiers took to be accepted, and the waits of remote ticket
/// holders. All zero in a run without quotas, remote tickets, queues before opening,
/// dossiers per visit and silent leaving (the counts are then not kept at all).
public struct DeskAccessCounts: Sendable {
  /// Visits turned away because the day's tickets were gone (in the cohort).
  public var overQuota = 0
  /// Remote tickets called before their holder came (in the cohort), and remote tickets taken.
  public var noShows = 0
  public var remoteTickets = 0
  /// Calls nobody answered (no-shows and silent leavers) and the desk seconds they took.
  public var absentCalls = 0
  public var absentSeconds = 0.0
  /// Tickets taken in the hall before the unit's first opening of the day.
  public var earlyTickets = 0
  /// Days the unit's front office opened in the statistics period.
  public var openDays = 0
  /// Walk-in dossiers of the cohort accepted at the desk, the visits they took up to
  /// acceptance, and the days from their first visit to acceptance.
  public var accepted = 0
  public var acceptedVisits = 0
  public var acceptanceDays = 0.0
  /// Waits in the hall of remote ticket holders (from arrival to call).
  public var remoteWaits = Tally()

  public init() {}
}
