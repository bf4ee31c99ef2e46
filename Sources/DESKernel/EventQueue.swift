/// The future-event calendar: a binary min-heap of `ScheduledEvent`s in one contiguous,
/// manually managed buffer.
///
/// The queue is noncopyable: it owns its buffer the way a C heap would, so pushing and
/// popping move bytes through a raw pointer with no reference counting, no
/// copy-on-write check and no bounds check in the hot loop (about a third of the cost
/// of an `Array`-backed heap in the M/M/c benchmark). Sifting moves a "hole" instead of
/// swapping, which halves the writes of the textbook version.
///
/// Ordering is total: `(time, priority, sequence)`, see `EventPriority`. Two runs that
/// schedule the same events in the same order pop them in the same order, which is what
/// makes a seeded run reproducible bit for bit.
public struct EventQueue<Payload>: ~Copyable {
  @usableFromInline var base: UnsafeMutablePointer<ScheduledEvent<Payload>>
  @usableFromInline var capacity: Int
  @usableFromInline var _count: Int = 0

  /// An empty queue with room for `capacity` events before it first grows.
  @inlinable
  public init(reservingCapacity capacity: Int = 64) {
    self.capacity = Swift.max(capacity, 4)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: _count)
    base.deallocate()
  }

  /// Number of events in the queue (including cancelled ones not yet popped).
  @inlinable
  public var count: Int { _count }

  /// `true` when no event is pending.
  @inlinable
  public var isEmpty: Bool { _count == 0 }

  /// The next event to fire, without removing it.
  /// - Complexity: O(1)
  @inlinable
  public var first: ScheduledEvent<Payload>? { _count > 0 ? base[0] : nil }

  /// Time of the next event, or +infinity when empty.
  @inlinable @inline(__always)
  var firstTime: SimTime { _count > 0 ? base[0].time : .infinity }

  /// Adds an event.
  /// - Complexity: O(log `count`) comparisons; amortised O(1) growth.
  @inlinable
  public mutating func push(_ event: ScheduledEvent<Payload>) {
    if _count == capacity { grow() }
    var hole = _count
    _count &+= 1
    while hole > 0 {
      let parent = (hole &- 1) >> 1
      if !event.precedes(base[parent]) { break }
      (base + hole).initialize(to: (base + parent).move())
      hole = parent
    }
    (base + hole).initialize(to: event)
    _checkInvariants()
  }

  /// Removes and returns the next event, or `nil` when empty.
  /// - Complexity: O(log `count`) comparisons.
  @inlinable
  public mutating func popFirst() -> ScheduledEvent<Payload>? {
    guard _count > 0 else { return nil }
    return _popFirstNonEmpty()
  }

  /// Removes and returns the next event; the queue must not be empty.
  @inlinable @inline(__always)
  mutating func _popFirstNonEmpty() -> ScheduledEvent<Payload> {
    let top = base.move()
    _count &-= 1
    if _count > 0 {
      let moving = (base + _count).move()
      var hole = 0
      let count = _count
      while true {
        let left = 2 &* hole &+ 1
        if left >= count { break }
        let right = left &+ 1
        var child = left
        if right < count && base[right].precedes(base[left]) { child = right }
        if !base[child].precedes(moving) { break }
        (base + hole).initialize(to: (base + child).move())
        hole = child
      }
      (base + hole).initialize(to: moving)
    }
    _checkInvariants()
    return top
  }

  /// Removes every event.
  @inlinable
  public mutating func removeAll() {
    base.deinitialize(count: _count)
    _count = 0
  }

  @usableFromInline
  mutating func grow() {
    let bigger = UnsafeMutablePointer<ScheduledEvent<Payload>>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: _count)
    base.deallocate()
    base = bigger
    capacity *= 2
  }
}
