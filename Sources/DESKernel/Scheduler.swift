/// The model's view of the kernel while it handles an event: the clock, and the means to
/// schedule and cancel future events.
///
/// Cancellation uses generation-stamped slots instead of searching the heap: a
/// cancellable event takes a slot from a free list, its token remembers the slot's
/// generation, and `cancel` bumps the generation. When the event reaches the top of the
/// queue the kernel compares generations and drops it silently if they differ. Both
/// operations are O(1) array accesses; events that are never cancelled use no slot.
public struct Scheduler<Payload>: ~Copyable {
  /// The current simulated time.
  public var now: SimTime { _now }
  @usableFromInline var _now: SimTime
  /// Events handed to the model so far (cancelled events are not counted).
  public var eventsProcessed: UInt64 { _eventsProcessed }
  @usableFromInline var _eventsProcessed: UInt64 = 0
  /// Set by `stop()`; `Engine.run` returns after the current event.
  public var stopRequested: Bool { _stopRequested }
  @usableFromInline var _stopRequested: Bool = false

  @usableFromInline var queue: EventQueue<Payload>
  @usableFromInline var nextSequence: UInt64 = 0
  @usableFromInline var generations: ContiguousArray<UInt32> = []
  @usableFromInline var freeSlots: ContiguousArray<UInt32> = []
  @usableFromInline var cancelledPending = 0

  /// A scheduler whose clock starts at `start`.
  @inlinable
  public init(start: SimTime = 0, reservingCapacity capacity: Int = 64) {
    _now = start
    queue = EventQueue(reservingCapacity: capacity)
  }

  /// Number of live (not cancelled) pending events.
  @inlinable
  public var pendingCount: Int { queue.count - cancelledPending }

  /// Time of the next event in the queue (possibly a cancelled one), if any.
  @inlinable
  public var nextEventTime: SimTime? { queue.isEmpty ? nil : queue.firstTime }

  /// Schedules `payload` to fire `delay` time units from now.
  ///
  /// A negative or non-finite delay is a bug in the model and stops the program: an
  /// event in the past would silently reorder history.
  /// - Complexity: O(log n)
  @inlinable @inline(__always)
  public mutating func schedule(after delay: SimTime, priority: EventPriority = .normal, _ payload: Payload) {
    precondition(delay >= 0 && delay.isFinite, "schedule(after:) needs a finite delay >= 0, got \(delay)")
    push(time: now + delay, priority: priority, slot: EventToken.noSlot, generation: 0, payload)
  }

  /// Schedules `payload` at the absolute time `time`, which must not be in the past.
  /// - Complexity: O(log n)
  @inlinable @inline(__always)
  public mutating func schedule(at time: SimTime, priority: EventPriority = .normal, _ payload: Payload) {
    precondition(time >= now && time.isFinite, "schedule(at:) needs a finite time >= now (\(now)), got \(time)")
    push(time: time, priority: priority, slot: EventToken.noSlot, generation: 0, payload)
  }

  /// Schedules a cancellable event and returns its token.
  /// - Complexity: O(log n)
  @inlinable
  public mutating func scheduleCancellable(
    at time: SimTime, priority: EventPriority = .normal, _ payload: Payload
  ) -> EventToken {
    precondition(time >= now && time.isFinite, "scheduleCancellable(at:) needs a finite time >= now (\(now)), got \(time)")
    let slot: UInt32
    if let free = freeSlots.popLast() {
      slot = free
    } else {
      slot = UInt32(generations.count)
      generations.append(0)
    }
    let generation = generations[Int(slot)]
    push(time: time, priority: priority, slot: slot, generation: generation, payload)
    return EventToken(slot: slot, generation: generation)
  }

  /// Cancels the event behind `token`. Returns `false` when it already fired or was
  /// already cancelled, so cancelling twice is harmless.
  /// - Complexity: O(1)
  @inlinable
  @discardableResult
  public mutating func cancel(_ token: EventToken) -> Bool {
    let index = Int(token.slot)
    guard index < generations.count, generations[index] == token.generation else { return false }
    generations[index] &+= 1
    cancelledPending += 1
    return true
  }

  /// Asks the engine to return after the event being handled.
  @inlinable
  public mutating func stop() { _stopRequested = true }

  @inlinable @inline(__always)
  mutating func push(time: SimTime, priority: EventPriority, slot: UInt32, generation: UInt32, _ payload: Payload) {
    let key = UInt64(priority.rawValue) << 56 | nextSequence
    nextSequence &+= 1
    queue.push(ScheduledEvent(time: time, key: key, slot: slot, generation: generation, payload: payload))
  }

  /// Pops the next live event strictly before `limit`, advancing the clock to it.
  /// Cancelled events met on the way are discarded and their slots recycled.
  @inlinable @inline(__always)
  mutating func nextEvent(before limit: SimTime) -> ScheduledEvent<Payload>? {
    while queue.firstTime < limit {
      let event = queue._popFirstNonEmpty()
      if event.slot != EventToken.noSlot {
        let index = Int(event.slot)
        let live = generations[index] == event.generation
        if live { generations[index] &+= 1 } else { cancelledPending -= 1 }
        freeSlots.append(event.slot)
        if !live { continue }
      }
      _now = event.time
      _eventsProcessed &+= 1
      return event
    }
    return nil
  }
}
