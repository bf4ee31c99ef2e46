import DESKernel

/// What one unit's appointments did over the statistics period (issue 28, item 4): the
/// citizens offered a booking and how far away their first free slot was (the access
/// time), who booked, walked in instead or gave up, and how the booked came (no-shows,
/// late cancellations) and waited. Kept only in a run whose model has appointments.
public struct AppointmentCounts: Sendable {
  /// New walk-in citizens offered a booking, those who asked for a slot, and those who
  /// booked one.
  public var offered = 0
  public var sought = 0
  public var booked = 0
  /// Days from asking to the first free slot (the horizon plus one when none was free),
  /// as a tally and as counts per whole day (`accessHistogram[d]`) for its quantiles.
  public var accessDays = Tally()
  public var accessHistogram: [Int] = []
  /// Citizens whose first free slot was too far who walked in instead, and who gave up.
  public var walkedIn = 0
  public var gaveUp = 0
  /// Booked citizens who never came, and who came later than the grace (the appointment
  /// cancelled: they join the walk-ins).
  public var noShows = 0
  public var lateCancelled = 0
  /// Waits of appointment holders from arrival in the hall to the call.
  public var waits = Tally()

  public init() {}

  /// The smallest whole number of days at or below which a share `q` of the access
  /// times lie (0 without any).
  public func accessQuantile(_ q: Double) -> Double {
    let n = accessHistogram.reduce(0, +)
    guard n > 0 else { return 0 }
    let need = Int((q * Double(n)).rounded(.up))
    var seen = 0
    for (d, c) in accessHistogram.enumerated() {
      seen += c
      if seen >= need { return Double(d) }
    }
    return Double(accessHistogram.count - 1)
  }

  /// Adds `other`'s counts (a level's or a province's appointments from its units').
  public mutating func merge(_ other: AppointmentCounts) {
    offered += other.offered
    sought += other.sought
    booked += other.booked
    accessDays.merge(other.accessDays)
    if accessHistogram.count < other.accessHistogram.count {
      accessHistogram += [Int](repeating: 0, count: other.accessHistogram.count - accessHistogram.count)
    }
    for (d, c) in other.accessHistogram.enumerated() { accessHistogram[d] += c }
    walkedIn += other.walkedIn
    gaveUp += other.gaveUp
    noShows += other.noShows
    lateCancelled += other.lateCancelled
    waits.merge(other.waits)
  }
}
