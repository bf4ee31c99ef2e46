import DESKernel

/// One dossier (or, before acceptance, one citizen's attempt to file one), stored by
/// value in `DossierStore` and addressed by index.
struct Dossier {
  enum Phase: UInt8 {
    /// Not yet accepted: at a desk, in the post, or in the online check.
    case intake
    /// Accepted, between front office and back office, or being processed.
    case processing
    /// Waiting for the citizen's supplement (clock paused, restarted or running).
    case supplement
    /// Result at the front office, waiting to be returned.
    case resolved
    /// Withdrawn while the citizen holds a ticket: leaves the model when the desk is done.
    case leaving
  }

  /// Serial number in the replication (never reused), for the trace.
  var serial: UInt32 = 0
  var procedure: Int32 = 0
  var unit: Int32 = 0
  var channelIn: ChannelIn = .walkIn
  var channelOut: ChannelOut = .pickup
  var phase: Phase = .intake
  var step: Int16 = 0
  var visits: UInt16 = 0
  var wastedVisits: UInt16 = 0
  var supplements: UInt8 = 0
  var carriedOver = false
  var apologised = false
  /// In a step's lead time or fixed legal wait (not queued, not worked), until `delayUntil`.
  var inDelay = false
  /// Counted in the period's statistics (accepted or carried over after the warm-up).
  var counted = false
  /// Bumped when pending deadline watches and supplement answers become stale.
  var generation: UInt32 = 0
  /// Bumped when a planned visit is replaced: a citizen has at most one visit planned.
  var visitGeneration: UInt32 = 0
  /// The citizen holds a ticket (waiting or at a desk): no other visit can be planned
  /// until the desk is done; a visit asked for meanwhile is deferred to this day.
  var atDesk = false
  var deferredVisitDay: Int32 = -1
  var alive = true
  var firstSeen: Double = 0
  var receivedAt: Double = -1
  var receiptDay: Int32 = 0
  var dueDay: Int32 = 0
  /// On time when resolved at or before this instant.
  var dueAt: Double = 0
  /// Working days used before a supplement pause.
  var usedDays: Int32 = 0
  /// Pick-up appointment day (the due day, or the apology's new date).
  var appointmentDay: Int32 = 0
  var resolvedAt: Double = -1
  /// When it joined its current queue.
  var queuedAt: Double = 0
  /// End of the current lead time or legal wait.
  var delayUntil: Double = 0
  /// Last online submission (for `OnlineReceipt.submission`).
  var submittedAt: Double = 0
}

/// Dossiers in one contiguous array with a free list: memory follows the number of open
/// dossiers, not the number simulated.
struct DossierStore {
  private(set) var items: ContiguousArray<Dossier> = []
  private var free: [Int32] = []
  private(set) var live = 0

  mutating func allocate(_ d: Dossier) -> Int32 {
    live += 1
    if let i = free.popLast() {
      // Generations carry over a reused slot, so events stamped for the slot's previous
      // dossier stay stale.
      var d = d
      d.generation = items[Int(i)].generation &+ 1
      d.visitGeneration = items[Int(i)].visitGeneration &+ 1
      items[Int(i)] = d
      return i
    }
    items.append(d)
    return Int32(items.count - 1)
  }

  mutating func release(_ i: Int32) {
    live -= 1
    items[Int(i)].generation &+= 1
    items[Int(i)].visitGeneration &+= 1
    items[Int(i)].alive = false
    free.append(i)
  }

  subscript(i: Int32) -> Dossier {
    get { items[Int(i)] }
    _modify { yield &items[Int(i)] }
  }

  /// Indices of live dossiers.
  var liveIndices: [Int32] {
    let freed = Set(free)
    return (0..<Int32(items.count)).filter { !freed.contains($0) }
  }
}
