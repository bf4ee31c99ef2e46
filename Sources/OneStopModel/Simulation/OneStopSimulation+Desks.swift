import DESKernel

extension OneStopSimulation {
  // MARK: - Tickets and desks

  /// A ticket joins the queue of its field at the unit, or goes straight to a free desk.
  mutating func issueTicket(_ ticket: Ticket, at now: Double, _ scheduler: inout Scheduler<Event>) {
    var ticket = ticket
    let d = dossiers[ticket.dossier]
    let u = Int(d.unit)
    let field = model.procedures[Int(d.procedure)].field
    let bit = UInt64(1) << UInt64(field)
    let postal = ticket.purpose == .postalIntake
    if !postal {
      counters.ticketsIssued[u] += 1
      counters.months[months.slot(ofDay: dayIndex(now)) * levelCount + model.units[u].level].tickets += 1
      counters.deskInSystem[u].set(counters.deskInSystem[u].value + 1, at: now)
    }
    for g in model.units[u].deskGroups {
      let group = model.deskGroups[g]
      guard group.fieldMask & bit != 0 else { continue }
      refreshGroup(g, at: now)
      guard desks.groupOpen[g] || (desks.groupOvertime[g] && !postal) else { continue }
      if let k = desks.servers[g].idleServer() {
        ticket.issuedAt = now
        startService(desk: group.firstDesk + k, ticket, at: now, &scheduler)
        return
      }
    }
    // The ticket waits: every group that serves its field and is closed now calls it
    // at its next opening at the latest.
    for g in model.units[u].deskGroups
    where model.deskGroups[g].fieldMask & bit != 0 && !desks.groupOpen[g] && !(desks.groupOvertime[g] && !postal) {
      requestWake(group: g, at: now, &scheduler)
    }
    let q = u * fieldCount + field
    if postal {
      desks.postalQueues[q].append(ticket)
      desks.postalWaiting[u] |= bit
    } else {
      desks.walkQueues[q].append(ticket)
      desks.walkWaiting[u] |= bit
      queueChanged(unit: u, by: 1, at: now)
    }
  }

  /// Citizens waiting (not yet at a desk) at unit `u` change by `delta`: the
  /// time-weighted queue length per unit and per hour of day.
  @inline(__always)
  mutating func queueChanged(unit u: Int, by delta: Double, at now: Double) {
    counters.deskQueue[u].set(counters.deskQueue[u].value + delta, at: now)
    counters.hourQueue.set(counters.hourQueue.value + delta, at: now)
  }

  /// The next ticket for `desk`: the oldest walk-in ticket among its fields, then
  /// (when open, not in overtime) the oldest postal dossier.
  mutating func nextTicket(forDesk desk: Int, at now: Double) -> Ticket? {
    let g = Int(desks.groupOf[desk])
    let u = model.deskGroups[g].unit
    let fields = model.deskGroups[g].fieldMask
    let base = u * fieldCount
    var best = -1
    var bestTime = Double.infinity
    // Only the fields with someone waiting (a bit set per non-empty queue), in field order.
    var m = fields & desks.walkWaiting[u]
    while m != 0 {
      let f = m.trailingZeroBitCount
      m &= m &- 1
      if let t = desks.walkQueues[base + f].first, t.issuedAt < bestTime {
        best = f
        bestTime = t.issuedAt
      }
    }
    if best >= 0 {
      queueChanged(unit: u, by: -1, at: now)
      let ticket = desks.walkQueues[base + best].popFirst()
      if desks.walkQueues[base + best].isEmpty { desks.walkWaiting[u] &= ~(UInt64(1) << UInt64(best)) }
      return ticket
    }
    guard desks.groupOpen[g] else { return nil }
    m = fields & desks.postalWaiting[u]
    while m != 0 {
      let f = m.trailingZeroBitCount
      m &= m &- 1
      if let t = desks.postalQueues[base + f].first, t.issuedAt < bestTime {
        best = f
        bestTime = t.issuedAt
      }
    }
    guard best >= 0 else { return nil }
    let ticket = desks.postalQueues[base + best].popFirst()
    if desks.postalQueues[base + best].isEmpty { desks.postalWaiting[u] &= ~(UInt64(1) << UInt64(best)) }
    return ticket
  }

