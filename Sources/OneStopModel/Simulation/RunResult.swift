import DESKernel

/// The outcome of one replication, with the definitions of the provincial reports (Tuyên Quang 2022).
///
/// One record per entity (unit, desk group, station, level, clock hour) in the model's
/// order, plus the cells by (unit, procedure, channel in) and the run-wide totals, so a
/// reader takes one unit's figures together rather than indexing parallel arrays.
public struct RunResult: Sendable {
  /// Counters per (unit, procedure, channel in); `cellIndex` maps to the flat array.
  public let cells: [CellCounters]
  public let procedureCount: Int
  /// Per unit, desk group and station, in `CompiledModel` order.
  public let units: [UnitResult]
  public let deskGroups: [DeskGroupResult]
  public let stations: [StationResult]
  /// Per level of the unit (`CompiledModel.levels` order), desk-wait quantiles exact per level.
  public let levels: [LevelResult]
  /// Per clock hour of the ticket (24 entries), all units together.
  public let hours: [HourResult]
  /// All desk waits of the run together (with their histogram).
  public let allWaits: WaitStatistics
  /// The monthly series at `month * levels + level`, months as in `RunMonths`.
  public let months: [MonthCounters]
  public let totals: RunTotals
  public let checks: RunChecks
  /// Events processed in the run.
  public let events: UInt64
  /// Every hand-over of every dossier, in time order, when the run was traced.
  public let trace: [TraceRecord]

  /// A result from its parts; `units.count` and `procedureCount` shape `cells`.
  public init(
    cells: [CellCounters], procedureCount: Int,
    units: [UnitResult], deskGroups: [DeskGroupResult], stations: [StationResult],
    levels: [LevelResult], hours: [HourResult], allWaits: WaitStatistics, months: [MonthCounters],
    totals: RunTotals, checks: RunChecks, events: UInt64, trace: [TraceRecord]
  ) {
    self.cells = cells
    self.procedureCount = procedureCount
    self.units = units
    self.deskGroups = deskGroups
    self.stations = stations
    self.levels = levels
    self.hours = hours
    self.allWaits = allWaits
    self.months = months
    self.totals = totals
    self.checks = checks
    self.events = events
    self.trace = trace
  }

  /// Units in the model, the first dimension of `cells`.
  public var unitCount: Int { units.count }

  /// Index of (unit, procedure, channel) in `cells`.
  public func cellIndex(unit: Int, procedure: Int, channel: ChannelIn) -> Int {
    (unit * procedureCount + procedure) * 3 + channel.rawValue
  }

  /// Sum of the cells selected by `include(unit, procedure, channel)`.
  public func total(where include: (Int, Int, ChannelIn) -> Bool = { _, _, _ in true }) -> CellCounters {
    var sum = CellCounters()
    for u in 0..<unitCount {
      for p in 0..<procedureCount {
        for c in ChannelIn.allCases where include(u, p, c) { sum.add(cells[cellIndex(unit: u, procedure: p, channel: c)]) }
      }
    }
    return sum
  }
}

extension OneStopSimulation {
  /// Closes the books at `end`: counts what is still in progress, checks conservation
  /// and returns the replication's result.
  public func result(at end: Double, events: UInt64) -> RunResult {
    var cells = Array(counters.cells)
    var open = 0
    for i in dossiers.liveIndices {
      let d = dossiers[i]
      open += 1
      let c = cellIndex(d)
      if d.phase == .intake {
        if inCohort(d) { cells[c].pendingIntakeEnd += 1 }
      } else if d.counted && d.phase != .resolved && d.phase != .leaving {
        cells[c].inProgressEnd += 1
      }
    }
    var violations: [String] = []
    for (k, cell) in cells.enumerated() {
      let received = cell.received
      let accounted = cell.resolvedOnTime + cell.resolvedOverdue + cell.withdrawn + cell.inProgressEnd
      let arrivals = cell.arrivals
      let fates = cell.acceptedFromArrivals + cell.refused + cell.abandoned + cell.pendingIntakeEnd
      if received != accounted || arrivals != fates {
        let u = k / 3 / model.procedures.count, p = k / 3 % model.procedures.count, ch = ChannelIn(rawValue: k % 3)!
        violations.append("unit \(model.names.units[u].id), procedure \(model.names.procedures[p].id), \(ch): received \(received) vs resolved+withdrawn+in progress \(accounted); arrivals \(arrivals) vs accepted+refused+abandoned+pending \(fates)")
      }
    }
    // The last month closes at the end of the run.
    var monthCounters = counters
    monthCounters.months = StateArray(counters.months)  // state arrays share: close a copy
    OneStopSimulation.closeMonth(months.slot(ofDay: dayIndex(end) - (end == model.endTime ? 1 : 0)), model: model,
      counters: &monthCounters, dossiers: dossiers)
    let levels = levelWaitStatistics().enumerated().map { l, w in
      LevelResult(waits: WaitDigest(w), hourWaits: Array(counters.levelHourWaits[(l * 24)..<(l * 24 + 24)]))
    }
    let totals = RunTotals(
      turnedAway: counters.turnedAway, sentHome: counters.sentHome, wastedPickupVisits: counters.wastedPickupVisits,
      visitsPerReturnedDossier: counters.visitsPerReturnedDossier,
      postalIn: counters.postalIn, postalOut: counters.postalOut, onlineIn: counters.onlineIn, onlineOut: counters.onlineOut,
      endToEndDays: Array(counters.endToEndDays))
    let checks = RunChecks(
      openDossiers: open, servicesOutsideSchedule: counters.servicesOutsideSchedule,
      resolvedBeforeReceived: counters.resolvedBeforeReceived, conservationViolations: violations)
    return RunResult(
      cells: cells, procedureCount: model.procedures.count,
      units: unitResults(at: end), deskGroups: deskGroupResults(at: end), stations: stationResults(at: end),
      levels: levels, hours: hourResults(at: end),
      allWaits: counters.unitWaits.reduce(into: WaitStatistics()) { $0.merge($1) }, months: Array(monthCounters.months),
      totals: totals, checks: checks, events: events, trace: trace)
  }

