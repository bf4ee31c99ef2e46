import DESKernel

extension OneStopSimulation {
  // MARK: - Acceptance and deadlines

  /// Form 01: the dossier is received now; its due date is fixed (R7, R8, R6). An online
  /// dossier may count from an earlier `receiptDay` (`OnlineReceipt.submission`).
  mutating func accept(_ i: Int32, at now: Double, receiptDay: Int? = nil, _ scheduler: inout Scheduler<Event>) {
    let day = receiptDay ?? dayIndex(now)
    let p = model.hot.procedures[Int(dossiers[i].procedure)]
    let u = Int(dossiers[i].unit)
    dossiers[i].phase = .processing
    dossiers[i].receivedAt = now
    dossiers[i].receiptDay = Int32(day)
    setDue(i, resumingOn: day, usedDays: 0, at: now)
    note(.accepted, i, at: now, due: dossiers[i].dueDay)
    let cohort = inCohort(dossiers[i])
    if now >= model.warmupEnd {
      dossiers[i].counted = true
      var cell = counters.cells[cellIndex(dossiers[i])]
      cell.receivedNew += 1
      if cohort { cell.acceptedFromArrivals += 1 }
      counters.cells[cellIndex(dossiers[i])] = cell
      switch dossiers[i].channelIn {
      case .postal: counters.postalIn += 1
      case .online: counters.onlineIn += 1
      case .walkIn: break
      }
    }
    guard !p.onTheSpot else { return }
    scheduleDeadlineWatch(i, &scheduler)
    if dossiers[i].channelOut == .pickup { planPickup(i, &scheduler) }
    dossiers[i].step = 0
    let station = Int(model.routes[Int(dossiers[i].procedure) * model.units.count + u][0])
    transfer(i, fromUnit: u, toStation: station, at: now, &scheduler)
  }

  /// Sets the due date for a clock that (re)starts on `day` with `used` working days
  /// already consumed.
  mutating func setDue(_ i: Int32, resumingOn day: Int, usedDays used: Int, at now: Double) {
    let p = model.hot.procedures[Int(dossiers[i].procedure)]
    let u = Int(dossiers[i].unit)
    var due: Int
    switch p.deadlineKind {
    case 0:
      let second = now - Double(day) * 86_400
      due = second <= model.hot.units[u].transferCutoff && isWorkingDay(day) ? day : addingWorkingDays(1, to: day)
      dossiers[i].dueAt = Double(due + 1) * 86_400
    case 1:
      due = addingWorkingDays(max(1, p.effectiveDays - used), to: day)
      dossiers[i].dueAt = Double(due + 1) * 86_400
    default:
      let t = model.schedules[model.hot.units[u].schedule].addingWorkingTime(p.deadlineHours * 3600, to: now)
      dossiers[i].dueAt = t
      due = dayIndex(t)
    }
    dossiers[i].dueDay = Int32(due)
    dossiers[i].appointmentDay = Int32(due)
  }

  /// Watches the deadline `apologyLeadWorkingDays` before the due day (R11).
  mutating func scheduleDeadlineWatch(_ i: Int32, _ scheduler: inout Scheduler<Event>) {
    guard model.hot.procedures[Int(dossiers[i].procedure)].deadlineKind == 1 else { return }
    let due = Int(dossiers[i].dueDay)
    var watch = due
    var lead = rules.apologyLeadWorkingDays
    while lead > 0 && watch > dayIndex(scheduler.now) {
      watch -= 1
      if isWorkingDay(watch) { lead -= 1 }
    }
    guard watch > dayIndex(scheduler.now), watch < model.horizonDays else { return }
    // Checked at the start of the watch day (no back office works at night).
    agenda.add(DayAgenda.Entry(kind: .watch, dossier: i, generation: dossiers[i].generation, time: 0), onDay: watch)
  }

  /// Form 04: not resolved at the watch: apologise and give a new appointment.
  mutating func deadlineWatch(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard dossiers[i].phase == .processing else { return }
    dossiers[i].apologised = true
    if dossiers[i].counted { counters.cells[cellIndex(dossiers[i])].apologies += 1 }
    dossiers[i].appointmentDay = Int32(addingWorkingDays(rules.apologyExtensionWorkingDays, to: Int(dossiers[i].dueDay)))
    note(.apology, i, at: now, due: dossiers[i].appointmentDay)
    if dossiers[i].channelOut == .pickup {
      // The citizen is told the new date: it replaces the planned visit (a citizen
      // already at the desk learns it there).
      planPickup(i, &scheduler)
    }
  }

  // MARK: - Transfers (R5, R16)

  /// When paper sent from `unit` at `now` arrives at a unit of level `toLevel`: the same
  /// working day before the cutoff, else the next working day at opening; crossing
  /// levels adds `interLevelHandoverWorkingDays`.
  mutating func paperArrival(fromUnit u: Int, toUnit v: Int, at now: Double) -> Double {
    let unit = model.hot.units[u]
    let day = dayIndex(now)
    let second = now - Double(day) * 86_400
    var arrivalDay = day
    let sameDay = isWorkingDay(day) && second <= unit.transferCutoff
      && !model.schedules[unit.schedule].hours(dayIndex: day).intervals.isEmpty
    if !sameDay { arrivalDay = addingWorkingDays(1, to: day) }
    if model.hot.units[v].level != unit.level && rules.interLevelHandoverWorkingDays > 0 {
      arrivalDay = addingWorkingDays(rules.interLevelHandoverWorkingDays, to: arrivalDay)
    }
    if arrivalDay == day { return now }
    return openingTime(unit: v, onOrAfterDay: arrivalDay)
  }

