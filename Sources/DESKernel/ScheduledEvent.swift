/// A pending event as it sits in the calendar: a value, never an object.
///
/// The ordering key packs the priority into the top 8 bits and the sequence number into
/// the low 56 bits of one `UInt64`, so the tie-break of `(time, priority, sequence)` is
/// a single integer comparison. 2^56 events is seven centuries at a billion events per
/// second.
public struct ScheduledEvent<Payload> {
  /// When the event fires.
  public let time: SimTime
  /// `priority << 56 | sequence`; smaller fires first among equal times.
  @usableFromInline let key: UInt64
  /// What the model wants to happen.
  public let payload: Payload

  @inlinable
  init(time: SimTime, key: UInt64, payload: Payload) {
    self.time = time
    self.key = key
    self.payload = payload
  }

  /// The same-time priority this event was scheduled with.
  public var priority: EventPriority { EventPriority(UInt8(truncatingIfNeeded: key >> 56)) }

  /// The insertion number: the FIFO tie-break among equal time and priority.
  public var sequence: UInt64 { key & ScheduledEvent.sequenceMask }

  @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

  /// `true` when `self` must fire before `other`.
  @inlinable @inline(__always)
  func precedes(_ other: ScheduledEvent) -> Bool {
    time < other.time || (time == other.time && key < other.key)
  }
}
