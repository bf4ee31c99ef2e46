/// A growable FIFO queue in one contiguous circular buffer.
///
/// Queues of waiting entities are the second-hottest structure after the event
/// calendar; this one never allocates once it has grown to the largest queue seen, and
/// enqueue/dequeue are a store, a load and two integer updates.
public struct RingBuffer<Element> {
  @usableFromInline var storage: ContiguousArray<Element?>
  @usableFromInline var head = 0
  /// Number of queued elements.
  public var count: Int { _count }
  @usableFromInline var _count: Int = 0

  /// An empty queue with room for `capacity` elements before it first grows.
  @inlinable
  public init(reservingCapacity capacity: Int = 16) {
    storage = ContiguousArray(repeating: nil, count: Swift.max(capacity, 1))
  }

  /// `true` when nothing is queued.
  @inlinable
  public var isEmpty: Bool { count == 0 }

  /// The element that `popFirst` would return.
  @inlinable
  public var first: Element? { count == 0 ? nil : storage[head] }

  /// Appends at the back.
  /// - Complexity: amortised O(1).
  @inlinable
  public mutating func append(_ element: Element) {
    if count == storage.count { grow() }
    var tail = head &+ count
    if tail >= storage.count { tail &-= storage.count }
    storage[tail] = element
    _count &+= 1
  }

  /// Inserts at the front (used to put an interrupted customer back first in line).
  /// - Complexity: amortised O(1).
  @inlinable
  public mutating func prepend(_ element: Element) {
    if count == storage.count { grow() }
    head = head == 0 ? storage.count - 1 : head - 1
    storage[head] = element
    _count &+= 1
  }

  /// Removes and returns the front element.
  /// - Complexity: O(1).
  @inlinable
  public mutating func popFirst() -> Element? {
    guard count > 0 else { return nil }
    let element = storage[head]
    storage[head] = nil
    head &+= 1
    if head == storage.count { head = 0 }
    _count &-= 1
    return element
  }

  /// The element at position `i` from the front (0 ..< count).
  @inlinable
  public subscript(i: Int) -> Element {
    precondition(i >= 0 && i < count, "RingBuffer index \(i) out of range 0..<\(count)")
    var index = head + i
    if index >= storage.count { index -= storage.count }
    return storage[index].unsafelyUnwrapped
  }

  /// Replaces the element at position `i` from the front (0 ..< count) in place.
  /// - Complexity: O(1).
  public mutating func replace(at i: Int, with element: Element) {
    precondition(i >= 0 && i < count, "RingBuffer index \(i) out of range 0..<\(count)")
    var index = head + i
    if index >= storage.count { index -= storage.count }
    storage[index] = element
  }

  /// Removes the element at position `i` from the front (0 ..< count), keeping order.
  /// - Complexity: O(count); for the rare abandonment, never in the common path.
  public mutating func remove(at i: Int) -> Element {
    let element = self[i]
    var items: [Element] = []
    items.reserveCapacity(count - 1)
    for k in 0..<count where k != i { items.append(self[k]) }
    storage = ContiguousArray(repeating: nil, count: storage.count)
    head = 0
    _count = 0
    for item in items { append(item) }
    return element
  }

  @usableFromInline
  mutating func grow() {
    var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
    for i in 0..<count {
      var index = head + i
      if index >= storage.count { index -= storage.count }
      bigger[i] = storage[index]
    }
    storage = bigger
    head = 0
  }
}
