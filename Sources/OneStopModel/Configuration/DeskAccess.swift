import DESKernel

/// How the citizens of one unit reach its desks, beyond taking a ticket in the hall
/// (issue 28): some come before the doors open, some take a ticket for today from home
/// (the iHanoi way) and arrive around its estimated call time, and a visit may carry
/// several dossiers (proxies, households). The default (`isUsed` false) is the model
/// without any of them.
public struct DeskAccess: Sendable {
  /// Share of the unit's walk-in visits that arrive before the doors open, uniformly
  /// between `beforeOpeningEarliest` seconds before the first opening of the day and
  /// the opening; they take a ticket and are called first come, first served.
  public var beforeOpeningShare = 0.0
  public var beforeOpeningEarliest = 3.0 * 3600
  /// Share of the walk-in visits whose ticket is taken from home (remote tickets): the
  /// citizen arrives `remoteArrivalLead` before the ticket's estimated call time, never
  /// with probability `remoteNoShow`, and is a no-show when called before arriving.
  public var remoteTicketShare = 0.0
  public var remoteArrivalLead: Distribution = try! .uniform(low: 0, high: 20 * 60)
  public var remoteNoShow = 0.0
  /// Mean dossiers per walk-in visit of a new dossier (1: one each; above 1: 1, 2, ...
  /// with a geometric tail), all served in one call; at most `maxDossiersPerVisit`
  /// (nil: no cap) are served, the rest come back as visits of their own.
  public var dossiersPerVisit = 1.0
  public var maxDossiersPerVisit: Double?

  public init() {}

  /// `true` when any of these settings differs from the default.
  public var isUsed: Bool {
    beforeOpeningShare > 0 || remoteTicketShare > 0 || dossiersPerVisit > 1 || maxDossiersPerVisit != nil
  }
}
