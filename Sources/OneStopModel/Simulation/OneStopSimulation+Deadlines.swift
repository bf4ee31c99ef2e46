import DESKernel

extension OneStopSimulation {
  // MARK: - Acceptance and deadlines

  /// Form 01: the dossier is received now; its due date is fixed (R7, R8, R6). An online
  /// dossier may count from an earlier `receiptDay` (`OnlineReceipt.submission`).
  mutating func accept(_ i: Int32, at now: Double, receiptDay: Int? = nil, _ scheduler: inout Scheduler<Event>) {
    let day = receiptDay ?? calendar.day(now)
    let p = model.procedures[Int(dossiers[i].procedure)]
    let u = Int(dossiers[i].unit)
    dossiers[i].phase = .processing
    dossiers[i].receivedAt = now
    dossiers[i].receiptDay = Int32(day)
    setDue(i, resumingOn: day, usedDays: 0, at: now)
    dossiers[i].indexDueAt = dossiers[i].dueAt
    if let index = model.index766, dossiers[i].channelIn == .online {
      // Decision 766: an online dossier accepted more than 8 working hours after its
      // submission is a late reception.
      let deadline = calendar.reader.addingWorkingTime(
        model.units[u].schedule, index.receptionSeconds, to: dossiers[cold: i].submittedAt,
        workingDaysFrom: model.epochDay)
      dossiers[i].lateReception = now > deadline
    }
    if now >= model.warmupEnd { dossiers[i].counted = true }
    recorder.record(.accepted, dossiers[i], at: now, due: dossiers[i].dueDay)
    guard !p.onTheSpot else { return }
    scheduleDeadlineWatch(i, &scheduler)
    if dossiers[i].channelOut == .pickup { planPickup(i, &scheduler) }
    dossiers[i].step = 0
    let station = model.routeStation(dossiers[i], step: 0)
    transfer(i, fromUnit: u, fromSchedule: model.units[u].schedule, toStation: station, at: now, &scheduler)
  }

  /// Sets the due date for a clock that (re)starts on `day` with `used` working days
  /// already consumed.
  mutating func setDue(_ i: Int32, resumingOn day: Int, usedDays used: Int, at now: Double) {
    let p = model.procedures[Int(dossiers[i].procedure)]
    let u = Int(dossiers[i].unit)
    var due: Int
    switch p.deadline {
    case .sameDay:
      let second = now - Double(day) * 86_400
      due =
        second <= model.units[u].transferCutoff && calendar.isWorkingDay(day)
        ? day : calendar.addingWorkingDays(1, to: day)
      dossiers[i].dueAt = Double(due + 1) * 86_400
    case .workingDays:
      due = calendar.addingWorkingDays(max(1, p.effectiveDays - used), to: day)
      dossiers[i].dueAt = Double(due + 1) * 86_400
    case .calendarDays:
      // `used` counts calendar days for this deadline (`requestSupplement`).
      due = day + max(1, p.effectiveDays - used)
      if !calendar.isWorkingDay(due) { due = calendar.addingWorkingDays(1, to: due) }
      dossiers[i].dueAt = Double(due + 1) * 86_400
    case .workingHours(let hours):
      let clock = calendar.reader
      let t = clock.addingWorkingTime(model.units[u].schedule, hours * 3600, to: now, workingDaysFrom: model.epochDay)
      // Working hours that outlast the laid-out schedule (the run and 800 days after
      // it) give +infinity: the dossier is due just after that range, never in the run.
      due = t.isFinite ? calendar.day(t) : clock.days
      dossiers[i].dueAt = t.isFinite ? t : Double(clock.days) * 86_400
    }
    dossiers[i].dueDay = Int32(due)
    dossiers[i].appointmentDay = Int32(due)
  }

