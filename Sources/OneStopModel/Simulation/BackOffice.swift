import DESKernel

/// The back offices of every agency and the online intake of every unit: officers who
/// process dossiers in working time, who are present or away, and the dossiers waiting
/// for them. One per replication.
///
/// A passive resource shaped like the kernel's `ServerSet` (each station is one): the
/// flow tells it what happened (a dossier arrives, an officer finishes, a new day
/// begins) and it answers what starts now and when a closed station must wake. It never
/// schedules an event and never sees the dossiers' counters or the trace.
///
/// Officers *take* work only while the station is open: what arrives at night, at the
/// weekend or while everyone is busy waits, and the flow wakes the station at its next
/// opening (`wakeTime`). So a dossier that arrives on Saturday starts at Monday's
/// opening, and under earliest-due-date order a more urgent dossier arriving before the
/// opening overtakes it. A task started at 16:30 with two hours of work ends at 08:30
/// the next working day when the office closes at 17:00 and opens at 07:00: work stops
/// outside opening hours, with no events for closings.
struct BackOffice {
  let model: CompiledModel
  let calendar: RunCalendar
  /// Per station: its officers and line, absences, pending wake and statistics.
  var stations: StateArray<WorkStation>
  /// Officer absences, per station that has any (nil otherwise): the station's own
  /// stream, so that two scenarios see the same absences (common random numbers).
  let absence: [RandomStream?]
  /// Officers on planned leave, per station that plans leave and day index of the run:
  /// station s's days at `leave[leaveBase[s] ..< leaveBase[s] + horizonDays]` (-1: none).
  let leave: [UInt16]
  let leaveBase: [Int]
  /// The calendar months of the run, the month of the current day and the instant it ends.
  let months: RunMonths
  var slot: Int
  var monthEnd: Double
  /// The calendar year of the current day (the yearly overtime cap).
  var year: Int
  /// Closed months: station s's month m at `s * months.count + m`.
  var monthly: [StationMonth]

  init(_ model: CompiledModel, calendar: RunCalendar, streams: RandomStreams, months: RunMonths) {
    self.model = model
    self.calendar = calendar
    self.months = months
    absence = streams.absence
    stations = StateArray(
      model.stations.map { WorkStation(officers: $0.officers, discipline: $0.discipline, schedule: $0.schedule) })
    (leave, leaveBase) = Self.planLeave(model, calendar: calendar, streams: streams.leave)
    slot = months.slot(ofDay: 0)
    monthEnd = Self.end(ofSlot: slot, months, model)
    year = CivilDate(dayNumber: model.epochDay).year
    monthly = Array(repeating: StationMonth(), count: model.stations.count * months.count)
  }

  /// Dossier `i` joins station `s`'s line (ordered by `due` under earliest-due-first);
  /// `work` is the mean work of its step there (seconds).
  @inline(__always)
  mutating func enqueue(_ i: Int32, station s: Int, due: Double, work: Double, at now: Double) {
    stations[s].officers.enqueue(i, due: due, at: now)
    stations[s].queuedWork += work
  }

  /// `true` when dossiers wait at station `s`.
  @inline(__always)
  func hasWork(_ s: Int) -> Bool { stations[s].officers.queuedCount > 0 }

  /// `true` when station `s` is open at `now` (`CalendarReader.isOpen` in today's
  /// hours). A station is asked at nearly every dossier it receives or finishes, mostly
  /// within the same stretch of open or closed hours as the last time: the answer is
  /// kept with the stretch of the day it holds for, on the same day and second of day
  /// that `isOpen` computes, so it is the same answer.
  @inline(__always)
  mutating func isOpen(_ s: Int, at now: Double) -> Bool {
    let day = CalendarReader.day(of: now)
    let x = now - Double(day) * 86_400
    let schedule = stations[s].schedule
    if day == stations[s].knownDay && schedule == stations[s].knownSchedule && x >= stations[s].knownFrom
      && x < stations[s].knownUntil
    {
      return stations[s].knownOpen
    }
    let stretch = calendar.reader.stretch(schedule, day, at: x)
    stations[s].knownDay = day
    stations[s].knownSchedule = schedule
    stations[s].knownOpen = stretch.open
    stations[s].knownFrom = stretch.from
    stations[s].knownUntil = stretch.until
    return stretch.open
  }

