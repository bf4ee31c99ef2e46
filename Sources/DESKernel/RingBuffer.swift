/// A growable FIFO queue in one contiguous circular buffer.
///
/// Queues of waiting entities are the second-hottest structure after the event
/// calendar; this one never allocates once it has grown to the largest queue seen, and
/// enqueue/dequeue are a store, a load and two integer updates.
///
/// The elements sit in a manually managed buffer written through a pointer, as in
/// `StateArray`: no copy-on-write check (a runtime call and a read of the buffer's
/// header) per append and pop, which a province-year makes millions of times through
/// every `ServerSet`. **Reference semantics** once the buffer exists: copies of a
/// non-empty ring buffer share its elements but not its head and count, so only one copy
/// may be used. An empty one allocates nothing until its first element, so copies of an
/// empty line (a `StateArray` of lines made by repeating one) are independent.
public struct RingBuffer<Element> {
  /// Owns the buffer and frees it (every slot is initialised: `nil` or an element).
  @usableFromInline final class Storage {
    @usableFromInline let base: UnsafeMutablePointer<Element?>
    @usableFromInline let capacity: Int
    @usableFromInline init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
      base.initialize(repeating: nil, count: capacity)
    }
    deinit {
      base.deinitialize(count: capacity)
      base.deallocate()
    }
  }

  @usableFromInline var storage: Storage?
  /// `storage`'s buffer (nil until the first element).
  @usableFromInline var base: UnsafeMutablePointer<Element?>?
  @usableFromInline var capacity = 0
  /// The capacity of the first allocation.
  @usableFromInline let reserved: Int
  @usableFromInline var head = 0
  /// Number of queued elements.
  public var count: Int { _count }
  @usableFromInline var _count: Int = 0

  /// An empty queue with room for `capacity` elements before it first grows (allocated
  /// with the first element).
  @inlinable
  public init(reservingCapacity capacity: Int = 16) {
    reserved = Swift.max(capacity, 1)
  }

  /// `true` when nothing is queued.
  @inlinable
  public var isEmpty: Bool { count == 0 }

  /// The element that `popFirst` would return.
  @inlinable
  public var first: Element? { count == 0 ? nil : base.unsafelyUnwrapped[head] }

  /// Slot of position `i` from the front.
  @inlinable @inline(__always)
  func slot(_ i: Int) -> Int {
    let index = head &+ i
    return index >= capacity ? index &- capacity : index
  }

  /// Appends at the back.
  /// - Complexity: amortised O(1).
  @inlinable
  public mutating func append(_ element: Element) {
    if _count == capacity { grow() }
    base.unsafelyUnwrapped[slot(_count)] = element
    _count &+= 1
  }

  /// Inserts at the front (used to put an interrupted customer back first in line).
  /// - Complexity: amortised O(1).
  @inlinable
  public mutating func prepend(_ element: Element) {
    if _count == capacity { grow() }
    head = head == 0 ? capacity - 1 : head - 1
    base.unsafelyUnwrapped[head] = element
    _count &+= 1
  }

  /// Removes and returns the front element.
  /// - Complexity: O(1).
  @inlinable
  public mutating func popFirst() -> Element? {
    guard _count > 0 else { return nil }
    let b = base.unsafelyUnwrapped
    let element = b[head]
    b[head] = nil
    head &+= 1
    if head == capacity { head = 0 }
    _count &-= 1
    return element
  }

  /// The element at position `i` from the front (0 ..< count).
  @inlinable
  public subscript(i: Int) -> Element {
    precondition(i >= 0 && i < count, "RingBuffer index \(i) out of range 0..<\(count)")
    return base.unsafelyUnwrapped[slot(i)].unsafelyUnwrapped
  }

  /// Replaces the element at position `i` from the front (0 ..< count) in place.
  /// - Complexity: O(1).
  public mutating func replace(at i: Int, with element: Element) {
    precondition(i >= 0 && i < count, "RingBuffer index \(i) out of range 0..<\(count)")
    base.unsafelyUnwrapped[slot(i)] = element
  }

  /// Removes the element at position `i` from the front (0 ..< count), keeping order.
  /// - Complexity: O(count); for the rare abandonment, never in the common path.
  public mutating func remove(at i: Int) -> Element {
    let element = self[i]
    let b = base.unsafelyUnwrapped
    for k in i..<(count - 1) { b[slot(k)] = b[slot(k + 1)] }
    b[slot(count - 1)] = nil
    _count -= 1
    return element
  }

  @usableFromInline
  mutating func grow() {
    let bigger = Storage(capacity: capacity == 0 ? reserved : capacity * 2)
    if let old = base {
      for i in 0..<_count { bigger.base[i] = old[slot(i)] }
    }
    storage = bigger
    base = bigger.base
    capacity = bigger.capacity
    head = 0
  }
}
