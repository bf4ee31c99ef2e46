extension RunResult {
  /// Walk-in visits that came for a ticket at unit `u`: tickets issued plus visits
  /// turned away. A citizen sent home at closing held a ticket, so is already among the
  /// tickets (and among those not served that day). Postal intake never counts.
  public func ticketVisits(unit u: Int) -> Int { units[u].ticketsIssued + units[u].turnedAway }

  /// Share (0 ... 1) of the visits that came for a ticket at the units `include` selects
  /// that were served at a desk the same day: turned-away and sent-home citizens are in
  /// the denominator, so a unit that sends people away cannot show 100 %.
  public func servedSameDay(units include: (Int) -> Bool) -> Double {
    var served = 0, visits = 0
    for u in 0..<unitCount where include(u) {
      served += units[u].waits.servedSameDay
      visits += ticketVisits(unit: u)
    }
    return visits > 0 ? Double(served) / Double(visits) : 0
  }

  /// Tickets issued at the units of level `level`.
  public func tickets(level: Int, model: CompiledModel) -> Int {
    model.units.indices.reduce(0) { $0 + (model.units[$1].level == level ? units[$1].ticketsIssued : 0) }
  }

  /// The monthly series of level `level`, or of all levels together when nil: one
  /// entry per month of `RunMonths`.
  public func monthly(level: Int?, model: CompiledModel) -> [MonthCounters] {
    let levels = model.levelCount
    return (0..<(months.count / max(levels, 1))).map { m in
      guard let level else { return (0..<levels).reduce(into: MonthCounters()) { $0.add(months[m * levels + $1]) } }
      return months[m * levels + level]
    }
  }
}
