import DESKernel

/// Appointments at one desk group, beside the walk-ins (issue 28, item 4): a day of
/// slots, the desks reserved for them, how far ahead citizens book and how they come,
/// which desks serve walk-ins and in which order the desks call the two lines.
///
/// The supply side follows the booking schemes of Vietnamese centres (Đà Nẵng cancels an
/// appointment after 10 minutes' lateness) and of comparable counters abroad (no-shows,
/// release of unbooked slots, mornings for appointments, standby lists); the demand side
/// is the share who book when booking is offered and what the others do when the first
/// free slot is too far away. Sources in docs/model-assumptions.md. With `bookShare` 0
/// the block changes nothing (the model compiles it away).
public struct AppointmentConfiguration: Sendable {
  /// Which desks serve walk-ins while appointments are kept.
  public enum WalkInPolicy: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Any desk serves either line (the call order decides).
    case fillGaps = "fill_gaps"
    /// Reserved desks serve appointments (walk-ins only when no booked holder is due
    /// within `release`); the other desks serve walk-ins only.
    case separateDesks = "separate_desks"
    /// Slots only before noon; reserved desks serve walk-ins from noon on.
    case afternoonsOnly = "afternoons_only"
    /// Reserved desks take a walk-in only when no booked holder is due (a no-show's or a
    /// free slot's time); the other desks serve both lines.
    case standby

    /// As written in a scenario (`fill_gaps`), also in the scenario's description.
    public var description: String { rawValue }
  }

  /// Length of a slot in seconds.
  public var slotLength = 15.0 * 60
  /// Slots per reserved desk a day, laid from the group's first opening within its open
  /// hours; nil: as many as fit. Ignored when `slotTimes` is given.
  public var slotsPerDesk: Double?
  /// The day's slot start times (seconds after midnight) when given: a template that
  /// replaces `slotsPerDesk` (a time when the group is closed has no slot).
  public var slotTimes: [Int] = []
  /// Desks reserved for appointments: `reservedDesks` when given, otherwise the share of
  /// the group's desks, rounded, at least one.
  public var reservedDesks: Double?
  public var reservedShare = 0.5
  /// Days ahead a slot can be booked (0: today only).
  public var horizonDays = 14.0
  /// Booking closes this many seconds before a slot; from then on reserved desks with no
  /// holder due may serve walk-ins (the slot is released).
  public var releaseBefore = 0.0
  /// Extra bookings per slot, as a share of the reserved desks (spread over the day).
  public var overbooking = 0.0
  /// Share of booked citizens who never come.
  public var noShow = 0.0
  /// A holder arrives `arriveBefore` seconds before the slot plus `lateness`; later than
  /// `grace` after the slot the appointment is cancelled and they join the walk-ins.
  public var arriveBefore = 10.0 * 60
  public var lateness: Distribution = try! .uniform(low: 0, high: 15 * 60)
  public var grace = 10.0 * 60
  public var walkIns: WalkInPolicy = .fillGaps
  /// Call order: appointments first (nil), or `k` appointments for each walk-in.
  public var kPerWalkIn: Int?
  /// Share of new walk-in citizens who book when booking is offered.
  public var bookShare = 0.0
  /// A citizen whose first free slot is more than `maxWaitDays` away walks in, waits for
  /// the slot or gives up with these shares (summing to 1).
  public var maxWaitDays = 7.0
  public var ifLaterWalkIn = 1.0
  public var ifLaterWait = 0.0
  public var ifLaterGiveUp = 0.0

  public init() {}

  /// Desks reserved in a group of `count` desks.
  public func reserved(of count: Int) -> Int {
    let n = reservedDesks.map { Int($0.rounded(.down)) } ?? Int((reservedShare * Double(count)).rounded())
    return Swift.min(count, Swift.max(1, n))
  }
}
