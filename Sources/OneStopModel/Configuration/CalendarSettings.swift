import DESKernel

/// The working-day calendar.
public struct CalendarSettings: Sendable {
  /// Use Vietnam's bundled civil-service calendar (2022-2026).
  public var vietnam: Bool = true
  /// Extra Monday-Friday days off and extra worked weekend days.
  public var extraDaysOff: [CivilDate] = []
  public var extraWorkingDays: [CivilDate] = []
  /// Whether a Saturday counts toward deadlines (R19; default no, unverified).
  public var saturdayCountsForDeadline = false
  /// Allow years without bundled data (only weekends and the extra days then apply).
  public var allowUnbundledYears = false
  public init() {}
}
