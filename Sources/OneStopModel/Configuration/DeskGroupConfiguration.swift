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
  /// Tickets the group hands out a day for its fields (a whole number); nil: no limit.
  /// Citizens who come when every group serving their field has handed out its quota
  /// are turned away (`over_quota`).
  public var quota: Double?
  /// Appointments kept at the group beside the walk-ins; nil: walk-ins only.
  public var appointments: AppointmentConfiguration?

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

extension DeskGroupConfiguration: CustomReflectable {
  /// The group as `String(describing:)` (and so a scenario's hash) sees it: `quota`
  /// appears only when set, `appointments` only when someone books, so a scenario without quotas keeps its hash.
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("id", id), ("count", count), ("fields", fields), ("hours", hours as Any), ("staff", staff),
      ("serviceTimeFactor", serviceTimeFactor), ("lunchStagger", lunchStagger as Any),
    ]
    if let quota { children.append(("quota", quota)) }
    // Appointments that nobody books change nothing: they keep the hash too.
    if let appointments, appointments.bookShare > 0 { children.append(("appointments", appointments)) }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}

/// Who staffs a desk.
public enum StaffType: String, Sendable, CaseIterable {
  case civilServant = "civil-servant"
  /// VNPost staff working the desk (the Việt Yên / Hiệp Hòa pilot, R15).
  case postalContractor = "postal-contractor"
  case agencyOfficer = "agency-officer"
}
