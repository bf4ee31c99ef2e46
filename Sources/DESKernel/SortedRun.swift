/// The bucket of `FutureBuckets` being served: its events sorted by key, popped from the
/// front in O(1) beside the heap, which then holds only the events scheduled into the
/// current bucket's window (and those beyond the buckets' ring).
///
/// A released bucket used to be pushed into the heap event by event and popped through it:
/// about 3.5 levels of a 4-ary tournament each way. Sorting the bucket once costs a few
/// 128-bit comparisons per event and leaves the heap a few events deep. The sort is of the
/// keys only: each key keeps the event's time and priority and takes the event's index in
/// the bucket in place of its sequence number. Events enter a bucket in the order they are
/// scheduled, so the index orders them as the sequence does, keys are distinct, and the
/// order of the keys is the order of `(time, priority, sequence)`.
///
/// The run owns the bucket's buffer while it serves it (`FutureBuckets.release` hands it
/// over and frees the drained one); noncopyable like `EventQueue`, for the same reason.
public struct SortedRun<Payload>: ~Copyable {
  /// The bucket's events, in the order they were scheduled; served ones are moved out.
  @usableFromInline var events: UnsafeMutablePointer<ScheduledEvent<Payload>>?
  /// Sorted keys: the order's high 72 bits, the event's index in `events` in the low 56.
  @usableFromInline var keys: UnsafeMutablePointer<UInt128>
  /// The counting sort's second buffer, as long as `keys`.
  @usableFromInline var scratch: UnsafeMutablePointer<UInt128>
  @usableFromInline var keysCapacity: Int
  /// The cell of each key (`cell`), as long as `keys`.
  @usableFromInline var cellOf: UnsafeMutablePointer<UInt32>
  /// The counting sort's cells: their sizes, then their ends.
  @usableFromInline var cellEnds: UnsafeMutablePointer<Int>
  @usableFromInline var cellsCapacity: Int
  /// The next key to serve, and the end of the keys.
  @usableFromInline var next: Int = 0
  @usableFromInline var end: Int = 0
  /// The order of the next event, `UInt128.max` when the run is spent.
  @usableFromInline var firstOrder: UInt128 = .max

  @usableFromInline static var indexMask: UInt128 { (1 << 56) - 1 }

  @inlinable
  init() {
    keysCapacity = 16
    keys = .allocate(capacity: 16)
    scratch = .allocate(capacity: 16)
    cellOf = .allocate(capacity: 16)
    cellsCapacity = 16
    cellEnds = .allocate(capacity: 16)
  }

  deinit {
    if let events {
      for k in next..<end { (events + Int(truncatingIfNeeded: keys[k] & Self.indexMask)).deinitialize(count: 1) }
      events.deallocate()
    }
    keys.deallocate()
    scratch.deallocate()
    cellOf.deallocate()
    cellEnds.deallocate()
  }

  /// Events not served yet.
  @inlinable
  var count: Int { end &- next }

  /// Serves the `count` events at `buffer` (a bucket's, in the order they were scheduled,
  /// at times in `[start, start + width)`) and returns the previous buffer, whose events
  /// were all served.
  @inlinable
  mutating func load(
    _ buffer: UnsafeMutablePointer<ScheduledEvent<Payload>>, count n: Int, start: SimTime, width: SimTime
  ) -> UnsafeMutablePointer<ScheduledEvent<Payload>>? {
    precondition(next == end, "a bucket was released before the previous one was served")
    let previous = events
    events = buffer
    if n > keysCapacity { growKeys(n) }
    for i in 0..<n {
      keys[i] = ((buffer + i).pointee.order >> 56) << 56 | UInt128(truncatingIfNeeded: i)
    }
    sortKeys(n, start: start, width: width)
    next = 0
    end = n
    firstOrder = n > 0 ? (buffer + Int(truncatingIfNeeded: keys[0] & Self.indexMask)).pointee.order : .max
    return previous
  }

