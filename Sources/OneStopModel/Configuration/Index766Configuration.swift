/// The service index of Decision 766/QĐ-TTg (23/6/2022) as the national portal scores it
/// (six groups, 100 points): what a scenario gives for the parts no simulation decides,
/// the shares that turn simulated flows into the parts it does, and the point values and
/// thresholds of the portal's formulas, kept as data (no legal text fixes them; see
/// docs/results.md, "Service index").
public struct Index766Configuration: Sendable, Equatable {
  /// The inputs of every unit that `units` does not name.
  public var inputs = Index766Inputs()
  /// Units with their own inputs (unit id, inputs), in file order.
  public var units: [(unit: String, inputs: Index766Inputs)] = []
  public var rules = Index766Rules()

  public init() {}

  public static func == (a: Self, b: Self) -> Bool {
    a.inputs == b.inputs && a.rules == b.rules && a.units.map(\.unit) == b.units.map(\.unit)
      && a.units.map(\.inputs) == b.units.map(\.inputs)
  }
}

/// One unit's inputs to the index: points of the parts the portal scores from its
/// catalogue and petitions (not simulated), and the shares that turn simulated counts into
/// the flow-decided parts.
public struct Index766Inputs: Sendable, Equatable {
  /// CKMB 1.1-1.3: procedures published on time, public on the national database, with
  /// all seven parts (at most 12 of the group's 18).
  public var transparencyPoints = 0.0
  /// DVCTT 3.1-3.2 and the full-process row: the online-catalogue points (at most 12 less
  /// `Index766Rules.onlineReceivedPoints`).
  public var onlineCataloguePoints = 0.0
  /// TTTT: the procedure-level payment points (fees integrated, at least one online
  /// payment: at most 4 of 10).
  public var paymentProcedurePoints = 0.0
  /// MDSH: reuse, citizen data store, population database, e-certified copies (at most 12
  /// of 22).
  public var digitisationOtherPoints = 0.0
  /// MDHL 5.2-5.3: petitions handled on time and satisfaction with their handling (at
  /// most 12 of 18; 12 when the unit had no petitions).
  public var petitionPoints = 0.0
  /// Share of dossiers synchronised to the national portal (CKMB 1.4, and the factor of
  /// DVCTT 3.3).
  public var syncShare = 1.0
  /// Share of results returned on paper that are also issued electronically (MDSH 4.1);
  /// results returned online count as electronic.
  public var eResultShare = 0.0
  /// Share of fee-bearing dossiers paid online, by channel of submission (TTTT 3.6).
  public var payOnlineShareOnline = 0.0
  public var payOnlineSharePaper = 0.0
  /// Share of dossiers with a petition or a "dislike" (MDHL 5.4).
  public var complaintShare = 0.0

  public init() {}
}

/// Point values and thresholds of the portal's formulas (INDEX-766 §1.2; the checker of
/// the portal's public API and the operator's formula description): data, not code.
public struct Index766Rules: Sendable, Equatable {
  /// TDGQ 2.1: points for dossiers processed on time.
  public var timelinessPoints = 20.0
  /// CKMB 1.4: points for synchronised dossiers.
  public var syncPoints = 6.0
  /// DVCTT 3.3: points for the online share of received and its threshold of full marks.
  public var onlineReceivedPoints = 4.0
  public var onlineReceivedThreshold = 0.5
  /// TTTT 3.6: points for dossiers paid online.
  public var paidOnlinePoints = 6.0
  /// MDSH 4.1 and 4.2: points and thresholds for electronic results and digitised dossiers.
  public var eResultPoints = 6.0
  public var eResultThreshold = 1.0
  public var digitisedPoints = 4.0
  public var digitisedThreshold = 1.0
  /// MDHL 5.4: points for satisfaction with dossiers and the threshold of full marks.
  public var satisfactionPoints = 6.0
  public var satisfactionThreshold = 0.9
  /// Working hours an online dossier may wait for acceptance before it counts as a late
  /// reception (Decree 45/2020 Art. 11; Circular 87/2021/TT-BTC Art. 10: 8).
  public var onlineReceptionHours = 8.0

  public init() {}
}