  private func unitResults(at end: Double) -> [UnitResult] {
    model.units.indices.map { u in
      UnitResult(
        waits: WaitDigest(counters.unitWaits[u]), ticketsIssued: counters.ticketsIssued[u],
        turnedAway: counters.unitTurnedAway[u], sentHome: counters.unitSentHome[u],
        meanInSystem: counters.deskInSystem[u].average(upTo: end), sojourns: counters.deskSojourns[u],
        queueIntegral: counters.deskQueue[u].integral(upTo: end),
        openSeconds: clock.openSeconds(model.units[u].schedule, from: model.warmupEnd, to: end))
    }
  }

  private func deskGroupResults(at end: Double) -> [DeskGroupResult] {
    let from = model.warmupEnd
    // Busy time of services still running at the end.
    var deskBusy = Array(counters.deskBusy)
    for desk in 0..<model.deskCount
    where desks.isBusy(desk: desk, group: Int(desks.groupOf[desk]), first: model.deskGroups[Int(desks.groupOf[desk])].firstDesk) {
      deskBusy[Int(desks.groupOf[desk])] += end - max(desks.start[desk], from)
    }
    return model.deskGroups.enumerated().map { g, group in
      DeskGroupResult(
        busySeconds: deskBusy[g],
        openSeconds: Double(group.count) * clock.openSeconds(group.schedule, from: from, to: end),
        overtimeSeconds: counters.deskOvertime[g])
    }
  }

  private func stationResults(at end: Double) -> [StationResult] {
    zip(model.stations, stations).map { s, state in
      StationResult(
        busySeconds: state.busyWork,
        availableSeconds: Double(s.officers) * clock.openSeconds(s.schedule, from: model.warmupEnd, to: end),
        absentSeconds: state.absentSeconds, waitingIntegral: state.officers.queueLength.integral(upTo: end), waits: state.officers.waits)
    }
  }

  /// Per clock hour: the waits, the queue integral and the days on which some unit was open.
  private func hourResults(at end: Double) -> [HourResult] {
    let from = model.warmupEnd
    var openDays = [Int](repeating: 0, count: 24)
    let unitSchedules = Set(model.units.indices.map { model.units[$0].schedule })
    for day in Int((from / 86_400).rounded(.down))..<max(0, Int((end / 86_400).rounded(.up))) {
      var hours = [Bool](repeating: false, count: 24)
      for s in unitSchedules {
        for i in clock.intervals(s, day) {
          let open = Int(clock.opens[i]), close = Int(clock.closes[i])
          for h in (open / 3600)..<min(24, (close + 3599) / 3600) { hours[h] = true }
        }
      }
      for h in 0..<24 where hours[h] { openDays[h] += 1 }
    }
    let queue = counters.hourQueue.closed(at: end)
    return (0..<24).map { h in
      HourResult(waits: WaitDigest(counters.hourWaits[h]), queueIntegral: queue[h], openDays: openDays[h])
    }
  }

  /// Runs one replication of `model` to its end and returns the result.
  /// With `trace`, the result holds every hand-over of every dossier (`RunResult.trace`).
  public static func run(_ model: CompiledModel, seed: UInt64, replication: UInt64 = 0, trace: Bool = false) -> RunResult {
    var simulation = OneStopSimulation(model, seed: seed, replication: replication)
    simulation.tracing = trace
    var engine = Engine(model: simulation, reservingCapacity: 4096)
    engine.model.start(&engine.scheduler)
    engine.run(until: model.endTime)
    return engine.model.result(at: model.endTime, events: engine.eventsProcessed)
  }
}
