/// One unit's counts in one period for the service index (Decision 766), kept by the
/// recorder per (unit, month): the dossiers the period judges (those that ended in it,
/// those still open at its end) and the flow's counts the other parts need.
public struct Index766Counts: Sendable, Equatable {
  /// Ended in the period (resolved, or withdrawn after acceptance), on time or late by
  /// the index's rule.
  public var endedOnTime = 0
  public var endedLate = 0
  /// Still open at the period's end, on time or late by the index's rule.
  public var openOnTime = 0
  public var openLate = 0
  /// Accepted in the period; of those online, online and accepted after the reception
  /// deadline, and paper dossiers digitised at intake.
  public var received = 0
  public var onlineReceived = 0
  public var lateReceptions = 0
  public var digitised = 0
  /// Resolved in the period; on time by the model's own (the province's) rule; with the
  /// result returned online.
  public var resolved = 0
  public var resolvedOnTime = 0
  public var onlineResults = 0
  /// Judged late for more than one supplement request.
  public var multipleSupplements = 0

  public init() {}

  /// The period's denominator: received in it or carried into it (every dossier ended in
  /// it or open at its end).
  public var judged: Int { endedOnTime + endedLate + openOnTime + openLate }
  public var onTime: Int { endedOnTime + openOnTime }
  public var late: Int { endedLate + openLate }

  /// Adds the flow counts of `o`, a later month of the same period, and its ended
  /// dossiers; the open counts become `o`'s (a period's open dossiers are those at its end).
  public mutating func extend(with o: Index766Counts) {
    endedOnTime += o.endedOnTime
    endedLate += o.endedLate
    openOnTime = o.openOnTime
    openLate = o.openLate
    received += o.received
    onlineReceived += o.onlineReceived
    lateReceptions += o.lateReceptions
    digitised += o.digitised
    resolved += o.resolved
    resolvedOnTime += o.resolvedOnTime
    onlineResults += o.onlineResults
    multipleSupplements += o.multipleSupplements
  }

  /// Adds `o`, the same period of another unit (a level, the province).
  public mutating func add(_ o: Index766Counts) {
    let open = (openOnTime + o.openOnTime, openLate + o.openLate)
    extend(with: o)
    (openOnTime, openLate) = open
  }
}

/// The score card of one unit (or level, or province) in one period: each of the six
/// groups of the portal, from simulated counts and the scenario's inputs.
public struct Index766Score: Sendable, Equatable {
  /// The groups' points (CKMB 18, TDGQ 20, DVCTT 12, TTTT 10, MDSH 22, MDHL 18).
  public var transparency = 0.0, timeliness = 0.0, online = 0.0, payment = 0.0, digitisation = 0.0
  public var satisfaction = 0.0
  /// Points of the parts computed from the simulated flow (CKMB 1.4, TDGQ, DVCTT 3.3,
  /// TTTT 3.6, MDSH 4.1-4.2, MDHL 5.4).
  public var computed = 0.0
  /// On time by the index's rule (% of judged) and by the province's (% of resolved).
  public var onTime = 0.0, trueOnTime = 0.0

  public var total: Double { transparency + timeliness + online + payment + digitisation + satisfaction }

  /// The group scores a portal page publishes: an index from its parts.
  public init(
    transparency: Double, timeliness: Double, online: Double, payment: Double, digitisation: Double,
    satisfaction: Double
  ) {
    self.transparency = transparency
    self.timeliness = timeliness
    self.online = online
    self.payment = payment
    self.digitisation = digitisation
    self.satisfaction = satisfaction
  }

  /// The score of counts `c` with inputs `x` under rules `k` (formulas: docs/results.md).
  public init(_ c: Index766Counts, inputs x: Index766Inputs, rules k: Index766Rules) {
    func capped(_ points: Double, _ ratio: Double, _ threshold: Double) -> Double {
      threshold > 0 ? points * min(1, max(0, ratio) / threshold) : points
    }
    func share(_ n: Int, _ d: Int) -> Double { d > 0 ? Double(n) / Double(d) : 0 }
    let judged = c.judged
    let onTimeShare = judged > 0 ? share(c.onTime, judged) : 1
    let sync = k.syncPoints * min(1, max(0, x.syncShare))
    let timely = k.timelinessPoints * onTimeShare
    let onlineShare = share(c.onlineReceived, c.received) * x.syncShare
    let online = capped(k.onlineReceivedPoints, onlineShare, k.onlineReceivedThreshold)
    let paper = c.received - c.onlineReceived
    let paid =
      c.received > 0
      ? (Double(c.onlineReceived) * x.payOnlineShareOnline + Double(paper) * x.payOnlineSharePaper)
        / Double(c.received) : 0
    let payment = k.paidOnlinePoints * min(1, paid)
    let eShare =
      c.resolved > 0
      ? (Double(c.onlineResults) + x.eResultShare * Double(c.resolved - c.onlineResults)) / Double(c.resolved) : 0
    let eResult = capped(k.eResultPoints, eShare, k.eResultThreshold)
    let digitisedShare = share(c.onlineReceived + c.digitised, c.received)
    let digitised = capped(k.digitisedPoints, digitisedShare * eShare, k.digitisedThreshold)
    let satisfied = 1 - (share(c.late, judged) + x.complaintShare)
    let satisfaction = judged > 0 ? capped(k.satisfactionPoints, satisfied, k.satisfactionThreshold) : 0
    self.init(
      transparency: x.transparencyPoints + sync, timeliness: timely, online: x.onlineCataloguePoints + online,
      payment: x.paymentProcedurePoints + payment, digitisation: x.digitisationOtherPoints + eResult + digitised,
      satisfaction: x.petitionPoints + satisfaction)
    computed = sync + timely + online + payment + eResult + digitised + satisfaction
    onTime = 100 * onTimeShare
    trueOnTime = c.resolved > 0 ? 100 * share(c.resolvedOnTime, c.resolved) : 100
  }
}
