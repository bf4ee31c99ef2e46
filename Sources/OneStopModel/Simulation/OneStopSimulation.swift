import DESKernel

/// The one-stop model as a `SimulationModel`: citizens, desks, post, portal, back
/// offices, deadlines. One instance is one replication; `CompiledModel` is shared.
///
/// Entities live in arrays addressed by index (dossiers, desks, stations, queues) and
/// events are a small enum, so the event loop allocates nothing per event apart from
/// the occasional growth of a queue.
public struct OneStopSimulation: SimulationModel {
  /// Why a citizen stands at a desk.
  enum Purpose: UInt8 {
    case intake, pickup, supplement, postalIntake
  }

  /// What the desk decided for an intake.
  enum Outcome: UInt8 {
    case none, accepted, incomplete, refused, guidance, onTheSpot
  }

  struct Ticket {
    var dossier: Int32
    var purpose: Purpose
    var issuedAt: Double
    var outcome: Outcome = .none
  }

  /// What can happen in a replication: a few bytes each (indices, not references), so the
  /// event calendar stays a flat heap of values.
  public enum Event {
    case arrival(stream: Int32)
    /// A desk group opens with tickets waiting for it.
    case deskGroupWake(group: Int32)
    case deskDone(desk: Int32)
    case unitClose(unit: Int32)
    case visit(dossier: Int32, generation: UInt32)
    case postalHandover(dossier: Int32)
    case onlineSubmit(dossier: Int32)
    case reachStation(dossier: Int32)
    case stationDone(station: Int32, officer: Int32)
    /// A station opens with work waiting: its free officers take it.
    case stationWake(station: Int32)
    /// The last check of a dossier's due day (R11).
    case dueWatch(dossier: Int32, generation: UInt32)
    /// A step's lead time (no officer) is over.
    case leadDone(dossier: Int32, station: Int32)
    case supplementAnswer(dossier: Int32, generation: UInt32)
    case resolved(dossier: Int32)
    case delivered(dossier: Int32)
    case warmupEnd
    /// Midnight: the day's agenda (watches, planned visits) comes due.
    case newDay(day: Int32)
  }

  public let model: CompiledModel
  /// The model's opening hours and working days, read without reference counting.
  let clock: CalendarReader
  let behaviour: CitizenBehaviour
  let rules: CompiledModel.Rules
  let fieldCount: Int
  let levelCount: Int
  var dossiers = DossierStore()
  var counters: RunCounters
  /// Random streams: per arrival stream, unit, station, and station with absences.
  let streams: RandomStreams
  /// Desks, their groups' hours and the lines in front of them.
  var desks: Desks
  /// Back offices and online intake, each a kernel `ServerSet` of officers.
  var stations: [WorkStation]
  /// Watches and visits planned for later days.
  var agenda: DayAgenda
  /// Month slot of each day (read-only: the months the run reports).
  let months: RunMonths
  /// Hand-over records ("Form 05"), kept only when `tracing`.
  public var tracing = false
  var trace: [TraceRecord] = []

  /// A fresh replication of `model`: streams derive from (`seed`, `replication`, name).
  public init(_ model: CompiledModel, seed: UInt64, replication: UInt64 = 0) {
    self.model = model
    clock = model.calendarTable.reader
    behaviour = model.behaviour
    rules = model.rules
    fieldCount = model.fieldCount
    levelCount = model.levelCount
    streams = RandomStreams(model, seed: seed, replication: replication)
    desks = Desks(model)
    stations = model.stations.map { WorkStation(officers: $0.officers, discipline: $0.discipline) }
    agenda = DayAgenda(days: model.horizonDays)
    let runMonths = RunMonths(model)
    months = runMonths
    counters = RunCounters.empty(model, months: runMonths.count, start: 0, inSystem: nil, queued: nil)
  }

  /// Schedules the first events: arrivals, desk openings, closings, the carried-over
  /// backlog and the end of the warm-up. Call once before running.
  public mutating func start(_ scheduler: inout Scheduler<Event>) {
    for k in model.streams.indices {
      if let t = nextArrival(stream: k, after: 0) { scheduler.schedule(at: t, .arrival(stream: Int32(k))) }
    }
    for g in model.deskGroups.indices {
      let sched = model.deskGroups[g].schedule
      if clock.isOpen(sched, at: 0) { desks.groupOpen[g] = true }
      desks.groupValidUntil[g] = clock.nextChange(sched, after: 0)?.time ?? .infinity
    }
    for u in model.units.indices where model.units[u].closingRule == .sendHome {
      scheduleUnitClose(u, after: 0, &scheduler)
    }
    drawPresence(day: 0)
    loadBacklog(&scheduler)
    if model.warmupEnd > 0 { scheduler.schedule(at: model.warmupEnd, priority: .capacity, .warmupEnd) }
    if model.horizonDays > 1 { scheduler.schedule(at: 86_400, priority: .capacity, .newDay(day: 1)) }
  }

