import DESKernel

/// Dossiers carried over from before the start, entering at the stage their age gives.
///
/// Without a receipt range, ages are spread over the procedure's deadline, so that none
/// is due yet, except `overdueShare` of them, which are past their due day by up to half
/// the deadline (a report's "in progress, already overdue").
public struct BacklogEntry: Sendable {
  public var unit: String
  public var procedure: String
  public var count: Int
  public var receivedFrom: CivilDate?
  public var receivedThrough: CivilDate?
  public var overdueShare: Double
  public init(
    unit: String, procedure: String, count: Int, receivedFrom: CivilDate? = nil, receivedThrough: CivilDate? = nil,
    overdueShare: Double = 0
  ) {
    self.unit = unit
    self.procedure = procedure
    self.count = count
    self.receivedFrom = receivedFrom
    self.receivedThrough = receivedThrough
    self.overdueShare = overdueShare
  }
}
