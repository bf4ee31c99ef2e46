/// Which days are working days, and working-day arithmetic for legal deadlines.
///
/// A working day is a Monday-Friday that is not a day off, or a weekend day declared a
/// working day (the make-up Saturday of a swap). Saturday *opening* of a desk does not
/// make Saturday a working day for deadlines (R19) unless `saturdayCountsForDeadline`.
///
/// Arithmetic follows the Civil Code (Art. 147-148, R8): a period of N working days
/// starting with an event on day D does not count D; it ends at the end of the N-th
/// working day after D. Lookups are O(1): the calendar keeps, for every day in its
/// range, the number of working days up to it, and the list of working days.
public struct WorkCalendar: Sendable {
  /// Why a day is or is not worked.
  public enum DayKind: UInt8, Sendable {
    case working
    case weekend
    /// A Monday-Friday not worked: a public holiday, compensatory or swapped day off.
    case holiday
    /// A weekend day inside a holiday period (e.g. the Saturday of the Tết week):
    /// closed even for desks that open on ordinary Saturdays.
    case weekendInHoliday
  }

  /// First day covered (day number since 1970-01-01).
  public let firstDay: Int
  /// Days covered.
  public let dayCount: Int
  /// Whether Saturdays count as working days for deadlines.
  public let saturdayCountsForDeadline: Bool
  let kinds: [DayKind]
  /// workingUpTo[i] = number of working days in [firstDay, firstDay + i].
  let workingUpTo: [Int32]
  /// Day numbers of the working days, in order.
  let workingDays: [Int32]

  /// A calendar covering `first ... last` (day numbers).
  /// - Parameters:
  ///   - daysOff: Monday-Friday dates not worked.
  ///   - workingWeekendDays: weekend dates that are worked (swaps).
  public init(
    first: Int, last: Int, daysOff: Set<Int>, workingWeekendDays: Set<Int>,
    saturdayCountsForDeadline: Bool = false
  ) {
    precondition(last >= first, "calendar range is empty")
    firstDay = first
    dayCount = last - first + 1
    self.saturdayCountsForDeadline = saturdayCountsForDeadline
    var kinds = [DayKind](repeating: .working, count: dayCount)
    for i in 0..<dayCount {
      let day = first + i
      let wd = CivilDate.weekday(ofDayNumber: day)
      if wd >= 6 {
        let worked = workingWeekendDays.contains(day) || (wd == 6 && saturdayCountsForDeadline)
        kinds[i] = worked ? .working : .weekend
      } else {
        kinds[i] = daysOff.contains(day) ? .holiday : .working
      }
    }
    // A weekend day touching a holiday on either side of the weekend is part of it.
    for i in 0..<dayCount where kinds[i] == .weekend {
      let wd = CivilDate.weekday(ofDayNumber: first + i)
      let friday = i - (wd - 5), monday = i + (8 - wd)
      let fridayOff = friday >= 0 && kinds[friday] == .holiday
      let mondayOff = monday < dayCount && kinds[monday] == .holiday
      if fridayOff || mondayOff { kinds[i] = .weekendInHoliday }
    }
    self.kinds = kinds
    var upTo = [Int32](repeating: 0, count: dayCount)
    var list: [Int32] = []
    var n: Int32 = 0
    for i in 0..<dayCount {
      if kinds[i] == .working {
        n += 1
        list.append(Int32(first + i))
      }
      upTo[i] = n
    }
    workingUpTo = upTo
    workingDays = list
  }

  /// Last day covered.
  public var lastDay: Int { firstDay + dayCount - 1 }

  /// What kind of day `day` is (days outside the range count as plain weekdays/weekends).
  public func kind(of day: Int) -> DayKind {
    let i = day - firstDay
    guard i >= 0, i < dayCount else {
      return CivilDate.weekday(ofDayNumber: day) >= 6 ? .weekend : .working
    }
    return kinds[i]
  }

  /// `true` when `day` counts for deadlines.
  @inline(__always)
  public func isWorkingDay(_ day: Int) -> Bool { kind(of: day) == .working }

  /// Number of working days in (`a`, `b`]: 0 when b <= a.
  public func workingDays(after a: Int, through b: Int) -> Int {
    guard b > a else { return 0 }
    return upTo(b) - upTo(a)
  }