  public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
    let now = scheduler.now
    switch event {
    case .arrival(let k):
      newArrival(stream: Int(k), at: now, &scheduler)
      if let t = nextArrival(stream: Int(k), after: now) { scheduler.schedule(at: t, .arrival(stream: k)) }
    case .deskGroupWake(let g):
      deskGroupWake(Int(g), at: now, &scheduler)
    case .deskDone(let desk):
      deskDone(Int(desk), at: now, &scheduler)
    case .unitClose(let u):
      sendHome(unit: Int(u), at: now, &scheduler)
      scheduleUnitClose(Int(u), after: now, &scheduler)
    case .visit(let d, let generation):
      guard dossiers[d].visitGeneration == generation else { return }
      citizenVisit(d, at: now, &scheduler)
    case .postalHandover(let d):
      note(.ticket, d, at: now, detail: Int32(Purpose.postalIntake.rawValue))
      issueTicket(Ticket(dossier: d, purpose: .postalIntake, issuedAt: now), at: now, &scheduler)
    case .onlineSubmit(let d):
      submitOnline(d, at: now, &scheduler)
    case .reachStation(let d):
      reachStation(d, at: now, &scheduler)
    case .stationDone(let s, let officer):
      stationDone(Int(s), officer: officer, at: now, &scheduler)
    case .stationWake(let s):
      if stations[Int(s)].wakeAt == now { stations[Int(s)].wakeAt = -1 }
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
    case .newDay(let day):
      startDay(Int(day), at: now, &scheduler)
      if Int(day) + 1 < model.horizonDays {
        scheduler.schedule(at: Double(Int(day) + 1) * 86_400, priority: .capacity, .newDay(day: day + 1))
      }
    case .delivered(let d):
      closeDossier(d, at: now)
    case .warmupEnd:
      endWarmup(at: now)
    }
  }

  // MARK: - Shared helpers
  //
  // Helpers that are not inlined are declared `mutating` even when they only read:
  // that passes `self` by address. A non-mutating call from a mutating method can make
  // the compiler copy the whole simulation (retaining every array in it) per call,
  // which cost a fifth of the run time before this was done.

  /// Why the citizen of dossier `d` is at the desk, from the dossier's phase.
  @inline(__always)
  func visitPurpose(_ d: Dossier) -> Purpose {
    switch d.phase {
    case .intake: return .intake
    case .supplement: return d.channelIn == .walkIn ? .supplement : .pickup
    case .processing, .resolved, .leaving: return .pickup
    }
  }

  @inline(__always)
  func dayIndex(_ t: Double) -> Int { CalendarReader.day(of: t) }

  @inline(__always)
  func cellIndex(_ d: Dossier) -> Int {
    (Int(d.unit) * model.procedures.count + Int(d.procedure)) * 3 + d.channelIn.rawValue
  }

  /// `true` when the dossier's first contact falls in the statistics period.
  @inline(__always)
  func inCohort(_ d: Dossier) -> Bool { d.firstSeen >= model.warmupEnd }

  @inline(__always)
  func isWorkingDay(_ day: Int) -> Bool { clock.isWorkingDay(model.epochDay + day) }

  /// Day index of the `n`-th working day after day index `day`.
  @inline(__always)
  mutating func addingWorkingDays(_ n: Int, to day: Int) -> Int {
    clock.addingWorkingDays(n, to: model.epochDay + day) - model.epochDay
  }

  /// A working-day delay drawn from `dist`, at least `minimum` days.
  mutating func workingDayDelay(_ dist: Distribution, _ rng: RandomGenerator, minimum: Int = 1) -> Int {
    max(minimum, Self.wholeDays(dist.sample(rng)))
  }

  /// `days` rounded up to whole days, within 0 ... `WorkCalendar.farFuture`: a draw from
  /// a heavy tail (or a NaN) must not trap in the conversion to an integer.
  @inline(__always)
  static func wholeDays(_ days: Double) -> Int {
    days > 0 ? Int(Swift.min(days.rounded(.up), Double(WorkCalendar.farFuture))) : 0
  }

  /// First opening instant of `unit` on or after day index `day` (searching up to 60
  /// days), or 07:00 of `day` when it never opens.
  mutating func openingTime(unit: Int, onOrAfterDay day: Int) -> Double {
    clock.nextOpening(model.units[unit].schedule, atOrAfter: Double(day) * 86_400) ?? Double(day) * 86_400 + 7 * 3600
  }

  /// Acts on the day's watches and puts its planned visits into the event calendar.
  mutating func startDay(_ day: Int, at now: Double, _ scheduler: inout Scheduler<Event>) {
    drawPresence(day: day)
    if day > 0 && months.slot(ofDay: day) != months.slot(ofDay: day - 1) { closeMonth(months.slot(ofDay: day - 1)) }
    for e in agenda.take(day: day) {
      switch e.kind {
      case .watch:
        if dossiers[e.dossier].generation == e.generation { deadlineWatch(e.dossier, at: now, &scheduler) }
      case .dueWatch:
        // Only dossiers still open need the last check (most are resolved by then).
        let d = dossiers[e.dossier]
        if d.generation == e.generation && !d.apologised && (d.phase == .processing || d.phase == .supplement) {
          scheduler.schedule(at: Swift.max(e.time, now), priority: .late, .dueWatch(dossier: e.dossier, generation: e.generation))
        }
      case .visit:
        if dossiers[e.dossier].visitGeneration == e.generation {
          scheduler.schedule(at: e.time, .visit(dossier: e.dossier, generation: e.generation))
        }
      case .leadDone:
        scheduler.schedule(at: Swift.max(e.time, now), .leadDone(dossier: e.dossier, station: Int32(e.generation)))
      }
    }
  }

  mutating func endWarmup(at now: Double) {
    counters = RunCounters.empty(model, months: months.count, start: now, inSystem: counters.deskInSystem.map(\.value), queued: counters.deskQueue.map(\.value))
    for i in dossiers.liveIndices {
      let d = dossiers[i]
      guard d.receivedAt >= 0, d.phase != .resolved, d.phase != .intake else { continue }
      dossiers[i].counted = true
      dossiers[i].carriedOver = true
      counters.cells[cellIndex(d)].carriedOver += 1
    }
    for s in stations.indices {
      // Busy and absent time are already counted inside the window only.
      stations[s].officers.resetStatistics(at: now)
    }
  }

  /// Officers at work on `day`. Leave and sickness come in spells: on each working day
  /// an officer at work starts an absence with a small probability and an absent one
  /// comes back with probability 1 / mean spell, so that the share of days away is the
  /// station's absence share. Under time off in lieu, officers also take back the
  /// Saturday before (a share of the week's hours). Drawn every day from the station's
  /// own absence stream, so that two scenarios see the same absences (common random
  /// numbers).
  mutating func drawPresence(day: Int) {
    let dayNumber = model.epochDay + day
    let weekday = CivilDate.weekday(ofDayNumber: dayNumber)  // 1 = Monday
    for s in stations.indices {
      guard let rng = streams.absence[s] else { continue }
      let st = model.stations[s]
      let officers = stations[s].officers.servers
      guard isWorkingDay(day) else {
        stations[s].officers.setCapacity(officers - stations[s].away, at: Double(day) * 86_400)
        continue
      }
      var away = stations[s].away
      if st.absenceShare > 0 {
        var back = 0
        for _ in 0..<away where rng.bernoulli(st.absenceReturn) { back += 1 }
        var leave = 0
        for _ in 0..<(officers - away) where rng.bernoulli(st.absenceStart) { leave += 1 }
        away += leave - back
        stations[s].away = away
      }
      if st.saturdayCompensation == .timeOff && weekday <= 5 {
        let saturday = day - weekday - 1
        let satHours = clock.openSeconds(st.schedule, from: Double(saturday) * 86_400, to: Double(saturday + 1) * 86_400)
        let today = clock.openSeconds(st.schedule, from: Double(day) * 86_400, to: Double(day + 1) * 86_400)
        if satHours > 0 && today > 0 {
          let p = Swift.min(1, satHours / (5 * today))
          for _ in 0..<(officers - away) where rng.bernoulli(p) { away += 1 }
        }
      }
      stations[s].officers.setCapacity(officers - away, at: Double(day) * 86_400)
      if away > 0 {
        let lo = Swift.max(Double(day) * 86_400, model.warmupEnd)
        stations[s].absentSeconds += Double(away) * clock.openSeconds(st.schedule, from: lo, to: Swift.min(Double(day + 1) * 86_400, model.endTime))
      }
    }
  }
}