  /// Watches the deadline (R11, Decree 61/2018 Art. 19(9)): at the start of the working
  /// day `apologyLeadWorkingDays` before the due day, the agency apologises when the
  /// dossier's remaining fixed delays (legal waits, inter-level hand-overs) cannot end
  /// by the due date; at the end of the due day it apologises for every dossier still
  /// unresolved. So every late dossier gets exactly one letter, at the latest on its due
  /// day, and a dossier that finishes on time gets none unless its clock restarted
  /// after the letter (a supplement).
  mutating func scheduleDeadlineWatch(_ i: Int32, _ scheduler: inout Scheduler<Event>) {
    guard !dossiers[i].apologised else { return }
    let today = calendar.day(scheduler.now)
    let generation = dossiers[i].generation
    if model.procedures[Int(dossiers[i].procedure)].countsWorkingDays {
      let due = Int(dossiers[i].dueDay)
      // The table's watch day, looked for back to day -1, is the one looked for back to
      // `today` whenever it lies after today (and both lie at or before it otherwise).
      let watch =
        due >= 0 && due < watchDays.count
        ? Int(watchDays[due]) : Self.watchDay(due: due, after: today, rules, calendar)
      if watch > today && watch < model.horizonDays {
        agenda.add(DayAgenda.Entry(kind: .watch, dossier: i, generation: generation, time: 0), onDay: watch)
      }
    }
    // The last moment of the due date: one minute before it ends.
    let last = dossiers[i].dueAt - 60
    let lastDay = calendar.day(last)
    guard last < model.endTime else { return }
    if lastDay > today {
      agenda.add(DayAgenda.Entry(kind: .dueWatch, dossier: i, generation: generation, time: last), onDay: lastDay)
    } else {
      scheduler.schedule(
        at: Swift.max(last, scheduler.now), priority: .late, .dueWatch(dossier: i, generation: generation))
    }
  }

  /// The day of the watch before due day `due`: `apologyLeadWorkingDays` working days
  /// earlier, or `after` if that is reached first.
  static func watchDay(due: Int, after first: Int, _ rules: CompiledModel.Rules, _ calendar: RunCalendar) -> Int {
    var watch = due
    var lead = rules.apologyLeadWorkingDays
    while lead > 0 && watch > first {
      watch -= 1
      if calendar.isWorkingDay(watch) { lead -= 1 }
    }
    return watch
  }

  /// The watch before the due day (R11, Decree 61/2018 Art. 19(9)): the agency writes
  /// to the dossiers it foresees late. Without `apologyCompliance`, those whose remaining
  /// fixed delays alone end after the due date, every one (the model before R11 timing).
  /// With it, every dossier still in processing at the watch (the rule an agency can
  /// apply from its dossier list: not resolved one working day before the due date;
  /// a dossier waiting for the citizen's supplement is not the agency's delay), each
  /// with probability `apologyCompliance`. In Tuyen Quang 2022 this foresees 96 % of the
  /// overdue dossiers; fixed delays alone foresaw 4 % (docs/model-assumptions.md).
  mutating func deadlineWatch(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard dossiers[i].phase == .processing, !dossiers[i].apologised else { return }
    guard let compliance = rules.apologyCompliance else {
      if model.earliestResolution(dossiers[i], at: now, calendar) > dossiers[i].dueAt {
        apologise(i, at: now, onTime: true, &scheduler)
      }
      return
    }
    let u = Int(dossiers[i].unit)
    if compliance >= 1 || (compliance > 0 && streams.apology[u].rng.bernoulli(compliance)) {
      apologise(i, at: now, onTime: true, &scheduler)
    }
  }

  /// The end of the due day: still unresolved, so late. Without a timely letter the
  /// dossier gets one now (`LateApology.endOfDueDay`, the model before R11 timing) or none.
  mutating func dueWatch(_ i: Int32, at now: Double, _ scheduler: inout Scheduler<Event>) {
    guard dossiers[i].phase == .processing || dossiers[i].phase == .supplement, !dossiers[i].apologised else { return }
    if rules.lateApology == .endOfDueDay { apologise(i, at: now, onTime: false, &scheduler) }
  }

  /// Form 04: a letter with a new appointment, given at most once (R11); `onTime` when
  /// sent at the watch, before the due day.
  mutating func apologise(_ i: Int32, at now: Double, onTime: Bool, _ scheduler: inout Scheduler<Event>) {
    dossiers[i].apologised = true
    let appointment = calendar.addingWorkingDays(rules.apologyExtensionWorkingDays, to: Int(dossiers[i].dueDay))
    dossiers[i].appointmentDay = Int32(appointment)
    recorder.record(
      .apology, dossiers[i], at: now, due: dossiers[i].appointmentDay,
      detail: (onTime ? ApologyTiming.onTime : .late).rawValue)
    if dossiers[i].channelOut == .pickup && dossiers[i].phase == .processing {
      // The citizen is told the new date: it replaces the planned visit (a citizen
      // already at the desk learns it there).
      planPickup(i, &scheduler)
    }
  }
}
