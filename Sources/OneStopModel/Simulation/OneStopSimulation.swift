import DESKernel

/// The one-stop model as a `SimulationModel`: citizens, desks, post, portal, back
/// offices, deadlines. One instance is one replication; `CompiledModel` is shared.
///
/// Three parts with one-way edges, and the flow that joins them:
/// - `FrontOffice` (desks, their lines and hours) and `BackOffice` (officers, presence,
///   working time) are passive resources: told what happened, they answer what starts;
///   they schedule nothing and keep their own statistics;
/// - `Recorder` counts every event of a dossier's life and writes the trace;
/// - the flow (`OneStopSimulation+*.swift`: desks, intake, back office, deadlines,
///   return) decides what happens to each dossier, schedules it and reports it to the
///   recorder. It writes no counter.
///
/// Entities live in arrays addressed by index and events are a small enum, so the event
/// loop allocates nothing per event apart from the occasional growth of a line.
public struct OneStopSimulation: SimulationModel {
  /// What can happen in a replication: a few bytes each (indices, not references), so the
  /// event calendar stays a flat heap of values.
  public enum Event {
    case arrival(stream: Int32)
    /// A desk group opens with tickets waiting for it.
    case deskGroupWake(group: Int32)
    /// A desk's call ends (the ticket's dossier rides along for `prefetch(_:)`).
    case deskDone(desk: Int32, dossier: Int32)
    case unitClose(unit: Int32)
    case visit(dossier: Int32, generation: UInt32)
    case postalHandover(dossier: Int32)
    case onlineSubmit(dossier: Int32)
    case reachStation(dossier: Int32)
    /// An officer's task on a dossier ends (the dossier is the officer's: it rides along
    /// so that the record can be prefetched before the event, see `prefetch(_:)`).
    case stationDone(station: Int32, officer: Int32, dossier: Int32)
    /// A station opens with work waiting: its free officers take it.
    case stationWake(station: Int32)
    /// The last check of a dossier's due day (R11).
    case dueWatch(dossier: Int32, generation: UInt32)
    /// A step's lead time (no officer) is over.
    case leadDone(dossier: Int32, station: Int32)
    case supplementAnswer(dossier: Int32, generation: UInt32)
    /// A waiting citizen's patience runs out (stale when `stamp` is not the dossier's
    /// `ticketStamp`: called, sent home or gone meanwhile).
    case patienceOver(dossier: Int32, stamp: UInt32)
    case resolved(dossier: Int32)
    case delivered(dossier: Int32)
    case warmupEnd
    /// Midnight: the day's agenda (watches, planned visits) comes due.
    case newDay(day: Int32)
    case appointment(dossier: Int32, generation: UInt32)
    case appointmentDue(dossier: Int32, generation: UInt32)
    case appointmentWake(plan: Int32)
  }

  public let model: CompiledModel
  /// The model's opening hours and working days in the run's day indices.
  let calendar: RunCalendar
  let behaviour: CitizenBehaviour
  let rules: CompiledModel.Rules
  var dossiers = DossierStore()
  /// Random streams: per arrival stream, unit, station, and station with absences.
  let streams: RandomStreams
  /// Desks, their groups' hours and the lines in front of them.
  var frontOffice: FrontOffice
  /// Back offices and online intake, each a kernel `ServerSet` of officers.
  var backOffice: BackOffice
  /// Watches, visits and ends of lead times planned for later days.
  var agenda: DayAgenda
  /// Every statistic and the trace.
  var recorder: Recorder
  /// Per due day (`0 ... calendar.reader.days`): the day of the deadline watch
  /// (`scheduleDeadlineWatch`), -1 when it would fall before the run.
  let watchDays: StateArray<Int32>

  /// Hand-over records ("Form 05") are kept when `tracing` (`RunResult.trace`).
  public var tracing: Bool {
    get { recorder.tracing }
    set { recorder.tracing = newValue }
  }