  @usableFromInline
  mutating func growKeys(_ n: Int) {
    keys.deallocate()
    scratch.deallocate()
    cellOf.deallocate()
    keysCapacity = Swift.max(n, keysCapacity * 2)
    keys = .allocate(capacity: keysCapacity)
    scratch = .allocate(capacity: keysCapacity)
    cellOf = .allocate(capacity: keysCapacity)
  }

  /// Sorts `keys[0 ..< n]`, whose times lie in `[start, start + width)`: a stable counting
  /// sort into `n` cells of equal time by a monotone cell number (so keys of different
  /// cells are already in order), then an insertion sort of each cell. A merge sort of the
  /// whole bucket cost about 200 instructions a key in a Hà Nội month, this about 75.
  @inlinable
  mutating func sortKeys(_ n: Int, start: SimTime, width: SimTime) {
    if n <= 16 {
      Self.insertionSort(keys, from: 0, to: n)
      return
    }
    let cells = n
    if cells > cellsCapacity { growCells(cells) }
    let ends = cellEnds
    ends.update(repeating: 0, count: cells)
    let scale = Double(cells) / width
    for i in 0..<n {
      let c = Self.cell(keys[i], start: start, scale: scale, cells: cells)
      cellOf[i] = UInt32(truncatingIfNeeded: c)
      ends[c] &+= 1
    }
    var sum = 0
    for c in 0..<cells {
      let size = ends[c]
      ends[c] = sum
      sum &+= size
    }
    for i in 0..<n {
      let c = Int(truncatingIfNeeded: cellOf[i])
      scratch[ends[c]] = keys[i]
      ends[c] &+= 1
    }
    swap(&keys, &scratch)
    var begin = 0
    for c in 0..<cells {
      let end = ends[c]
      if end &- begin > 32 {
        // Many distinct times in one cell (not seen in the bundled scenarios): no quadratic sort.
        var cell = UnsafeMutableBufferPointer(start: keys + begin, count: end &- begin)
        cell.sort()
      } else if end &- begin > 1 {
        Self.insertionSort(keys, from: begin, to: end)
      }
      begin = end
    }
  }

  /// The cell of `key`'s time: `floor((time - start) * scale)` within `0 ..< cells`, which
  /// never decreases as the time grows (each floating-point step rounds monotonically).
  @inlinable @inline(__always)
  static func cell(_ key: UInt128, start: SimTime, scale: Double, cells: Int) -> Int {
    let x = (SimTime(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) - start) * scale
    if !(x > 0) { return 0 }
    return x < Double(cells) ? Int(x) : cells &- 1
  }

  @usableFromInline
  mutating func growCells(_ cells: Int) {
    cellEnds.deallocate()
    cellsCapacity = Swift.max(cells, cellsCapacity * 2)
    cellEnds = .allocate(capacity: cellsCapacity)
  }

  /// Sorts `keys[from ..< to]` by insertion.
  @inlinable @inline(__always)
  static func insertionSort(_ keys: UnsafeMutablePointer<UInt128>, from: Int, to: Int) {
    var i = from &+ 1
    while i < to {
      let key = keys[i]
      var j = i
      while j > from && key < keys[j &- 1] {
        keys[j] = keys[j &- 1]
        j &-= 1
      }
      keys[j] = key
      i &+= 1
    }
  }

  /// The next event's payload; the run must not be spent.
  @inlinable
  var firstPayload: Payload {
    (events.unsafelyUnwrapped + Int(truncatingIfNeeded: keys[next] & Self.indexMask)).pointee.payload
  }

  /// Removes and returns the next event; the run must not be spent.
  @inlinable @inline(__always)
  mutating func popFirst() -> ScheduledEvent<Payload> {
    let base = events.unsafelyUnwrapped
    let event = (base + Int(truncatingIfNeeded: keys[next] & Self.indexMask)).move()
    next &+= 1
    firstOrder = next < end ? (base + Int(truncatingIfNeeded: keys[next] & Self.indexMask)).pointee.order : .max
    return event
  }
}
