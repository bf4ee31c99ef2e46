/// A fixed-size array of a replication's mutable state (counters, per-entity records),
/// written in place through a pointer.
///
/// Why not `Array`: every write into a Swift array element first asks the runtime whether
/// the buffer is uniquely referenced (copy-on-write), a call and a cache miss on the
/// buffer's header. A province-year writes its counters and records several million
/// times, and those checks were about 4 % of its instructions. A state array is
/// allocated once and owned by a small storage object; writes go straight to the
/// element.
///
/// **Reference semantics**: copies of a state array share its elements. A model keeps
/// one state array per kind of state and never mutates a copy; to keep a snapshot, copy
/// the elements out (`Array(state)`). Indices are bounds-checked, as in `Array`.
@frozen
public struct StateArray<Element>: RandomAccessCollection {
  @usableFromInline let storage: Storage
  @usableFromInline let base: UnsafeMutablePointer<Element>
  /// Number of elements (fixed).
  public let count: Int

  /// Owns the elements and frees them with the last copy of the array.
  @usableFromInline final class Storage {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    @usableFromInline let count: Int
    @usableFromInline init(_ base: UnsafeMutablePointer<Element>, _ count: Int) {
      self.base = base
      self.count = count
    }
    deinit {
      base.deinitialize(count: count)
      base.deallocate()
    }
  }

  /// `count` copies of `value`.
  @inlinable
  public init(repeating value: Element, count: Int) {
    precondition(count >= 0, "StateArray needs a count >= 0, got \(count)")
    let p = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(count, 1))
    p.initialize(repeating: value, count: count)
    base = p
    self.count = count
    storage = Storage(p, count)
  }

  /// The elements of `elements`, in order.
  @inlinable
  public init<S: Collection>(_ elements: S) where S.Element == Element {
    let n = elements.count
    let p = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(n, 1))
    var i = 0
    for e in elements {
      (p + i).initialize(to: e)
      i += 1
    }
    base = p
    count = n
    storage = Storage(p, n)
  }

  /// Starts loading element `i` (`prefetch(_:)`); an index out of range is ignored.
  @inlinable @inline(__always)
  public func prefetch(_ i: Int) {
    if UInt(bitPattern: i) < UInt(bitPattern: count) { DESKernel.prefetch(UnsafeRawPointer(base + i)) }
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { count }

  /// Element `i`, read or written in place (no copy-on-write check).
  @inlinable
  public subscript(i: Int) -> Element {
    @inline(__always) unsafeAddress {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "StateArray index \(i) out of range 0..<\(count)")
      return UnsafePointer(base + i)
    }
    @inline(__always) nonmutating unsafeMutableAddress {
      precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "StateArray index \(i) out of range 0..<\(count)")
      return base + i
    }
  }
}
