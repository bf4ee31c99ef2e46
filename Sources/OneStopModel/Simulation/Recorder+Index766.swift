extension Recorder {
  // MARK: - The service index (Decision 766)

  /// Slot of dossier `d`'s unit in the month of instant `t` in `counters.index766`.
  @inline(__always)
  func indexSlot(_ d: Dossier, at t: Double) -> Int {
    months.slot(ofDay: CalendarReader.day(of: t)) * model.units.count + Int(d.unit)
  }

  /// Late by the index's rule when the dossier ends at `end`: after its index due instant
  /// (supplement time subtracted), after more than one supplement request, or received
  /// online after the reception deadline.
  @inline(__always)
  static func indexLate(_ d: Dossier, endingAt end: Double) -> Bool {
    end > d.indexDueAt || d.supplements > 1 || d.lateReception
  }

  @inline(__always)
  mutating func countIndexReceived(_ d: Dossier, at now: Double) {
    let k = indexSlot(d, at: now)
    counters.index766[k].received += 1
    if d.channelIn == .online {
      counters.index766[k].onlineReceived += 1
      if d.lateReception { counters.index766[k].lateReceptions += 1 }
    } else if d.digitised {
      counters.index766[k].digitised += 1
    }
  }

  /// A counted dossier leaves the index's books: withdrawn (at a supplement request, the
  /// request is its end) or resolved.
  @inline(__always)
  mutating func countIndexEnd(_ d: Dossier, at now: Double) {
    let k = indexSlot(d, at: now)
    if Self.indexLate(d, endingAt: now) {
      counters.index766[k].endedLate += 1
      if d.supplements > 1 { counters.index766[k].multipleSupplements += 1 }
    } else {
      counters.index766[k].endedOnTime += 1
    }
  }

  @inline(__always)
  mutating func countIndexResolved(_ d: Dossier, at now: Double) {
    countIndexEnd(d, at: now)
    let k = indexSlot(d, at: now)
    counters.index766[k].resolved += 1
    if now <= d.dueAt { counters.index766[k].resolvedOnTime += 1 }
    if d.channelOut == .online { counters.index766[k].onlineResults += 1 }
  }

  /// The dossiers still open at `end`, the end of month `slot`: on time or late by the
  /// index's rule (one waiting for a supplement ends, for the index, at its request).
  static func closeIndexMonth(
    _ slot: Int, at end: Double, model: CompiledModel, counters: inout RunCounters,
    dossiers: DossierStore
  ) {
    guard !counters.index766.isEmpty else { return }
    let base = slot * model.units.count
    for u in 0..<model.units.count {
      counters.index766[base + u].openOnTime = 0
      counters.index766[base + u].openLate = 0
    }
    for i in dossiers.liveIndices {
      let d = dossiers[i]
      guard d.counted, d.phase == .processing || d.phase == .supplement else { continue }
      let late = indexLate(d, endingAt: d.phase == .supplement ? d.supplementAt : end)
      if late {
        counters.index766[base + Int(d.unit)].openLate += 1
      } else {
        counters.index766[base + Int(d.unit)].openOnTime += 1
      }
    }
  }
}
