import DESKernel

extension OneStopSimulation {
  /// Closes the books at `end`: counts what is still in progress, checks conservation
  /// and returns the replication's result, from the recorder's counters and the
  /// resources' own statistics.
  public func result(at end: Double, events: UInt64) -> RunResult {
    let counters = recorder.counters
    var cells = counters.cells.map(\.counters)
    var open = 0
    for i in dossiers.liveIndices {
      let d = dossiers[i]
      open += 1
      let c = recorder.cell(d)
      if d.phase == .intake {
        if recorder.inCohort(d) { cells[c].pendingIntakeEnd += 1 }
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
        violations.append(
          "unit \(model.names.units[u].id), procedure \(model.names.procedures[p].id), \(ch): "
            + "received \(received) vs resolved+withdrawn+in progress \(accounted); "
            + "arrivals \(arrivals) vs accepted+refused+abandoned+pending \(fates)")
      }
    }
    // The last month closes at the end of the run.
    var monthCounters = counters
    monthCounters.months = StateArray(counters.months)  // state arrays share: close a copy
    monthCounters.index766 = StateArray(counters.index766)
    Recorder.closeMonth(
      recorder.months.slot(ofDay: calendar.day(end) - (end == model.endTime ? 1 : 0)), at: end, model: model,
      counters: &monthCounters, dossiers: dossiers)
    // Each unit's waits, with its histogram, built once for the three uses below.
    let unitWaits = counters.unitWaits.indices.map { counters.unitWaits[$0] }
    let levels = levelWaitStatistics(unitWaits).enumerated().map { l, w in
      LevelResult(waits: WaitDigest(w), hourWaits: Array(counters.levelHourWaits[(l * 24)..<(l * 24 + 24)]))
    }
    let totals = RunTotals(
      turnedAway: counters.turnedAway, sentHome: counters.sentHome, wastedPickupVisits: counters.wastedPickupVisits,
      visitsPerReturnedDossier: counters.visitsPerReturnedDossier,
      postalIn: counters.postalIn, postalOut: counters.postalOut, onlineIn: counters.onlineIn,
      onlineOut: counters.onlineOut, endToEndDays: Array(counters.endToEndDays))
    let checks = RunChecks(
      openDossiers: open, servicesOutsideSchedule: frontOffice.statistics.servicesOutsideSchedule,
      resolvedBeforeReceived: counters.resolvedBeforeReceived, conservationViolations: violations)
    var result = RunResult(
      cells: cells, procedureCount: model.procedures.count,
      units: unitResults(unitWaits, at: end), deskGroups: deskGroupResults(at: end),
      stations: backOffice.results(at: end),
      levels: levels, hours: hourResults(at: end),
      allWaits: unitWaits.reduce(into: WaitStatistics()) { $0.merge($1) }, months: Array(monthCounters.months),
      totals: totals, checks: checks, events: events, trace: recorder.trace)
    result.index766 = Array(monthCounters.index766)
    return result
  }

  /// Desk waits per level: the units' waits merged at the end of the run (the same
  /// histogram buckets, so the quantiles are those of recording each wait twice, which
  /// the event loop did before at the cost of a histogram update per service).
  func levelWaitStatistics(_ unitWaits: [WaitStatistics]) -> [WaitStatistics] {
    var levels = Array(repeating: WaitStatistics(), count: model.levelCount)
    for u in unitWaits.indices { levels[model.units[u].level].merge(unitWaits[u]) }
    return levels
  }

