/// One unit's part in boundary-free filing (Decree 118/2025: a dossier can be received at
/// any unit of the province and decided by another): dossiers it received for another
/// unit to decide, dossiers it decided that another unit received, and the dossiers
/// charged to it (`rules.charged_to`: the receiving unit by the portal's rule, or the
/// deciding one), resolved on time or late. Every dossier is charged to one unit, so
/// the charged counts sum to the run's resolved counts. All counted after the warm-up.
public struct BoundaryFreeCounts: Sendable {
  /// Accepted here, decided by another unit's agencies.
  public var receivedAway = 0
  /// Resolved by this unit's agencies, received at another unit.
  public var decidedForOthers = 0
  /// Resolved dossiers charged to this unit: on time, and late.
  public var chargedOnTime = 0
  public var chargedOverdue = 0

  /// Zero counts.
  public init() {}
}
