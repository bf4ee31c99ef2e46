import DESKernel

extension OneStopSimulation {
  // MARK: - Appointments beside the walk-ins (issue 28, item 4)

  /// A citizen with new walk-in dossier `i` may book a slot at a desk group of the unit
  /// that keeps appointments for the dossier's field: `true` when the citizen booked (or
  /// gave up), `false` when they walk in as before. Every draw is from the unit's
  /// appointment stream: who books, then, when the first free slot is more than the
  /// plan's `maxWaitDays` away, whether they walk in, wait for it or give up. A booked
  /// visit may bring several dossiers (`dossiers_per_visit`), served in the holder's call.
  mutating func offerAppointment(
    _ i: Int32, demand: Int?, at now: Double, _ scheduler: inout Scheduler<Event>
  ) -> Bool {
    let u = Int(dossiers[i].unit)
    let field = model.procedures[Int(dossiers[i].procedure)].field
    let p = Int(model.appointments.planFor[u * model.fieldCount + field])
    guard p >= 0 else { return false }
    let plan = model.appointments.plans[p]
    let rng = streams.appointment[u].rng
    recorder.appointmentOffered(dossiers[i])
    guard rng.bernoulli(plan.bookShare) else { return false }
    let today = calendar.day(now)
    let slot = frontOffice.book.firstFree(plan: p, at: now, today: today)
    let days = slot.map { calendar.day(frontOffice.book.slotTime[$0]) - today } ?? plan.horizonDays + 1
    if slot == nil || days > plan.maxWaitDays {
      let x = rng.uniform()
      if x < plan.pWalkIn || (slot == nil && x < plan.pWalkIn + plan.pWait) {
        recorder.appointmentSought(dossiers[i], days: days, walkedIn: true)
        return false
      }
      if x >= plan.pWalkIn + plan.pWait {
        recorder.appointmentSought(dossiers[i], days: days, walkedIn: false)
        recorder.record(.gaveUp, dossiers[i], at: now, detail: Int32(days))
        abandon(i, at: now)
        return true
      }
    }
    recorder.appointmentSought(dossiers[i], days: days, walkedIn: false)
    book(i, slot: slot.unsafelyUnwrapped, plan: p, days: days, at: now, &scheduler)
    if model.access.usesVisits, let demand { formVisit(i, demand: demand, at: now, &scheduler) }
    return true
  }

  /// Dossier `i`'s citizen books slot `k` of plan `p`: whether they will come and when
  /// (the slot less `arriveBefore` plus the lateness), their arrival and the end of the
  /// slot's grace planned (on the day's agenda when not today).
  mutating func book(
    _ i: Int32, slot k: Int, plan p: Int, days: Int, at now: Double, _ scheduler: inout Scheduler<Event>
  ) {
    let plan = model.appointments.plans[p]
    let rng = streams.appointment[Int(dossiers[i].unit)].rng
    frontOffice.book.book(k, plan: p)
    let t = frontOffice.book.slotTime[k]
    let never = plan.noShow > 0 && rng.bernoulli(plan.noShow)
    let arrival = Swift.max(now, t - plan.arriveBefore + plan.lateness.sample(rng))
    dossiers[i].booking = Int32(k)
    dossiers[cold: i].presentAt = never ? .infinity : arrival
    dossiers[i].visitGeneration &+= 1
    let generation = dossiers[i].visitGeneration
    recorder.record(.booked, dossiers[i], at: now, detail: Int32(days))
    let today = calendar.day(now)
    if !never { planAppointmentEvent(.appointment, i, generation, at: arrival, today: today, &scheduler) }
    planAppointmentEvent(.appointmentDue, i, generation, at: t + plan.grace, today: today, &scheduler)
  }

  /// An appointment event of dossier `i` at `t`: in the calendar when today, on the
  /// agenda of its day otherwise.
  private mutating func planAppointmentEvent(
    _ kind: DayAgenda.Entry.Kind, _ i: Int32, _ generation: UInt32, at t: Double, today: Int,
    _ scheduler: inout Scheduler<Event>
  ) {
    let day = calendar.day(t)
    if day > today {
      guard day < model.horizonDays else { return }
      agenda.add(DayAgenda.Entry(kind: kind, dossier: i, generation: generation, time: t), onDay: day)
    } else if kind == .appointment {
      scheduler.schedule(at: t, .appointment(dossier: i, generation: generation))
    } else {
      scheduler.schedule(at: t, .appointmentDue(dossier: i, generation: generation))
    }
  }

