import DESKernel

extension OneStopSimulation {
  // MARK: - Transfers (R5, R16)

  /// Sends the dossier to `station`: at once for online dossiers (electronic), by the
  /// paper rule otherwise.
  @inline(__always)
  mutating func transfer(
    _ i: Int32, fromUnit u: Int, fromSchedule: Int, toStation s: Int, at now: Double,
    _ scheduler: inout Scheduler<Event>
  ) {
    let st = model.stations[s]
    recorder.record(.handedOver, dossiers[i], at: now, station: s)
    let t =
      dossiers[i].channelIn == .online
      ? now
      : model.paperArrival(
        fromUnit: u, fromSchedule: fromSchedule, toSchedule: st.schedule,
        toLevel: model.units[st.unit].level, at: now, calendar)
    if t == now {
      reachStation(i, at: now, &scheduler)
    } else if t < model.endTime {
      scheduler.schedule(at: t, .reachStation(dossier: i))
    }
  }

  // MARK: - Back office

  mutating func reachStation(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let s = model.routeStation(dossiers[i], step: Int(dossiers[i].step))
    dossiers[i].inDelay = false
    recorder.record(.reachedAgency, dossiers[i], at: now, station: s)
    let step = model.procedures[Int(dossiers[i].procedure)].steps.lowerBound + Int(dossiers[i].step)
    backOffice.enqueue(i, station: s, due: dossiers[i].dueAt, work: model.stepMeanWork[step], at: now)
    dispatch(station: s, at: now, &scheduler)
  }

  /// Free officers at work take queued dossiers, in discipline order, while the station
  /// is open; otherwise a wake is planned for its next opening (or, when officers are
  /// away today, for the next day's opening).
  mutating func dispatch(station s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard backOffice.hasWork(s) else { return }
    let open = backOffice.isOpen(s, at: now)
    if open {
      while let start = backOffice.nextStart(s, at: now) {
        startWork(station: s, officer: Int32(start.server), dossier: start.element, at: now, &scheduler)
      }
    }
    if let t = backOffice.wakeTime(s, open: open, at: now) {
      scheduler.schedule(at: t, priority: .capacity, .stationWake(station: Int32(s)))
    }
  }

  /// An officer starts on a dossier; the work ends after its work content in the
  /// station's working time.
  mutating func startWork(
    station s: Int, officer: Int32, dossier i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>
  ) {
    let work: Double, mean: Double
    if model.stations[s].isOnlineIntake {
      let check = behaviour.onlineCheckTime.sample(streams.station[s].rng)
      // An on-the-spot procedure filed online is decided by the officer who checks it
      // (R17 on the online queue): the on-the-spot time is drawn only for those dossiers.
      let decide =
        model.procedures[Int(dossiers[i].procedure)].onTheSpot
        ? behaviour.onTheSpotTime.sample(streams.station[s].rng) : 0
      work = check + decide
      mean = 0
    } else {
      let step = model.procedures[Int(dossiers[i].procedure)].steps.lowerBound + Int(dossiers[i].step)
      work = model.stepWork[step].sample(streams.station[s].rng) * 3600
      mean = model.stepMeanWork[step]
    }
    recorder.record(.workStarted, dossiers[i], at: now, station: s)
    let end = backOffice.begin(s, work: work, mean: mean, at: now)
    if end < model.endTime {
      scheduler.schedule(at: end, priority: .release, .stationDone(station: Int32(s), officer: officer, dossier: i))
    }
  }