  /// Sends the dossier to `station`: at once for online dossiers (electronic), by the
  /// paper rule otherwise.
  mutating func transfer(_ i: Int32, fromUnit u: Int, toStation s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let v = model.hot.stations[s].unit
    note(.handedOver, i, at: now, station: s)
    let t = dossiers[i].channelIn == .online ? now : paperArrival(fromUnit: u, toUnit: v, at: now)
    if t == now {
      reachStation(i, at: now, &scheduler)
    } else if t < model.endTime {
      scheduler.schedule(at: t, .reachStation(dossier: i))
    }
  }

  // MARK: - Back office

  mutating func reachStation(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let s = Int(model.routes[Int(dossiers[i].procedure) * model.units.count + Int(dossiers[i].unit)][Int(dossiers[i].step)])
    dossiers[i].queuedAt = now
    note(.reachedAgency, i, at: now, station: s)
    if let officer = stations[s].enqueue(i, due: dossiers[i].dueAt) {
      startWork(station: s, officer: officer, dossier: i, at: now, &scheduler)
    }
  }

  /// An officer starts on a dossier; the work ends after its work content in the
  /// station's working time.
  mutating func startWork(station s: Int, officer: Int32, dossier i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let st = model.hot.stations[s]
    let work: Double
    if st.isOnlineIntake {
      work = behaviour.onlineCheckTime.sample(stationRNG[s])
    } else {
      let first = model.hot.procedures[Int(dossiers[i].procedure)].firstStep
      work = model.hot.stepWork[first + Int(dossiers[i].step)].sample(stationRNG[s]) * 3600
    }
    note(.workStarted, i, at: now, station: s)
    if now >= model.warmupEnd {
      stations[s].busyWork += work
      stations[s].waits.add(now - dossiers[i].queuedAt)
    }
    let end = model.schedules[st.schedule].addingWorkingTime(work, to: now)
    if end < model.endTime {
      scheduler.schedule(at: end, priority: .release, .stationDone(station: Int32(s), officer: officer))
    }
  }

  mutating func stationDone(_ s: Int, officer: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let i = stations[s].current[Int(officer)]
    if let next = stations[s].finish(officer) { startWork(station: s, officer: officer, dossier: next, at: now, &scheduler) }
    if model.hot.stations[s].isOnlineIntake {
      onlineChecked(i, at: now, &scheduler)
      return
    }
    let p = model.hot.procedures[Int(dossiers[i].procedure)]
    let step = Int(dossiers[i].step)
    if model.hot.stepAppraisal[p.firstStep + step] && Int(dossiers[i].supplements) < p.maxSupplementRequests
      && stationRNG[s].bernoulli(p.pSupplement)
    {
      requestSupplement(i, at: now, &scheduler)
      return
    }
    if model.hot.stepHasLead[p.firstStep + step] {
      var lead = model.hot.stepLead[p.firstStep + step].sample(stationRNG[s])
      if dossiers[i].supplements > 0 && model.hot.stepAppraisal[p.firstStep + step] { lead *= rules.leadTimeAfterSupplement }
      let days = max(0, Int(lead.rounded(.up)))
      if days > 0 {
        // The same time of day, `days` working days later.
        let today = dayIndex(now)
        let t = now + Double(addingWorkingDays(days, to: today) - today) * 86_400
        if t < model.endTime { scheduler.schedule(at: t, .leadDone(dossier: i, station: Int32(s))) }
        return
      }
    }
    advance(i, fromStation: s, at: now, &scheduler)
  }

  /// The dossier leaves station `s` for its next step, or goes back to the front office.
  mutating func advance(_ i: Int32, fromStation s: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    note(.stepDone, i, at: now, station: s)
    let step = Int(dossiers[i].step)
    let route = model.routes[Int(dossiers[i].procedure) * model.units.count + Int(dossiers[i].unit)]
    let here = model.hot.stations[s].unit
    if step + 1 < route.count {
      dossiers[i].step = Int16(step + 1)
      let next = Int(route[step + 1])
      if next == s { reachStation(i, at: now, &scheduler) } else { transfer(i, fromUnit: here, toStation: next, at: now, &scheduler) }
    } else {
      // The result goes back to the front office that received the dossier.
      let origin = Int(dossiers[i].unit)
      let t = dossiers[i].channelIn == .online ? now : paperArrival(fromUnit: here, toUnit: origin, at: now)
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
    dossiers[i].usedDays = Int32(model.calendar.workingDays(after: model.epochDay + Int(dossiers[i].receiptDay), through: model.epochDay + day))
    dossiers[i].generation &+= 1  // cancels the deadline watch and the planned pick-up
    if dossiers[i].counted { counters.cells[cellIndex(dossiers[i])].supplementRequests += 1 }
    let rng = unitRNG[u]
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
    let p = model.hot.procedures[Int(dossiers[i].procedure)]
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
    let station = Int(model.routes[Int(dossiers[i].procedure) * model.units.count + u][Int(dossiers[i].step)])
    transfer(i, fromUnit: u, toStation: station, at: now, &scheduler)
  }
}
