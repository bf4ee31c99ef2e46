/// `CellCounters` as the event loop counts them: the same counts in 32 bits and without
/// the two the end of the run fills, so that a cell is 60 bytes instead of 136. A province
/// has a cell per unit, procedure and channel (Hà Nội: about 15 MB of `CellCounters`), and
/// a dossier touches its cell four times or more, each time long after the last; the counts
/// it touches at every dossier come first, to share a cache line.
struct CellCounts {
  var arrivals: UInt32 = 0
  var acceptedFromArrivals: UInt32 = 0
  var receivedNew: UInt32 = 0
  var resolvedOnTime: UInt32 = 0
  var returned: UInt32 = 0
  var digitised: UInt32 = 0
  var resolvedOverdue: UInt32 = 0
  var refused: UInt32 = 0
  var abandoned: UInt32 = 0
  var carriedOver: UInt32 = 0
  var carriedOverOverdue: UInt32 = 0
  var withdrawn: UInt32 = 0
  var apologies: UInt32 = 0
  var apologiesOnTime: UInt32 = 0
  var supplementRequests: UInt32 = 0

  /// The counts as `CellCounters` (in progress and pending intake at zero).
  var counters: CellCounters {
    var c = CellCounters()
    c.arrivals = Int(arrivals)
    c.acceptedFromArrivals = Int(acceptedFromArrivals)
    c.refused = Int(refused)
    c.abandoned = Int(abandoned)
    c.receivedNew = Int(receivedNew)
    c.carriedOver = Int(carriedOver)
    c.resolvedOnTime = Int(resolvedOnTime)
    c.resolvedOverdue = Int(resolvedOverdue)
    c.carriedOverOverdue = Int(carriedOverOverdue)
    c.withdrawn = Int(withdrawn)
    c.apologies = Int(apologies)
    c.apologiesOnTime = Int(apologiesOnTime)
    c.supplementRequests = Int(supplementRequests)
    c.digitised = Int(digitised)
    c.returned = Int(returned)
    return c
  }
}
