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

  /// Busy over available officer time (0 ... 1); 0 for a station that never worked.
  public var utilisation: Double { availableSeconds > 0 ? busySeconds / availableSeconds : 0 }
}
