/// One open interval of a day, in seconds after midnight: [open, close).
public struct OpenInterval: Hashable, Sendable, CustomStringConvertible {
  public var open: Int
  public var close: Int

  /// An interval; `open < close`, both within 0 ... 86400.
  public init(open: TimeOfDay, close: TimeOfDay) {
    self.open = open.seconds
    self.close = close.seconds
  }

  init(open: Int, close: Int) {
    self.open = open
    self.close = close
  }

  public var description: String {
    """
      \(TimeOfDay(hours: open / 3600, minutes: open % 3600 / 60)!)-\
      \(TimeOfDay(hours: close / 3600, minutes: close % 3600 / 60)!)
      """
  }
}

/// The hours of one day: sorted, non-overlapping intervals (two with a lunch break).
public struct DailyHours: Hashable, Sendable, CustomStringConvertible {
  public var intervals: [OpenInterval]

  /// Closed all day.
  public static let closed = DailyHours(intervals: [])

  /// The default office day of Vietnamese one-stop units (R18): 07:00-11:30, 13:30-17:00.
  public static let standardOffice = DailyHours(intervals: [
    OpenInterval(open: 7 * 3600, close: 11 * 3600 + 1800),
    OpenInterval(open: 13 * 3600 + 1800, close: 17 * 3600),
  ])

  /// Morning only: 07:00-11:30.
  public static let morningOnly = DailyHours(intervals: [OpenInterval(open: 7 * 3600, close: 11 * 3600 + 1800)])

  /// Hours from intervals; call `validate()` before use.
  public init(intervals: [OpenInterval]) { self.intervals = intervals }

  /// Reasons the hours are invalid, empty when valid.
  public func problems() -> [String] {
    var out: [String] = []
    for i in intervals {
      if i.open < 0 || i.close > 86_400 { out.append("interval \(i) lies outside 00:00-24:00") }
      if i.open >= i.close { out.append("interval \(i) closes before it opens") }
    }
    for (a, b) in zip(intervals, intervals.dropFirst()) where b.open < a.close {
      out.append("intervals \(a) and \(b) overlap or are out of order")
    }
    return out
  }

  /// Total open seconds.
  public var openSeconds: Int { intervals.reduce(0) { $0 + $1.close - $1.open } }

  /// The same day with every break `seconds` later: the first opening and the last
  /// closing stay (a staggered lunch: 07:00-11:30, 13:30-17:00 becomes 07:00-12:30,
  /// 14:30-17:00 for one hour). A break pushed past the day's end leaves an interval
  /// that `problems()` reports.
  public func staggered(by seconds: Int) -> DailyHours {
    guard intervals.count > 1 else { return self }
    return DailyHours(
      intervals: intervals.indices.map { k in
        OpenInterval(
          open: intervals[k].open + (k == 0 ? 0 : seconds),
          close: intervals[k].close + (k == intervals.count - 1 ? 0 : seconds))
      })
  }

  /// `true` when `other`'s intervals all lie within these hours.
  public func contains(_ other: DailyHours) -> Bool {
    other.intervals.allSatisfy { o in intervals.contains { $0.open <= o.open && o.close <= $0.close } }
  }

  public var description: String {
    intervals.isEmpty ? "closed" : intervals.map(\.description).joined(separator: ", ")
  }
}

/// Hours for each day of the week, Monday first.
public struct WeeklyHours: Hashable, Sendable {
  /// Seven entries, Monday ... Sunday.
  public var days: [DailyHours]

  /// The same hours Monday to Friday, and the given Saturday and Sunday hours.
  public init(weekdays: DailyHours, saturday: DailyHours = .closed, sunday: DailyHours = .closed) {
    days = Array(repeating: weekdays, count: 5) + [saturday, sunday]
  }

  /// Explicit hours per day, Monday first.
  public init(days: [DailyHours]) {
    precondition(days.count == 7, "WeeklyHours needs 7 days")
    self.days = days
  }

  /// Standard office hours Monday-Friday, closed at weekends.
  public static let standardOffice = WeeklyHours(weekdays: .standardOffice)
}

/// Opening hours over the year: weekly hours, seasonal variants (summer/winter hours,
/// R18), and the working-day calendar (closed on holidays; a make-up Saturday uses
/// Monday's hours; an ordinary weekend day uses its own weekend hours, which is how
/// Saturday opening is expressed).
public struct OpeningSchedule: Hashable, Sendable {
  /// A seasonal variant, from `from` to `through` (month and day, inclusive, may wrap the year end).
  public struct Season: Hashable, Sendable {
    public var fromMonth: Int, fromDay: Int, throughMonth: Int, throughDay: Int
    public var hours: WeeklyHours
    public init(fromMonth: Int, fromDay: Int, throughMonth: Int, throughDay: Int, hours: WeeklyHours) {
      self.fromMonth = fromMonth
      self.fromDay = fromDay
      self.throughMonth = throughMonth
      self.throughDay = throughDay
      self.hours = hours
    }

    func covers(_ date: CivilDate) -> Bool {
      let x = date.month * 100 + date.day
      let a = fromMonth * 100 + fromDay, b = throughMonth * 100 + throughDay
      return a <= b ? (a...b).contains(x) : (x >= a || x <= b)
    }
  }

  /// Hours outside any season.
  public var base: WeeklyHours
  /// Seasonal variants; the first that covers a date wins.
  public var seasons: [Season]
  /// Extra weekend hours from a date on (e.g. Saturday opening from 2022-07-16):
  /// before `weekendFrom`, weekend hours are closed.
  public var weekendFrom: CivilDate?

  public init(base: WeeklyHours, seasons: [Season] = [], weekendFrom: CivilDate? = nil) {
    self.base = base
    self.seasons = seasons
    self.weekendFrom = weekendFrom
  }

  public static let standardOffice = OpeningSchedule(base: .standardOffice)

  /// Every day's breaks `seconds` later (`DailyHours.staggered(by:)`), seasons included.
  public func staggered(by seconds: Int) -> OpeningSchedule {
    var s = self
    s.base = WeeklyHours(days: base.days.map { $0.staggered(by: seconds) })
    for k in s.seasons.indices {
      s.seasons[k].hours = WeeklyHours(days: seasons[k].hours.days.map { $0.staggered(by: seconds) })
    }
    return s
  }

  /// The hours of `day` (day number) under `calendar`.
  public func hours(onDay day: Int, calendar: WorkCalendar) -> DailyHours {
    let date = CivilDate(dayNumber: day)
    let weekly = seasons.first { $0.covers(date) }?.hours ?? base
    let weekday = date.weekday
    switch calendar.kind(of: day) {
    case .holiday, .weekendInHoliday:
      return .closed
    case .working:
      if weekday == 6 && calendar.saturdayCountsForDeadline {
        if let from = weekendFrom, date < from { return .closed }
        return weekly.days[5]
      }
      // A worked weekend day is a make-up day of a swap: ordinary weekday hours.
      return weekday >= 6 ? weekly.days[0] : weekly.days[weekday - 1]
    case .weekend:
      if let from = weekendFrom, date < from { return .closed }
      return weekly.days[weekday - 1]
    }
  }
}
