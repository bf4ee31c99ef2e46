// Everything here is `@inlinable`, rare calls included: an unspecialised generic call
// looks up type metadata at run time (a daily `setCapacity` per back office cost the
// province-year 130 M instructions that way).
extension ServerSet {
  /// Changes the number of servers that may serve at once, at `now`.
  ///
  /// Raising capacity does not start anyone by itself: call `nextStart(at:)` until it
  /// returns `nil`. Lowering it below the busy servers applies `offShiftRule`: under
  /// `.finishService` the services go on and count as overtime; under `.returnToQueue`
  /// the services beyond capacity are cut (highest server first) and their customers go
  /// back to the front of their line: drain them with `popInterruption()`.
  @inlinable
  public mutating func setCapacity(_ newCapacity: Int, at now: SimTime) {
    precondition(newCapacity >= 0 && newCapacity <= servers, "capacity \(newCapacity) outside 0...\(servers)")
    _capacity = newCapacity
    _onShift.set(Double(newCapacity), at: now)
    if offShiftRule == .returnToQueue && _busyCount > newCapacity {
      // Highest index first, so that prepending leaves the earliest-cut in front.
      var server = servers - 1
      while _busyCount > newCapacity {
        if let s = serving[server] {
          release(server, at: now)
          interrupted.append(Interruption(server: server, element: s.element))
          let w = Waiting(element: s.element, since: now)
          if s.priorityClass == 0 {
            queue0.pushFront(w, key: s.key)
          } else {
            otherQueues[s.priorityClass - 1].pushFront(w, key: s.key)
          }
          _queuedCount += 1
        }
        server -= 1
      }
      _queueLength.set(Double(_queuedCount), at: now)
    }
    _overtime.set(Double(Swift.max(0, _busyCount - _capacity)), at: now)
  }

  /// The next service cut by the last `setCapacity` under `.returnToQueue`.
  @inlinable
  public mutating func popInterruption() -> Interruption? {
    interrupted.isEmpty ? nil : interrupted.removeFirst()
  }

  /// Number waiting in `priorityClass`.
  @inlinable
  public func queued(inClass priorityClass: Int) -> Int {
    priorityClass == 0 ? queue0.count : otherQueues[priorityClass - 1].count
  }

  /// Removes the `position`-th waiting element of `priorityClass` (reneging, withdrawal).
  @inlinable
  public mutating func removeWaiting(inClass priorityClass: Int, at position: Int, now: SimTime) -> Element {
    let w =
      priorityClass == 0
      ? queue0.remove(at: position) : otherQueues[priorityClass - 1].remove(at: position)
    _queuedCount -= 1
    _queueLength.set(Double(_queuedCount), at: now)
    return w.element
  }

  /// Empties every line at `now` (e.g. sending waiting people home at closing) and
  /// returns whom it removed, class 0 first, in serving order within a class.
  @inlinable
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
  @inlinable
  public mutating func resetStatistics(at now: SimTime) {
    _busy.reset(at: now)
    _onShift.reset(at: now)
    _overtime.reset(at: now)
    _queueLength.reset(at: now)
    _waits = Tally()
    _startsWithoutWait = 0
    _completed = 0
  }

  /// Busy time within capacity over capacity time, up to `now` (0 when capacity was
  /// always 0).
  @inlinable
  public func utilisation(upTo now: SimTime) -> Double {
    let capacityTime = onShift.integral(upTo: now)
    guard capacityTime > 0 else { return 0 }
    return (busy.integral(upTo: now) - overtime.integral(upTo: now)) / capacityTime
  }

  // MARK: - Internals

  /// The lowest idle server; there must be one (`busyCount < servers`).
  @inlinable @inline(__always)
  func firstIdle() -> Int {
    let free0 = ~busyWord0
    if free0 != 0 { return free0.trailingZeroBitCount }  // beyond `servers` only when all are busy
    var word = 0
    while true {
      let free = ~busyBitsRest[word]
      if free != 0 { return 64 &* (word &+ 1) &+ free.trailingZeroBitCount }
      word &+= 1
    }
  }

  @inlinable @inline(__always)
  mutating func occupy(
    _ server: Int, with element: Element, priorityClass: Int, key: Double, waited: SimTime, at now: SimTime
  ) -> Start {
    if server < 64 {
      busyWord0 |= UInt64(1) << UInt64(server)
    } else {
      busyBitsRest[(server >> 6) - 1] |= UInt64(1) << UInt64(server & 63)
    }
    let stamp = nextStamp
    nextStamp &+= 1
    serving[server] = Serving(element: element, priorityClass: priorityClass, key: key, stamp: stamp)
    _busyCount &+= 1
    _busy.set(Double(_busyCount), at: now)
    return Start(server: server, element: element, waited: waited, priorityClass: priorityClass, stamp: stamp)
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
    _busy.set(Double(_busyCount), at: now)
    // The busy servers were beyond capacity: one fewer in overtime.
    if _busyCount >= _capacity { _overtime.set(Double(_busyCount - _capacity), at: now) }
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
    return occupy(server, with: w.element, priorityClass: priorityClass, key: key, waited: waited, at: now)
  }
}

// MARK: - Servers a model picks

extension ServerSet {
  /// `true` when `server` is serving.
  @inlinable @inline(__always)
  public func isBusy(_ server: Int) -> Bool {
    server < 64
      ? busyWord0 & (UInt64(1) << UInt64(server)) != 0
      : busyBitsRest[(server >> 6) - 1] & (UInt64(1) << UInt64(server & 63)) != 0
  }

  /// The lowest idle server, when a server may start now (fewer busy than capacity).
  @inlinable @inline(__always)
  public func idleServer() -> Int? { _busyCount < _capacity ? firstIdle() : nil }

  /// Starts `element` now on the idle `server`, for a model that keeps its own lines and
  /// picks whom to serve: the one-stop desks call the oldest ticket across the lines of
  /// the fields they serve, which several desk groups share. `waited` goes into `waits`.
  /// The set then keeps who is served, by which server, its stamp and the statistics,
  /// as for a start from its own lines.
  @inlinable
  public mutating func start(_ element: Element, on server: Int, waited: SimTime = 0, at now: SimTime) -> Start {
    // Plain conditions and a fixed message: a message that interpolates the set's fields
    // captures `self` and made the compiler copy the whole set per call.
    let idle = UInt(bitPattern: server) < UInt(bitPattern: servers) && !isBusy(server)
    precondition(
      idle && _busyCount < _capacity, "ServerSet.start(_:on:at:) needs an idle server and room under capacity")
    _waits.add(waited)
    if waited == 0 { _startsWithoutWait &+= 1 }
    return occupy(server, with: element, priorityClass: 0, key: 0, waited: waited, at: now)
  }
}