  /// A fresh replication of `model`: streams derive from (`seed`, `replication`, name).
  public init(_ model: CompiledModel, seed: UInt64, replication: UInt64 = 0) {
    self.model = model
    let calendar = RunCalendar(model)
    self.calendar = calendar
    behaviour = model.behaviour
    rules = model.rules
    streams = RandomStreams(model, seed: seed, replication: replication)
    frontOffice = FrontOffice(model, calendar: calendar)
    let months = RunMonths(model)
    backOffice = BackOffice(model, calendar: calendar, streams: streams, months: months)
    agenda = DayAgenda(days: model.horizonDays)
    recorder = Recorder(model, months: months)
    watchDays = StateArray(
      (0...calendar.reader.days).map { Int32(Self.watchDay(due: $0, after: -1, model.rules, calendar)) })
  }

  /// Schedules the first events: arrivals, closings, the carried-over backlog and the
  /// end of the warm-up. Call once before running.
  public mutating func start(_ scheduler: inout Scheduler<Event>) {
    for k in model.streams.indices {
      if let t = nextArrival(stream: k, after: 0) { scheduler.schedule(at: t, .arrival(stream: Int32(k))) }
    }
    for u in model.units.indices where model.units[u].closingRule == .sendHome {
      scheduleUnitClose(u, after: 0, &scheduler)
    }
    backOffice.drawPresence(day: 0)
    loadBacklog(&scheduler)
    if model.warmupEnd > 0 { scheduler.schedule(at: model.warmupEnd, priority: .capacity, .warmupEnd) }
    if model.horizonDays > 1 { scheduler.schedule(at: 86_400, priority: .capacity, .newDay(day: 1)) }
  }

