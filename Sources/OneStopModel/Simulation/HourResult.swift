/// One clock hour of the day across all units: the waits of tickets drawn in it and the
/// terms of the province's mean queue in that hour.
public struct HourResult: Sendable {
  /// Desk waits of tickets drawn in this hour.
  public let waits: WaitDigest
  /// Citizens waiting for a desk in this hour, integrated over the run (seconds x citizens).
  public let queueIntegral: Double
  /// Days on which some unit was open in this hour: the queue's denominator.
  public let openDays: Int
}
