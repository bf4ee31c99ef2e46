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
  /// The receiving unit: its desks, its online intake, its books for receipts.
  var unit: Int32 = 0
  /// Boundary-free filing (Decree 118/2025): the unit whose route decides the dossier
  /// (the citizen's home unit, or the receiving one), and the unit its outcome is
  /// charged to (`rules.charged_to`). Both are `unit` for a dossier filed at home.
  var decidingUnit: Int32 = 0
  var chargedUnit: Int32 = 0
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
  /// Digitised at intake (R24): counted with its acceptance.
  var digitised = false
  /// Bumped when pending deadline watches and supplement answers become stale.
  var generation: UInt32 = 0
  /// Bumped when a planned visit is replaced: a citizen has at most one visit planned.
  var visitGeneration: UInt32 = 0
  /// Bumped when the citizen's ticket leaves the line (called, sent home, left): a
  /// pending end of patience for an older ticket is stale.
  var ticketStamp: UInt32 = 0
  /// The citizen holds a ticket (waiting or at a desk): no other visit can be planned
  /// until the desk is done; a visit asked for meanwhile is deferred to this day.
  var atDesk = false
  var deferredVisitDay: Int32 = -1
  /// The next dossier served in the same call (a proxy's or a household's visit), or
  /// -1; and the desk's decision for this one when it rides along (`DeskAccess`).
  var nextInVisit: Int32 = -1
  var companionOutcome: Ticket.Outcome = .none
  /// This visit's ticket was taken from home: the holder is in the hall from `presentAt`.
  var remote = false
  var presentAt: Double = 0
  /// The appointment slot booked and not yet settled (`SlotBook`), or -1; while it is,
  /// `presentAt` is when the holder comes (infinity: never).
  var booking: Int32 = -1
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
  /// The service index's due instant (Decision 766, indicator 2.1): the due instant at
  /// acceptance, moved by excluded waits and by the citizen's supplement time (pause).
  var indexDueAt: Double = 0
  /// When the last supplement was requested.
  var supplementAt: Double = 0
  /// An online dossier accepted after the index's reception deadline (8 working hours).
  var lateReception = false
}

/// Every dossier of a replication, addressed by index, with a free list: memory follows
/// the number of open dossiers, not the number simulated.
///
/// The dossiers live in one buffer the store grows by doubling, written in place through
/// a pointer: handlers update a dossier field by field several times per event, and an
/// `Array` asked the runtime for a copy-on-write check at every one of those writes
/// (with `StateArray`, the reason a province-year lost about 4 % of its instructions).
/// Copies of a store share its dossiers (see `StateArray`) and must not outlive a growth
/// of the original: the simulation keeps one and lends it read-only.
struct DossierStore {
  /// Owns the buffer; frees it with the last copy of the store.
  private final class Storage {
    var base: UnsafeMutablePointer<Dossier>
    var capacity: Int
    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }
    deinit { base.deallocate() }  // `Dossier` is plain data: nothing to deinitialise
  }

  private let storage = Storage(capacity: 1024)
  private var base: UnsafeMutablePointer<Dossier>
  /// Slots used so far (live or freed).
  private(set) var count = 0
  private var free: [Int32] = []
  private(set) var live = 0
  /// Dossiers created so far: the next serial number (trace records name dossiers by it).
  private var serials: UInt32 = 0

  init() {
    precondition(
      _isPOD(Dossier.self), "DossierStore frees its buffer without deinitialising: Dossier must stay plain data")
    base = storage.base
  }

  mutating func allocate(_ d: Dossier) -> Int32 {
    live += 1
    if let i = free.popLast() {
      // Generations carry over a reused slot, so events stamped for the slot's previous
      // dossier stay stale.
      var d = d
      d.generation = base[Int(i)].generation &+ 1
      d.visitGeneration = base[Int(i)].visitGeneration &+ 1
      d.ticketStamp = base[Int(i)].ticketStamp &+ 1
      base[Int(i)] = d
      return i
    }
    if count == storage.capacity { grow() }
    (base + count).initialize(to: d)
    count += 1
    return Int32(count - 1)
  }

  private mutating func grow() {
    let bigger = UnsafeMutablePointer<Dossier>.allocate(capacity: storage.capacity * 2)
    bigger.moveInitialize(from: storage.base, count: count)
    storage.base.deallocate()
    storage.base = bigger
    storage.capacity *= 2
    base = bigger
  }

  /// A new serial number, in creation order.
  mutating func takeSerial() -> UInt32 {
    defer { serials &+= 1 }
    return serials
  }

  mutating func release(_ i: Int32) {
    live -= 1
    self[i].generation &+= 1
    self[i].visitGeneration &+= 1
    self[i].ticketStamp &+= 1
    self[i].alive = false
    free.append(i)
  }

  /// Dossier `i`, read or written in place.
  subscript(i: Int32) -> Dossier {
    @inline(__always) unsafeAddress {
      precondition(UInt32(bitPattern: i) < UInt32(count), "dossier index \(i) out of range 0..<\(count)")
      return UnsafePointer(base + Int(i))
    }
    @inline(__always) mutating unsafeMutableAddress {
      precondition(UInt32(bitPattern: i) < UInt32(count), "dossier index \(i) out of range 0..<\(count)")
      return base + Int(i)
    }
  }

  var liveIndices: [Int32] {
    let freed = Set(free)
    return (0..<Int32(count)).filter { !freed.contains($0) }
  }
}
