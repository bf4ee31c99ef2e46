import DESKernel

/// The one place a replication's statistics and trace are written: the flow reports each
/// event of a dossier's life (`TraceEvent`, the Form 05 vocabulary) with the dossier,
/// and the recorder counts it and, when tracing, writes the trace row, the way simmer's
/// monitor sees every arrival's activity.
///
/// The flow decides what happens to a dossier and schedules it; it writes no counter.
/// The resources (`FrontOffice`, `BackOffice`) keep the statistics of the desks and
/// officers themselves, as the kernel's `ServerSet` does. `record` is inlined at every
/// call, where the event is a constant, so each call compiles to its own few counter
/// updates and a branch on `tracing`, as the scattered writes it replaced did.
struct Recorder {
  let model: CompiledModel
  /// Month slot of each day (the months the run reports).
  let months: RunMonths
  let levelCount: Int
  /// Whether the service index is counted (`CompiledModel.index766`).
  let scoresIndex: Bool
  var counters: RunCounters
  /// Whether the run keeps `DeskAccessCounts` (`RunCounters.unitAccess` not empty).
  let tracksAccess: Bool
  /// Hand-over records ("Form 05"), kept only when `tracing`.
  var tracing = false
  var trace: [TraceRecord] = []

  init(_ model: CompiledModel, months: RunMonths) {
    self.model = model
    self.months = months
    levelCount = model.levelCount
    scoresIndex = model.index766 != nil
    counters = RunCounters(model, months: months.count)
    tracksAccess = !counters.unitAccess.isEmpty
  }

  /// Dossier `d`'s `event` at `now`: the counters it moves and, when tracing, its trace
  /// row. `station` is the agency's station, `due` a due day the event fixes, `detail`
  /// the event's detail in the trace (`TraceRecord.detail`: for `.ticket` the visit's
  /// purpose); `ticketTakenAt` for `.called`, the instant a citizen took the ticket
  /// (`nil` for a postal dossier, whose wait in no hall is counted) and `group`, the desk
  /// group that called it.
  @inline(__always)
  mutating func record(
    _ event: TraceEvent, _ d: Dossier, at now: Double,
    station: Int = -1, due: Int32 = -1, detail: Int32 = 0, ticketTakenAt: Double? = nil, group: Int = -1
  ) {
    switch event {
    case .submitted:
      counters.cells[cell(d)].arrivals += inCohort(d) ? 1 : 0
    case .carriedOver, .enteredPeriod:
      if d.counted { counters.cells[cell(d)].carriedOver += 1 }
    case .turnedAway:
      if inCohort(d) {
        counters.turnedAway += 1
        counters.unitTurnedAway[Int(d.unit)] += 1
      }
    case .ticket:
      if detail != Int32(Ticket.Purpose.postalIntake.rawValue) {
        counters.ticketsIssued[Int(d.unit)] += 1
        counters.months[months.slot(ofDay: CalendarReader.day(of: now)) * levelCount + model.units[Int(d.unit)].level]
          .tickets += 1
      }
    case .called:
      if let taken = ticketTakenAt, now >= model.warmupEnd {
        countWait(unit: Int(d.unit), group: group, taken: taken, at: now)
      }
    case .sentHome:
      if inCohort(d) {
        counters.sentHome += 1
        counters.unitSentHome[Int(d.unit)] += 1
      }
    case .leftLine:
      if inCohort(d) { counters.unitLeftLine[Int(d.unit)] += 1 }
    case .balked:
      if inCohort(d) { counters.unitBalked[Int(d.unit)] += 1 }
    case .accepted:
      if d.counted {
        countAccepted(d, at: now)
        if scoresIndex { countIndexReceived(d, at: now) }
      }
    case .refused:
      if inCohort(d) { counters.cells[cell(d)].refused += 1 }
    case .abandoned:
      if inCohort(d) { counters.cells[cell(d)].abandoned += 1 }
    case .supplementRequested:
      if d.counted { counters.cells[cell(d)].supplementRequests += 1 }
    case .withdrawn:
      if d.counted {
        counters.cells[cell(d)].withdrawn += 1
        if scoresIndex { countIndexEnd(d, at: now) }
      }
    case .apology:
      if d.counted {
        counters.cells[cell(d)].apologies += 1
        if detail == ApologyTiming.onTime.rawValue { counters.cells[cell(d)].apologiesOnTime += 1 }
      }
    case .resolved:
      countResolved(d, at: now)
    case .returned:
      if d.counted { countReturned(d) }
    case .resultNotReady:
      if d.counted { counters.wastedPickupVisits += 1 }
    case .overQuota:
      if inCohort(d) { counters.unitAccess[Int(d.unit)].overQuota += 1 }
    case .noShow:
      if inCohort(d) { counters.unitAccess[Int(d.unit)].noShows += 1 }
    case .booked:
      if inCohort(d) { counters.unitAppointments[Int(d.unit)].booked += 1 }
    case .appointmentNoShow:
      if inCohort(d) { counters.unitAppointments[Int(d.unit)].noShows += 1 }
    case .lateCancelled:
      if inCohort(d) { counters.unitAppointments[Int(d.unit)].lateCancelled += 1 }
    case .gaveUp:
      if inCohort(d) { counters.unitAppointments[Int(d.unit)].gaveUp += 1 }
    case .incomplete, .guidance, .handedOver, .reachedAgency, .workStarted, .stepDone, .supplementReceived:
      break
    }
    if tracing && event.isWritten {
      write(
        event, d.serial, d.channelIn, d.step, d.unit, d.procedure, at: now, station: station, due: due, detail: detail)
    }
  }

