/// What happens to a customer in service when their server goes off shift.
public enum OffShiftRule: String, Sendable, CaseIterable {
  /// The server finishes the service, then leaves; the time past the shift end is
  /// recorded as overtime. The default: a desk officer does not walk away mid-dossier.
  case finishService = "finish"
  /// The service is interrupted and the customer goes back to the front of their queue;
  /// the service later restarts from the beginning on another server.
  case returnToQueue = "requeue"
}

/// A station of `servers` identical servers with FIFO queues in priority classes and a
/// capacity that changes over time (shifts, lunch breaks, closed days).
///
/// The pool is passive: it never schedules events. The model tells it what happened
/// (`arrive`, `complete`, `setCapacity`) and starts a service whenever the pool answers
/// with a `Start`. This keeps the pool free of any event type and usable by any model.
///
/// Servers `0 ..< capacity` are on shift. When capacity drops below the number of busy
/// servers, `OffShiftRule` decides what happens to the customers being served. Busy
/// servers are kept in a bit set, so finding a free one is a few word operations even
/// for a pool of hundreds of officers.
public struct ServerPool<Element> {
  /// A service that starts now on `server`.
  public struct Start {
    /// Index of the server, 0 ..< `servers`.
    public let server: Int
    /// Who is served.
    public let element: Element
    /// How long they waited in the queue (0 when served on arrival).
    public let waited: SimTime
    /// Their priority class.
    public let priorityClass: Int

    @usableFromInline
    init(server: Int, element: Element, waited: SimTime, priorityClass: Int) {
      self.server = server
      self.element = element
      self.waited = waited
      self.priorityClass = priorityClass
    }
  }

  /// A service cut short by a capacity drop under `.returnToQueue`.
  public struct Interruption {
    /// The server that went off shift.
    public let server: Int
    /// Who was being served; they are back at the front of their queue.
    public let element: Element
    /// The token attached with `attach(_:to:)`, to cancel the completion event.
    public let token: EventToken?
  }

  @usableFromInline struct Waiting {
    @usableFromInline let element: Element
    @usableFromInline let since: SimTime
    @usableFromInline init(element: Element, since: SimTime) {
      self.element = element
      self.since = since
    }
  }

  @usableFromInline struct Serving {
    @usableFromInline var element: Element
    @usableFromInline var priorityClass: Int
    @usableFromInline var token: EventToken?
    /// Its order key, kept to put it back in line after an interruption.
    @usableFromInline var key: Double

    @usableFromInline
    init(element: Element, priorityClass: Int, token: EventToken?, key: Double) {
      self.element = element
      self.priorityClass = priorityClass
      self.token = token
      self.key = key
    }
  }

  /// Total number of servers (the largest capacity the pool can take).
  public let servers: Int
  /// Servers currently on shift: indices 0 ..< capacity.
  public var capacity: Int { _capacity }
  @usableFromInline var _capacity: Int
  /// What happens to a service in progress when its server goes off shift.
  public let offShiftRule: OffShiftRule
  /// Servers currently serving, on shift or in overtime.
  public var busyCount: Int { _busyCount }
  @usableFromInline var _busyCount: Int = 0
  /// Customers waiting, all classes.
  public var queuedCount: Int { _queuedCount }
  @usableFromInline var _queuedCount: Int = 0

  // Busy flags: servers 0-63 in one inline word (no array access in the common case),
  // the rest in `busyBitsRest`.
  @usableFromInline var busyWord0: UInt64 = 0
  @usableFromInline var busyBitsRest: ContiguousArray<UInt64>
  @usableFromInline var serving: ContiguousArray<Serving?>
  // Class 0 inline, the other classes (rare) in an array at index class − 1.
  @usableFromInline var queue0: WaitingLine<Waiting>
  @usableFromInline var otherQueues: ContiguousArray<WaitingLine<Waiting>>
  @usableFromInline var overtimeCount = 0
  @usableFromInline var interrupted: [Interruption] = []

  /// Number of busy servers over time (utilisation = its integral over `onShift`'s).
  public var busy: TimeWeighted { _busy }
  @usableFromInline var _busy: TimeWeighted
  /// Capacity (servers on shift) over time.
  public var onShift: TimeWeighted { _onShift }
  @usableFromInline var _onShift: TimeWeighted
  /// Busy servers beyond capacity over time: the overtime of `.finishService`.
  public var overtime: TimeWeighted { _overtime }
  @usableFromInline var _overtime: TimeWeighted
  /// Queue length over time.
  public var queueLength: TimeWeighted { _queueLength }
  @usableFromInline var _queueLength: TimeWeighted
  /// Waiting time of every service start.
  public var waits: Tally { _waits }
  @usableFromInline var _waits: Tally = Tally()
  /// Service starts that did not wait at all.
  public var startsWithoutWait: Int { _startsWithoutWait }
  @usableFromInline var _startsWithoutWait: Int = 0