  public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
    let now = scheduler.now
    prefetchDraw(event)
    switch event {
    case .arrival(let k):
      newArrival(stream: Int(k), at: now, &scheduler)
      if let t = nextArrival(stream: Int(k), after: now) { scheduler.schedule(at: t, .arrival(stream: k)) }
    case .deskGroupWake(let g):
      deskGroupWake(Int(g), at: now, &scheduler)
    case .deskDone(let desk, _):
      deskDone(Int(desk), at: now, &scheduler)
    case .unitClose(let u):
      sendHome(unit: Int(u), at: now, &scheduler)
      scheduleUnitClose(Int(u), after: now, &scheduler)
    case .visit(let d, let generation):
      guard dossiers[d].visitGeneration == generation else { return }
      citizenVisit(d, at: now, &scheduler)
    case .postalHandover(let d):
      recorder.record(.ticket, dossiers[d], at: now, detail: Int32(Ticket.Purpose.postalIntake.rawValue))
      issueTicket(Ticket(dossier: d, purpose: .postalIntake, issuedAt: now), at: now, &scheduler)
    case .onlineSubmit(let d):
      submitOnline(d, at: now, &scheduler)
    case .reachStation(let d):
      reachStation(d, at: now, &scheduler)
    case .stationDone(let s, let officer, _):
      stationDone(Int(s), officer: Int(officer), at: now, &scheduler)
    case .stationWake(let s):
      backOffice.woke(Int(s), at: now)
      dispatch(station: Int(s), at: now, &scheduler)
    case .dueWatch(let d, let generation):
      guard dossiers[d].generation == generation else { return }
      dueWatch(d, at: now, &scheduler)
    case .leadDone(let d, let s):
      advance(d, fromStation: Int(s), at: now, &scheduler)
    case .supplementAnswer(let d, let generation):
      guard dossiers[d].generation == generation else { return }
      resumeAfterSupplement(d, at: now, &scheduler)
    case .resolved(let d):
      resolve(d, at: now, &scheduler)
    case .patienceOver(let d, let stamp):
      guard dossiers[d].ticketStamp == stamp else { return }
      leaveLine(d, at: now, &scheduler)
    case .newDay(let day):
      startDay(Int(day), at: now, &scheduler)
      if Int(day) + 1 < model.horizonDays {
        scheduler.schedule(at: Double(Int(day) + 1) * 86_400, priority: .capacity, .newDay(day: day + 1))
      }
    case .delivered(let d):
      closeDossier(d, at: now)
    case .warmupEnd:
      endWarmup(at: now)
    case .appointment(let d, let generation):
      guard dossiers[d].visitGeneration == generation else { return }
      appointmentArrival(d, at: now, &scheduler)
    case .appointmentDue(let d, let generation):
      guard dossiers[d].visitGeneration == generation else { return }
      appointmentDue(d, at: now, &scheduler)
    case .appointmentWake(let p):
      wakeIdleDesks(plan: Int(p), at: now, &scheduler)
    }
  }

  // Handlers are `mutating`: that passes `self` by address. A non-mutating method of the
  // simulation called from a mutating one can make the compiler copy the whole
  // simulation (retaining every array in it) per call, which once cost a fifth of the
  // run time. Helpers that only read are functions of `RunCalendar` or `CompiledModel`.

  /// Acts on the day's watches and puts its planned visits into the event calendar.
  mutating func startDay(_ day: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    backOffice.drawPresence(day: day)
    // A station on overtime today may open earlier than planned (a Saturday).
    for s in model.overtimeStations where backOffice.worksOvertime(Int(s)) {
      dispatch(station: Int(s), at: now, &scheduler)
    }
    let months = recorder.months
    if day > 0 && months.slot(ofDay: day) != months.slot(ofDay: day - 1) {
      recorder.closeMonth(months.slot(ofDay: day - 1), at: now, dossiers: dossiers)
    }
    let entries = agenda.take(day: day)
    for k in entries.indices {
      // The watches read records untouched for days: start loading a few entries ahead.
      if k &+ 8 < entries.count {
        let ahead = entries[k &+ 8]
        if ahead.kind == .watch || ahead.kind == .dueWatch || ahead.kind == .visit { dossiers.prefetch(ahead.dossier) }
      }
      let e = entries[k]
      switch e.kind {
      case .watch:
        if dossiers[e.dossier].generation == e.generation { deadlineWatch(e.dossier, at: now, &scheduler) }
      case .dueWatch:
        // Only dossiers still open need the last check (most are resolved by then). The
        // fields are read in place: a copy of the record cost a copy of 128 bytes.
        let phase = dossiers[e.dossier].phase
        if dossiers[e.dossier].generation == e.generation && !dossiers[e.dossier].apologised
          && (phase == .processing || phase == .supplement)
        {
          scheduler.schedule(
            at: Swift.max(e.time, now), priority: .late,
            .dueWatch(dossier: e.dossier, generation: e.generation))
        }
      case .visit:
        if dossiers[e.dossier].visitGeneration == e.generation {
          scheduler.schedule(at: e.time, .visit(dossier: e.dossier, generation: e.generation))
        }
      case .leadDone:
        scheduler.schedule(at: Swift.max(e.time, now), .leadDone(dossier: e.dossier, station: Int32(e.generation)))
      case .appointment:
        scheduler.schedule(at: e.time, .appointment(dossier: e.dossier, generation: e.generation))
      case .appointmentDue:
        scheduler.schedule(at: e.time, .appointmentDue(dossier: e.dossier, generation: e.generation))
      }
    }
  }

  /// The statistics period starts: every count starts again, and the dossiers in
  /// progress now are counted as carried over.
  mutating func endWarmup(at now: Double) {
    recorder.reset()
    frontOffice.resetStatistics(at: now)
    for i in dossiers.liveIndices {
      let d = dossiers[i]
      guard d.receivedAt >= 0, d.phase != .resolved, d.phase != .intake else { continue }
      dossiers[i].counted = true
      dossiers[i].carriedOver = true
      recorder.record(.enteredPeriod, dossiers[i], at: now)
    }
    backOffice.resetStatistics(at: now)
  }
}
