import DESKernel

/// One dossier (or, before acceptance, one citizen's attempt to file one), stored by
/// value in `DossierStore` and addressed by index.
///
/// Laid out for the cache: 128 bytes, two cache lines of a 64-byte aligned store, fields
/// ordered by size so that nothing is padding. The first line holds what nearly every
/// event reads or writes (the route, the generations, the due instant, the flags, the
/// desk links); the second what a dossier's acceptance, supplements, resolution and
/// trace read. What only desk access and the online check use lives apart
/// (`DossierStore.Cold`). `MemoryLayout` tests hold these sizes.
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

  // MARK: First cache line

  var firstSeen: Double = 0
  /// On time when resolved at or before this instant.
  var dueAt: Double = 0
  /// End of the current lead time or legal wait.
  var delayUntil: Double = 0
  var procedure: Int32 = 0
  /// The receiving unit: its desks, its online intake, its books for receipts.
  var unit: Int32 = 0
  /// Boundary-free filing (Decree 118/2025): the unit whose route decides the dossier
  /// (the citizen's home unit, or the receiving one). `unit` for a dossier filed at home.
  var decidingUnit: Int32 = 0
  /// Bumped when pending deadline watches and supplement answers become stale.
  var generation: UInt32 = 0
  /// Bumped when a planned visit is replaced: a citizen has at most one visit planned.
  var visitGeneration: UInt32 = 0
  /// Bumped when the citizen's ticket leaves the line (called, sent home, left): a
  /// pending end of patience for an older ticket is stale.
  var ticketStamp: UInt32 = 0
  /// The next dossier served in the same call (a proxy's or a household's visit), or -1.
  var nextInVisit: Int32 = -1
  /// The day a visit asked for while the citizen held a ticket is deferred to, or -1.
  var deferredVisitDay: Int32 = -1
  var step: Int16 = 0
  /// The flags below (`Flag`), one bit each.
  private var flags: UInt16 = Flag.alive
  var channelIn: ChannelIn = .walkIn
  var channelOut: ChannelOut = .pickup
  var phase: Phase = .intake
  var supplements: UInt8 = 0

  // MARK: Second cache line

  var receivedAt: Double = -1
  /// The service index's due instant (Decision 766, indicator 2.1): the due instant at
  /// acceptance, moved by excluded waits and by the citizen's supplement time (pause).
  var indexDueAt: Double = 0
  /// When the last supplement was requested.
  var supplementAt: Double = 0
  /// Serial number in the replication (never reused), for the trace.
  var serial: UInt32 = 0
  /// The unit the dossier's outcome is charged to (`rules.charged_to`): `unit` at home.
  var chargedUnit: Int32 = 0
  var receiptDay: Int32 = 0
  var dueDay: Int32 = 0
  /// Working days used before a supplement pause.
  var usedDays: Int32 = 0
  /// Pick-up appointment day (the due day, or the apology's new date).
  var appointmentDay: Int32 = 0
  /// The appointment slot booked and not yet settled (`SlotBook`), or -1; while it is,
  /// `DossierStore.Cold.presentAt` is when the holder comes (infinity: never).
  var booking: Int32 = -1
  var visits: UInt16 = 0
  var wastedVisits: UInt16 = 0
  /// The desk's decision for this dossier when it rides along in another's call (`DeskAccess`).
  var companionOutcome: Ticket.Outcome = .none

  // MARK: Flags

  private enum Flag {
    static let carriedOver: UInt16 = 1 << 0
    static let apologised: UInt16 = 1 << 1
    static let inDelay: UInt16 = 1 << 2
    static let counted: UInt16 = 1 << 3
    static let digitised: UInt16 = 1 << 4
    static let atDesk: UInt16 = 1 << 5
    static let remote: UInt16 = 1 << 6
    static let alive: UInt16 = 1 << 7
    static let lateReception: UInt16 = 1 << 8
  }

  @inline(__always)
  private func has(_ f: UInt16) -> Bool { flags & f != 0 }
  @inline(__always)
  private mutating func setFlag(_ f: UInt16, _ on: Bool) { flags = on ? flags | f : flags & ~f }

  var carriedOver: Bool {
    @inline(__always) get { has(Flag.carriedOver) }
    @inline(__always) set { setFlag(Flag.carriedOver, newValue) }
  }
  var apologised: Bool {
    @inline(__always) get { has(Flag.apologised) }
    @inline(__always) set { setFlag(Flag.apologised, newValue) }
  }
  /// In a step's lead time or fixed legal wait (not queued, not worked), until `delayUntil`.
  var inDelay: Bool {
    @inline(__always) get { has(Flag.inDelay) }
    @inline(__always) set { setFlag(Flag.inDelay, newValue) }
  }
  /// Counted in the period's statistics (accepted or carried over after the warm-up).
  var counted: Bool {
    @inline(__always) get { has(Flag.counted) }
    @inline(__always) set { setFlag(Flag.counted, newValue) }
  }
  /// Digitised at intake (R24): counted with its acceptance.
  var digitised: Bool {
    @inline(__always) get { has(Flag.digitised) }
    @inline(__always) set { setFlag(Flag.digitised, newValue) }
  }
  /// The citizen holds a ticket (waiting or at a desk): no other visit can be planned
  /// until the desk is done; a visit asked for meanwhile is deferred (`deferredVisitDay`).
  var atDesk: Bool {
    @inline(__always) get { has(Flag.atDesk) }
    @inline(__always) set { setFlag(Flag.atDesk, newValue) }
  }
  /// This visit's ticket was taken from home: the holder is in the hall from
  /// `DossierStore.Cold.presentAt`.
  var remote: Bool {
    @inline(__always) get { has(Flag.remote) }
    @inline(__always) set { setFlag(Flag.remote, newValue) }
  }
  var alive: Bool {
    @inline(__always) get { has(Flag.alive) }
    @inline(__always) set { setFlag(Flag.alive, newValue) }
  }
  /// An online dossier accepted after the index's reception deadline (8 working hours).
  var lateReception: Bool {
    @inline(__always) get { has(Flag.lateReception) }
    @inline(__always) set { setFlag(Flag.lateReception, newValue) }
  }
}

