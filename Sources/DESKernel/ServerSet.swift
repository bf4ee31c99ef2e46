/// What happens to the services in progress when capacity drops below the busy servers.
public enum OffShiftRule: String, Sendable, CaseIterable {
  /// The services in progress are finished; nobody new starts until fewer than
  /// `capacity` servers are busy, and the busy servers beyond capacity are recorded as
  /// overtime. The default: an officer does not walk away mid-dossier.
  case finishService = "finish"
  /// The services beyond capacity are cut and their customers go back to the front of
  /// their line; each service later restarts from the beginning.
  case returnToQueue = "requeue"
}

/// A set of identical servers (desk officers, back-office officers, the c servers of the
/// reference G/G/c queue) with waiting lines in priority classes and a capacity that
/// changes over time: shifts, lunch breaks, closed days, officers away.
///
/// The one server resource of the kernel. The one-stop back offices and online intake
/// are server sets, and so is the reference `GGcQueue`, so the queueing-theory tests run
/// the code dossiers go through.
///
/// The set is passive: it never schedules events. The model tells it what happened
/// (`arrive`, `enqueue`, `complete`, `finish`, `setCapacity`) and starts a service
/// whenever the set answers with a `Start`. This keeps it free of any event type and
/// usable by any model, including one that takes work only in opening hours (it
/// enqueues, then asks `nextStart` while open).
///
/// Capacity is a number of servers, not a list: at most `capacity` servers serve at
/// once. When capacity drops below the busy servers, `OffShiftRule` decides. Busy
/// servers are kept in a bit set, so finding a free one is a few word operations even
/// for hundreds of officers.
///
/// Cancellation is the kernel's one mechanism, a stamp checked when the event fires:
/// every service gets a `stamp`; a model that may cut services (`.returnToQueue`) puts
/// the stamp in its completion event and drops the event when `isServing(_:stamp:)`
/// says the service is gone (see docs/engine.md).
public struct ServerSet<Element> {
  /// A service that starts now on `server`.
  public struct Start {
    /// Index of the server, 0 ..< `servers`.
    public let server: Int
    /// Who is served.
    public let element: Element
    /// How long they waited in line (0 when served on arrival).
    public let waited: SimTime
    /// Their priority class.
    public let priorityClass: Int
    /// The service's stamp, for the completion event (see `isServing(_:stamp:)`).
    public let stamp: UInt32

    @usableFromInline
    init(server: Int, element: Element, waited: SimTime, priorityClass: Int, stamp: UInt32) {
      self.server = server
      self.element = element
      self.waited = waited
      self.priorityClass = priorityClass
      self.stamp = stamp
    }
  }

  /// A service cut short by a capacity drop under `.returnToQueue`. Its completion
  /// event is stale from now on: `isServing(server, stamp:)` is `false` for it.
  public struct Interruption {
    /// The server that stopped.
    public let server: Int
    /// Who was being served; they are back at the front of their line.
    public let element: Element

    @usableFromInline
    init(server: Int, element: Element) {
      self.server = server
      self.element = element
    }
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
    /// Its order key, kept to put it back in line after an interruption.
    @usableFromInline var key: Double
    @usableFromInline var stamp: UInt32

    @usableFromInline
    init(element: Element, priorityClass: Int, key: Double, stamp: UInt32) {
      self.element = element
      self.priorityClass = priorityClass
      self.key = key
      self.stamp = stamp
    }
  }

  /// Total number of servers (the largest capacity the set can take).
  public let servers: Int
  /// Servers that may serve at once now (on shift, at work today).
  @inlinable public var capacity: Int { _capacity }
  @usableFromInline var _capacity: Int
  /// What happens to services in progress when capacity drops below the busy servers.
  public let offShiftRule: OffShiftRule
  /// Servers currently serving, within capacity or in overtime.
  @inlinable public var busyCount: Int { _busyCount }
  @usableFromInline var _busyCount: Int = 0
  /// Customers waiting, all classes.
  @inlinable public var queuedCount: Int { _queuedCount }
  @usableFromInline var _queuedCount: Int = 0
  /// `true` when a server may start a service now (fewer busy servers than capacity).
  @inlinable public var canStart: Bool { _busyCount < _capacity }

  // Busy flags: servers 0-63 in one inline word (no array access in the common case),
  // the rest in `busyBitsRest`.
  @usableFromInline var busyWord0: UInt64 = 0
  // State arrays (no copy-on-write check per service): only one copy of a set may be used.
  @usableFromInline var busyBitsRest: StateArray<UInt64>
  @usableFromInline var serving: StateArray<Serving?>
  // Class 0 inline, the other classes (rare) in an array at index class − 1.
  @usableFromInline var queue0: WaitingLine<Waiting>
  @usableFromInline var otherQueues: ContiguousArray<WaitingLine<Waiting>>
  @usableFromInline var nextStamp: UInt32 = 0
  @usableFromInline var interrupted: [Interruption] = []

