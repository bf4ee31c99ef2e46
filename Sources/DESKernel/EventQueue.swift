/// The future-event calendar: a binary min-heap of `ScheduledEvent`s in one contiguous
/// array.
///
/// Events are values, so pushing and popping move bytes and never touch reference
/// counts (for trivial payloads). Sifting works on the array's raw buffer and moves a
/// "hole" instead of swapping, which halves the writes of the textbook version.
///
/// Ordering is total: `(time, priority, sequence)`, see `EventPriority`. Two runs that
/// schedule the same events in the same order pop them in the same order, which is what
/// makes a seeded run reproducible bit for bit.
public struct EventQueue<Payload> {
  @usableFromInline var storage: ContiguousArray<ScheduledEvent<Payload>>

  /// An empty queue with room for `capacity` events before it first grows.
  @inlinable
  public init(reservingCapacity capacity: Int = 64) {
    storage = []
    storage.reserveCapacity(capacity)
  }

  /// Number of events in the queue (including cancelled ones not yet popped).
  @inlinable
  public var count: Int { storage.count }

  /// `true` when no event is pending.
  @inlinable
  public var isEmpty: Bool { storage.isEmpty }

  /// The next event to fire, without removing it.
  /// - Complexity: O(1)
  @inlinable
  public var first: ScheduledEvent<Payload>? { storage.first }

  /// Adds an event.
  /// - Complexity: O(log `count`) comparisons.
  @inlinable
  public mutating func push(_ event: ScheduledEvent<Payload>) {
    storage.append(event)
    let last = storage.count - 1
    storage.withUnsafeMutableBufferPointer { buf in
      Self.siftUp(buf, from: last)
    }
    _checkInvariants()
  }

  /// Removes and returns the next event, or `nil` when empty.
  /// - Complexity: O(log `count`) comparisons.
  @inlinable
  public mutating func popFirst() -> ScheduledEvent<Payload>? {
    guard let last = storage.popLast() else { return nil }
    if storage.isEmpty { return last }
    let top = storage.withUnsafeMutableBufferPointer { buf -> ScheduledEvent<Payload> in
      let top = buf[0]
      Self.siftDown(buf, placing: last)
      return top
    }
    _checkInvariants()
    return top
  }

  /// Removes every event.
  @inlinable
  public mutating func removeAll() {
    storage.removeAll(keepingCapacity: true)
  }

  @inlinable @inline(__always)
  static func siftUp(_ buf: UnsafeMutableBufferPointer<ScheduledEvent<Payload>>, from index: Int) {
    let moving = buf[index]
    var hole = index
    while hole > 0 {
      let parent = (hole &- 1) >> 1
      if !moving.precedes(buf[parent]) { break }
      buf[hole] = buf[parent]
      hole = parent
    }
    buf[hole] = moving
  }

  /// Puts `moving` into the hole left at the root, sinking the hole to its place.
  @inlinable @inline(__always)
  static func siftDown(_ buf: UnsafeMutableBufferPointer<ScheduledEvent<Payload>>, placing moving: ScheduledEvent<Payload>) {
    let count = buf.count
    var hole = 0
    while true {
      let left = 2 &* hole &+ 1
      if left >= count { break }
      let right = left &+ 1
      var child = left
      if right < count && buf[right].precedes(buf[left]) { child = right }
      if !buf[child].precedes(moving) { break }
      buf[hole] = buf[child]
      hole = child
    }
    buf[hole] = moving
  }
}