  /// Starts serving `ticket` at `desk`: decides the intake outcome and the desk time.
  mutating func startService(desk: Int, _ ticket: Ticket, at now: Double, _ scheduler: inout Scheduler<Event>) {
    var ticket = ticket
    let g = Int(desks.groupOf[desk])
    let group = model.deskGroups[g]
    refreshGroup(g, at: now)
    if !desks.groupOpen[g] && !desks.groupOvertime[g] { counters.servicesOutsideSchedule += 1 }
    let d = dossiers[ticket.dossier]
    let u = Int(d.unit)
    let rng = streams.unit[u].rng
    let p = model.procedures[Int(d.procedure)]
    var time: Double
    // The reason for the visit may have changed while the citizen waited (a
    // supplement request, a result becoming ready).
    if ticket.purpose != .postalIntake { ticket.purpose = visitPurpose(d) }
    switch ticket.purpose {
    case .intake, .postalIntake:
      let postal = ticket.purpose == .postalIntake
      let x = rng.uniform()
      let pIncomplete = postal ? p.pIncomplete * behaviour.postalIncompleteFactor : p.pIncomplete
      let pGuidance = postal ? 0 : p.pGuidanceOnly
      if x < pGuidance {
        ticket.outcome = .guidance
        time = behaviour.guidanceTime.sample(rng)
      } else if x < pGuidance + pIncomplete {
        ticket.outcome = .incomplete
        time = behaviour.guidanceTime.sample(rng)
      } else if x < pGuidance + pIncomplete + p.pRefused {
        ticket.outcome = .refused
        time = behaviour.guidanceTime.sample(rng)
      } else if p.onTheSpot {
        ticket.outcome = .onTheSpot
        time = behaviour.onTheSpotTime.sample(rng)
      } else {
        ticket.outcome = .accepted
        time = model.intakeTime[Int(d.procedure)].sample(rng) * (postal ? behaviour.postalIntakeFactor : 1)
        if dayIndex(now) >= model.units[u].digitisationFromDay { time += behaviour.digitisationTime.sample(rng) }
      }
    case .pickup:
      if d.phase == .resolved {
        time = behaviour.pickupTime.sample(rng)
        if p.feeAtPickup || (d.channelIn == .online && p.onlineMode == .partial) { time += behaviour.feePaymentTime.sample(rng) }
      } else {
        time = behaviour.wastedVisitTime.sample(rng)
      }
    case .supplement:
      time = behaviour.guidanceTime.sample(rng)
    }
    time *= group.factor
    if ticket.purpose != .postalIntake && now >= model.warmupEnd {
      let wait = now - ticket.issuedAt
      let sameDay = dayIndex(now) == dayIndex(ticket.issuedAt)
      counters.unitWaits[u].add(wait, sameDay: sameDay)
      let level = model.units[u].level
      counters.months[months.slot(ofDay: dayIndex(ticket.issuedAt)) * levelCount + level].waits.add(wait)
      let hour = Int((ticket.issuedAt - Double(dayIndex(ticket.issuedAt)) * 86_400) / 3600)
      counters.hourWaits[min(max(hour, 0), 23)].add(wait, sameDay: sameDay)
      counters.levelHourWaits[level * 24 + min(max(hour, 0), 23)].add(wait)
    }
    note(.called, ticket.dossier, at: now, detail: Int32(clamping: Int((now - ticket.issuedAt).rounded())))
    _ = desks.servers[g].start(ticket, on: desk - group.firstDesk, at: now)
    desks.start[desk] = now
    scheduler.schedule(at: now + time, priority: .release, .deskDone(desk: Int32(desk)))
  }

