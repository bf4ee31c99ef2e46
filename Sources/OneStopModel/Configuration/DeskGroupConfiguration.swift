import DESKernel

/// Identical desks at one front office with the same categories and hours.
public struct DeskGroupConfiguration: Sendable {
  public var id: String
  /// Number of desks.
  public var count: Int
  /// Fields (ticket categories) served; empty means all.
  public var fields: [String]
  /// Desk hours; nil means the unit's hours.
  public var hours: OpeningSchedule?
  public var staff: StaffType
  /// Multiplies every service time at these desks (postal staff: 1.1, prior).
  public var serviceTimeFactor: Double
  /// Seconds by which half of the desks (floor(count/2)) take every break of the day
  /// later, so the group never closes for lunch all at once; nil or 0: no stagger.
  public var lunchStagger: Int?

  public init(
    id: String, count: Int, fields: [String] = [], hours: OpeningSchedule? = nil,
    staff: StaffType = .civilServant, serviceTimeFactor: Double? = nil
  ) {
    self.id = id
    self.count = count
    self.fields = fields
    self.hours = hours
    self.staff = staff
    self.serviceTimeFactor = serviceTimeFactor ?? (staff == .postalContractor ? 1.1 : 1.0)
  }
}

/// Who staffs a desk.
public enum StaffType: String, Sendable, CaseIterable {
  case civilServant = "civil-servant"
  /// VNPost staff working the desk (the Việt Yên / Hiệp Hòa pilot, R15).
  case postalContractor = "postal-contractor"
  case agencyOfficer = "agency-officer"
}