  /// Index of dossier `d`'s cell (receiving unit, procedure, channel in) in `counters.cells`.
  @inline(__always)
  func cell(_ d: Dossier) -> Int {
    (Int(d.unit) * model.procedures.count + Int(d.procedure)) * 3 + d.channelIn.rawValue
  }

  /// `true` when the dossier's first contact falls in the statistics period.
  @inline(__always)
  func inCohort(_ d: Dossier) -> Bool { d.firstSeen >= model.warmupEnd }

  @inline(never)
  private mutating func write(
    _ event: TraceEvent, _ serial: UInt32, _ channelIn: ChannelIn, _ step: Int16, _ unit: Int32, _ procedure: Int32,
    at now: Double, station: Int, due: Int32, detail: Int32
  ) {
    trace.append(
      TraceRecord(
        time: now, dossier: serial, event: event, channelIn: channelIn, step: step,
        unit: unit, procedure: procedure, station: Int32(station), dueDay: due, detail: detail))
  }

  /// A citizen called at unit `u` after taking the ticket at `taken`: the wait by unit,
  /// by desk group `g`, by the month and the clock hour of the ticket, and by level.
  @inline(__always)
  private mutating func countWait(unit u: Int, group g: Int, taken: Double, at now: Double) {
    let wait = now - taken
    let takenDay = CalendarReader.day(of: taken)
    let sameDay = CalendarReader.day(of: now) == takenDay
    let bucket = WaitCounts.Bucket(wait)
    let hour = min(max(Int((taken - Double(takenDay) * 86_400) / 3600), 0), 23)
    // Five statistics, each a record and a bucket count apart in memory: their loads are
    // started together rather than one after the other.
    counters.unitWaits.prefetch(u, bucket)
    counters.groupWaits.prefetch(g, bucket)
    counters.hourWaits.prefetch(hour, bucket)
    counters.unitWaits.add(u, wait, bucket, sameDay: sameDay)
    if g >= 0 { counters.groupWaits.add(g, wait, bucket, sameDay: sameDay) }
    let level = model.units[u].level
    counters.months[months.slot(ofDay: takenDay) * levelCount + level].waits.add(wait)
    counters.hourWaits.add(hour, wait, bucket, sameDay: sameDay)
    counters.levelHourWaits[level * 24 + hour].add(wait)
  }

  @inline(__always)
  private mutating func countAccepted(_ d: Dossier, at now: Double) {
    let c = cell(d)
    if tracksAccess && d.channelIn == .walkIn && inCohort(d) {
      counters.unitAccess[Int(d.unit)].accepted += 1
      counters.unitAccess[Int(d.unit)].acceptedVisits += Int(d.visits)
      counters.unitAccess[Int(d.unit)].acceptanceDays += (now - d.firstSeen) / 86_400
    }
    counters.cells[c].receivedNew += 1
    if d.decidingUnit != d.unit { counters.unitBoundaryFree[Int(d.unit)].receivedAway += 1 }
    if d.digitised { counters.cells[c].digitised += 1 }
    if inCohort(d) { counters.cells[c].acceptedFromArrivals += 1 }
    switch d.channelIn {
    case .postal: counters.postalIn += 1
    case .online: counters.onlineIn += 1
    case .walkIn: break
    }
  }

