import DESKernel

extension BackOffice {
  // MARK: - Planned leave

  /// Each station's planned leave for this replication (`LeavePlan`), from its own leave
  /// stream: the officers on leave per day, flat, and each station's first day in it.
  static func planLeave(
    _ model: CompiledModel, calendar: RunCalendar, streams: [RandomStream?]
  ) -> (leave: [UInt16], base: [Int]) {
    var leave: [UInt16] = []
    var base = [Int](repeating: -1, count: model.stations.count)
    for (s, st) in model.stations.enumerated() where st.plansLeave {
      guard let stream = streams[s] else { continue }
      let (allowed, ordinal) = leaveDays(st, model: model, calendar: calendar)
      let plan = LeavePlan(
        officers: st.officers, perOfficer: st.leaveDays, spell: st.leaveSpell, allowed: allowed, ordinal: ordinal,
        horizon: model.horizonDays, rng: stream.generator)
      base[s] = leave.count
      leave += plan.onLeave
    }
    return (leave, base)
  }

  /// The day indices on which station `st` may plan leave (working days on which it
  /// works, outside its months without leave), with each one's number among the run's
  /// working days.
  static func leaveDays(
    _ st: CompiledModel.Station, model: CompiledModel, calendar: RunCalendar
  ) -> (allowed: [Int], ordinal: [Int]) {
    var allowed: [Int] = [], ordinal: [Int] = []
    var n = 0
    for d in 0..<model.horizonDays where calendar.isWorkingDay(d) {
      n += 1
      let month = CivilDate(dayNumber: calendar.epochDay + d).month
      guard !calendar.reader.isClosedAllDay(st.schedule, d), st.leaveMonths & (UInt16(1) << UInt16(month - 1)) != 0
      else { continue }
      allowed.append(d)
      ordinal.append(n)
    }
    return (allowed, ordinal)
  }

  // MARK: - Months

  /// The instant month slot `k` of the run ends.
  static func end(ofSlot k: Int, _ months: RunMonths, _ model: CompiledModel) -> Double {
    k + 1 < months.count ? Double(months.firsts[k + 1].dayNumber - model.epochDay) * 86_400 : model.endTime
  }

  /// The first midnight of a new month (`day`): every station's month so far is kept,
  /// the work that ran into the new month starts it, and the monthly overtime cap (the
  /// yearly one in January) starts again.
  mutating func closeMonth(beforeDay day: Int) {
    let n = months.count
    for s in stations.indices {
      monthly[s * n + slot] = stations[s].month
      stations[s].month = StationMonth()
      stations[s].month.busySeconds = stations[s].busyNextMonth
      stations[s].busyNextMonth = 0
      stations[s].overtimeThisMonth = 0
    }
    slot = months.slot(ofDay: day)
    monthEnd = Self.end(ofSlot: slot, months, model)
    let y = CivilDate(dayNumber: calendar.epochDay + day).year
    if y != year {
      year = y
      for s in stations.indices { stations[s].overtimeThisYear = 0 }
    }
  }

  /// Every station's months up to `end`, the current one included, with the officer
  /// time of its own hours in each (inside the statistics window).
  func stationMonths(at end: Double) -> [[StationMonth]] {
    let n = months.count
    // Open seconds of each month inside the window, once per schedule (stations share them).
    var open: [Int: [Double]] = [:]
    for st in model.stations where open[st.schedule] == nil {
      open[st.schedule] = (0..<n).map { k in
        let first = Double(months.firsts[k].dayNumber - model.epochDay) * 86_400
        let a = Swift.max(Swift.max(first, 0), model.warmupEnd)
        return calendar.reader.openSeconds(st.schedule, from: a, to: Swift.min(Self.end(ofSlot: k, months, model), end))
      }
    }
    return model.stations.indices.map { s in
      let st = model.stations[s], seconds = open[st.schedule] ?? []
      return (0..<n).map { k in
        var m = k == slot ? stations[s].month : monthly[s * n + k]
        m.availableSeconds = Double(st.officers) * seconds[k]
        return m
      }
    }
  }
}