  /// A desk finishes: the ticket's outcome takes effect, and the desk calls the next one.
  mutating func deskDone(_ desk: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let g = Int(desks.groupOf[desk])
    let ticket = desks.servers[g].finish(server: desk - model.deskGroups[g].firstDesk, at: now)
    if now > model.warmupEnd {
      let from = max(desks.start[desk], model.warmupEnd)
      counters.deskBusy[g] += now - from
      let inHours = clock.openSeconds(model.deskGroups[g].schedule, from: from, to: now)
      counters.deskOvertime[g] += max(0, now - from - inHours)
    }
    let i = ticket.dossier
    if ticket.purpose != .postalIntake {
      let u = model.deskGroups[g].unit
      counters.deskInSystem[u].set(counters.deskInSystem[u].value - 1, at: now)
      counters.deskSojourns[u].add(now - ticket.issuedAt)
      dossiers[i].atDesk = false
    }
    if dossiers[i].phase == .leaving {
      dossiers.release(i)
    } else {
    switch ticket.purpose {
    case .intake, .postalIntake:
      switch ticket.outcome {
      case .accepted: accept(i, at: now, &scheduler)
      case .incomplete, .guidance:
        note(ticket.outcome == .guidance ? .guidance : .incomplete, i, at: now)
        incomplete(i, at: now, &scheduler)
      case .refused: refuse(i, at: now)
      case .onTheSpot:
        // Handed over at the desk: not a result sent by post or online.
        if ticket.purpose != .postalIntake { dossiers[i].channelOut = .pickup }
        accept(i, at: now, &scheduler)
        resolve(i, at: now, &scheduler)
        closeDossier(i, at: now)
      case .none: preconditionFailure("intake without outcome")
      }
    case .pickup:
      if dossiers[i].phase == .resolved {
        closeDossier(i, at: now)
      } else {
        // A wasted visit: the result is not ready.
        dossiers[i].wastedVisits &+= 1
        if dossiers[i].counted { counters.wastedPickupVisits += 1 }
        if dossiers[i].deferredVisitDay < 0 { planPickupAfterWastedVisit(i, at: now, &scheduler) }
      }
    case .supplement:
      resumeAfterSupplement(i, at: now, &scheduler)
    }
    }
    if ticket.purpose != .postalIntake && dossiers[i].alive && dossiers[i].deferredVisitDay >= 0 {
      let day = Int(dossiers[i].deferredVisitDay)
      dossiers[i].deferredVisitDay = -1
      planVisit(i, onDay: day, &scheduler)
    }
    refreshGroup(g, at: now)
    if desks.groupOpen[g] || desks.groupOvertime[g], let next = nextTicket(forDesk: desk, at: now) {
      startService(desk: desk, next, at: now, &scheduler)
    } else if !desks.groupOpen[g] && hasWaitingTickets(group: g) {
      // Closed (lunch, or overtime with dossiers from the post): the queue waits for
      // the next opening.
      requestWake(group: g, at: now, &scheduler)
    }
  }

  /// Desk waits per level: the units' waits merged at the end of the run (the same
  /// histogram buckets, so the quantiles are those of recording each wait twice, which
  /// the event loop did before at the cost of a histogram update per service).
  func levelWaitStatistics() -> [WaitStatistics] {
    var levels = Array(repeating: WaitStatistics(), count: levelCount)
    for u in counters.unitWaits.indices { levels[model.units[u].level].merge(counters.unitWaits[u]) }
    return levels
  }

  // MARK: - Desk group hours, read lazily
  //
  // A desk group's state (open, closed, or in end-of-day overtime) changes at its
  // schedule's openings and closings. Most of those changes need no action, so they are
  // not events: a group's state is brought up to date when it is read (`refreshGroup`),
  // and an event (`deskGroupWake`) is planned only for an opening at which tickets are
  // waiting for the group. This removed about a tenth of the events of a province-year.

