import DESKernel

extension OneStopSimulation {
  /// Starts loading the dossier record the next event reads first (see
  /// `DESKernel.prefetch`). Most events act on one dossier that no event has touched for
  /// hours of simulated time: reading its record waited for memory in `stationDone`,
  /// `startWork`, the stamp checks of `handle` and `advance`, about a fifth of a Hà Nội
  /// year. Issued one event ahead, the load overlaps the current event's work. Reads
  /// only; the results are the same with or without it.
  @inline(__always)
  public func prefetch(_ event: Event) {
    switch event {
    case .visit(let d, _), .dueWatch(let d, _), .supplementAnswer(let d, _), .patienceOver(let d, _),
      .appointment(let d, _), .appointmentDue(let d, _), .leadDone(let d, _), .postalHandover(let d),
      .onlineSubmit(let d), .reachStation(let d), .resolved(let d), .delivered(let d):
      dossiers.prefetch(d)
    case .deskDone(let desk, let d):
      dossiers.prefetch(d)
      // The desk's next call draws from its unit's stream.
      streams.unit[deskUnit(Int(desk))].prefetchPosition()
    case .stationDone(let s, _, let d):
      dossiers.prefetch(d)
      streams.station[Int(s)].prefetchPosition()
      // Online intake accepts the dossier: `accept` reads when it was submitted.
      if model.stations[Int(s)].isOnlineIntake { dossiers.prefetch(cold: d) }
      // The officer takes the first in line next: its record waited since it joined.
      if let next = backOffice.firstWaiting(Int(s)) { dossiers.prefetch(next) }
    case .arrival(let k):
      streams.arrival[Int(k)].prefetchPosition()
    case .deskGroupWake, .unitClose, .stationWake, .warmupEnd, .newDay, .appointmentWake:
      break
    }
  }

  /// The second stage for the event now handled: the word its stream draws next (the
  /// index was prefetched one event ahead).
  @inline(__always)
  func prefetchDraw(_ event: Event) {
    switch event {
    case .arrival(let k): streams.arrival[Int(k)].prefetchNextWord()
    case .stationDone(let s, _, _): streams.station[Int(s)].prefetchNextWord()
    case .deskDone(let desk, _): streams.unit[deskUnit(Int(desk))].prefetchNextWord()
    default: break
    }
  }

  /// The unit of desk `desk`.
  @inline(__always)
  func deskUnit(_ desk: Int) -> Int { model.deskGroups[Int(frontOffice.groupOf[desk])].unit }
}
