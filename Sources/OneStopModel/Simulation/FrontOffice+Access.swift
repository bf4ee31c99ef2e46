import DESKernel

extension FrontOffice {
  // MARK: - Daily quotas, silent leaving, estimated calls (issue 28)

  /// Takes one of the day's `limit` tickets for `field` at unit `u` on day index `day`:
  /// `false` when they are all gone (the citizen is turned away by the quota).
  mutating func takeQuota(unit u: Int, field: Int, day: Int, limit: Int) -> Bool {
    guard limit != Int.max else { return true }
    let q = u * fieldCount + field
    if quotaDay[q] != Int32(day) {
      quotaDay[q] = Int32(day)
      quotaUsed[q] = 0
    }
    guard Int(quotaUsed[q]) < limit else { return false }
    quotaUsed[q] += 1
    return true
  }

  /// The citizen of dossier `i` leaves the line of `field` at unit `u` without notice:
  /// the ticket keeps its place, marked `noAnswer`, and is called in turn; the citizen
  /// has left the desks' statistics. Returns when the ticket was taken, or `nil` when it
  /// is no longer in the line.
  mutating func leaveSilently(dossier i: Int32, unit u: Int, field: Int, at now: Double) -> Double? {
    let q = u * fieldCount + field
    guard let k = walkLines[q].firstPosition(where: { $0.dossier == i && $0.outcome == .none }) else { return nil }
    var ticket = walkLines[q].ordered[k]
    left(ticket, unit: u, at: now)
    ticket.outcome = .noAnswer
    walkLines[q].replace(at: k, with: ticket)
    return ticket.issuedAt
  }

  /// Desks that serve `field` at unit `u` (every group, open or not).
  func desks(unit u: Int, field: Int) -> Int {
    var n = 0
    for g in model.units[u].deskGroups where model.deskGroups[g].fieldMask & (UInt64(1) << UInt64(field)) != 0 {
      n += model.deskGroups[g].count
    }
    return n
  }
}
