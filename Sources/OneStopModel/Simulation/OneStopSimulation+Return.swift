import DESKernel

extension OneStopSimulation {
  // MARK: - Resolution and return

  /// The result reaches the front office: the dossier is resolved, on time when at or
  /// before the end of its (pause-adjusted) due day.
  mutating func resolve(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    dossiers[i].phase = .resolved
    recorder.record(.resolved, dossiers[i], at: now, due: dossiers[i].dueDay, detail: now <= dossiers[i].dueAt ? 1 : 0)
    guard !model.procedures[Int(dossiers[i].procedure)].onTheSpot else { return }
    switch dossiers[i].channelOut {
    case .online:
      closeDossier(i, at: now)
    case .postal:
      let u = Int(dossiers[i].unit)
      let transit = calendar.workingDayDelay(rules.postalOutTransit, streams.unit[u].rng)
      let day = calendar.addingWorkingDays(transit, to: calendar.day(now))
      if day < model.horizonDays { scheduler.schedule(at: Double(day) * 86_400 + 10 * 3600, .delivered(dossier: i)) }
    case .pickup:
      break  // the planned pick-up visit collects it
    }
  }

  /// Plans the pick-up visit around the appointment day: most come that day, some
  /// later, a few too early.
  mutating func planPickup(_ i: Int32, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let rng = streams.unit[u].rng
    let today = calendar.day(scheduler.now)
    let appointment = Int(dossiers[i].appointmentDay)
    let x = rng.uniform()
    var day: Int
    if x < behaviour.pPickupEarly && appointment > today + 1 {
      day = today + 1 + rng.uniformInt(below: appointment - today - 1)
    } else if x < behaviour.pPickupEarly + behaviour.pPickupOnDueDay {
      day = appointment
    } else {
      day = calendar.addingWorkingDays(calendar.workingDayDelay(behaviour.pickupDelayWorkingDays, rng), to: appointment)
    }
    planVisit(i, onDay: max(day, today), &scheduler)
  }

  /// After a wasted pick-up visit: back on the new appointment if there was an
  /// apology, else in a few working days.
  mutating func planPickupAfterWastedVisit(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    let u = Int(dossiers[i].unit)
    let today = calendar.day(now)
    let delay = calendar.workingDayDelay(behaviour.pickupDelayWorkingDays, streams.unit[u].rng)
    let later = calendar.addingWorkingDays(delay, to: today)
    let day = Int(dossiers[i].appointmentDay) > today ? Int(dossiers[i].appointmentDay) : later
    planVisit(i, onDay: day, &scheduler)
  }

  /// The result is in the citizen's hands: the dossier leaves the model.
  mutating func closeDossier(_ i: Int32, at now: Double) {
    recorder.record(.returned, dossiers[i], at: now, detail: Int32(dossiers[i].channelOut.rawValue))
    dossiers.release(i)
  }

  // MARK: - Carried-over backlog

  /// Creates the dossiers carried over from before the start, each entering at the stage
  /// its age gives (a dossier received k of its D working days ago waits at step
  /// floor(k / D × steps) of its route), with its own due date. Without a receipt range,
  /// ages are spread evenly over the deadline (none due yet), except the entry's
  /// `overdueShare`, past their due day by up to half the deadline; those are late
  /// already and had their letter before the start (the trace shows it at the start).
  mutating func loadBacklog(_ scheduler: inout Scheduler<Event>) {
    for (k, b) in model.backlog.enumerated() {
      let u = b.unit, p = b.procedure
      let rng = RandomStream(
        masterSeed: streams.unit[u].stream.key.masterSeed, replication: streams.unit[u].stream.key.replication,
        source: "backlog:\(k)")
      let hp = model.procedures[p]
      let deadline = hp.countsWorkingDays ? hp.effectiveDays : 1
      var rangeDays: [Int] = []
      if let received = b.receivedDays {
        rangeDays = received.filter { calendar.isWorkingDay($0) }
        guard !rangeDays.isEmpty else { continue }
      }
      // Working days before the start, latest first: workingBefore[a] is received a
      // working days before the start's last working day.
      let oldest = deadline + deadline / 2 + 1
      var workingBefore: [Int] = []
      var day = -1
      while workingBefore.count < oldest && day > -4000 {
        if calendar.isWorkingDay(day) { workingBefore.append(day) }
        day -= 1
      }
      // A calendar with no working day at all before the start (every day off): the
      // day before the start stands in, so the draw below cannot index an empty list.
      if workingBefore.isEmpty { workingBefore = [-1] }
      let steps = hp.steps.count
      for _ in 0..<b.count {
        var receipt: Int
        if !rangeDays.isEmpty {
          receipt = rangeDays[rng.uniformInt(below: rangeDays.count)]
        } else if rng.bernoulli(b.overdueShare) {
          receipt =
            workingBefore[min(workingBefore.count - 1, deadline + rng.uniformInt(below: max(1, deadline / 2 + 1)))]
        } else {
          receipt = workingBefore[min(workingBefore.count - 1, rng.uniformInt(below: max(1, deadline)))]
        }
        let age = calendar.workingDays(after: receipt, through: -1)
        var d = Dossier()
        d.procedure = Int32(p)
        d.unit = Int32(u)
        d.decidingUnit = d.unit
        d.chargedUnit = d.unit
        d.channelIn = .walkIn
        d.carriedOver = true
        d.firstSeen = Double(receipt) * 86_400 + 9 * 3600
        d.channelOut = chooseChannelOut(procedure: p, demand: model.units[u].demand, unit: u)
        d.serial = dossiers.takeSerial()
        let i = dossiers.allocate(d)
        dossiers[i].phase = .processing
        dossiers[i].receivedAt = d.firstSeen
        dossiers[i].receiptDay = Int32(receipt)
        setDue(i, resumingOn: receipt, usedDays: 0, at: d.firstSeen)
        dossiers[i].indexDueAt = dossiers[i].dueAt
        if model.warmupEnd == 0 { dossiers[i].counted = true }
        recorder.record(.carriedOver, dossiers[i], at: 0, due: dossiers[i].dueDay)
        if hp.onTheSpot || steps == 0 {
          resolve(i, at: 0, &scheduler)
          closeDossier(i, at: 0)
          continue
        }
        if dossiers[i].dueAt <= 0 {
          // Past its due day already: as at the end of a due day, a late letter or none.
          if rules.lateApology == .endOfDueDay { apologise(i, at: 0, onTime: false, &scheduler) }
        } else {
          scheduleDeadlineWatch(i, &scheduler)
        }
        if dossiers[i].channelOut == .pickup && !dossiers[i].apologised { planPickup(i, &scheduler) }
        dossiers[i].step = Int16(min(steps - 1, age * steps / max(1, deadline)))
        reachStation(i, at: 0, &scheduler)
      }
    }
  }
}
