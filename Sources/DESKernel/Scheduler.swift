/// The model's view of the kernel while it handles an event: the clock, and the means to
/// schedule future events.
///
/// There is no cancel: an event that may become void carries the stamp (a generation
/// number) of what it acts on, and its handler drops it when the stamp has moved on
/// (`ServerSet.isServing(_:stamp:)`, a dossier's generation in the one-stop model). That
/// is one mechanism for the kernel and the model, it costs the events that are never
/// voided nothing, and it keeps the scheduler's pop free of any bookkeeping.
public struct Scheduler<Payload>: ~Copyable {
  /// The current simulated time.
  @inlinable public var now: SimTime { _now }
  @usableFromInline var _now: SimTime
  /// Events handed to the model so far (stale events dropped by the model included).
  @inlinable public var eventsProcessed: UInt64 { _eventsProcessed }
  @usableFromInline var _eventsProcessed: UInt64 = 0
  /// Set by `stop()`; `Engine.run` returns after the current event.
  @inlinable public var stopRequested: Bool { _stopRequested }
  @usableFromInline var _stopRequested: Bool = false

  /// Events before the buckets' horizon: scheduled into the current bucket's window (or
  /// beyond the buckets' ring) in the heap, the last bucket released in its sorted run.
  @usableFromInline var queue: EventQueue<Payload>
  @usableFromInline var run: SortedRun<Payload>
  /// Events from the next bucket boundary on (see `FutureBuckets`).
  @usableFromInline var later: FutureBuckets<Payload>
  @usableFromInline var nextSequence: UInt64 = 0

  /// A scheduler whose clock starts at `start`. With a finite `bucketWidth`, events from
  /// the next multiple of `bucketWidth` on wait in buckets of that width outside the heap
  /// (a day, for a model whose events reach days ahead); the order of events is the same
  /// with or without (see `FutureBuckets`).
  @inlinable
  public init(start: SimTime = 0, reservingCapacity capacity: Int = 64, bucketWidth: SimTime = .infinity) {
    _now = start
    queue = EventQueue(reservingCapacity: capacity)
    run = SortedRun()
    later = FutureBuckets(width: bucketWidth, start: start)
  }

  /// Number of pending events.
  @inlinable
  public var pendingCount: Int { queue.count + run.count + later.count }

  /// The payload of the next event as the calendar stands (the heap's first or the sorted
  /// run's, whichever fires first), if any: for a model that prefetches what the next event
  /// will read (not exact: the event being handled may schedule an earlier one, and events
  /// still in their bucket are not looked at).
  @inlinable
  public var upcoming: Payload? {
    if queue.firstOrder < run.firstOrder { return queue.base[0].payload }
    return run.firstOrder == .max ? nil : run.firstPayload
  }

  /// Time of the next event in the queue, if any.
  @inlinable
  public var nextEventTime: SimTime? {
    let first = Swift.min(queue.firstOrder, run.firstOrder)
    let soon = first == .max ? .infinity : SimTime(bitPattern: UInt64(truncatingIfNeeded: first >> 64))
    let t = Swift.min(soon, later.earliestTime())
    return t == .infinity ? nil : t
  }

  /// Schedules `payload` to fire `delay` time units from now.
  ///
  /// A negative or non-finite delay is a bug in the model and stops the program: an
  /// event in the past would silently reorder history.
  /// - Complexity: O(log n)
  @inlinable @inline(__always)
  public mutating func schedule(after delay: SimTime, priority: EventPriority = .normal, _ payload: Payload) {
    precondition(delay >= 0 && delay.isFinite, "schedule(after:) needs a finite delay >= 0, got \(delay)")
    push(time: now + delay, priority: priority, payload)
  }

  /// Schedules `payload` at the absolute time `time`, which must not be in the past.
  /// - Complexity: O(log n)
  @inlinable @inline(__always)
  public mutating func schedule(at time: SimTime, priority: EventPriority = .normal, _ payload: Payload) {
    precondition(time >= now && time.isFinite, "schedule(at:) needs a finite time >= now (\(now)), got \(time)")
    push(time: time, priority: priority, payload)
  }

  /// Asks the engine to return after the event being handled.
  @inlinable
  public mutating func stop() { _stopRequested = true }

  @inlinable @inline(__always)
  mutating func push(time: SimTime, priority: EventPriority, _ payload: Payload) {
    let key = UInt64(priority.rawValue) << 56 | nextSequence
    nextSequence &+= 1
    let event = ScheduledEvent(time: time, key: key, payload: payload)
    if time < later.horizon {
      queue.push(event)
    } else {
      later.add(event, at: time, overflow: &queue)
    }
  }

  /// Pops the next event strictly before `limit`, advancing the clock to it.
  @inlinable @inline(__always)
  mutating func nextEvent(before limit: SimTime) -> ScheduledEvent<Payload>? {
    // The next event is the heap's first or the run's, whichever order is less (one
    // 128-bit comparison; a spent run or an empty heap is `UInt128.max`).
    let heapFirst = queue.firstOrder
    var first = Swift.min(heapFirst, run.firstOrder)
    if first >= later.horizonOrder && later.count > 0 {
      later.release(into: &run, heapFirst: heapFirst)
      first = Swift.min(heapFirst, run.firstOrder)
    }
    guard first < ScheduledEvent<Payload>.order(of: limit) else { return nil }
    let event: ScheduledEvent<Payload>
    if heapFirst < run.firstOrder {
      event = queue._popFirstNonEmpty()
    } else {
      event = run.popFirst()
    }
    _now = event.time
    _eventsProcessed &+= 1
    return event
  }
}
