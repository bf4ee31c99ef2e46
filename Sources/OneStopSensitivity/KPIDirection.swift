import OneStopModel

/// Which way a KPI is better, for "B is better than A in 97 % of the plausible parameter
/// sets": higher for the on-time rates and the dossiers resolved on time and served the same
/// day; lower for what is late, lost, waited for or done twice; no direction for volumes,
/// shares of a channel and the use of staff, which a plan may want up or down.
public enum KPIDirection: String, Sendable {
  case higher, lower

  /// The direction of the KPI named `name` (its base name before any `@`), nil when none.
  public static func of(_ name: String) -> KPIDirection? {
    let base = name.split(separator: "@", maxSplits: 1).first.map(String.init) ?? name
    if higherIsBetter.contains(base) { return .higher }
    if lowerIsBetter.contains(base) { return .lower }
    return nil
  }

  static let higherIsBetter = Set(
    [Measure.onTimeRateOfReceived, .onTimeRateOfResolved, .resolvedOnTime, .servedSameDay].map(\.name))
  static let lowerIsBetter = Set(
    [
      Measure.overdueRateOfReceived, .resolvedOverdue, .inProgressEnd, .carriedOverOverdue, .withdrawn, .abandoned,
      .apologies, .deskWaitMean, .deskWaitP50, .deskWaitP90, .deskWaitP99, .visitsPerDossier, .turnedAway, .sentHome,
      .wastedPickupVisits, .deskQueueLength, .deskOvertime, .daysToResolveWalkIn, .daysToResolvePostal,
      .daysToResolveOnline,
    ].map(\.name))

  /// `true` when `difference` (B - A) makes B better in this direction.
  public func better(_ difference: Double) -> Bool { self == .higher ? difference > 0 : difference < 0 }
}
