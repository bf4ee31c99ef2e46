/// The far end of the event calendar: events from the next bucket boundary on, kept out
/// of the heap in buckets of `width` time units (ten minutes in the one-stop model) until the
/// heap has nothing left before that boundary (a two-level calendar).
///
/// A province keeps thousands of events pending days ahead (services that end in working
/// time, answers, returns) beside the few hundred that fire today. Every push and pop
/// costs one heap level per factor four of pending events, each level a cache line and
/// a comparison, so holding the later days out keeps the heap small and hot. An event
/// keeps its ordering key in its bucket, and a bucket is released whole (sorted, as a
/// `SortedRun` beside the heap) before any of its events can be next, so events pop in
/// exactly the order of one heap: the order is total on the keys and does not depend on
/// where an event waited.
///
/// Invariant: every pending event before `horizon` is in the heap or the sorted run of the
/// last bucket released (`SortedRun`); a bucket holds the
/// events of `[b * width, (b + 1) * width)` for its bucket number `b >= index`. Events
/// more than `ringSize` buckets ahead go to the heap directly. Copies share the buckets:
/// only the scheduler that owns it uses one.
@usableFromInline
struct FutureBuckets<Payload> {
  @usableFromInline struct Bucket {
    @usableFromInline var base: UnsafeMutablePointer<ScheduledEvent<Payload>>?
    @usableFromInline var count: Int
    @usableFromInline var capacity: Int
  }

  /// Bucket width; `.infinity` keeps every event in the heap.
  @usableFromInline let width: SimTime
  /// A ring of `ringSize` buckets; bucket number `b` sits at `b & (ringSize - 1)`.
  @usableFromInline let slots: UnsafeMutablePointer<Bucket>
  /// The bucket number of `horizon`: the next bucket to enter the heap.
  @usableFromInline var index: Int
  /// Every pending event before it is in the heap or the run.
  @usableFromInline var horizon: SimTime
  /// The least order an event at `horizon` can have (`ScheduledEvent.order(of:)`).
  @usableFromInline var horizonOrder: UInt128
  /// Events in the buckets.
  @usableFromInline var count: Int = 0
  /// Slots allocated: `ringSize`, or 1 when `width` is infinite.
  @usableFromInline let ring: Int

  @usableFromInline static var ringSize: Int { 4096 }

  /// Buckets of `width` from the boundary after `start`; none when `width` is infinite.
  @usableFromInline
  init(width: SimTime, start: SimTime) {
    precondition(width > 0, "the event calendar's bucket width must be > 0, got \(width)")
    self.width = width
    // An engine without buckets (the kernel's tests make thousands) allocates one slot.
    ring = width.isFinite ? Self.ringSize : 1
    slots = .allocate(capacity: ring)
    slots.initialize(repeating: Bucket(base: nil, count: 0, capacity: 0), count: ring)
    owner = Owner(slots, ring)
    let first = (start / width).rounded(.down) + 1
    if width.isFinite && first < Double(Int.max / 2) {
      index = Int(first)
      horizon = first * width
    } else {
      index = 0
      horizon = .infinity
    }
    horizonOrder = ScheduledEvent<Payload>.order(of: horizon)
  }

  /// Frees the buckets with the scheduler (a class, as `StateArray.Storage`: a deinit on
  /// this struct, held by the scheduler, crashes the 6.3 compiler's inliner).
  @usableFromInline final class Owner {
    @usableFromInline let slots: UnsafeMutablePointer<Bucket>
    @usableFromInline let ring: Int
    @usableFromInline init(_ slots: UnsafeMutablePointer<Bucket>, _ ring: Int) {
      self.slots = slots
      self.ring = ring
    }
    deinit {
      for i in 0..<ring {
        if let base = slots[i].base {
          base.deinitialize(count: slots[i].count)
          base.deallocate()
        }
      }
      slots.deallocate()
    }
  }
  @usableFromInline let owner: Owner

  /// Keeps `event` (at `time >= horizon`) in its bucket, or pushes it on `queue` when its
  /// bucket is beyond the ring.
  @inlinable
  mutating func add(_ event: ScheduledEvent<Payload>, at time: SimTime, overflow queue: inout EventQueue<Payload>) {
    let q = time / width
    guard q < Double(index &+ Self.ringSize) else {
      queue.push(event)
      return
    }
    // floor(q) by truncation and one comparison: `rounded(.down)` is a call into libm
    // without SSE 4.1 in the baseline target (`CalendarReader.day(of:)` does the same).
    var number = Int(q)
    if Double(number) > q { number &-= 1 }
    let slot = number & (Self.ringSize &- 1)
    if slots[slot].count == slots[slot].capacity { grow(slot) }
    (slots[slot].base.unsafelyUnwrapped + slots[slot].count).initialize(to: event)
    slots[slot].count &+= 1
    count &+= 1
  }

  @inlinable
  func grow(_ slot: Int) {
    let capacity = Swift.max(16, slots[slot].capacity * 2)
    let bigger = UnsafeMutablePointer<ScheduledEvent<Payload>>.allocate(capacity: capacity)
    if let old = slots[slot].base {
      bigger.moveInitialize(from: old, count: slots[slot].count)
      old.deallocate()
    }
    slots[slot].base = bigger
    slots[slot].capacity = capacity
  }

  /// Hands the next bucket that holds events to `run`, from `index` on, passing empty
  /// ones while the heap (whose first order is `heapFirst`) holds nothing before `horizon`.
  /// The run must be spent (it is: its events are all before `horizon`).
  @inlinable
  mutating func release(into run: inout SortedRun<Payload>, heapFirst: UInt128) {
    repeat {
      let slot = index & (Self.ringSize &- 1)
      let n = slots[slot].count
      let start = horizon
      index &+= 1
      horizon = Double(index) * width
      horizonOrder = ScheduledEvent<Payload>.order(of: horizon)
      if n > 0 {
        let drained = run.load(slots[slot].base.unsafelyUnwrapped, count: n, start: start, width: width)
        slots[slot].base = nil
        slots[slot].capacity = 0
        slots[slot].count = 0
        count &-= n
        // The drained buffer is freed, as the heap's buckets were: a buffer kept for a later
        // bucket (a pool) kept its peak's room in a slot that waits weeks with a few events,
        // and held 66 MB more in three months of Hồ Chí Minh City, for 4 M instructions saved
        // in a Hà Nội month. Buffers kept per slot held 95 MB in a year of day buckets.
        drained?.deallocate()
        return
      }
    } while count > 0 && heapFirst >= horizonOrder
  }

  /// The earliest time in the buckets, or +infinity (O(pending), for inspection).
  @usableFromInline
  func earliestTime() -> SimTime {
    guard count > 0 else { return .infinity }
    for b in index..<(index + Self.ringSize) {
      let bucket = slots[b & (Self.ringSize - 1)]
      if bucket.count > 0, let base = bucket.base {
        return (0..<bucket.count).map { base[$0].time }.min()!
      }
    }
    return .infinity
  }
}
