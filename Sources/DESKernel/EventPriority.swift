/// The order of events that fall at the same instant.
///
/// Events are ordered by `(time, priority, sequence)`: lower priority values run first,
/// and among equal priorities the event scheduled first runs first (FIFO). The names say
/// what each band is for, in the spirit of simmer's `PRIORITY_RELEASE`: a server that
/// finishes at 10:00 must be free before a customer arriving at 10:00 looks for one, and
/// bookkeeping such as deadline checks must see the state after everything else at that
/// instant.
public struct EventPriority: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Smaller runs first.
  public let rawValue: UInt8

  @inlinable
  public init(_ rawValue: UInt8) { self.rawValue = rawValue }

  /// Capacity changes (shift starts and ends, openings and closings).
  @inlinable public static var capacity: EventPriority { EventPriority(16) }
  /// Releases: service completions, a resource becoming free.
  @inlinable public static var release: EventPriority { EventPriority(64) }
  /// The default band: arrivals and everything without a reason to be elsewhere.
  @inlinable public static var normal: EventPriority { EventPriority(128) }
  /// Bookkeeping that must observe the settled state of the instant (deadline watches,
  /// statistics snapshots).
  @inlinable public static var late: EventPriority { EventPriority(224) }

  @inlinable
  public static func < (a: EventPriority, b: EventPriority) -> Bool {
    a.rawValue < b.rawValue
  }

  public var description: String { "priority(\(rawValue))" }
}
