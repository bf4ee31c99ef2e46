import DESKernel

extension OneStopSimulation {
  // MARK: - Arrival streams

  /// The next arrival of stream `k` after `t`: inversion of the integrated intensity,
  /// day by day, with the within-day profile of the unit's hours. No per-minute events.
  mutating func nextArrival(stream k: Int, after t: Double) -> Double? {
    let s = model.streams[k]
    var e = streams.arrival[k].rng.exponential(mean: 1)
    // Several dossiers per visit: visits come E[dossiers per visit] times less often.
    if model.access.usesVisits && s.channel == .walkIn { e *= model.access.visitMean[s.unit] }
    var day = calendar.day(t)
    var second = t - Double(day) * 86_400
    let sched = model.units[s.unit].schedule
    while day < model.horizonDays {
      let volume = model.dailyVolume(stream: k, day: day)
      if volume > 0 {
        let pi = s.profiles.lowerBound + (s.usesUnitSchedule ? calendar.reader.pattern(sched, day) : 0)
        if !model.profiles.isEmpty(pi) {
          let f0 = model.profiles.cumulative(pi, at: second)
          let left = volume * (1 - f0)
          if e < left {
            let time = Double(day) * 86_400 + model.profiles.inverse(pi, f0 + e / volume)
            return Swift.max(time, t)
          }
          e -= left
        }
      }
      day += 1
      second = 0
    }
    return nil
  }

  /// A citizen starts a dossier through stream `k`.
  mutating func newArrival(stream k: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let s = model.streams[k]
    let p = Int(model.streamMix[k].sample(streams.arrival[k].rng))
    // Written in place: a record built here and copied in cost a copy of 128 bytes.
    let i = dossiers.allocate()
    dossiers[i].procedure = Int32(p)
    dossiers[i].unit = Int32(s.unit)
    dossiers[i].decidingUnit = Int32(s.unit)
    dossiers[i].chargedUnit = Int32(s.unit)
    dossiers[i].channelIn = s.channel
    dossiers[i].firstSeen = now
    dossiers[i].channelOut = chooseChannelOut(procedure: p, demand: s.demand, unit: s.unit)
    if s.channel == .walkIn && model.demands[s.demand].awayShare > 0 { fileAway(i, demand: s.demand) }
    dossiers[i].serial = dossiers.takeSerial()
    recorder.record(.submitted, dossiers[i], at: now)
    switch s.channel {
    case .walkIn:
      if model.appointments.isUsed && offerAppointment(i, demand: s.demand, at: now, &scheduler) { return }
      if model.access.usesVisits { formVisit(i, demand: s.demand, at: now, &scheduler) }
      citizenVisit(i, at: now, &scheduler)
    case .postal:
      sendByPost(i, at: now, &scheduler)
    case .online:
      submitOnline(i, at: now, &scheduler)
    }
  }

  /// Boundary-free filing (Decree 118/2025): with the demand's `awayShare`, the citizen
  /// files at another unit of the home unit's level, drawn in proportion to the units'
  /// walk-in volumes from the home unit's own stream (`away:unit:ID`); the home unit
  /// still decides when the procedure says so, and the rules say who is charged.
  mutating func fileAway(_ i: Int32, demand k: Int) {
    let home = Int(dossiers[i].unit)
    let rng = streams.away[home].rng
    guard rng.bernoulli(model.demands[k].awayShare) else { return }
    let pool = model.awayPool.range[model.units[home].level]
    guard pool.count > 1 else { return }
    var at = home
    while at == home {
      let x = rng.uniform()
      var j = pool.lowerBound
      while j < pool.upperBound - 1 && model.awayPool.cumulative[j] < x { j += 1 }
      at = Int(model.awayPool.units[j])
    }
    let procedure = Int(dossiers[i].procedure)
    let proc = model.procedures[procedure]
    // The receiving unit must offer the procedure (a route from it, or on the spot).
    guard proc.onTheSpot || !model.route(procedure: procedure, unit: at).isEmpty else { return }
    dossiers[i].unit = Int32(at)
    dossiers[i].decidingUnit = proc.decidedAtHome ? Int32(home) : Int32(at)
    dossiers[i].chargedUnit = model.rules.chargesDecidingUnit ? dossiers[i].decidingUnit : Int32(at)
  }

  /// How the result goes back (pick-up, post, online), from the demand's return shares.
  mutating func chooseChannelOut(procedure p: Int, demand: Int?, unit: Int) -> ChannelOut {
    guard let demand else { return .pickup }
    let shares = model.demands[demand]
    let u = streams.unit[unit].rng.uniform()
    let proc = model.procedures[p]
    // An on-the-spot result ("4 tại chỗ") is handed over at the desk. The draw above
    // stays, so every later number of the unit's stream is unchanged.
    if proc.onTheSpot { return .pickup }
    if u < shares.postalReturnShare && proc.postalAllowed { return .postal }
    if u < shares.postalReturnShare + shares.onlineReturnShare && proc.onlineMode == .full { return .online }
    return .pickup
  }

