import DESKernel

extension CompiledModel {
  /// The processing rules a run applies (`ProcessingRules` with times in seconds); the
  /// provincial cut and the default absence days are compiled into the procedures and
  /// stations already.
  public struct Rules: Sendable {
    public let onlineReceipt: OnlineReceipt
    public let interLevelHandoverWorkingDays: Int
    public let apologyLeadWorkingDays: Int
    public let apologyExtensionWorkingDays: Int
    /// Postal transit (working days): post point -> office, office -> citizen.
    public let postalInTransit: Distribution
    public let postalOutTransit: Distribution
    /// Daily collection at post points, seconds after midnight.
    public let postalCollection: Double
    public let leadTimeAfterSupplement: Double
    /// Decree 61/2018 timing (R11): the share of dossiers foreseen late at the watch that
    /// get a timely letter; nil: every one foreseen from fixed delays alone (the model
    /// before R11 timing).
    public let apologyCompliance: Double?
    public let lateApology: LateApology
    /// Boundary-free filing: a dossier filed away from home is charged to its deciding
    /// unit (`charged_to: deciding`) rather than the receiving one.
    public let chargesDecidingUnit: Bool

    /// `true` when the scenario sets either apology timing key: the trace then says of
    /// each letter whether it came in time.
    public var timesApologies: Bool { apologyCompliance != nil || lateApology != .endOfDueDay }

    init(_ r: ProcessingRules) {
      onlineReceipt = r.onlineReceipt
      interLevelHandoverWorkingDays = r.interLevelHandoverWorkingDays
      apologyLeadWorkingDays = r.apologyLeadWorkingDays
      apologyExtensionWorkingDays = r.apologyExtensionWorkingDays
      postalInTransit = r.postalInTransit
      postalOutTransit = r.postalOutTransit
      postalCollection = Double(r.postalCollectionTime.seconds)
      leadTimeAfterSupplement = r.leadTimeAfterSupplement
      apologyCompliance = r.apologyCompliance
      chargesDecidingUnit = r.chargedTo == .deciding
      lateApology = r.lateApology
    }
  }
}
