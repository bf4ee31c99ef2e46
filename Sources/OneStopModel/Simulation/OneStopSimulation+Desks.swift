import DESKernel

extension OneStopSimulation {
  // MARK: - Tickets and desks

  /// A ticket joins the line of its field at the unit, or goes straight to a free desk.
  /// A waiting citizen's patience runs from `patienceFrom` (the opening for those who came
  /// before it, the arrival in the hall for a remote ticket; default `now`). A ticket
  /// taken before the doors open (`beforeOpening`) waits for the opening, even when a
  /// desk still serves the evening before's line.
  mutating func issueTicket(
    _ ticket: Ticket, at now: Double, patienceFrom: Double? = nil, beforeOpening: Bool = false,
    _ scheduler: inout Scheduler<Event>
  ) {
    var ticket = ticket
    let u = Int(dossiers[ticket.dossier].unit)
    let field = model.procedures[Int(dossiers[ticket.dossier].procedure)].field
    let bit = UInt64(1) << UInt64(field)
    frontOffice.ticketTaken(ticket, unit: u, at: now)
    for g in model.units[u].deskGroups where !beforeOpening && model.deskGroups[g].fieldMask & bit != 0 {
      if let desk = frontOffice.idleDesk(group: g, for: ticket, at: now) {
        ticket.issuedAt = now
        if frontOffice.usesRemote && !ticket.isPostal { frontOffice.noteCall(unit: u, field: field, at: now) }
        startService(desk: desk, ticket, at: now, &scheduler)
        return
      }
    }
    // The ticket waits: every group that serves its field and is closed now calls it
    // at its next opening at the latest.
    for g in model.units[u].deskGroups
    where model.deskGroups[g].fieldMask & bit != 0
      && (beforeOpening || !frontOffice.mayCall(g, postal: ticket.isPostal))
    {
      if let t = frontOffice.wakeTime(group: g, at: now) {
        scheduler.schedule(at: t, priority: .capacity, .deskGroupWake(group: Int32(g)))
      }
    }
    if frontOffice.usesAppointments { noonWakes(unit: u, fieldBit: bit, at: now, &scheduler) }
    frontOffice.enqueue(ticket, unit: u, field: field, at: now)
    if !ticket.isPostal, let patience = behaviour.patience {
      let t = (patienceFrom ?? now) + patience.sample(streams.patience[u].rng)
      scheduler.schedule(at: t, .patienceOver(dossier: ticket.dossier, stamp: dossiers[ticket.dossier].ticketStamp))
    }
  }

  /// The citizen of dossier `i` gives up waiting: leaves the hall and comes back on a
  /// later working day, or gives up the dossier (`pReturnAfterLeaving`).
  mutating func leaveLine(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let field = model.procedures[Int(dossiers[i].procedure)].field
    let issuedAt: Double
    if behaviour.pSilentLeave > 0 && streams.desk[u].rng.bernoulli(behaviour.pSilentLeave) {
      // Gone without notice: the ticket stays in the line and is called in turn.
      guard let taken = frontOffice.leaveSilently(dossier: i, unit: u, field: field, at: now) else { return }
      issuedAt = taken
    } else {
      guard let ticket = frontOffice.leave(dossier: i, unit: u, field: field, at: now) else { return }
      issuedAt = ticket.issuedAt
    }
    dossiers[i].ticketStamp &+= 1
    dossiers[i].wastedVisits &+= 1
    recorder.record(.leftLine, dossiers[i], at: now, detail: Int32(clamping: Int((now - issuedAt).rounded())))
    if dossiers[i].nextInVisit >= 0 { scatterVisit(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler) }
    comeBackLater(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler)
  }

