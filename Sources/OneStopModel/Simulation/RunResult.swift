import DESKernel

/// The outcome of one replication, with the definitions of the provincial reports (Tuyên Quang 2022).
public struct RunResult: Sendable {
  /// Counters per (unit, procedure, channel in); `cellIndex` maps to the flat array.
  public let cells: [CellCounters]
  public let unitCount: Int
  public let procedureCount: Int
  /// Desk waits of citizens (not postal intake), by unit and by hour of the ticket.
  public let unitWaits: [WaitDigest]
  public let hourWaits: [WaitDigest]
  /// All desk waits of the run together (with their histogram).
  public let allWaits: WaitStatistics
  /// Desk waits by level of the unit (`CompiledModel.levels` order), quantiles exact per level.
  public let levelWaits: [WaitDigest]
  /// Desk waits per level and clock hour of the ticket (`level * 24 + hour`), seconds.
  public let levelHourWaits: [Tally]
  /// Per desk group: busy seconds, open desk-seconds, overtime seconds.
  public let deskBusySeconds: [Double]
  public let deskOpenSeconds: [Double]
  public let deskOvertimeSeconds: [Double]
  /// Per station (online intake and agencies): busy work seconds, available officer
  /// seconds, completed tasks, waits.
  ///
  /// Busy seconds are work done inside the statistics window (a task straddling the
  /// warm-up or the end counts for its part inside), so they never exceed the available
  /// officer-seconds (officers × working seconds of the window). Absent seconds are the
  /// part of the available time officers were away; the number of dossiers waiting
  /// (not yet taken) is integrated over the window.
  public let stationBusySeconds: [Double]
  public let stationAvailableSeconds: [Double]
  public let stationAbsentSeconds: [Double]
  public let stationWaitingIntegral: [Double]
  public let stationWaits: [Tally]
  /// Little's law at each unit's desks: time-average number present, mean time
  /// present, and tickets issued (all after the warm-up).
  public let deskMeanInSystem: [Double]
  public let deskSojourns: [Tally]
  public let ticketsIssued: [Int]
  /// Queue length (citizens waiting for a desk, not being served) integrated over time,
  /// per unit and, for all units together, per hour of day (seconds x citizens); the
  /// unit's opening seconds and, per hour of day, the days on which some unit was open
  /// in that hour: the denominators of the time-weighted averages in the report.
  public let deskQueueIntegral: [Double]
  public let hourQueueIntegral: [Double]
  public let unitOpenSeconds: [Double]
  public let openDaysByHour: [Int]
  public let turnedAway: Int
  public let sentHome: Int
  /// Turned away and sent home per unit (in the cohort, like the totals).
  public let unitTurnedAway: [Int]
  public let unitSentHome: [Int]
  /// The monthly series at `month * levels + level`, months as in `RunMonths`.
  public let months: [MonthCounters]
  public let wastedPickupVisits: Int
  public let visitsPerReturnedDossier: Tally
  public let postalIn, postalOut, onlineIn, onlineOut: Int
  /// Days from first contact to resolution, by channel in (walk-in, postal, online).
  public let endToEndDays: [Tally]
  /// Events processed in the run.
  public let events: UInt64
  /// Dossiers still open at the end (in intake, processing, or waiting for pick-up).
  public let openDossiers: Int
  /// Property checks: zero in a correct run.
  public let servicesOutsideSchedule: Int
  public let resolvedBeforeReceived: Int
  /// Conservation failures, one line each; empty when every dossier is accounted for.
  public let conservationViolations: [String]
  /// Every hand-over of every dossier, in time order, when the run was traced.
  public let trace: [TraceRecord]

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
    var cells = counters.cells
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
        violations.append("unit \(model.units[u].id), procedure \(model.procedures[p].id), \(ch): received \(received) vs resolved+withdrawn+in progress \(accounted); arrivals \(arrivals) vs accepted+refused+abandoned+pending \(fates)")
      }
    }
    let from = model.warmupEnd
    let deskOpen = model.deskGroups.map { g in
      Double(g.count) * model.schedules[g.schedule].openSeconds(from: from, to: end)
    }
    // Busy time of services still running at the end.
    var deskBusy = counters.deskBusy
    for desk in 0..<model.deskCount where desks.busy[desk] {
      deskBusy[Int(desks.groupOf[desk])] += end - max(desks.start[desk], from)
    }
    let unitOpen = model.units.indices.map { u in
      model.schedules[model.hot.units[u].schedule].openSeconds(from: from, to: end)
    }
    var openDays = [Int](repeating: 0, count: 24)
    let unitSchedules = Set(model.units.indices.map { model.hot.units[$0].schedule })
    for day in Int((from / 86_400).rounded(.down))..<max(0, Int((end / 86_400).rounded(.up))) {
      var hours = [Bool](repeating: false, count: 24)
      for s in unitSchedules {
        for i in model.schedules[s].hours(dayIndex: day).intervals {
          for h in (i.open / 3600)..<min(24, (i.close + 3599) / 3600) { hours[h] = true }
        }
      }
      for h in 0..<24 where hours[h] { openDays[h] += 1 }
    }
    // The last month closes at the end of the run.
    var monthCounters = counters
    var base = monthBase
    OneStopSimulation.closeMonth(months.slot(ofDay: dayIndex(end) - (end == model.endTime ? 1 : 0)), model: model,
      counters: &monthCounters, base: &base, dossiers: dossiers)
    let stationAvailable = model.stations.map { s in
      Double(s.officers) * model.schedules[s.schedule].openSeconds(from: from, to: end)
    }
    return RunResult(
      cells: cells, unitCount: model.units.count, procedureCount: model.procedures.count,
      unitWaits: counters.unitWaits.map(WaitDigest.init), hourWaits: counters.hourWaits.map(WaitDigest.init),
      allWaits: counters.unitWaits.reduce(into: WaitStatistics()) { $0.merge($1) },
      levelWaits: levelWaitStatistics().map(WaitDigest.init), levelHourWaits: counters.levelHourWaits,
      deskBusySeconds: deskBusy, deskOpenSeconds: deskOpen, deskOvertimeSeconds: counters.deskOvertime,
      stationBusySeconds: stations.map(\.busyWork), stationAvailableSeconds: stationAvailable,
      stationAbsentSeconds: stations.map(\.absentSeconds), stationWaitingIntegral: stations.map { $0.officers.queueLength.integral(upTo: end) },
      stationWaits: stations.map(\.officers.waits),
      deskMeanInSystem: counters.deskInSystem.map { $0.average(upTo: end) },
      deskSojourns: counters.deskSojourns, ticketsIssued: counters.ticketsIssued,
      deskQueueIntegral: counters.deskQueue.map { $0.integral(upTo: end) },
      hourQueueIntegral: counters.hourQueue.closed(at: end), unitOpenSeconds: unitOpen, openDaysByHour: openDays,
      turnedAway: counters.turnedAway, sentHome: counters.sentHome,
      unitTurnedAway: counters.unitTurnedAway, unitSentHome: counters.unitSentHome, months: monthCounters.months,
      wastedPickupVisits: counters.wastedPickupVisits,
      visitsPerReturnedDossier: counters.visitsPerReturnedDossier,
      postalIn: counters.postalIn, postalOut: counters.postalOut, onlineIn: counters.onlineIn, onlineOut: counters.onlineOut,
      endToEndDays: counters.endToEndDays, events: events, openDossiers: open,
      servicesOutsideSchedule: counters.servicesOutsideSchedule, resolvedBeforeReceived: counters.resolvedBeforeReceived,
      conservationViolations: violations, trace: trace)
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