  // MARK: - Walk-in visits

  /// A citizen arrives at the front office of the dossier's unit: takes a ticket, or is
  /// turned away when the office is closed or the ticket cutoff has passed.
  mutating func citizenVisit(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let unit = model.units[u]
    let day = calendar.day(now)
    let second = now - Double(day) * 86_400
    dossiers[i].visits &+= 1
    let open = calendar.reader.isOpen(unit.schedule, at: now)
    let field = model.procedures[Int(dossiers[i].procedure)].field
    // Before the doors open: a citizen of a unit with a queue before opening waits.
    let opening = open || !model.access.usesEarly ? now : earlyOpening(unit: u, day: day, at: now)
    if (!open && opening <= now) || second >= unit.ticketCutoff
      || !frontOffice.counterOpens(unit: u, field: field, day: day)
    {
      dossiers[i].wastedVisits &+= 1
      recorder.record(.turnedAway, dossiers[i], at: now)
      let pReturn = behaviour.pReturnAfterTurnedAway
      if dossiers[i].nextInVisit >= 0 { scatterVisit(i, at: now, pReturn: pReturn, &scheduler) }
      comeBackLater(i, at: now, pReturn: pReturn, &scheduler)
      return
    }
    if let above = behaviour.balkAbove {
      let waiting = frontOffice.waiting(unit: u, field: field)
      if Double(waiting) >= above && streams.patience[u].rng.bernoulli(behaviour.pBalk) {
        dossiers[i].wastedVisits &+= 1
        recorder.record(.balked, dossiers[i], at: now, detail: Int32(clamping: waiting))
        if dossiers[i].nextInVisit >= 0 { scatterVisit(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler) }
        comeBackLater(i, at: now, pReturn: behaviour.pReturnAfterLeaving, &scheduler)
        return
      }
    }
    if model.access.isUsed && !accessTicket(i, unit: u, field: field, day: day, opening: opening, at: now, &scheduler) {
      return
    }
    dossiers[i].atDesk = true
    let purpose = dossiers[i].visitPurpose
    recorder.record(.ticket, dossiers[i], at: now, detail: Int32(purpose.rawValue))
    let patienceFrom =
      model.access.isUsed ? Swift.min(model.endTime, Swift.max(opening, dossiers[cold: i].presentAt)) : now
    issueTicket(
      Ticket(dossier: i, purpose: purpose, issuedAt: now), at: now, patienceFrom: patienceFrom,
      beforeOpening: opening > now, &scheduler)
  }

  /// After being turned away, sent home or leaving the line: pick-ups and supplements
  /// always come back; intake attempts come back with `pReturn`.
  mutating func comeBackLater(
    _ i: Int32, at now: Double, pReturn: Double, delay: Distribution? = nil, _ scheduler: inout Scheduler<Event>
  ) {
    let u = Int(dossiers[i].unit)
    dossiers[i].atDesk = false
    if dossiers[i].phase == .intake && !streams.unit[u].rng.bernoulli(pReturn) {
      abandon(i, at: now)
      return
    }
    let deferred = Int(dossiers[i].deferredVisitDay)
    dossiers[i].deferredVisitDay = -1
    let days = delay.map { calendar.workingDayDelay($0, streams.desk[u].rng) } ?? 1
    planVisit(i, onDay: max(deferred, calendar.addingWorkingDays(days, to: calendar.day(now))), &scheduler)
  }

  /// Schedules the citizen's next visit on the first open day on or after `day`, at a
  /// time drawn from the unit's walk-in profile; it replaces any visit already planned.
  /// While the citizen is at a desk, the visit is deferred until the desk is done.
  mutating func planVisit(_ i: Int32, onDay day: Int, _ scheduler: inout Scheduler<Event>) {
    if dossiers[i].atDesk {
      dossiers[i].deferredVisitDay = Int32(day)
      return
    }
    dossiers[i].visitGeneration &+= 1
    let u = Int(dossiers[i].unit)
    let sched = model.units[u].schedule
    var target = max(day, 0)
    let profiles = model.units[u].visitProfiles.lowerBound
    while target < model.horizonDays && model.profiles.isEmpty(profiles + calendar.reader.pattern(sched, target)) {
      target += 1
    }
    guard target < model.horizonDays else { return }  // beyond the horizon: stays open
    let pattern = profiles + calendar.reader.pattern(sched, target)
    let t = Double(target) * 86_400 + model.profiles.inverse(pattern, Swift.max(1e-12, streams.unit[u].rng.uniform()))
    if target > calendar.day(scheduler.now) {
      agenda.add(
        DayAgenda.Entry(kind: .visit, dossier: i, generation: dossiers[i].visitGeneration, time: t), onDay: target)
    } else {
      scheduler.schedule(at: Swift.max(t, scheduler.now), .visit(dossier: i, generation: dossiers[i].visitGeneration))
    }
  }