/// Every dossier of a replication, addressed by index, with a free list: memory follows
/// the number of open dossiers, not the number simulated.
///
/// The dossiers live in one buffer the store grows by doubling, written in place through
/// a pointer: handlers update a dossier field by field several times per event, and an
/// `Array` asked the runtime for a copy-on-write check at every one of those writes
/// (with `StateArray`, the reason a province-year lost about 4 % of its instructions).
/// The buffer is aligned to a cache line, so a 128-byte record spans exactly two.
/// Copies of a store share its dossiers (see `StateArray`) and must not outlive a growth
/// of the original: the simulation keeps one and lends it read-only.
struct DossierStore {
  /// The fields only desk access, appointments and the online check use, kept beside the
  /// records (`self[cold: i]`) so that the records stay two cache lines.
  struct Cold {
    /// When a remote ticket's or a booking's holder is in the hall (infinity: never).
    var presentAt: Double = 0
    /// Last online submission (for `OnlineReceipt.submission`).
    var submittedAt: Double = 0
  }

  /// Owns the buffers; frees them with the last copy of the store.
  private final class Storage {
    var base: UnsafeMutablePointer<Dossier>
    var cold: UnsafeMutablePointer<Cold>
    var capacity: Int
    init(capacity: Int) {
      self.capacity = capacity
      base = Storage.records(capacity)
      cold = .allocate(capacity: capacity)
    }
    /// Room for `n` records, aligned to a cache line.
    static func records(_ n: Int) -> UnsafeMutablePointer<Dossier> {
      UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Dossier>.stride, alignment: 64)
        .bindMemory(to: Dossier.self, capacity: n)
    }
    deinit {  // `Dossier` and `Cold` are plain data: nothing to deinitialise
      UnsafeMutableRawPointer(base).deallocate()
      cold.deallocate()
    }
  }

  private let storage = Storage(capacity: 1024)
  private var base: UnsafeMutablePointer<Dossier>
  private var cold: UnsafeMutablePointer<Cold>
  /// Slots used so far (live or freed).
  private(set) var count = 0
  private var free: [Int32] = []
  private(set) var live = 0
  /// Dossiers created so far: the next serial number (trace records name dossiers by it).
  private var serials: UInt32 = 0

  init() {
    precondition(
      _isPOD(Dossier.self) && _isPOD(Cold.self),
      "DossierStore frees its buffers without deinitialising: Dossier must stay plain data")
    base = storage.base
    cold = storage.cold
  }

  /// A new dossier with every field at its default, written in place (no record is
  /// built elsewhere and copied in).
  @inline(__always)
  mutating func allocate() -> Int32 {
    live += 1
    if let i = free.popLast() {
      // The next arrival takes the slot freed before this one: start loading it now.
      if let next = free.last { prefetch(next) }
      reuse(i, Dossier())
      return i
    }
    if count == storage.capacity { grow() }
    (base + count).initialize(to: Dossier())
    (cold + count).initialize(to: Cold())
    count += 1
    return Int32(count - 1)
  }

  /// A new dossier holding `d` (with its generations, or a reused slot's).
  mutating func allocate(_ d: Dossier) -> Int32 {
    live += 1
    if let i = free.popLast() {
      if let next = free.last { prefetch(next) }
      reuse(i, d)
      return i
    }
    if count == storage.capacity { grow() }
    (base + count).initialize(to: d)
    (cold + count).initialize(to: Cold())
    count += 1
    return Int32(count - 1)
  }

  /// Puts `d` in freed slot `i`. Generations carry over a reused slot, so events
  /// stamped for the slot's previous dossier stay stale.
  @inline(__always)
  private mutating func reuse(_ i: Int32, _ d: Dossier) {
    let p = base + Int(i)
    let (g, v, t) = (p.pointee.generation, p.pointee.visitGeneration, p.pointee.ticketStamp)
    p.pointee = d
    p.pointee.generation = g &+ 1
    p.pointee.visitGeneration = v &+ 1
    p.pointee.ticketStamp = t &+ 1
    cold[Int(i)] = Cold()
  }

  @inline(never)
  private mutating func grow() {
    let bigger = Storage.records(storage.capacity * 2)
    bigger.moveInitialize(from: storage.base, count: count)
    UnsafeMutableRawPointer(storage.base).deallocate()
    let colder = UnsafeMutablePointer<Cold>.allocate(capacity: storage.capacity * 2)
    colder.moveInitialize(from: storage.cold, count: count)
    storage.cold.deallocate()
    storage.base = bigger
    storage.cold = colder
    storage.capacity *= 2
    base = bigger
    cold = colder
  }

  /// Starts loading dossier `i`'s record (its first cache line, the fields nearly every
  /// event reads) for an event to come
  /// (`DESKernel.prefetch`); `i` out of range is ignored.
  @inline(__always)
  func prefetch(_ i: Int32) {
    guard UInt32(bitPattern: i) < UInt32(count) else { return }
    DESKernel.prefetch(UnsafeRawPointer(base + Int(i)))
  }

  /// Starts loading dossier `i`'s fields apart (`Cold`).
  @inline(__always)
  func prefetch(cold i: Int32) {
    guard UInt32(bitPattern: i) < UInt32(count) else { return }
    DESKernel.prefetch(UnsafeRawPointer(cold + Int(i)))
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

  /// Dossier `i`'s fields apart (`Cold`), read or written in place.
  subscript(cold i: Int32) -> Cold {
    @inline(__always) unsafeAddress {
      precondition(UInt32(bitPattern: i) < UInt32(count), "dossier index \(i) out of range 0..<\(count)")
      return UnsafePointer(cold + Int(i))
    }
    @inline(__always) mutating unsafeMutableAddress {
      precondition(UInt32(bitPattern: i) < UInt32(count), "dossier index \(i) out of range 0..<\(count)")
      return cold + Int(i)
    }
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

  /// The slots holding a dossier, in index order: those not freed (`release` clears
  /// `alive`, `allocate` sets it), read from the records, with no set of the free list.
  var liveIndices: [Int32] {
    var live: [Int32] = []
    live.reserveCapacity(self.live)
    for i in 0..<count where base[i].alive { live.append(Int32(i)) }
    return live
  }
}