  /// A pool of `servers` servers, `initialCapacity` of them on shift at `start`, with
  /// `priorityClasses` waiting lines (class 0 is served first), each in `order`.
  public init(
    servers: Int, initialCapacity: Int? = nil, priorityClasses: Int = 1,
    offShiftRule: OffShiftRule = .finishService, order: WaitingOrder = .fifo, start: SimTime = 0
  ) {
    precondition(servers >= 1, "a server pool needs at least one server, got \(servers)")
    precondition(priorityClasses >= 1, "a server pool needs at least one priority class")
    let cap = initialCapacity ?? servers
    precondition(cap >= 0 && cap <= servers, "capacity \(cap) outside 0...\(servers)")
    self.servers = servers
    self._capacity = cap
    self.offShiftRule = offShiftRule
    busyBitsRest = ContiguousArray(repeating: 0, count: Swift.max(0, (servers + 63) / 64 - 1))
    serving = ContiguousArray(repeating: nil, count: servers)
    queue0 = WaitingLine(order)
    otherQueues = ContiguousArray((1..<priorityClasses).map { _ in WaitingLine<Waiting>(order) })
    _busy = TimeWeighted(start: start)
    _onShift = TimeWeighted(start: start, value: Double(cap))
    _overtime = TimeWeighted(start: start)
    _queueLength = TimeWeighted(start: start)
  }

  /// Offers `element` at `now`: it starts service at once on a free on-shift server, or
  /// joins queue `priorityClass` (at the back, or by `due` under `.earliestDue`) and
  /// `nil` is returned.
  /// - Complexity: O(servers / 64)
  @inlinable
  public mutating func arrive(_ element: Element, priorityClass: Int = 0, due: Double = 0, at now: SimTime) -> Start? {
    if let server = firstIdleOnShift() {
      _startsWithoutWait &+= 1
      _waits.add(0)
      occupy(server, with: element, priorityClass: priorityClass, key: due, at: now)
      return Start(server: server, element: element, waited: 0, priorityClass: priorityClass)
    }
    if priorityClass == 0 {
      queue0.push(Waiting(element: element, since: now), key: due)
    } else {
      otherQueues[priorityClass - 1].push(Waiting(element: element, since: now), key: due)
    }
    _queuedCount &+= 1
    _queueLength.set(Double(queuedCount), at: now)
    return nil
  }

  /// Records that `server` finished at `now` and returns whom it served, and, if the
  /// server is still on shift and someone waits, the service that starts on it now.
  /// - Complexity: O(priority classes)
  @inlinable
  public mutating func complete(server: Int, at now: SimTime) -> (finished: Element, next: Start?) {
    guard let finished = serving[server]?.element else {
      preconditionFailure("complete(server: \(server)): that server is idle")
    }
    release(server, at: now)
    guard server < _capacity else { return (finished, nil) }
    return (finished, startNext(on: server, at: now))
  }

  /// Attaches the token of the event that will end `server`'s current service, so an
  /// interruption can hand it back for cancellation.
  @inlinable
  public mutating func attach(_ token: EventToken, to server: Int) {
    serving[server]?.token = token
  }

  /// Whom `server` is serving, if anyone.
  @inlinable
  public func element(on server: Int) -> Element? { serving[server]?.element }

  /// Changes the number of servers on shift at `now`.
  ///
  /// Raising capacity does not start anyone by itself: call `nextStart(at:)` until it
  /// returns `nil`. Lowering it applies `offShiftRule` to the servers that leave; under
  /// `.returnToQueue`, drain the cut services with `popInterruption()` and cancel their
  /// completion events.
  public mutating func setCapacity(_ newCapacity: Int, at now: SimTime) {
    precondition(newCapacity >= 0 && newCapacity <= servers, "capacity \(newCapacity) outside 0...\(servers)")
    _capacity = newCapacity
    _onShift.set(Double(newCapacity), at: now)
    if offShiftRule == .returnToQueue {
      // Highest index first, so that prepending leaves the earliest-started in front.
      for server in stride(from: servers - 1, through: newCapacity, by: -1) {
        guard let s = serving[server] else { continue }
        release(server, at: now)
        interrupted.append(Interruption(server: server, element: s.element, token: s.token))
        let w = Waiting(element: s.element, since: now)
        if s.priorityClass == 0 {
          queue0.pushFront(w, key: s.key)
        } else {
          otherQueues[s.priorityClass - 1].pushFront(w, key: s.key)
        }
        _queuedCount += 1
      }
      _queueLength.set(Double(queuedCount), at: now)
    }
    recountOvertime(at: now)
  }

  /// Starts the next waiting customer on a free on-shift server, if both exist.
  @inlinable
  public mutating func nextStart(at now: SimTime) -> Start? {
    guard queuedCount > 0, let server = firstIdleOnShift() else { return nil }
    return startNext(on: server, at: now)
  }

