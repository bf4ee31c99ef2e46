import DESKernel

/// Desk waits at the units of one administrative level, so level KPIs take quantiles
/// from the level's own histogram rather than averaging the units'.
public struct LevelResult: Sendable {
  /// All desk waits at the level's units.
  public let waits: WaitDigest
  /// Waits by clock hour of the ticket (24 entries), seconds: mean and spread only.
  public let hourWaits: [Tally]
}
