/// An `OpeningSchedule` laid out over the days of a run, for O(1) queries in the event
/// loop: whether it is open at an instant, the next opening or closing, and adding
/// working time (an officer's three hours of work started at 16:00 end at 09:00 the next
/// working day when the office closes at 17:00 and opens at 07:00).
///
/// Instants are seconds since midnight of the run's first day (`epochDay`). Memory is one
/// byte per day plus the distinct day patterns, so a ten-year run costs kilobytes.
public struct ResolvedSchedule: Sendable {
  /// Day number of instant 0.
  public let epochDay: Int
  /// Distinct day patterns; `patternOfDay[i]` indexes it for day `epochDay + i`.
  let patterns: [DailyHours]
  let patternOfDay: [UInt16]

  /// Resolves `schedule` for days `epochDay ..< epochDay + days`.
  public init(_ schedule: OpeningSchedule, calendar: WorkCalendar, epochDay: Int, days: Int) {
    self.init(epochDay: epochDay, days: days) { schedule.hours(onDay: epochDay + $0, calendar: calendar) }
  }

  /// Lays out `days` days from the hours of each (by day index), keeping each distinct
  /// day pattern once.
  init(epochDay: Int, days: Int, hoursOfDay: (Int) -> DailyHours) {
    var patterns: [DailyHours] = []
    var index: [DailyHours: UInt16] = [:]
    var ofDay = [UInt16](repeating: 0, count: days)
    for i in 0..<days {
      let h = hoursOfDay(i)
      if let k = index[h] {
        ofDay[i] = k
      } else {
        let k = UInt16(patterns.count)
        patterns.append(h)
        index[h] = k
        ofDay[i] = k
      }
    }
    self.init(epochDay: epochDay, patterns: patterns, patternOfDay: ofDay)
  }

  /// A schedule from its laid-out parts (`init(_:base:calendar:)` of a surge day).
  init(epochDay: Int, patterns: [DailyHours], patternOfDay: [UInt16]) {
    self.epochDay = epochDay
    self.patterns = patterns
    self.patternOfDay = patternOfDay
  }

  /// Number of days covered.
  public var days: Int { patternOfDay.count }

  /// The hours of day `i` of the run (0 = first day); closed beyond the range.
  @inline(__always)
  public func hours(dayIndex i: Int) -> DailyHours {
    i >= 0 && i < patternOfDay.count ? patterns[Int(patternOfDay[i])] : .closed
  }

  /// `true` when open at instant `t`.
  public func isOpen(at t: Double) -> Bool {
    let day = Int((t / 86_400).rounded(.down))
    let s = t - Double(day) * 86_400
    return hours(dayIndex: day).intervals.contains { Double($0.open) <= s && s < Double($0.close) }
  }

  /// The first instant >= `t` at which the schedule is open, or nil when it never opens
  /// again within the range.
  public func nextOpening(atOrAfter t: Double) -> Double? {
    var day = Int((t / 86_400).rounded(.down))
    var s = t - Double(day) * 86_400
    while day < patternOfDay.count {
      for i in hours(dayIndex: day).intervals where s < Double(i.close) {
        return Double(day) * 86_400 + Swift.max(s, Double(i.open))
      }
      day += 1
      s = 0
    }
    return nil
  }

  /// The first instant > `t` where the schedule opens or closes, and whether it opens.
  public func nextChange(after t: Double) -> (time: Double, opens: Bool)? {
    var day = Int((t / 86_400).rounded(.down))
    let s = t - Double(day) * 86_400
    var first = true
    while day < patternOfDay.count {
      for i in hours(dayIndex: day).intervals {
        let o = Double(i.open), c = Double(i.close)
        if !first || o > s { return (Double(day) * 86_400 + o, true) }
        if c > s { return (Double(day) * 86_400 + c, false) }
      }
      day += 1
      first = false
    }
    return nil
  }

  /// The instant at which `work` seconds of open time, started at `t`, are done.
  /// Returns +infinity when the schedule closes for good first. With `deadlineDays`,
  /// only the open hours of its working days count: a deadline in working hours does not
  /// run on a Saturday opening unless Saturdays count for deadlines (R19).
  public func addingWorkingTime(_ work: Double, to t: Double, deadlineDays: WorkCalendar? = nil) -> Double {
    var remaining = work
    var day = Int((t / 86_400).rounded(.down))
    var s = t - Double(day) * 86_400
    while day < patternOfDay.count {
      let base = Double(day) * 86_400
      let counts = deadlineDays.map { $0.isWorkingDay(epochDay + day) } ?? true
      for i in hours(dayIndex: day).intervals where counts && s < Double(i.close) {
        let start = Swift.max(s, Double(i.open))
        let available = Double(i.close) - start
        if remaining <= available { return base + start + remaining }
        remaining -= available
        s = Double(i.close)
      }
      day += 1
      s = 0
    }
    return .infinity
  }

  /// Open seconds in [`a`, `b`).
  public func openSeconds(from a: Double, to b: Double) -> Double {
    guard b > a else { return 0 }
    var total = 0.0
    var day = Int((a / 86_400).rounded(.down))
    let lastDay = Int((b / 86_400).rounded(.down))
    while day <= lastDay && day < patternOfDay.count {
      let base = Double(day) * 86_400
      for i in hours(dayIndex: day).intervals {
        let lo = Swift.max(a, base + Double(i.open)), hi = Swift.min(b, base + Double(i.close))
        if hi > lo { total += hi - lo }
      }
      day += 1
    }
    return total
  }

  /// The close time of the last interval of day `dayIndex`, if open that day.
  public func lastClose(dayIndex: Int) -> Double? {
    guard let last = hours(dayIndex: dayIndex).intervals.last else { return nil }
    return Double(dayIndex) * 86_400 + Double(last.close)
  }
}
