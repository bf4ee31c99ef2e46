/// A pending event as it sits in the calendar: a value, never an object.
///
/// The whole ordering key `(time, priority, sequence)` is one `UInt128`: the time's bit
/// pattern in the high 64 bits, the priority in the next 8 and the sequence number in the
/// low 56. Times are finite and never negative (`Scheduler` checks), and the bit patterns
/// of such doubles order as the numbers do once -0 is made +0; so "fires first" is a
/// single 128-bit comparison, which the compiler turns into a compare and a borrow with
/// no branch. The heap's tournament between four children then selects with conditional
/// moves instead of mispredicted jumps. 2^56 events is seven centuries at a billion
/// events per second.
public struct ScheduledEvent<Payload> {
  /// `time.bitPattern << 64 | priority << 56 | sequence`; smaller fires first.
  @usableFromInline let order: UInt128
  /// What the model wants to happen.
  public let payload: Payload

  @inlinable @inline(__always)
  init(time: SimTime, key: UInt64, payload: Payload) {
    // `+ 0` turns -0 into +0 (IEEE 754), whose bits order as 0; other times pass unchanged.
    self.order = UInt128((time + 0).bitPattern) << 64 | UInt128(key)
    self.payload = payload
  }

  /// The least order of an event at `time` (`time` finite or +infinity, not negative):
  /// an event fires before `time` exactly when its order is less.
  @inlinable @inline(__always)
  static func order(of time: SimTime) -> UInt128 { UInt128((time + 0).bitPattern) << 64 }

  /// When the event fires.
  @inlinable
  public var time: SimTime { SimTime(bitPattern: UInt64(truncatingIfNeeded: order >> 64)) }

  /// `priority << 56 | sequence`.
  @usableFromInline var key: UInt64 { UInt64(truncatingIfNeeded: order) }

  /// The same-time priority this event was scheduled with.
  public var priority: EventPriority { EventPriority(UInt8(truncatingIfNeeded: key >> 56)) }

  /// The insertion number: the FIFO tie-break among equal time and priority.
  public var sequence: UInt64 { key & ScheduledEvent.sequenceMask }

  @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

  /// `true` when `self` must fire before `other`.
  @inlinable @inline(__always)
  func precedes(_ other: ScheduledEvent) -> Bool { order < other.order }
}
