import DESKernel
import Foundation

extension OneStopSimulation {
  // MARK: - Before opening, quotas, remote tickets (issue 28)

  /// The first opening of day `day` at unit `u` when it is still to come and the unit
  /// has a queue before opening (the citizen waits for it); otherwise `now`.
  mutating func earlyOpening(unit u: Int, day: Int, at now: Double) -> Double {
    guard model.access.beforeOpeningShare[u] > 0 else { return now }
    let opening = calendar.openingTime(model.units[u].schedule, onOrAfterDay: day)
    return opening > now && calendar.day(opening) == day ? opening : now
  }

  /// A citizen of dossier `i` about to take a ticket for `field` at unit `u`: turned away
  /// when the day's quota is gone (`false`, their way back planned); otherwise the ticket
  /// is taken in the hall or from home (`remote`, with the instant the holder will be in
  /// the hall, estimated from the line ahead and its recent call rate,
  /// `FrontOffice.estimatedCall`).
  mutating func accessTicket(
    _ i: Int32, unit u: Int, field: Int, day: Int, opening: Double, at now: Double,
    _ scheduler: inout Scheduler<Event>
  ) -> Bool {
    let limit = model.access.usesQuota ? model.access.quota[u * model.fieldCount + field] : Int.max
    if !frontOffice.takeQuota(unit: u, field: field, day: day, limit: limit) {
      dossiers[i].wastedVisits &+= 1
      recorder.record(.overQuota, dossiers[i], at: now)
      let delay = behaviour.quotaReturnDelayWorkingDays
      if dossiers[i].nextInVisit >= 0 {
        scatterVisit(i, at: now, pReturn: behaviour.pReturnAfterQuota, delay: delay, &scheduler)
      }
      comeBackLater(i, at: now, pReturn: behaviour.pReturnAfterQuota, delay: delay, &scheduler)
      return false
    }
    var remote = false
    dossiers[cold: i].presentAt = now
    let share = model.access.remoteShare[u]
    if share > 0 {
      let rng = streams.desk[u].rng
      remote = rng.bernoulli(share)
      if remote {
        let ahead = frontOffice.waiting(unit: u, field: field) + 1
        let desks = Double(Swift.max(1, frontOffice.desks(unit: u, field: field)))
        let prior = model.intakeTime[Int(dossiers[i].procedure)].mean / desks
        let estimate = frontOffice.estimatedCall(unit: u, field: field, ahead: ahead, prior: prior, from: opening)
        let arrival = estimate - model.access.remoteLead[u].sample(rng)
        let noShow = model.access.remoteNoShow[u]
        let never = noShow > 0 && rng.bernoulli(noShow)
        dossiers[cold: i].presentAt = never ? .infinity : Swift.max(now, arrival)
      }
    }
    dossiers[i].remote = remote
    recorder.accessTicket(unit: u, early: opening > now && !remote, remote: remote, at: now)
    return true
  }

  /// `true` when `ticket` is a remote ticket whose holder is not in the hall yet.
  @inline(__always)
  mutating func isNoShow(_ ticket: Ticket, at now: Double) -> Bool {
    !ticket.isPostal && dossiers[ticket.dossier].remote && dossiers[cold: ticket.dossier].presentAt > now
  }

  /// `desk` calls `ticket` and nobody answers: a silent leaver's ticket, or a remote
  /// ticket whose holder has not come (a no-show: they come back on a later working day
  /// with `pReturnAfterLeaving`). The desk loses the absent-call time, then calls again.
  mutating func callAbsent(desk: Int, _ ticket: Ticket, at now: Double, _ scheduler: inout Scheduler<Event>) {
    var ticket = ticket
    let g = Int(frontOffice.groupOf[desk])
    let u = model.deskGroups[g].unit
    if ticket.outcome != .noAnswer {
      let i = ticket.dossier
      ticket.outcome = .noShow
      let toCome = dossiers[cold: i].presentAt - now
      dossiers[i].ticketStamp &+= 1
      dossiers[i].wastedVisits &+= 1
      recorder.record(.noShow, dossiers[i], at: now, detail: toCome.isFinite ? Int32(clamping: Int(toCome)) : -1)
      if dossiers[i].nextInVisit >= 0 { scatterVisit(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler) }
      comeBackLater(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler)
    }
    let time = behaviour.absentCallTime.sample(streams.desk[u].rng)
    recorder.absentCall(unit: u, seconds: time, at: now)
    frontOffice.start(ticket, desk: desk, at: now)
    scheduler.schedule(at: now + time, priority: .release, .deskDone(desk: Int32(desk), dossier: ticket.dossier))
  }

