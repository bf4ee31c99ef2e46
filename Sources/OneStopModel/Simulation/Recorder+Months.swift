extension Recorder {
  // MARK: - Monthly series

  /// Closes month `slot`: its dossier counts are the cell counters' growth since the
  /// month started, and its in-progress count a scan of the open dossiers. Runs at the
  /// first midnight of each month and at the end of the run, never per event.
  mutating func closeMonth(_ slot: Int, at end: Double, dossiers: DossierStore) {
    Self.closeMonth(slot, at: end, model: model, counters: &counters, dossiers: dossiers)
  }

  static func closeMonth(
    _ slot: Int, at end: Double, model: CompiledModel, counters: inout RunCounters, dossiers: DossierStore
  ) {
    closeIndexMonth(slot, at: end, model: model, counters: &counters, dossiers: dossiers)
    let levels = model.levelCount
    let base = counters.monthBase
    var totals = [MonthCounters](repeating: MonthCounters(), count: levels)
    let perUnit = model.procedures.count * 3
    for (k, counts) in counters.cells.enumerated() {
      let cell = counts.counters
      let level = model.units[k / perUnit].level
      totals[level].receivedNew += cell.receivedNew
      if k % 3 == ChannelIn.online.rawValue { totals[level].onlineIn += cell.receivedNew }
      totals[level].resolvedOnTime += cell.resolvedOnTime
      totals[level].resolvedOverdue += cell.resolvedOverdue
      totals[level].apologies += cell.apologies
      totals[level].apologiesOnTime += cell.apologiesOnTime
      totals[level].digitised += cell.digitised
    }
    for l in 0..<levels {
      let k = slot * levels + l
      counters.months[k].receivedNew += totals[l].receivedNew - base[l].receivedNew
      counters.months[k].onlineIn += totals[l].onlineIn - base[l].onlineIn
      counters.months[k].resolvedOnTime += totals[l].resolvedOnTime - base[l].resolvedOnTime
      counters.months[k].resolvedOverdue += totals[l].resolvedOverdue - base[l].resolvedOverdue
      counters.months[k].apologies += totals[l].apologies - base[l].apologies
      counters.months[k].apologiesOnTime += totals[l].apologiesOnTime - base[l].apologiesOnTime
      counters.months[k].digitised += totals[l].digitised - base[l].digitised
      counters.months[k].inProgressEnd = 0
    }
    // The same dossiers as `CellCounters.inProgressEnd` at the end of the run.
    for i in dossiers.liveIndices {
      let d = dossiers[i]
      guard d.counted, d.phase != .intake, d.phase != .resolved, d.phase != .leaving else { continue }
      counters.months[slot * levels + model.units[Int(d.unit)].level].inProgressEnd += 1
    }
    counters.monthBase = totals
  }
}