  /// Starts serving `ticket` at `desk`: decides the intake outcome and the desk time.
  mutating func startService(desk: Int, _ ticket: Ticket, at now: Double, _ scheduler: inout Scheduler<Event>) {
    if ticket.outcome == .noAnswer || (model.access.usesRemote && isNoShow(ticket, at: now)) {
      callAbsent(desk: desk, ticket, at: now, &scheduler)
      return
    }
    var ticket = ticket
    let group = model.deskGroups[Int(frontOffice.groupOf[desk])]
    // Fields read one by one, not the record copied: the decisions below write to it.
    let i = ticket.dossier
    let u = Int(dossiers[i].unit)
    let rng = streams.unit[u].rng
    let p = model.procedures[Int(dossiers[i].procedure)]
    dossiers[i].ticketStamp &+= 1  // out of the line: its patience is over
    var time: Double
    // The reason for the visit may have changed while the citizen waited (a
    // supplement request, a result becoming ready).
    if !ticket.isPostal { ticket.purpose = dossiers[i].visitPurpose }
    switch ticket.purpose {
    case .intake, .postalIntake:
      (ticket.outcome, time) = intakeDecision(i, unit: u, postal: ticket.isPostal, at: now)
      // A proxy's or household's other dossiers, in the same call.
      let companions = dossiers[i].nextInVisit
      if companions >= 0 { time += companionDecisions(companions, unit: u, at: now) }
    case .pickup:
      if dossiers[i].phase == .resolved {
        time = behaviour.pickupTime.sample(rng)
        if p.feeAtPickup || (dossiers[i].channelIn == .online && p.onlineMode == .partial) {
          time += behaviour.feePaymentTime.sample(rng)
        }
      } else {
        time = behaviour.wastedVisitTime.sample(rng)
      }
    case .supplement:
      time = behaviour.guidanceTime.sample(rng)
    }
    time *= group.factor
    var taken = ticket.issuedAt
    if ticket.booked { recorder.appointmentWait(unit: u, now - ticket.issuedAt, at: now) }
    if model.access.usesRemote && dossiers[i].remote && !ticket.isPostal {
      taken = Swift.max(taken, dossiers[cold: i].presentAt)
      recorder.remoteWait(unit: u, now - taken, at: now)
    }
    recorder.record(
      .called, dossiers[i], at: now, detail: Int32(clamping: Int((now - ticket.issuedAt).rounded())),
      ticketTakenAt: ticket.isPostal ? nil : taken, group: Int(frontOffice.groupOf[desk]))
    frontOffice.start(ticket, desk: desk, at: now)
    scheduler.schedule(at: now + time, priority: .release, .deskDone(desk: Int32(desk), dossier: ticket.dossier))
  }

  /// The desk's decision on the intake of dossier `i` at unit `u` and its desk time (a
  /// postal dossier with its factors), drawn from the unit's stream.
  @inline(__always)
  mutating func intakeDecision(_ i: Int32, unit u: Int, postal: Bool, at now: Double) -> (Ticket.Outcome, Double) {
    let rng = streams.unit[u].rng
    let procedure = Int(dossiers[i].procedure)
    let p = model.procedures[procedure]
    let x = rng.uniform()
    let pIncomplete = postal ? p.pIncomplete * behaviour.postalIncompleteFactor : p.pIncomplete
    let pGuidance = postal ? 0 : p.pGuidanceOnly
    if x < pGuidance { return (.guidance, behaviour.guidanceTime.sample(rng)) }
    if x < pGuidance + pIncomplete { return (.incomplete, behaviour.guidanceTime.sample(rng)) }
    if x < pGuidance + pIncomplete + p.pRefused { return (.refused, behaviour.guidanceTime.sample(rng)) }
    if p.onTheSpot { return (.onTheSpot, behaviour.onTheSpotTime.sample(rng)) }
    var time = model.intakeTime[procedure].sample(rng) * (postal ? behaviour.postalIntakeFactor : 1)
    if digitises(unit: u, at: now) {
      dossiers[i].digitised = true
      time += behaviour.digitisationTime.sample(rng)
    }
    return (.accepted, time)
  }

  /// Whether the desk of unit `u` digitises the paper dossier it accepts now (R24): the
  /// unit's share of the day, drawn from the unit's digitisation stream only when it
  /// lies strictly between 0 and 1 (a share of 1, `digitisation_from`, draws nothing).
  @inline(__always)
  private mutating func digitises(unit u: Int, at now: Double) -> Bool {
    let share = model.digitisationShare(unit: u, day: calendar.day(now))
    return share >= 1 || (share > 0 && streams.digitise[u].rng.bernoulli(share))
  }