  /// Brings group `g`'s state up to `now`: the state after its last opening or closing
  /// at or before `now` (as if each change were an event of `capacity` priority).
  @inline(__always)
  mutating func refreshGroup(_ g: Int, at now: Double) {
    if now >= desks.groupValidUntil[g] { replayGroupChanges(g, at: now) }
  }

  /// The state after the last change at or before `now`; the next change ends it.
  mutating func replayGroupChanges(_ g: Int, at now: Double) {
    let group = model.deskGroups[g]
    let sched = group.schedule
    var last = desks.groupValidUntil[g]
    var next = clock.nextChange(sched, after: last)
    while let n = next, n.time <= now {
      last = n.time
      next = clock.nextChange(sched, after: last)
    }
    desks.groupValidUntil[g] = next?.time ?? .infinity
    if clock.isOpen(sched, at: last) {
      desks.groupOpen[g] = true
      desks.groupOvertime[g] = false
    } else {
      desks.groupOpen[g] = false
      // A day that closes at 24:00 closes at the first instant of the next day index:
      // compare with the previous day's last closing too, or overtime never starts.
      let day = dayIndex(last)
      let endOfDay = clock.lastClose(sched, dayIndex: day) == last || clock.lastClose(sched, dayIndex: day - 1) == last
      desks.groupOvertime[g] = endOfDay && model.units[group.unit].closingRule == .serveAll
    }
  }

  /// `true` when a walk-in or postal ticket waits in a queue that group `g` serves.
  mutating func hasWaitingTickets(group g: Int) -> Bool {
    let u = model.deskGroups[g].unit
    return (desks.walkWaiting[u] | desks.postalWaiting[u]) & model.deskGroups[g].fieldMask != 0
  }

  /// Plans a `deskGroupWake` at group `g`'s next opening unless one is planned no later.
  mutating func requestWake(group g: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard let t = clock.nextOpening(model.deskGroups[g].schedule, atOrAfter: now), t < model.endTime else { return }
    let pending = desks.groupWakeAt[g]
    if pending >= now && pending <= t { return }
    desks.groupWakeAt[g] = t
    scheduler.schedule(at: t, priority: .capacity, .deskGroupWake(group: Int32(g)))
  }

  /// Group `g` opens with tickets waiting: its free desks call them.
  mutating func deskGroupWake(_ g: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    if desks.groupWakeAt[g] == now { desks.groupWakeAt[g] = -1 }
    refreshGroup(g, at: now)
    guard desks.groupOpen[g] else { return }
    let group = model.deskGroups[g]
    for desk in group.firstDesk..<(group.firstDesk + group.count) where !desks.isBusy(desk: desk, group: g, first: group.firstDesk) {
      guard let next = nextTicket(forDesk: desk, at: now) else { break }
      startService(desk: desk, next, at: now, &scheduler)
    }
  }

  mutating func scheduleUnitClose(_ u: Int, after t: Double, _ scheduler: inout Scheduler<Event>) {
    let sched = model.units[u].schedule
    var day = dayIndex(t)
    while day < model.horizonDays {
      if let close = clock.lastClose(sched, dayIndex: day), close > t {
        scheduler.schedule(at: close, priority: .late, .unitClose(unit: Int32(u)))
        return
      }
      day += 1
    }
  }

  /// `sendHome`: at closing, everyone still waiting leaves and may come back.
  mutating func sendHome(unit u: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    for f in 0..<fieldCount {
      while let t = desks.walkQueues[u * fieldCount + f].popFirst() {
        queueChanged(unit: u, by: -1, at: now)
        counters.deskInSystem[u].set(counters.deskInSystem[u].value - 1, at: now)
        counters.deskSojourns[u].add(now - t.issuedAt)
        dossiers[t.dossier].wastedVisits &+= 1
        note(.sentHome, t.dossier, at: now)
        if inCohort(dossiers[t.dossier]) {
          counters.sentHome += 1
          counters.unitSentHome[u] += 1
        }
        comeBackLater(t.dossier, at: now, &scheduler)
      }
    }
    desks.walkWaiting[u] = 0
  }
}