  // MARK: - Several dossiers per visit

  /// A new walk-in dossier `i` starts a visit that may bring more dossiers of the same
  /// procedure (a proxy's, a household's): 1 + a geometric number with mean
  /// `visitMean - 1`, drawn from the unit's desk stream. Up to the cap ride along with
  /// `i` (served in its call); the others come back as visits of their own on the next
  /// working day.
  mutating func formVisit(_ i: Int32, demand: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let mean = model.access.visitMean[u]
    var k = 1
    if mean > 1 {
      let q = 1 - 1 / mean
      let x = Swift.max(1e-300, streams.desk[u].rng.uniform())
      k = 1 + Int(Swift.min(1e6, (log(x) / log(q)).rounded(.down)))
    }
    let cap = model.access.visitCap[u]
    guard k > 1 else { return }
    var last = i
    for n in 1..<k {
      var d = dossiers[i]
      d.nextInVisit = -1
      d.visits = 0
      d.wastedVisits = 0
      d.digitised = false
      d.channelOut = chooseChannelOut(procedure: Int(d.procedure), demand: demand, unit: u)
      d.serial = dossiers.takeSerial()
      let c = dossiers.allocate(d)
      dossiers[cold: c] = dossiers[cold: i]
      recorder.record(.submitted, dossiers[c], at: now)
      if n < cap {
        dossiers[c].visits = 1
        dossiers[c].atDesk = true
        dossiers[last].nextInVisit = c
        last = c
      } else {
        planVisit(c, onDay: calendar.addingWorkingDays(1, to: calendar.day(now)), &scheduler)
      }
    }
  }

  /// The desk's decisions on the dossiers riding along from `first` (recorded on each
  /// for `companionsDone`): the sum of their desk times.
  mutating func companionDecisions(_ first: Int32, unit u: Int, at now: Double) -> Double {
    var total = 0.0
    var c = first
    while c >= 0 {
      let (outcome, time) = intakeDecision(c, unit: u, postal: false, at: now)
      dossiers[c].companionOutcome = outcome
      total += time
      c = dossiers[c].nextInVisit
    }
    return total
  }

  /// The call of a visit is over: each dossier that rode along from `first` gets the
  /// desk's decision.
  mutating func companionsDone(_ first: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    var c = first
    while c >= 0 {
      let next = dossiers[c].nextInVisit
      dossiers[c].nextInVisit = -1
      dossiers[c].atDesk = false
      let ticket = Ticket(dossier: c, purpose: .intake, issuedAt: now, outcome: dossiers[c].companionOutcome)
      deskOutcome(ticket, at: now, &scheduler)
      if dossiers[c].alive && dossiers[c].deferredVisitDay >= 0 {
        let day = Int(dossiers[c].deferredVisitDay)
        dossiers[c].deferredVisitDay = -1
        planVisit(c, onDay: day, &scheduler)
      }
      c = next
    }
  }

  /// Visit of `lead` ends unserved (turned away, balked, left, sent home, not there when
  /// called): each dossier riding along comes back on its own, like the lead.
  mutating func scatterVisit(
    _ lead: Int32, at now: Double, pReturn: Double, delay: Distribution? = nil, _ scheduler: inout Scheduler<Event>
  ) {
    var c = dossiers[lead].nextInVisit
    dossiers[lead].nextInVisit = -1
    while c >= 0 {
      let next = dossiers[c].nextInVisit
      dossiers[c].nextInVisit = -1
      dossiers[c].wastedVisits &+= 1
      comeBackLater(c, at: now, pReturn: pReturn, delay: delay, &scheduler)
      c = next
    }
  }
}