  /// A desk finishes: the ticket's outcome takes effect, and the desk calls the next one.
  mutating func deskDone(_ desk: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let g = Int(frontOffice.groupOf[desk])
    let ticket = frontOffice.finish(desk: desk, at: now)
    if !ticket.isAbsent {
      let i = ticket.dossier
      // Read before the outcome, which may release the dossier.
      let companions = dossiers[i].nextInVisit
      if companions >= 0 { dossiers[i].nextInVisit = -1 }
      if !ticket.isPostal { dossiers[i].atDesk = false }
      if dossiers[i].phase == .leaving {
        dossiers.release(i)
      } else {
        deskOutcome(ticket, at: now, &scheduler)
      }
      if !ticket.isPostal && dossiers[i].alive && dossiers[i].deferredVisitDay >= 0 {
        let day = Int(dossiers[i].deferredVisitDay)
        dossiers[i].deferredVisitDay = -1
        planVisit(i, onDay: day, &scheduler)
      }
      if companions >= 0 { companionsDone(companions, at: now, &scheduler) }
    }
    frontOffice.refresh(g, at: now)
    if frontOffice.mayCall(g, postal: false), let next = frontOffice.nextTicket(forDesk: desk, at: now) {
      startService(desk: desk, next, at: now, &scheduler)
    } else if !frontOffice.groupOpen[g] && frontOffice.hasWaitingTickets(group: g) {
      // Closed (lunch, or overtime with dossiers from the post): the line waits for
      // the next opening.
      if let t = frontOffice.wakeTime(group: g, at: now) {
        scheduler.schedule(at: t, priority: .capacity, .deskGroupWake(group: Int32(g)))
      }
    }
  }

  /// What the desk's decision on `ticket` does to its dossier.
  @inline(__always)
  mutating func deskOutcome(_ ticket: Ticket, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let i = ticket.dossier
    switch ticket.purpose {
    case .intake, .postalIntake:
      switch ticket.outcome {
      case .accepted: accept(i, at: now, &scheduler)
      case .incomplete, .guidance:
        recorder.record(ticket.outcome == .guidance ? .guidance : .incomplete, dossiers[i], at: now)
        incomplete(i, at: now, &scheduler)
      case .refused: refuse(i, at: now)
      case .onTheSpot:
        // Handed over at the desk: not a result sent by post or online.
        if !ticket.isPostal { dossiers[i].channelOut = .pickup }
        accept(i, at: now, &scheduler)
        resolve(i, at: now, &scheduler)
        closeDossier(i, at: now)
      case .none, .noAnswer, .noShow: preconditionFailure("intake without outcome")
      }
    case .pickup:
      if dossiers[i].phase == .resolved {
        closeDossier(i, at: now)
      } else {
        // A wasted visit: the result is not ready.
        dossiers[i].wastedVisits &+= 1
        recorder.record(.resultNotReady, dossiers[i], at: now)
        if dossiers[i].deferredVisitDay < 0 { planPickupAfterWastedVisit(i, at: now, &scheduler) }
      }
    case .supplement:
      resumeAfterSupplement(i, at: now, &scheduler)
    }
  }

  /// Group `g` opens with tickets waiting: its free desks call them.
  mutating func deskGroupWake(_ g: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard frontOffice.woke(group: g, at: now) else { return }
    let group = model.deskGroups[g]
    for desk in group.firstDesk..<(group.firstDesk + group.count) where !frontOffice.isBusy(desk: desk) {
      guard let next = frontOffice.nextTicket(forDesk: desk, at: now) else {
        // With appointments a desk may not call what another may: ask each.
        if frontOffice.usesAppointments && model.appointments.planOf[g] >= 0 { continue }
        break
      }
      startService(desk: desk, next, at: now, &scheduler)
    }
  }

  mutating func scheduleUnitClose(_ u: Int, after t: Double, _ scheduler: inout Scheduler<Event>) {
    let schedule = model.units[u].schedule
    var day = calendar.day(t)
    while day < model.horizonDays {
      if let close = calendar.reader.lastClose(schedule, dayIndex: day), close > t {
        scheduler.schedule(at: close, priority: .late, .unitClose(unit: Int32(u)))
        return
      }
      day += 1
    }
  }

  /// `sendHome`: at closing, everyone still waiting leaves and may come back.
  mutating func sendHome(unit u: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    while let t = frontOffice.sendHomeNext(unit: u, at: now) {
      if t.outcome == .noAnswer { continue }  // its holder left long ago
      if dossiers[t.dossier].nextInVisit >= 0 {
        scatterVisit(t.dossier, at: now, pReturn: behaviour.pReturnAfterTurnedAway, &scheduler)
      }
      dossiers[t.dossier].ticketStamp &+= 1
      dossiers[t.dossier].wastedVisits &+= 1
      recorder.record(.sentHome, dossiers[t.dossier], at: now)
      comeBackLater(t.dossier, at: now, pReturn: behaviour.pReturnAfterTurnedAway, &scheduler)
    }
  }
}