  /// An officer finishes a dossier's step: the next waiting dossier starts, and the
  /// dossier asks for a supplement, waits a lead time or legal delay, or moves on.
  mutating func stationDone(_ s: Int, officer: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let i = backOffice.finish(s, officer: officer, at: now)
    dispatch(station: s, at: now, &scheduler)
    if model.stations[s].isOnlineIntake {
      onlineChecked(i, at: now, &scheduler)
      return
    }
    let p = model.procedures[Int(dossiers[i].procedure)]
    let step = Int(dossiers[i].step)
    let j = p.steps.lowerBound + step
    if model.steps[j].appraisal && Int(dossiers[i].supplements) < p.maxSupplementRequests
      && streams.station[s].rng.bernoulli(p.pSupplement)
    {
      requestSupplement(i, at: now, &scheduler)
      return
    }
    var t = now
    if model.steps[j].hasLeadTime {
      var lead = model.stepLead[j].sample(streams.station[s].rng)
      if dossiers[i].supplements > 0 && model.steps[j].appraisal { lead *= rules.leadTimeAfterSupplement }
      let days = RunCalendar.wholeDays(lead)
      if days > 0 {
        // The same time of day, `days` working days later.
        t = calendar.addingWorkingDays(days, toInstant: now)
      }
    }
    if model.steps[j].fixedWaitDays > 0 {
      let start = t
      t = model.fixedWaitEnd(step: j, from: start, calendar)
      if !model.steps[j].fixedWaitCounts && model.procedures[Int(dossiers[i].procedure)].countsWorkingDays {
        excludeFromDeadline(i, from: start, to: t, &scheduler)
      }
    }
    if t > now {
      dossiers[i].inDelay = true
      dossiers[i].delayUntil = t
      // Most lead times end on a later day: they wait in the day agenda, not the heap
      // (they were two thirds of the events pending in a province-year).
      if t < model.endTime {
        let day = calendar.day(t)
        if day == calendar.day(now) {
          scheduler.schedule(at: t, .leadDone(dossier: i, station: Int32(s)))
        } else {
          agenda.add(.init(kind: .leadDone, dossier: i, generation: UInt32(s), time: t), onDay: day)
        }
      }
      return
    }
    advance(i, fromStation: s, at: now, &scheduler)
  }

  /// A legal wait that does not count against the deadline (posting under Decree
  /// 101/2024): the due date moves by the working days the wait covers.
  mutating func excludeFromDeadline(_ i: Int32, from a: Double, to b: Double, _ scheduler: inout Scheduler<Event>) {
    let n = calendar.workingDays(after: calendar.day(a), through: calendar.day(b))
    guard n > 0 else { return }
    let due = calendar.addingWorkingDays(n, to: Int(dossiers[i].dueDay))
    dossiers[i].dueDay = Int32(due)
    dossiers[i].indexDueAt += Double(due + 1) * 86_400 - dossiers[i].dueAt
    dossiers[i].dueAt = Double(due + 1) * 86_400
    if !dossiers[i].apologised { dossiers[i].appointmentDay = Int32(due) }
    dossiers[i].generation &+= 1  // the old watches are stale
    scheduleDeadlineWatch(i, &scheduler)
    if dossiers[i].channelOut == .pickup && !dossiers[i].apologised { planPickup(i, &scheduler) }
  }

  /// The dossier leaves station `s` for its next step, or goes back to the front office.
  mutating func advance(_ i: Int32, fromStation s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    recorder.record(.stepDone, dossiers[i], at: now, station: s)
    dossiers[i].inDelay = false
    let step = Int(dossiers[i].step)
    let route = model.routeRange(dossiers[i])
    let st = model.stations[s]
    if step + 1 < route.count {
      dossiers[i].step = Int16(step + 1)
      let next = Int(model.routeStations[route.lowerBound + step + 1])
      if next == s {
        reachStation(i, at: now, &scheduler)
      } else {
        transfer(i, fromUnit: st.unit, fromSchedule: st.schedule, toStation: next, at: now, &scheduler)
      }
    } else {
      // The result goes back to the front office that received the dossier.
      let origin = Int(dossiers[i].unit)
      let o = model.units[origin]
      let t =
        dossiers[i].channelIn == .online
        ? now
        : model.paperArrival(
          fromUnit: st.unit, fromSchedule: st.schedule, toSchedule: o.schedule,
          toLevel: o.level, at: now, calendar)
      if t == now {
        resolve(i, at: now, &scheduler)
      } else if t < model.endTime {
        scheduler.schedule(at: t, .resolved(dossier: i))
      }
    }
  }

