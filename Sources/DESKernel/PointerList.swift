/// A growable array written through a pointer: `append`, `removeLast` and element
/// writes with no copy-on-write check (see `StateArray` for why).
///
/// **Reference semantics** once it holds an element, as `RingBuffer`: copies share the
/// elements but not the count, so only one copy may be used; an empty list allocates
/// nothing, so copies of an empty one are independent. The kernel keeps the heap of an
/// earliest-due `WaitingLine` in one.
public struct PointerList<Element>: RandomAccessCollection {
  /// Owns the buffer: frees it and the `count` live elements its list reports.
  @usableFromInline final class Storage {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    @usableFromInline let capacity: Int
    /// Live elements, kept up to date by the list for `deinit` only when elements need
    /// deinitialising (not plain data): a write to this object per append would cost a
    /// cache line of its own.
    @usableFromInline var count = 0
    @usableFromInline init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }
    deinit {
      if !_isPOD(Element.self) { base.deinitialize(count: count) }
      base.deallocate()
    }
  }

  @usableFromInline var storage: Storage?
  @usableFromInline var base: UnsafeMutablePointer<Element>?
  @usableFromInline var capacity = 0
  /// Number of elements.
  public var count: Int { _count }
  @usableFromInline var _count = 0

  /// An empty list.
  @inlinable
  public init() {}

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { _count }

  /// Element `i`, read or written in place (bounds-checked, no copy-on-write check).
  @inlinable
  public subscript(i: Int) -> Element {
    @inline(__always) unsafeAddress {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: _count), "PointerList index \(i) out of range 0..<\(_count)")
      return UnsafePointer(base.unsafelyUnwrapped + i)
    }
    @inline(__always) nonmutating unsafeMutableAddress {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: _count), "PointerList index \(i) out of range 0..<\(_count)")
      return base.unsafelyUnwrapped + i
    }
  }

  /// Adds `element` at the end.
  /// - Complexity: amortised O(1).
  @inlinable
  public mutating func append(_ element: Element) {
    if _count == capacity { grow() }
    (base.unsafelyUnwrapped + _count).initialize(to: element)
    _count &+= 1
    if !_isPOD(Element.self) { storage.unsafelyUnwrapped.count = _count }
  }

  /// Removes and returns the last element; the list must not be empty.
  @inlinable
  public mutating func removeLast() -> Element {
    precondition(_count > 0, "removeLast() on an empty PointerList")
    _count &-= 1
    if !_isPOD(Element.self) { storage.unsafelyUnwrapped.count = _count }
    return (base.unsafelyUnwrapped + _count).move()
  }

  /// Replaces every element by `elements`, in order.
  public mutating func replaceAll<S: Sequence>(with elements: S) where S.Element == Element {
    while _count > 0 { _ = removeLast() }
    for e in elements { append(e) }
  }

  @usableFromInline
  mutating func grow() {
    let bigger = Storage(capacity: Swift.max(16, capacity * 2))
    if let old = base { bigger.base.moveInitialize(from: old, count: _count) }
    storage?.count = 0
    bigger.count = _count
    storage = bigger
    base = bigger.base
    capacity = bigger.capacity
  }
}