  /// The `n`-th working day after `day` (`day` itself not counted, R8); `n` <= 0 gives
  /// `day` itself.
  ///
  /// Total, never a trap: past the calendar's last day, Monday to Friday count as
  /// working days (as `kind(of:)` says), so a deadline or a drawn delay that runs
  /// beyond the range (which covers the run and 800 days after it) lands on a plain
  /// weekday after the run's end instead of stopping the program. `n` is capped at
  /// `Self.farFuture` working days, far beyond any run.
  public func addingWorkingDays(_ n: Int, to day: Int) -> Int {
    if n <= 0 { return day }
    let target = upTo(day) + Swift.min(n, Self.farFuture)  // ordinal of the wanted working day, 1-based
    if target <= workingDays.count { return Int(workingDays[target - 1]) }
    return Swift.max(day + 1, Self.addingWeekdays(target - workingDays.count, to: lastDay))
  }

  /// Working days beyond which arithmetic stops counting (about 4,000 years).
  public static let farFuture = 1_000_000

  /// The `n`-th Monday-Friday after `day` (n >= 1).
  static func addingWeekdays(_ n: Int, to day: Int) -> Int {
    var d = day + (n - 1) / 5 * 7
    var left = (n - 1) % 5 + 1
    while left > 0 {
      d += 1
      if CivilDate.weekday(ofDayNumber: d) <= 5 { left -= 1 }
    }
    return d
  }

  /// Monday-Fridays in (`a`, `b`], b >= a.
  static func weekdays(after a: Int, through b: Int) -> Int {
    let span = b - a
    var n = span / 7 * 5
    var d = a + span / 7 * 7
    while d < b {
      d += 1
      if CivilDate.weekday(ofDayNumber: d) <= 5 { n += 1 }
    }
    return n
  }

  /// The first working day strictly after `day`.
  public func nextWorkingDay(after day: Int) -> Int { addingWorkingDays(1, to: day) }

  /// `day` if it is a working day, else the next one.
  public func workingDayOnOrAfter(_ day: Int) -> Int {
    isWorkingDay(day) ? day : nextWorkingDay(after: day)
  }

  /// Number of working days in the calendar year `year` (within the range).
  public func workingDays(inYear year: Int) -> Int {
    let a = CivilDate(year: year, month: 1, day: 1)!.dayNumber
    let b = CivilDate(year: year, month: 12, day: 31)!.dayNumber
    return workingDays(after: a - 1, through: b)
  }

  /// Working days in [firstDay, day]: 0 before the range, and past it the range's
  /// count plus the Monday-Fridays after its last day (capped at `farFuture`).
  private func upTo(_ day: Int) -> Int {
    let i = day - firstDay
    if i < 0 { return 0 }
    if i < dayCount { return Int(workingUpTo[i]) }
    return workingDays.count + Self.weekdays(after: lastDay, through: Swift.min(day, lastDay + Self.farFuture))
  }
}

extension WorkCalendar {
  /// Vietnam's civil-service calendar (bundled years 2022-2026, `docs/calendars.md`)
  /// over `first ... last`, plus scenario-specific days off and working days.
  ///
  /// Throws when the range touches a year with no bundled data, unless
  /// `allowUnbundledYears` (then only weekends and the scenario's own days apply).
  public static func vietnam(
    first: Int, last: Int, extraDaysOff: Set<Int> = [], extraWorkingDays: Set<Int> = [],
    saturdayCountsForDeadline: Bool = false, allowUnbundledYears: Bool = false
  ) throws(CalendarError) -> WorkCalendar {
    var off = extraDaysOff
    var worked = extraWorkingDays
    let y0 = CivilDate(dayNumber: first).year, y1 = CivilDate(dayNumber: last).year
    var missing: [Int] = []
    for year in y0...y1 {
      guard let entries = vietnamCalendarData[year] else {
        missing.append(year)
        continue
      }
      for e in entries {
        guard let d = CivilDate(iso: e.date) else { continue }
        if e.dayOff { off.insert(d.dayNumber) } else { worked.insert(d.dayNumber) }
      }
    }
    if !missing.isEmpty && !allowUnbundledYears {
      let years = vietnamCalendarData.keys.sorted()
      throw CalendarError(missingYears: missing, bundledYears: years.first!...years.last!)
    }
    return WorkCalendar(
      first: first, last: last, daysOff: off, workingWeekendDays: worked,
      saturdayCountsForDeadline: saturdayCountsForDeadline)
  }

  /// Years with a bundled Vietnamese calendar.
  public static var bundledVietnamYears: [Int] { vietnamCalendarData.keys.sorted() }
}

/// A calendar that cannot be built: years of the range with no bundled data. Says
/// what is missing, not how a scenario file fixes it (the compiler adds that).
public struct CalendarError: Error, CustomStringConvertible, Equatable {
  public let missingYears: [Int]
  public let bundledYears: ClosedRange<Int>
  public var message: String {
    """
      no bundled Vietnamese calendar for \(missingYears.map(String.init).joined(separator: ", ")) (bundled: \
      \(bundledYears.lowerBound)-\(bundledYears.upperBound))
      """
  }
  public var description: String { message }
}