  @inline(__always)
  private mutating func countResolved(_ d: Dossier, at now: Double) {
    if now < d.receivedAt { counters.resolvedBeforeReceived += 1 }
    guard d.counted else { return }
    if scoresIndex { countIndexResolved(d, at: now) }
    if d.decidingUnit != d.unit { counters.unitBoundaryFree[Int(d.decidingUnit)].decidedForOthers += 1 }
    if now <= d.dueAt {
      counters.cells[cell(d)].resolvedOnTime += 1
      counters.unitBoundaryFree[Int(d.chargedUnit)].chargedOnTime += 1
    } else {
      counters.unitBoundaryFree[Int(d.chargedUnit)].chargedOverdue += 1
      counters.cells[cell(d)].resolvedOverdue += 1
      if d.carriedOver { counters.cells[cell(d)].carriedOverOverdue += 1 }
    }
    if !d.carriedOver { counters.endToEndDays[d.channelIn.rawValue].add((now - d.firstSeen) / 86_400) }
  }

  @inline(__always)
  private mutating func countReturned(_ d: Dossier) {
    counters.cells[cell(d)].returned += 1
    counters.visitsPerReturnedDossier.add(Double(d.visits))
    switch d.channelOut {
    case .postal: counters.postalOut += 1
    case .online: counters.onlineOut += 1
    case .pickup: break
    }
  }

  // MARK: - Desk access (counted only, no trace row)

  /// A call at unit `u` nobody answered, which took the desk `seconds`.
  mutating func absentCall(unit u: Int, seconds: Double, at now: Double) {
    guard now >= model.warmupEnd else { return }
    counters.unitAccess[u].absentCalls += 1
    counters.unitAccess[u].absentSeconds += seconds
  }

  /// A ticket at unit `u` taken in the hall before opening, or from home (`remote`).
  mutating func accessTicket(unit u: Int, early: Bool, remote: Bool, at now: Double) {
    guard now >= model.warmupEnd else { return }
    if early { counters.unitAccess[u].earlyTickets += 1 }
    if remote { counters.unitAccess[u].remoteTickets += 1 }
  }

  /// A remote ticket holder at unit `u` called after waiting `wait` seconds in the hall.
  mutating func remoteWait(unit u: Int, _ wait: Double, at now: Double) {
    if now >= model.warmupEnd { counters.unitAccess[u].remoteWaits.add(wait) }
  }

  // MARK: - Appointments (counted only, no trace row)

  /// A citizen of dossier `d` was offered a booking.
  mutating func appointmentOffered(_ d: Dossier) {
    if inCohort(d) { counters.unitAppointments[Int(d.unit)].offered += 1 }
  }

  /// A citizen of dossier `d` asked for a slot; the first free one was `days` away; they
  /// walked in instead when `walkedIn`.
  mutating func appointmentSought(_ d: Dossier, days: Int, walkedIn: Bool) {
    guard inCohort(d) else { return }
    let u = Int(d.unit)
    counters.unitAppointments[u].sought += 1
    counters.unitAppointments[u].accessDays.add(Double(days))
    let n = counters.unitAppointments[u].accessHistogram.count
    if days >= n { counters.unitAppointments[u].accessHistogram += [Int](repeating: 0, count: days + 1 - n) }
    counters.unitAppointments[u].accessHistogram[days] += 1
    if walkedIn { counters.unitAppointments[u].walkedIn += 1 }
  }

  /// An appointment holder at unit `u` called after waiting `wait` seconds in the hall.
  mutating func appointmentWait(unit u: Int, _ wait: Double, at now: Double) {
    if now >= model.warmupEnd { counters.unitAppointments[u].waits.add(wait) }
  }

  /// The end of the warm-up: every count starts again from zero.
  mutating func reset() {
    counters = RunCounters(model, months: months.count)
  }
}