  private func unitResults(_ unitWaits: [WaitStatistics], at end: Double) -> [UnitResult] {
    let counters = recorder.counters, desks = frontOffice.statistics
    return model.units.indices.map { u in
      var unit = UnitResult(
        waits: WaitDigest(unitWaits[u]), ticketsIssued: counters.ticketsIssued[u],
        turnedAway: counters.unitTurnedAway[u], sentHome: counters.unitSentHome[u],
        leftLine: counters.unitLeftLine[u], balked: counters.unitBalked[u],
        meanInSystem: desks.inSystem[u].average(upTo: end), sojourns: desks.sojourns[u],
        queueIntegral: desks.queue[u].integral(upTo: end),
        openSeconds: calendar.reader.openSeconds(model.units[u].schedule, from: model.warmupEnd, to: end))
      if !counters.unitAppointments.isEmpty { unit.appointments = counters.unitAppointments[u] }
      unit.boundaryFree = counters.unitBoundaryFree[u]
      if !counters.unitAccess.isEmpty {
        unit.access = counters.unitAccess[u]
        let first = calendar.day(model.warmupEnd), last = calendar.day(end - 1)
        let schedule = model.units[u].schedule
        unit.access.openDays = first > last ? 0 : (first...last).count {
          calendar.reader.openSeconds(schedule, from: Double($0) * 86_400, to: Double($0 + 1) * 86_400) > 0
        }
      }
      return unit
    }
  }

  private func deskGroupResults(at end: Double) -> [DeskGroupResult] {
    let from = model.warmupEnd
    // Busy time of services still running at the end.
    var deskBusy = Array(frontOffice.statistics.busy)
    for desk in 0..<model.deskCount where frontOffice.isBusy(desk: desk) {
      deskBusy[Int(frontOffice.groupOf[desk])] += end - max(frontOffice.serviceStart[desk], from)
    }
    let waits = configuredGroupWaits()
    return model.deskGroups.enumerated().map { g, group in
      DeskGroupResult(
        busySeconds: deskBusy[g],
        openSeconds: Double(group.count) * calendar.reader.openSeconds(group.schedule, from: from, to: end),
        overtimeSeconds: frontOffice.statistics.overtime[g], waits: waits[g])
    }
  }

  /// Per desk group, the waits of the configured group it belongs to: a lunch stagger's
  /// two halves ("ID", "ID/late", adjacent at one unit) merged.
  private func configuredGroupWaits() -> [WaitDigest] {
    let names = model.names.deskGroups, waits = recorder.counters.groupWaits
    return names.indices.map { g in
      let base = names[g].hasSuffix("/late") ? String(names[g].dropLast(5)) : names[g]
      var merged = WaitStatistics()
      for h in names.indices
      where model.deskGroups[h].unit == model.deskGroups[g].unit && (names[h] == base || names[h] == base + "/late") {
        merged.merge(waits[h])
      }
      return WaitDigest(merged)
    }
  }

  /// Per clock hour: the waits, the queue integral and the days on which some unit was open.
  private func hourResults(at end: Double) -> [HourResult] {
    let from = model.warmupEnd
    let clock = calendar.reader
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
    let queue = frontOffice.statistics.hourQueue.closed(at: end)
    return (0..<24).map { h in
      HourResult(waits: WaitDigest(recorder.counters.hourWaits[h]), queueIntegral: queue[h], openDays: openDays[h])
    }
  }

  /// Runs one replication of `model` to its end and returns the result.
  /// With `trace`, the result holds every hand-over of every dossier (`RunResult.trace`).
  public static func run(
    _ model: CompiledModel, seed: UInt64, replication: UInt64 = 0, trace: Bool = false
  ) -> RunResult {
    var simulation = OneStopSimulation(model, seed: seed, replication: replication)
    simulation.tracing = trace
    // Events ten minutes or more ahead wait outside the heap, in buckets of ten minutes:
    // the heap holds the next few minutes' events. Buckets of a day left a Hà Nội month's
    // pops 1,380 instructions per dossier, ten minutes 1,010 (and 330 to fill and empty
    // the buckets); two minutes cost more than they saved (docs/engine.md).
    var engine = Engine(model: simulation, reservingCapacity: 4096, bucketWidth: 600)
    engine.model.start(&engine.scheduler)
    engine.run(until: model.endTime)
    return engine.model.result(at: model.endTime, events: engine.eventsProcessed)
  }
}
