/// A calendar date in the proleptic Gregorian calendar, with no time zone: the local date
/// of a Vietnamese office (UTC+7, no daylight saving).
///
/// Conversion to and from a day number uses Howard Hinnant's `days_from_civil`
/// algorithm (chrono-compatible date algorithms), exact for any year a planner will use.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A date; fails when the day does not exist (30 February, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber z0: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    month = m
    day = d
  }

  /// Days since 1970-01-01.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// ISO weekday: 1 = Monday ... 7 = Sunday.
  public var weekday: Int { CivilDate.weekday(ofDayNumber: dayNumber) }

  /// ISO weekday of a day number (1970-01-01 was a Thursday).
  public static func weekday(ofDayNumber n: Int) -> Int {
    let w = (n + 3) % 7  // 0 = Monday
    return (w < 0 ? w + 7 : w) + 1
  }

  /// The date `n` calendar days later (or earlier for negative `n`).
  public func adding(days n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + n) }

  /// Number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// A time of day in seconds after midnight, written `HH:MM`.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds after midnight, 0 ... 86400.
  public let seconds: Int

  /// `hours:minutes`; 24:00 is allowed as the end of a day.
  public init?(hours: Int, minutes: Int = 0) {
    guard (0...24).contains(hours), (0...59).contains(minutes), hours < 24 || minutes == 0 else { return nil }
    seconds = hours * 3600 + minutes * 60
  }

  /// Parses `H:MM` or `HH:MM`.
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      let h = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(hours: h, minutes: m)
  }

  public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.seconds < b.seconds }

  public var description: String {
    let h = seconds / 3600, m = (seconds % 3600) / 60
    return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
  }
}