  /// Number of busy servers over time (utilisation = its integral over `onShift`'s).
  @inlinable public var busy: TimeWeighted { _busy }
  @usableFromInline var _busy: TimeWeighted
  /// Capacity over time.
  @inlinable public var onShift: TimeWeighted { _onShift }
  @usableFromInline var _onShift: TimeWeighted
  /// Busy servers beyond capacity over time: the overtime of `.finishService`.
  @inlinable public var overtime: TimeWeighted { _overtime }
  @usableFromInline var _overtime: TimeWeighted
  /// Customers waiting over time.
  @inlinable public var queueLength: TimeWeighted { _queueLength }
  @usableFromInline var _queueLength: TimeWeighted
  /// Waiting time of every service start.
  @inlinable public var waits: Tally { _waits }
  @usableFromInline var _waits: Tally = Tally()
  /// Service starts that did not wait at all.
  @inlinable public var startsWithoutWait: Int { _startsWithoutWait }
  @usableFromInline var _startsWithoutWait: Int = 0
  /// Services completed (cut services are not counted).
  @inlinable public var completed: Int { _completed }
  @usableFromInline var _completed: Int = 0

  /// A set of `servers` servers (0 is allowed: nothing is ever served), `initialCapacity`
  /// of them available at `start`, with `priorityClasses` waiting lines (class 0 is
  /// served first), each in `order`.
  public init(
    servers: Int, initialCapacity: Int? = nil, priorityClasses: Int = 1,
    offShiftRule: OffShiftRule = .finishService, order: WaitingOrder = .fifo, start: SimTime = 0
  ) {
    precondition(servers >= 0, "a server set cannot have \(servers) servers")
    precondition(priorityClasses >= 1, "a server set needs at least one priority class")
    let cap = initialCapacity ?? servers
    precondition(cap >= 0 && cap <= servers, "capacity \(cap) outside 0...\(servers)")
    self.servers = servers
    self._capacity = cap
    self.offShiftRule = offShiftRule
    busyBitsRest = StateArray(repeating: 0, count: Swift.max(0, (servers + 63) / 64 - 1))
    serving = StateArray(repeating: nil, count: servers)
    queue0 = WaitingLine(order)
    otherQueues = ContiguousArray((1..<priorityClasses).map { _ in WaitingLine<Waiting>(order) })
    _busy = TimeWeighted(start: start)
    _onShift = TimeWeighted(start: start, value: Double(cap))
    _overtime = TimeWeighted(start: start)
    _queueLength = TimeWeighted(start: start)
  }

  /// Offers `element` at `now`: it starts service at once when a server may start, or
  /// joins line `priorityClass` (at the back, or by `due` under `.earliestDue`) and
  /// `nil` is returned.
  /// - Complexity: O(servers / 64)
  @inlinable
  public mutating func arrive(_ element: Element, priorityClass: Int = 0, due: Double = 0, at now: SimTime) -> Start? {
    if _busyCount < _capacity {
      _startsWithoutWait &+= 1
      _waits.add(0)
      return occupy(firstIdle(), with: element, priorityClass: priorityClass, key: due, waited: 0, at: now)
    }
    enqueue(element, priorityClass: priorityClass, due: due, at: now)
    return nil
  }

  /// Puts `element` in line `priorityClass` without starting anyone, for a model that
  /// starts services only at some times (opening hours): it then calls `nextStart`.
  @inlinable
  public mutating func enqueue(_ element: Element, priorityClass: Int = 0, due: Double = 0, at now: SimTime) {
    if priorityClass == 0 {
      queue0.push(Waiting(element: element, since: now), key: due)
    } else {
      otherQueues[priorityClass - 1].push(Waiting(element: element, since: now), key: due)
    }
    _queuedCount &+= 1
    _queueLength.set(Double(_queuedCount), at: now)
  }

  /// Records that `server` finished at `now` and returns whom it served, and, when a
  /// server may start and someone waits, the service that starts on it now.
  /// - Complexity: O(priority classes)
  @inlinable
  public mutating func complete(server: Int, at now: SimTime) -> (finished: Element, next: Start?) {
    let finished = finish(server: server, at: now)
    guard _queuedCount > 0 && _busyCount < _capacity else { return (finished, nil) }
    return (finished, startNext(on: server, at: now))
  }

  /// Records that `server` finished at `now` and returns whom it served; starts no one
  /// (the caller decides when, with `nextStart`).
  @inlinable
  public mutating func finish(server: Int, at now: SimTime) -> Element {
    guard let finished = serving[server]?.element else {
      preconditionFailure("finish(server: \(server)): that server is idle")
    }
    release(server, at: now)
    _completed &+= 1
    return finished
  }

  /// `true` when `server` is still in the service that got `stamp`: `false` for the
  /// completion event of a service that was cut, which the model then drops.
  @inlinable
  public func isServing(_ server: Int, stamp: UInt32) -> Bool {
    serving[server]?.stamp == stamp
  }

  /// Whom `server` is serving, if anyone.
  @inlinable
  public func element(on server: Int) -> Element? { serving[server]?.element }

  /// The first customer of the first priority class, without taking it: the one
  /// `nextStart` takes when that class has any (a hint for prefetching). Read in place:
  /// a getter that may call out makes the compiler copy the whole set first.
  @inlinable
  public var firstOfFirstClass: Element? {
    @inline(__always) get { queue0.first?.element }
  }

  /// Starts the next waiting customer on a free server, if one may start and someone waits.
  @inlinable
  public mutating func nextStart(at now: SimTime) -> Start? {
    guard _queuedCount > 0 && _busyCount < _capacity else { return nil }
    return startNext(on: firstIdle(), at: now)
  }
}
