import DESKernel

extension OneStopSimulation {
  // MARK: - Transfers (R5, R16)

  /// When paper leaving a place with schedule `fromSchedule` (and the transfer cutoff
  /// of unit `u`) at `now` reaches a place with schedule `toSchedule` at level
  /// `toLevel`: the same day when the sender works today and it is before the cutoff,
  /// else the next day the sender works; crossing levels adds
  /// `interLevelHandoverWorkingDays`; then the receiver's next opening. A Saturday-working
  /// front office and agency hand paper over on Saturday (Decision 19/2022: receive,
  /// resolve and return on Saturday); a weekday-only agency gets it on Monday.
  mutating func paperArrival(fromUnit u: Int, fromSchedule: Int, toSchedule: Int, toLevel: Int, at now: Double) -> Double {
    let unit = model.units[u]
    let day = dayIndex(now)
    let second = now - Double(day) * 86_400
    var leaveDay = day
    if clock.isClosedAllDay(fromSchedule, day) || second > unit.transferCutoff {
      leaveDay = day + 1
      while leaveDay < model.horizonDays && clock.isClosedAllDay(fromSchedule, leaveDay) { leaveDay += 1 }
    }
    var arrivalDay = leaveDay
    if toLevel != unit.level && rules.interLevelHandoverWorkingDays > 0 {
      arrivalDay = addingWorkingDays(rules.interLevelHandoverWorkingDays, to: leaveDay)
    }
    if arrivalDay == day && clock.isOpen(toSchedule, at: now) { return now }
    return clock.nextOpening(toSchedule, atOrAfter: arrivalDay == day ? now : Double(arrivalDay) * 86_400) ?? model.endTime
  }

  /// Sends the dossier to `station`: at once for online dossiers (electronic), by the
  /// paper rule otherwise.
  mutating func transfer(_ i: Int32, fromUnit u: Int, fromSchedule: Int, toStation s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let st = model.stations[s]
    note(.handedOver, i, at: now, station: s)
    let t = dossiers[i].channelIn == .online
      ? now : paperArrival(fromUnit: u, fromSchedule: fromSchedule, toSchedule: st.schedule, toLevel: model.units[st.unit].level, at: now)
    if t == now {
      reachStation(i, at: now, &scheduler)
    } else if t < model.endTime {
      scheduler.schedule(at: t, .reachStation(dossier: i))
    }
  }

  // MARK: - Back office

  /// Where dossier `i`'s route lies in `model.routeStations`.
  @inline(__always)
  func routeRange(_ i: Int32) -> Range<Int> {
    let r = Int(dossiers[i].procedure) * model.units.count + Int(dossiers[i].unit)
    return Int(model.routeFirst[r])..<Int(model.routeFirst[r + 1])
  }

  /// The station of step `step` of dossier `i`'s route.
  @inline(__always)
  func routeStation(_ i: Int32, step: Int) -> Int {
    Int(model.routeStations[routeRange(i).lowerBound + step])
  }

  mutating func reachStation(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let s = routeStation(i, step: Int(dossiers[i].step))
    dossiers[i].queuedAt = now
    dossiers[i].inDelay = false
    note(.reachedAgency, i, at: now, station: s)
    stations[s].officers.enqueue(i, due: dossiers[i].dueAt, at: now)
    dispatch(station: s, at: now, &scheduler)
  }

  /// Free officers at work take queued dossiers, in discipline order, while the station
  /// is open; otherwise a dispatch is planned for its next opening (or, when officers
  /// are away today, for the next day's opening).
  mutating func dispatch(station s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard stations[s].officers.queuedCount > 0 else { return }
    let k = model.stations[s].schedule
    if clock.isOpen(k, at: now) {
      while let start = stations[s].officers.nextStart(at: now) {
        startWork(station: s, officer: Int32(start.server), dossier: start.element, at: now, &scheduler)
      }
      let busy = stations[s].officers.busyCount
      guard stations[s].officers.queuedCount > 0 && busy < stations[s].officers.servers
        && busy >= stations[s].officers.capacity else { return }
      // Officers away today: the rest waits for tomorrow's opening.
      if let t = clock.nextOpening(k, atOrAfter: Double(dayIndex(now) + 1) * 86_400) { wake(station: s, at: t, &scheduler) }
    } else if stations[s].officers.busyCount < stations[s].officers.servers, let t = clock.nextOpening(k, atOrAfter: now) {
      wake(station: s, at: t, &scheduler)
    }
  }

