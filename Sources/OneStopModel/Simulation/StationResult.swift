import DESKernel

/// One station's officers in a replication (online intake or an agency's back office).
///
/// Busy seconds are work done inside the statistics window (a task straddling the
/// warm-up or the end counts for its part inside), so they never exceed the available
/// officer-seconds (officers x working seconds of the window). Absent seconds are the
/// part of the available time officers were away; the number of dossiers waiting
/// (not yet taken) is integrated over the window.
public struct StationResult: Sendable {
  public let busySeconds: Double
  public let availableSeconds: Double
  public let absentSeconds: Double
  public let waitingIntegral: Double
  /// Time each completed task waited before an officer took it, seconds.
  public let waits: Tally
  /// Per month of the run (`RunMonths` slots): the officers present, their overtime,
  /// work and surge days inside the statistics window.
  public let months: [StationMonth]

  /// Busy over available officer time (0 ... 1); 0 for a station that never worked.
  public var utilisation: Double { availableSeconds > 0 ? busySeconds / availableSeconds : 0 }
}

/// One station in one month of a replication, inside the statistics window (a month
/// partly in the warm-up counts its part after it).
///
/// Present time is officer time in the station's own hours less absences (random and
/// planned); overtime is officer time in the extra hours of surge days. Busy time is work
/// done in either, by the month in which it was done (a task that runs into the next
/// month counts there for its rest).
public struct StationMonth: Sendable {
  /// Officers x the station's own open seconds of the month.
  public var availableSeconds: Double = 0
  /// Officer-seconds of own hours lost to absences (planned leave included).
  public var absentSeconds: Double = 0
  /// Officer-days on planned leave.
  public var leaveDays: Double = 0
  /// Officers present x extra open seconds of the surge days.
  public var overtimeSeconds: Double = 0
  public var busySeconds: Double = 0
  /// Working days of the month, and those whose morning backlog passed the surge
  /// threshold (stations with overtime only).
  public var workingDays = 0
  public var surgeDays = 0

  public init() {}

  /// Officer-seconds present in the station's own hours.
  public var presentSeconds: Double { Swift.max(0, availableSeconds - absentSeconds) }

  /// Busy over the officer time at work (present and overtime), 0 ... 1; nil when
  /// nobody was at work.
  public var utilisationPresent: Double? {
    let atWork = presentSeconds + overtimeSeconds
    return atWork > 0 ? busySeconds / atWork : nil
  }
}
