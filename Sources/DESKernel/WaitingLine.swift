/// The order in which a waiting line serves.
public enum WaitingOrder: Sendable, Equatable {
  /// First come, first served.
  case fifo
  /// Earliest key (due instant) first; equal keys in arrival order.
  case earliestDue
}

/// A line of elements waiting for a server: FIFO, or earliest due first.
///
/// The one waiting structure of the kernel: `ServerSet` keeps one per priority class,
/// and the one-stop back offices, online intake and the reference G/G/c queue are server
/// sets, so the queueing-theory tests run the code a dossier waits in.
///
/// FIFO is a `RingBuffer`; earliest-due is a binary heap on (key, arrival number) in one
/// `PointerList`, so the order is total and two runs pop the same elements in the same order.
///
/// Both buffers have reference semantics once they hold elements (no copy-on-write check
/// per push and pop): only one copy of a non-empty line may be used.
public struct WaitingLine<Element> {
  /// A waiting element and its place: `order` is the key's order-preserving bits (keys are
  /// never NaN; -0 is kept as +0) over the arrival number, so "served first" is one
  /// 128-bit comparison and the heap's choice between two children needs no branch.
  @usableFromInline struct Entry {
    @usableFromInline let order: UInt128
    @usableFromInline let element: Element
    @inlinable @inline(__always)
    init(key: Double, sequence: UInt64, element: Element) {
      let bits = (key + 0).bitPattern
      let ordered = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
      order = UInt128(ordered) << 64 | UInt128(sequence)
      self.element = element
    }
    @inlinable
    var key: Double {
      let ordered = UInt64(truncatingIfNeeded: order >> 64)
      return Double(bitPattern: ordered & (1 << 63) != 0 ? ordered & ~(1 << 63) : ~ordered)
    }
    @inlinable
    var sequence: UInt64 { UInt64(truncatingIfNeeded: order) }
    @inlinable @inline(__always)
    func precedes(_ other: Entry) -> Bool { order < other.order }
  }

  /// The line's order.
  public let order: WaitingOrder
  @usableFromInline var fifo = RingBuffer<Element>()
  @usableFromInline var heap = PointerList<Entry>()
  /// Arrival numbers count up from 2^63; `pushFront` numbers count down below it, so an
  /// element put back precedes every element of the same key.
  @usableFromInline var sequence: UInt64 = 1 << 63
  @usableFromInline var frontSequence: UInt64 = (1 << 63) - 1

  /// An empty line served in `order`.
  public init(_ order: WaitingOrder = .fifo) {
    self.order = order
  }

  /// Number of waiting elements.
  @inlinable
  public var count: Int { order == .fifo ? fifo.count : heap.count }

  /// `true` when nobody waits.
  @inlinable
  public var isEmpty: Bool { count == 0 }

  /// The element `popFirst` would return.
  @inlinable
  public var first: Element? { order == .fifo ? fifo.first : heap.first?.element }

  /// Adds `element`; `key` orders it under `.earliestDue` and is ignored under `.fifo`.
  /// - Complexity: amortised O(1) FIFO, O(log count) earliest-due.
  @inlinable @inline(__always)
  public mutating func push(_ element: Element, key: Double = 0) {
    if order == .fifo {
      fifo.append(element)
    } else {
      siftUp(Entry(key: key, sequence: sequence, element: element))
      sequence &+= 1
    }
  }

  /// Puts `element` back at the front (a service cut short). Under `.earliestDue` it goes
  /// back in key order, before every element with the same key.
  @inlinable
  public mutating func pushFront(_ element: Element, key: Double = 0) {
    if order == .fifo {
      fifo.prepend(element)
    } else {
      siftUp(Entry(key: key, sequence: frontSequence, element: element))
      frontSequence &-= 1
    }
  }

  /// Removes and returns the next element in the line's order.
  /// - Complexity: O(1) FIFO, O(log count) earliest-due.
  @inlinable @inline(__always)
  public mutating func popFirst() -> Element? {
    if order == .fifo { return fifo.popFirst() }
    return popHeap()?.element
  }

  /// Removes the next element and returns it with its key (0 under `.fifo`), so that it
  /// can be put back in place after an interruption.
  @inlinable @inline(__always)
  public mutating func popFirstKeyed() -> (element: Element, key: Double)? {
    if order == .fifo {
      guard let e = fifo.popFirst() else { return nil }
      return (e, 0)
    }
    return popHeap()
  }

  // Inlinable so that the heap code is specialised for the element type in the client
  // (unspecialised generic code here cost the province benchmark 13 % in metadata look-ups).
  @inlinable
  mutating func siftUp(_ entry: Entry) {
    heap.append(entry)
    var hole = heap.count - 1
    while hole > 0 {
      let parent = (hole - 1) / 2
      if !entry.precedes(heap[parent]) { break }
      heap[hole] = heap[parent]
      hole = parent
    }
    heap[hole] = entry
  }

  @inlinable
  mutating func popHeap() -> (element: Element, key: Double)? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    let n = heap.count
    if n > 0 {
      var hole = 0
      while true {
        let left = 2 * hole + 1
        if left >= n { break }
        var child = left
        var least = heap[left].order
        if left + 1 < n {
          let right = heap[left + 1].order
          child = right < least ? left + 1 : left
          least = right < least ? right : least
        }
        if !(least < last.order) { break }
        heap[hole] = heap[child]
        hole = child
      }
      heap[hole] = last
    }
    return (top.element, top.key)
  }

  /// Removes the element that is `position`-th in serving order (0 ..< count): a
  /// withdrawal or reneging.
  /// - Complexity: O(count) FIFO, O(count log count) earliest-due; never in the common path.
  public mutating func remove(at position: Int) -> Element {
    if order == .fifo { return fifo.remove(at: position) }
    precondition(
      position >= 0 && position < heap.count, "WaitingLine position \(position) out of range 0..<\(heap.count)")
    var sorted = heap.sorted { $0.precedes($1) }
    let removed = sorted.remove(at: position)
    heap.replaceAll(with: sorted)  // a sorted array is a valid heap
    return removed.element
  }

  /// Replaces the element `position`-th in serving order (0 ..< count) by `element`,
  /// keeping its place: a customer still in line but marked (gone without notice).
  /// - Complexity: O(1) FIFO, O(count log count) earliest-due; never in the common path.
  public mutating func replace(at position: Int, with element: Element) {
    if order == .fifo {
      fifo.replace(at: position, with: element)
      return
    }
    precondition(
      position >= 0 && position < heap.count, "WaitingLine position \(position) out of range 0..<\(heap.count)")
    var sorted = heap.sorted { $0.precedes($1) }
    let old = sorted[position]
    sorted[position] = Entry(key: old.key, sequence: old.sequence, element: element)
    heap.replaceAll(with: sorted)  // a sorted array is a valid heap
  }

  /// The position in serving order of the first element that satisfies `match`, or `nil`:
  /// with `remove(at:)`, how a customer who gives up is taken out of line.
  /// - Complexity: O(count) FIFO, O(count log count) earliest-due; never in the common path.
  public func firstPosition(where match: (Element) -> Bool) -> Int? {
    if order == .fifo { return (0..<fifo.count).first { match(fifo[$0]) } }
    return heap.sorted { $0.precedes($1) }.firstIndex { match($0.element) }
  }

  /// The waiting elements in the order they would be served (for reports and tests).
  /// - Complexity: O(count log count)
  public var ordered: [Element] {
    if order == .fifo { return (0..<fifo.count).map { fifo[$0] } }
    return heap.sorted { $0.precedes($1) }.map(\.element)
  }
}
