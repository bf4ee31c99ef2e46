/// Surge overtime of a back office: when the work waiting at its station passes a
/// threshold on a working morning, its officers work that day's evening (and the next
/// Saturday) while the Labour Code's overtime caps allow.
///
/// Why: the land-surge reports describe offices that met a backlog by working "late into
/// the night and even on weekends" (Chơn Thành branch, Bình Phước, 2022) or at night
/// (Hải Dương, 2024-2025); without a response the model's peak pools run at the edge of
/// the officers present. Labour Code 2019 Art. 107(2)(b)-(c) caps overtime at 40 hours a
/// month and 200 hours a year per worker (300 in some sectors).
public struct OvertimeConfiguration: Sendable, Hashable {
  /// The pool works overtime on a working day whose morning backlog is above this many
  /// days of work: the mean work of the dossiers waiting, over the officers present
  /// times the day's normal open hours.
  public var backlogAboveDays: Double
  /// Extra hours on a working day (nil: none).
  public var evening: OpenInterval?
  /// Extra hours on the Saturday after a working day with overtime (nil: none).
  public var saturday: OpenInterval?
  /// Caps per officer, in hours of overtime a calendar month and a calendar year.
  public var capHoursPerMonth: Double
  public var capHoursPerYear: Double

  /// Overtime evenings 17:00-19:00 above 3 days of backlog, within 40 hours a month and
  /// 200 a year (Labour Code 2019 Art. 107(2)(b)-(c)), no Saturdays.
  public init(
    backlogAboveDays: Double = 3,
    evening: OpenInterval? = OpenInterval(open: TimeOfDay(hours: 17)!, close: TimeOfDay(hours: 19)!),
    saturday: OpenInterval? = nil, capHoursPerMonth: Double = 40, capHoursPerYear: Double = 200
  ) {
    self.backlogAboveDays = backlogAboveDays
    self.evening = evening
    self.saturday = saturday
    self.capHoursPerMonth = capHoursPerMonth
    self.capHoursPerYear = capHoursPerYear
  }
}
