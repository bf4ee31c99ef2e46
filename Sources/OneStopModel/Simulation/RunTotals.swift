import DESKernel

/// Run-wide counts that belong to no single unit, station or cell: visits lost at the
/// desks, the post and online channels, and days from first contact to resolution.
public struct RunTotals: Sendable {
  /// Walk-ins refused a ticket after the cutoff, and ticket holders sent home at closing.
  public let turnedAway: Int
  public let sentHome: Int
  /// Pick-up visits made before the result was ready.
  public let wastedPickupVisits: Int
  /// Visits each dossier that was returned for supplements took.
  public let visitsPerReturnedDossier: Tally
  /// Dossiers in and results out by post and online.
  public let postalIn, postalOut, onlineIn, onlineOut: Int
  /// Days from first contact to resolution, by channel in (walk-in, postal, online).
  public let endToEndDays: [Tally]
}
