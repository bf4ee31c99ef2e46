/// The future-event calendar: a 4-ary min-heap of `ScheduledEvent`s in one contiguous,
/// manually managed buffer.
///
/// The queue is noncopyable: it owns its buffer the way a C heap would, so pushing and
/// popping move bytes through a raw pointer with no reference counting, no
/// copy-on-write check and no bounds check in the hot loop (about a third of the cost
/// of an `Array`-backed heap in the M/M/c benchmark). Sifting moves a "hole" instead of
/// swapping, which halves the writes of the textbook version.
///
/// Four children per node halve the heap's depth: a pop, whose cost in a province-year
/// was the cache misses of its walk down (one per level, tens of thousands of events
/// pending), touches half as many levels, and the four children of a node share one
/// 128-byte block (the buffer is aligned so that they do, for 32-byte events), which the
/// processor fetches as one (LaMarca and Ladner 1996, "The influence of caches on the
/// performance of heaps", doi:10.1145/244851.244933).
///
/// Ordering is total: `(time, priority, sequence)`, see `EventPriority`, compared as one
/// `UInt128` (`ScheduledEvent`). Two runs that
/// schedule the same events in the same order pop them in the same order, whatever the
/// heap's shape, which is what makes a seeded run reproducible bit for bit.
public struct EventQueue<Payload>: ~Copyable {
  /// Element 0 (the root); elements sit at `base[0 ..< _count]`.
  @usableFromInline var base: UnsafeMutablePointer<ScheduledEvent<Payload>>
  /// The allocation: `base` is `EventQueue.rootOffset` elements past it, so that the
  /// children `4k + 1 ... 4k + 4` of node `k` start on a 128-byte boundary.
  @usableFromInline var raw: UnsafeMutableRawPointer
  @usableFromInline var capacity: Int
  @usableFromInline var _count: Int = 0

  /// Elements before the root in the allocation (see `raw`).
  @usableFromInline static var rootOffset: Int { 3 }

  /// An empty queue with room for `capacity` events before it first grows.
  @inlinable
  public init(reservingCapacity capacity: Int = 64) {
    self.capacity = Swift.max(capacity, 4)
    (raw, base) = Self.allocate(self.capacity)
  }

  /// A buffer for `capacity` events, aligned to 128 bytes, and its root.
  @usableFromInline
  static func allocate(
    _ capacity: Int
  ) -> (UnsafeMutableRawPointer, UnsafeMutablePointer<ScheduledEvent<Payload>>) {
    let stride = MemoryLayout<ScheduledEvent<Payload>>.stride
    let align = Swift.max(128, MemoryLayout<ScheduledEvent<Payload>>.alignment)
    let raw = UnsafeMutableRawPointer.allocate(byteCount: (capacity + rootOffset) * stride, alignment: align)
    let base = (raw + rootOffset * stride).bindMemory(to: ScheduledEvent<Payload>.self, capacity: capacity)
    return (raw, base)
  }

  deinit {
    base.deinitialize(count: _count)
    raw.deallocate()
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

  /// Order of the next event, or `UInt128.max` when empty.
  @inlinable @inline(__always)
  var firstOrder: UInt128 { _count > 0 ? base[0].order : .max }

  /// Adds an event.
  /// - Complexity: O(log4 `count`) comparisons; amortised O(1) growth.
  @inlinable
  public mutating func push(_ event: ScheduledEvent<Payload>) {
    if _count == capacity { grow() }
    var hole = _count
    _count &+= 1
    let order = event.order
    while hole > 0 {
      let parent = (hole &- 1) >> 2
      if !(order < base[parent].order) { break }
      (base + hole).initialize(to: (base + parent).move())
      hole = parent
    }
    (base + hole).initialize(to: event)
    _checkInvariants()
  }

  /// Removes and returns the next event, or `nil` when empty.
  /// - Complexity: O(log4 `count`) levels, up to four comparisons each.
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
        let first = 4 &* hole &+ 1
        if first >= count { break }
        // The least of the (up to four) children: a tournament when all four exist, each
        // round a 128-bit comparison and a select (conditional moves, no branch).
        var child = first
        var least = base[first].order
        if first &+ 3 < count {
          let o1 = base[first &+ 1].order
          let o2 = base[first &+ 2].order
          let o3 = base[first &+ 3].order
          let a = o1 < least ? first &+ 1 : first
          let oa = o1 < least ? o1 : least
          let b = o3 < o2 ? first &+ 3 : first &+ 2
          let ob = o3 < o2 ? o3 : o2
          child = ob < oa ? b : a
          least = ob < oa ? ob : oa
        } else {
          var c = first &+ 1
          while c < count {
            let o = base[c].order
            if o < least {
              child = c
              least = o
            }
            c &+= 1
          }
        }
        if !(least < moving.order) { break }
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
    let (biggerRaw, bigger) = Self.allocate(capacity * 2)
    bigger.moveInitialize(from: base, count: _count)
    raw.deallocate()
    raw = biggerRaw
    base = bigger
    capacity *= 2
  }
}