  // MARK: - Post and portal

  /// The citizen drops the dossier at a post point; it is collected at the next
  /// collection time on a working day and handed over after the transit time.
  mutating func sendByPost(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    var day = calendar.day(now)
    let collection = rules.postalCollection
    if !calendar.isWorkingDay(day) || now - Double(day) * 86_400 > collection {
      day = calendar.addingWorkingDays(1, to: day)
    }
    let transit = calendar.workingDayDelay(rules.postalInTransit, streams.unit[u].rng)
    let handoverDay = calendar.addingWorkingDays(transit, to: day)
    guard handoverDay < model.horizonDays else { return }
    let opening = calendar.openingTime(model.units[u].schedule, onOrAfterDay: handoverDay)
    scheduler.schedule(at: Swift.max(now, opening), .postalHandover(dossier: i))
  }

  /// An online submission (or re-upload) joins the unit's online intake queue.
  mutating func submitOnline(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let s = model.units[Int(dossiers[i].unit)].onlineStation
    dossiers[cold: i].submittedAt = now
    backOffice.enqueue(i, station: s, due: now, work: 0, at: now)
    dispatch(station: s, at: now, &scheduler)
  }

  /// Outcome of the officer's check of an online dossier.
  mutating func onlineChecked(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let p = model.procedures[Int(dossiers[i].procedure)]
    let x = streams.unit[u].rng.uniform()
    if x < p.pIncomplete + p.pGuidanceOnly {
      recorder.record(.incomplete, dossiers[i], at: now)
      incomplete(i, at: now, &scheduler)
    } else if x < p.pIncomplete + p.pGuidanceOnly + p.pRefused {
      refuse(i, at: now)
    } else {
      var receiptDay: Int?
      if rules.onlineReceipt == .submission {
        // The check queue is FIFO from submission.
        let submitted = dossiers[cold: i].submittedAt
        let day = calendar.day(submitted)
        let inHours = calendar.isWorkingDay(day) && calendar.reader.isOpen(model.units[u].schedule, at: submitted)
        receiptDay = inHours ? day : calendar.addingWorkingDays(1, to: day)
      }
      accept(i, at: now, receiptDay: receiptDay, &scheduler)
      if p.onTheSpot { decideOnTheSpotOnline(i, at: now, &scheduler) }
    }
  }

  /// An on-the-spot procedure ("4 tại chỗ", R17) filed online: the officer who accepts it
  /// at the online check decides it in the same service (its time is the check's plus
  /// the on-the-spot time), so it is resolved at acceptance. The result goes back online
  /// for a full-process procedure (an electronic result, Decree 45/2020 Art. 11), else
  /// the citizen picks it up from the appointment day (the same or next working day).
  mutating func decideOnTheSpotOnline(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let full = model.procedures[Int(dossiers[i].procedure)].onlineMode == .full
    dossiers[i].channelOut = full ? .online : .pickup
    resolve(i, at: now, &scheduler)
    if full {
      closeDossier(i, at: now)
    } else {
      planPickup(i, &scheduler)
    }
  }

  // MARK: - Intake outcomes

  /// Form 02: the citizen must complete the dossier and may come back (same channel).
  mutating func incomplete(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    guard streams.unit[u].rng.bernoulli(behaviour.pReturnAfterIncomplete) else {
      abandon(i, at: now)
      return
    }
    let delay = calendar.workingDayDelay(behaviour.returnDelayWorkingDays, streams.unit[u].rng)
    let day = calendar.addingWorkingDays(delay, to: calendar.day(now))
    switch dossiers[i].channelIn {
    case .walkIn:
      planVisit(i, onDay: day, &scheduler)
    case .postal:
      guard day < model.horizonDays else { return }
      sendByPost(i, at: calendar.openingTime(model.units[u].schedule, onOrAfterDay: day), &scheduler)
    case .online:
      guard day < model.horizonDays else { return }
      let t = Double(day) * 86_400 + 8 * 3600 + streams.unit[u].rng.uniform() * 12 * 3600
      scheduler.schedule(at: t, .onlineSubmit(dossier: i))
    }
  }

  mutating func refuse(_ i: Int32, at now: Double) {
    recorder.record(.refused, dossiers[i], at: now)
    dossiers.release(i)
  }

  mutating func abandon(_ i: Int32, at now: Double) {
    recorder.record(.abandoned, dossiers[i], at: now)
    dossiers.release(i)
  }
}