  /// A booked citizen arrives: within the grace, they wait in the plan's line (or go
  /// straight to a desk that may call them); later, the appointment was cancelled and
  /// they join the walk-ins.
  mutating func appointmentArrival(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let k = Int(dossiers[i].booking)
    guard k >= 0 else {
      let u = Int(dossiers[i].unit)
      let field = model.procedures[Int(dossiers[i].procedure)].field
      let p = Int(model.appointments.planFor[u * model.fieldCount + field])
      let late = p >= 0 ? now - dossiers[cold: i].presentAt : 0
      recorder.record(.lateCancelled, dossiers[i], at: now, detail: Int32(clamping: Int(late.rounded())))
      citizenVisit(i, at: now, &scheduler)
      return
    }
    let u = Int(dossiers[i].unit)
    let field = model.procedures[Int(dossiers[i].procedure)].field
    let p = Int(model.appointments.planFor[u * model.fieldCount + field])
    frontOffice.book.settle(k)
    dossiers[i].booking = -1
    dossiers[i].visits &+= 1
    dossiers[i].atDesk = true
    let purpose = dossiers[i].visitPurpose
    recorder.record(.ticket, dossiers[i], at: now, detail: Int32(purpose.rawValue))
    var ticket = Ticket(dossier: i, purpose: purpose, issuedAt: now)
    ticket.booked = true
    frontOffice.ticketTaken(ticket, unit: u, at: now)
    if let desk = frontOffice.idleDeskForAppointment(plan: p, at: now) {
      startService(desk: desk, ticket, at: now, &scheduler)
    } else {
      frontOffice.enqueueAppointment(ticket, plan: p, unit: u, at: now)
      let g = model.appointments.plans[p].group
      if !frontOffice.mayCall(g, postal: false), let t = frontOffice.wakeTime(group: g, at: now) {
        scheduler.schedule(at: t, priority: .capacity, .deskGroupWake(group: Int32(g)))
      }
    }
    // The holder no longer holds back the reserved desks.
    wakeIdleDesks(plan: p, at: now, &scheduler)
  }

  /// The grace of dossier `i`'s slot is over: a holder not come is no longer expected; one
  /// who never comes is a no-show and may come back as a walk-in another day.
  mutating func appointmentDue(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let k = Int(dossiers[i].booking)
    guard k >= 0 else { return }
    frontOffice.book.settle(k)
    dossiers[i].booking = -1
    let u = Int(dossiers[i].unit)
    let field = model.procedures[Int(dossiers[i].procedure)].field
    let p = Int(model.appointments.planFor[u * model.fieldCount + field])
    if dossiers[cold: i].presentAt == .infinity {
      recorder.record(.appointmentNoShow, dossiers[i], at: now)
      if dossiers[i].nextInVisit >= 0 { scatterVisit(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler) }
      comeBackLater(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler)
    } else {
      // Comes later: told at arrival that the appointment is gone.
      dossiers[cold: i].presentAt = frontOffice.book.slotTime[k] + model.appointments.plans[p].grace
    }
    wakeIdleDesks(plan: p, at: now, &scheduler)
  }

  /// The idle desks of plan `p`'s group call whom they may now (a holder came or is no
  /// longer expected, or noon came); a closed group with tickets waiting wakes at its
  /// next opening.
  mutating func wakeIdleDesks(plan p: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let g = model.appointments.plans[p].group
    frontOffice.refresh(g, at: now)
    guard frontOffice.mayCall(g, postal: false) else {
      if frontOffice.hasWaitingTickets(group: g), let t = frontOffice.wakeTime(group: g, at: now) {
        scheduler.schedule(at: t, priority: .capacity, .deskGroupWake(group: Int32(g)))
      }
      return
    }
    let group = model.deskGroups[g]
    for desk in group.firstDesk..<(group.firstDesk + group.count) where !frontOffice.isBusy(desk: desk) {
      if let next = frontOffice.nextTicket(forDesk: desk, at: now) {
        startService(desk: desk, next, at: now, &scheduler)
      }
    }
  }
}

extension OneStopSimulation {
  /// A walk-in or postal ticket for the field of `fieldBit` waits at unit `u`: each
  /// `afternoons_only` group serving it wakes at noon to let its reserved desks call.
  mutating func noonWakes(unit u: Int, fieldBit: UInt64, at now: Double, _ scheduler: inout Scheduler<Event>) {
    for g in model.units[u].deskGroups where model.deskGroups[g].fieldMask & fieldBit != 0 {
      let p = Int(model.appointments.planOf[g])
      if p >= 0, let t = frontOffice.noonWake(plan: p, at: now) {
        scheduler.schedule(at: t, priority: .capacity, .appointmentWake(plan: Int32(p)))
      }
    }
  }
}