  /// The next service cut by the last `setCapacity` under `.returnToQueue`.
  public mutating func popInterruption() -> Interruption? {
    interrupted.isEmpty ? nil : interrupted.removeFirst()
  }

  /// Number waiting in `priorityClass`.
  public func queued(inClass priorityClass: Int) -> Int {
    priorityClass == 0 ? queue0.count : otherQueues[priorityClass - 1].count
  }

  /// Removes the `position`-th waiting element of `priorityClass` (reneging, withdrawal).
  public mutating func removeWaiting(inClass priorityClass: Int, at position: Int, now: SimTime) -> Element {
    let w = priorityClass == 0
      ? queue0.remove(at: position) : otherQueues[priorityClass - 1].remove(at: position)
    _queuedCount -= 1
    _queueLength.set(Double(queuedCount), at: now)
    return w.element
  }

  /// Empties every queue at `now` (e.g. sending waiting people home at closing) and
  /// returns whom it removed, highest class first, FIFO within a class.
  public mutating func removeAllWaiting(at now: SimTime) -> [Element] {
    var removed: [Element] = []
    while let w = queue0.popFirst() { removed.append(w.element) }
    for c in otherQueues.indices {
      while let w = otherQueues[c].popFirst() { removed.append(w.element) }
    }
    _queuedCount = 0
    _queueLength.set(0, at: now)
    return removed
  }

  /// Forgets statistics before `now` (end of a warm-up); the state is kept.
  public mutating func resetStatistics(at now: SimTime) {
    _busy.reset(at: now)
    _onShift.reset(at: now)
    _overtime.reset(at: now)
    _queueLength.reset(at: now)
    _waits = Tally()
    _startsWithoutWait = 0
  }

  /// Busy time within shifts over on-shift time, up to `now` (0 when no one was on shift).
  public func utilisation(upTo now: SimTime) -> Double {
    let capacityTime = onShift.integral(upTo: now)
    guard capacityTime > 0 else { return 0 }
    return (busy.integral(upTo: now) - overtime.integral(upTo: now)) / capacityTime
  }

  // MARK: - Internals

  @inlinable @inline(__always)
  func firstIdleOnShift() -> Int? {
    var word = 0
    var base = 0
    while base < capacity {
      var free = ~(word == 0 ? busyWord0 : busyBitsRest[word - 1])
      let remaining = capacity - base
      if remaining < 64 { free &= (UInt64(1) << UInt64(remaining)) &- 1 }
      if free != 0 { return base + free.trailingZeroBitCount }
      word &+= 1
      base &+= 64
    }
    return nil
  }

  @inlinable @inline(__always)
  mutating func occupy(_ server: Int, with element: Element, priorityClass: Int, key: Double = 0, at now: SimTime) {
    if server < 64 {
      busyWord0 |= UInt64(1) << UInt64(server)
    } else {
      busyBitsRest[(server >> 6) - 1] |= UInt64(1) << UInt64(server & 63)
    }
    serving[server] = Serving(element: element, priorityClass: priorityClass, token: nil, key: key)
    _busyCount &+= 1
    _busy.set(Double(busyCount), at: now)
  }

  @inlinable @inline(__always)
  mutating func release(_ server: Int, at now: SimTime) {
    if server < 64 {
      busyWord0 &= ~(UInt64(1) << UInt64(server))
    } else {
      busyBitsRest[(server >> 6) - 1] &= ~(UInt64(1) << UInt64(server & 63))
    }
    serving[server] = nil
    _busyCount &-= 1
    _busy.set(Double(busyCount), at: now)
    if server >= capacity {
      overtimeCount &-= 1
      _overtime.set(Double(overtimeCount), at: now)
    }
  }

  @inlinable @inline(__always)
  mutating func startNext(on server: Int, at now: SimTime) -> Start? {
    if let w = queue0.popFirstKeyed() { return begin(w.element, key: w.key, priorityClass: 0, on: server, at: now) }
    for c in otherQueues.indices where !otherQueues[c].isEmpty {
      let w = otherQueues[c].popFirstKeyed().unsafelyUnwrapped
      return begin(w.element, key: w.key, priorityClass: c + 1, on: server, at: now)
    }
    return nil
  }

  @inlinable @inline(__always)
  mutating func begin(_ w: Waiting, key: Double, priorityClass: Int, on server: Int, at now: SimTime) -> Start {
    _queuedCount &-= 1
    _queueLength.set(Double(_queuedCount), at: now)
    let waited = now - w.since
    _waits.add(waited)
    if waited == 0 { _startsWithoutWait &+= 1 }
    occupy(server, with: w.element, priorityClass: priorityClass, key: key, at: now)
    return Start(server: server, element: w.element, waited: waited, priorityClass: priorityClass)
  }

  mutating func recountOvertime(at now: SimTime) {
    var n = 0
    for server in capacity..<servers where serving[server] != nil { n += 1 }
    overtimeCount = n
    _overtime.set(Double(n), at: now)
  }
}
