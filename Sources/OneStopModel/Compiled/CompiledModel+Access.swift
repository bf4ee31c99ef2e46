import DESKernel

extension CompiledModel {
  /// How citizens reach the desks, per unit (`DeskAccess`) and per unit × field (daily
  /// ticket quotas), compiled for the event loop. `isUsed` false: the run is the model
  /// without them, draw for draw.
  public struct Access: Sendable {
    /// Per unit: the share arriving before opening (their profile is shaped at compile
    /// time; the run only lets them take a ticket), the share of remote tickets, how
    /// long before the estimated call a remote holder arrives, the share of them who
    /// never come, the mean and cap of dossiers per visit (cap `Int.max`: none).
    public let beforeOpeningShare: [Double]
    public let remoteShare: [Double]
    public let remoteLead: [Distribution]
    public let remoteNoShow: [Double]
    public let visitMean: [Double]
    public let visitCap: [Int]
    /// Per unit × field (`unit * fieldCount + field`): tickets a day (`Int.max`: no
    /// quota), the sum of the quotas of the desk groups serving the field, when all of
    /// them have one.
    public let quota: [Int]
    public let usesQuota: Bool
    public let usesRemote: Bool
    public let usesVisits: Bool
    public let usesEarly: Bool

    /// `true` when the run draws from the units' desk-access streams or keeps its counts.
    public var isUsed: Bool { usesQuota || usesRemote || usesVisits || usesEarly }

    init(_ c: ModelConfiguration) {
      let access = c.units.map(\.access)
      beforeOpeningShare = access.map(\.beforeOpeningShare)
      remoteShare = access.map(\.remoteTicketShare)
      remoteLead = access.map(\.remoteArrivalLead)
      remoteNoShow = access.map(\.remoteNoShow)
      visitMean = access.map { Swift.max(1, $0.dossiersPerVisit) }
      visitCap = access.map { a in a.maxDossiersPerVisit.map { Int(Swift.max(1, $0.rounded(.down))) } ?? Int.max }
      let fields = c.fields.count
      var quota = [Int](repeating: Int.max, count: c.units.count * fields)
      for (u, unit) in c.units.enumerated() {
        for f in 0..<fields {
          let serving = unit.desks.filter { $0.fields.isEmpty || $0.fields.contains(c.fields[f]) }
          guard !serving.isEmpty, serving.allSatisfy({ $0.quota != nil }) else { continue }
          quota[u * fields + f] = serving.reduce(0) { $0 + Int(Swift.max(0, $1.quota!.rounded(.down))) }
        }
      }
      self.quota = quota
      usesQuota = quota.contains { $0 != Int.max }
      usesRemote = remoteShare.contains { $0 > 0 }
      usesVisits = visitMean.contains { $0 > 1 } || visitCap.contains { $0 != Int.max }
      usesEarly = beforeOpeningShare.contains { $0 > 0 }
    }
  }
}