  /// Plans a dispatch at `t` unless one is already planned no later.
  @inline(__always)
  mutating func wake(station s: Int, at t: Double, _ scheduler: inout Scheduler<Event>) {
    guard t < model.endTime else { return }
    let pending = stations[s].wakeAt
    if pending >= scheduler.now && pending <= t { return }
    stations[s].wakeAt = t
    scheduler.schedule(at: t, priority: .capacity, .stationWake(station: Int32(s)))
  }

  /// An officer starts on a dossier; the work ends after its work content in the
  /// station's working time.
  mutating func startWork(station s: Int, officer: Int32, dossier i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let st = model.stations[s]
    let work: Double
    if st.isOnlineIntake {
      work = behaviour.onlineCheckTime.sample(streams.station[s].rng)
    } else {
      let first = model.procedures[Int(dossiers[i].procedure)].steps.lowerBound
      work = model.stepWork[first + Int(dossiers[i].step)].sample(streams.station[s].rng) * 3600
    }
    note(.workStarted, i, at: now, station: s)
    let end = clock.addingWorkingTime(st.schedule, work, to: now)
    // Busy time inside the statistics window only: a task that straddles the warm-up or
    // the end counts for its part inside.
    if now >= model.warmupEnd && end <= model.endTime {
      stations[s].busyWork += work
    } else if end > model.warmupEnd {
      stations[s].busyWork += clock.openSeconds(st.schedule, from: Swift.max(now, model.warmupEnd), to: Swift.min(end, model.endTime))
    }
    if end < model.endTime {
      scheduler.schedule(at: end, priority: .release, .stationDone(station: Int32(s), officer: officer))
    }
  }

