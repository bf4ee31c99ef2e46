/// One desk group's time in a replication (after the warm-up): the terms of desk
/// utilisation and of the overtime the closing rule causes.
public struct DeskGroupResult: Sendable {
  /// Seconds the group's desks spent serving (a service running at the end counts up to it).
  public let busySeconds: Double
  /// Desk-seconds open: desks x opening seconds of the group's schedule.
  public let openSeconds: Double
  /// Service seconds outside the group's desk hours.
  public let overtimeSeconds: Double
  /// Waits of the citizens the group's desks called, both halves of a lunch stagger
  /// together (`names.deskGroups` "ID" and "ID/late" share them): the group as the
  /// scenario configures it.
  public let waits: WaitDigest

  /// A group's result from its parts.
  public init(busySeconds: Double, openSeconds: Double, overtimeSeconds: Double, waits: WaitDigest) {
    self.busySeconds = busySeconds
    self.openSeconds = openSeconds
    self.overtimeSeconds = overtimeSeconds
    self.waits = waits
  }
}