  // MARK: - Supplements (R9)

  /// Form 02 during appraisal: the clock pauses (or restarts, or runs on) while the
  /// citizen completes the dossier.
  mutating func requestSupplement(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let day = calendar.day(now)
    dossiers[i].supplements &+= 1
    dossiers[i].supplementAt = now
    recorder.record(.supplementRequested, dossiers[i], at: now)
    dossiers[i].phase = .supplement
    let received = Int(dossiers[i].receiptDay)
    dossiers[i].usedDays = Int32(
      model.procedures[Int(dossiers[i].procedure)].countsCalendarDays
        ? day - received : calendar.workingDays(after: received, through: day))
    dossiers[i].generation &+= 1  // cancels the deadline watch and the planned pick-up
    let rng = streams.unit[u].rng
    if rng.bernoulli(behaviour.pNeverSupplement) {
      recorder.record(.withdrawn, dossiers[i], at: now)
      if dossiers[i].atDesk {
        dossiers[i].phase = .leaving  // released when the desk is done with the citizen
      } else {
        dossiers.release(i)
      }
      return
    }
    let delay = calendar.workingDayDelay(behaviour.supplementDelayWorkingDays, rng)
    let answerDay = calendar.addingWorkingDays(delay, to: day)
    switch dossiers[i].channelIn {
    case .walkIn:
      planVisit(i, onDay: answerDay, &scheduler)
    case .online:
      guard answerDay < model.horizonDays else { return }
      let t = Double(answerDay) * 86_400 + 8 * 3600 + rng.uniform() * 12 * 3600
      scheduler.schedule(at: t, .supplementAnswer(dossier: i, generation: dossiers[i].generation))
    case .postal:
      let transit = calendar.workingDayDelay(rules.postalInTransit, rng)
      let arrival = calendar.addingWorkingDays(transit, to: answerDay)
      guard arrival < model.horizonDays else { return }
      scheduler.schedule(
        at: calendar.openingTime(model.units[u].schedule, onOrAfterDay: arrival),
        .supplementAnswer(dossier: i, generation: dossiers[i].generation))
    }
  }

  /// The supplement reaches the front office: the clock resumes per the procedure's
  /// rule and the dossier goes back to the step that asked for it.
  mutating func resumeAfterSupplement(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard dossiers[i].phase == .supplement else { return }
    let p = model.procedures[Int(dossiers[i].procedure)]
    let day = calendar.day(now)
    dossiers[i].phase = .processing
    dossiers[i].indexDueAt += now - dossiers[i].supplementAt  // the index subtracts the citizen's time
    dossiers[i].generation &+= 1  // any other pending answer is stale now
    switch p.supplementClock {
    case .pause: setDue(i, resumingOn: day, usedDays: Int(dossiers[i].usedDays), at: now)
    case .restart: setDue(i, resumingOn: day, usedDays: 0, at: now)
    case .continue: break
    }
    recorder.record(.supplementReceived, dossiers[i], at: now, due: dossiers[i].dueDay)
    if dossiers[i].apologised {
      dossiers[i].appointmentDay = max(dossiers[i].appointmentDay, dossiers[i].dueDay)
    }
    scheduleDeadlineWatch(i, &scheduler)
    if dossiers[i].channelOut == .pickup { planPickup(i, &scheduler) }
    let u = Int(dossiers[i].unit)
    let station = model.routeStation(dossiers[i], step: Int(dossiers[i].step))
    transfer(i, fromUnit: u, fromSchedule: model.units[u].schedule, toStation: station, at: now, &scheduler)
  }
}