  mutating func stationDone(_ s: Int, officer: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let i = stations[s].officers.finish(server: Int(officer), at: now)
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
      let days = Self.wholeDays(lead)
      if days > 0 {
        // The same time of day, `days` working days later.
        let today = dayIndex(now)
        t = now + Double(addingWorkingDays(days, to: today) - today) * 86_400
      }
    }
    if model.steps[j].fixedWaitDays > 0 {
      let start = t
      t = fixedWaitEnd(step: j, from: start)
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
        let day = dayIndex(t)
        if day == dayIndex(now) {
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
    let n = clock.workingDays(after: model.epochDay + dayIndex(a), through: model.epochDay + dayIndex(b))
    guard n > 0 else { return }
    let due = addingWorkingDays(n, to: Int(dossiers[i].dueDay))
    dossiers[i].dueDay = Int32(due)
    dossiers[i].dueAt = Double(due + 1) * 86_400
    if !dossiers[i].apologised { dossiers[i].appointmentDay = Int32(due) }
    dossiers[i].generation &+= 1  // the old watches are stale
    scheduleDeadlineWatch(i, &scheduler)
    if dossiers[i].channelOut == .pickup && !dossiers[i].apologised { planPickup(i, &scheduler) }
  }

  /// The dossier leaves station `s` for its next step, or goes back to the front office.
  mutating func advance(_ i: Int32, fromStation s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    note(.stepDone, i, at: now, station: s)
    dossiers[i].inDelay = false
    let step = Int(dossiers[i].step)
    let route = routeRange(i)
    let st = model.stations[s]
    if step + 1 < route.count {
      dossiers[i].step = Int16(step + 1)
      let next = Int(model.routeStations[route.lowerBound + step + 1])
      if next == s { reachStation(i, at: now, &scheduler) } else {
        transfer(i, fromUnit: st.unit, fromSchedule: st.schedule, toStation: next, at: now, &scheduler)
      }
    } else {
      // The result goes back to the front office that received the dossier.
      let origin = Int(dossiers[i].unit)
      let o = model.units[origin]
      let t = dossiers[i].channelIn == .online
        ? now : paperArrival(fromUnit: st.unit, fromSchedule: st.schedule, toSchedule: o.schedule, toLevel: o.level, at: now)
      if t == now { resolve(i, at: now, &scheduler) } else if t < model.endTime { scheduler.schedule(at: t, .resolved(dossier: i)) }
    }
  }

  // MARK: - Supplements (R9)

  /// Form 02 during appraisal: the clock pauses (or restarts, or runs on) while the
  /// citizen completes the dossier.
  mutating func requestSupplement(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let day = dayIndex(now)
    dossiers[i].supplements &+= 1
    note(.supplementRequested, i, at: now)
    dossiers[i].phase = .supplement
    dossiers[i].usedDays = Int32(clock.workingDays(after: model.epochDay + Int(dossiers[i].receiptDay), through: model.epochDay + day))
    dossiers[i].generation &+= 1  // cancels the deadline watch and the planned pick-up
    if dossiers[i].counted { counters.cells[cellIndex(dossiers[i])].supplementRequests += 1 }
    let rng = streams.unit[u].rng
    if rng.bernoulli(behaviour.pNeverSupplement) {
      if dossiers[i].counted { counters.cells[cellIndex(dossiers[i])].withdrawn += 1 }
      note(.withdrawn, i, at: now)
      if dossiers[i].atDesk {
        dossiers[i].phase = .leaving  // released when the desk is done with the citizen
      } else {
        dossiers.release(i)
      }
      return
    }
    let delay = workingDayDelay(behaviour.supplementDelayWorkingDays, rng)
    let answerDay = addingWorkingDays(delay, to: day)
    switch dossiers[i].channelIn {
    case .walkIn:
      planVisit(i, onDay: answerDay, &scheduler)
    case .online:
      guard answerDay < model.horizonDays else { return }
      let t = Double(answerDay) * 86_400 + 8 * 3600 + rng.uniform() * 12 * 3600
      scheduler.schedule(at: t, .supplementAnswer(dossier: i, generation: dossiers[i].generation))
    case .postal:
      let transit = workingDayDelay(rules.postalInTransit, rng)
      let arrival = addingWorkingDays(transit, to: answerDay)
      guard arrival < model.horizonDays else { return }
      scheduler.schedule(at: openingTime(unit: u, onOrAfterDay: arrival),
        .supplementAnswer(dossier: i, generation: dossiers[i].generation))
    }
  }

  /// The supplement reaches the front office: the clock resumes per the procedure's
  /// rule and the dossier goes back to the step that asked for it.
  mutating func resumeAfterSupplement(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard dossiers[i].phase == .supplement else { return }
    let p = model.procedures[Int(dossiers[i].procedure)]
    let day = dayIndex(now)
    dossiers[i].phase = .processing
    dossiers[i].generation &+= 1  // any other pending answer is stale now
    switch p.supplementClock {
    case .pause: setDue(i, resumingOn: day, usedDays: Int(dossiers[i].usedDays), at: now)
    case .restart: setDue(i, resumingOn: day, usedDays: 0, at: now)
    case .continue: break
    }
    note(.supplementReceived, i, at: now, due: dossiers[i].dueDay)
    if dossiers[i].apologised {
      dossiers[i].appointmentDay = max(dossiers[i].appointmentDay, dossiers[i].dueDay)
    }
    scheduleDeadlineWatch(i, &scheduler)
    if dossiers[i].channelOut == .pickup { planPickup(i, &scheduler) }
    let u = Int(dossiers[i].unit)
    let station = routeStation(i, step: Int(dossiers[i].step))
    transfer(i, fromUnit: u, fromSchedule: model.units[u].schedule, toStation: station, at: now, &scheduler)
  }
}