  /// The dossier first in station `s`'s line (its first class), without taking it.
  @inline(__always)
  func firstWaiting(_ s: Int) -> Int32? { stations[s].officers.firstOfFirstClass }

  /// The next dossier a free officer at work takes now, in the line's order, or `nil`.
  @inline(__always)
  mutating func nextStart(_ s: Int, at now: Double) -> ServerSet<Int32>.Start? {
    stations[s].officers.nextStart(at: now)
  }

  /// After a dispatch (`open`: the station was open), when the station must wake to take
  /// what still waits: its next opening when closed now and an officer is free, or the
  /// next day's opening when the officers at work are all busy but some are away today.
  /// `nil` when no wake is needed or one is already planned no later.
  @inline(__always)
  mutating func wakeTime(_ s: Int, open: Bool, at now: Double) -> Double? {
    let t: Double?
    if open {
      let busy = stations[s].officers.busyCount
      guard
        stations[s].officers.queuedCount > 0 && busy < stations[s].officers.servers
          && busy >= stations[s].officers.capacity
      else { return nil }
      // Officers away today: the rest waits for tomorrow's opening.
      t = nextOpening(s, atOrAfter: Double(calendar.day(now) + 1) * 86_400)
    } else {
      guard stations[s].officers.busyCount < stations[s].officers.servers else { return nil }
      t = nextOpening(s, atOrAfter: now)
    }
    guard let t, t < calendar.endTime else { return nil }
    let pending = stations[s].wakeAt
    if pending >= now && pending <= t { return nil }
    stations[s].wakeAt = t
    return t
  }

  /// Station `s`'s planned wake fires at `now`.
  @inline(__always)
  mutating func woke(_ s: Int, at now: Double) {
    if stations[s].wakeAt == now { stations[s].wakeAt = -1 }
  }

  /// An officer of station `s` starts `work` seconds of work now on a dossier whose mean
  /// work there is `mean`: returns when it ends in the station's working time, with the
  /// busy time counted inside the statistics period and in the month it is done.
  @inline(__always)
  mutating func begin(_ s: Int, work: Double, mean: Double, at now: Double) -> Double {
    stations[s].queuedWork = stations[s].officers.queuedCount > 0 ? stations[s].queuedWork - mean : 0
    let end = workEnd(s, work, from: now)
    // Busy time inside the statistics window only: a task that straddles the warm-up or
    // the end counts for its part inside.
    let inside: Double
    if now >= model.warmupEnd && end <= model.endTime {
      inside = work
    } else if end > model.warmupEnd {
      inside = workedSeconds(s, from: Swift.max(now, model.warmupEnd), to: Swift.min(end, model.endTime))
    } else {
      return end
    }
    stations[s].busyWork += inside
    if end <= monthEnd {
      stations[s].month.busySeconds += inside
    } else {
      let before = workedSeconds(s, from: Swift.max(now, model.warmupEnd), to: monthEnd)
      stations[s].month.busySeconds += before
      stations[s].busyNextMonth += inside - before
    }
    return end
  }

  /// `officer` of station `s` finishes now: returns the dossier.
  @inline(__always)
  mutating func finish(_ s: Int, officer: Int, at now: Double) -> Int32 {
    stations[s].officers.finish(server: officer, at: now)
  }

  /// The end of the warm-up: busy and absent time are already counted inside the
  /// window only; the kernel sets start their statistics again.
  mutating func resetStatistics(at now: Double) {
    for s in stations.indices { stations[s].officers.resetStatistics(at: now) }
  }

  /// What each station did up to `end`.
  func results(at end: Double) -> [StationResult] {
    let months = stationMonths(at: end)
    return model.stations.indices.map { k in
      let s = model.stations[k], state = stations[k]
      return StationResult(
        busySeconds: state.busyWork,
        availableSeconds: Double(s.officers) * calendar.reader.openSeconds(s.schedule, from: model.warmupEnd, to: end),
        absentSeconds: state.absentSeconds, waitingIntegral: state.officers.queueLength.integral(upTo: end),
        waits: state.officers.waits, months: months[k])
    }
  }
}
