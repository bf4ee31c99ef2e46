/// The opening hours of every resolved schedule of a model and its working-day calendar,
/// in flat buffers of plain values that the event loop reads through `CalendarReader`.
///
/// Why: `ResolvedSchedule` and `WorkCalendar` keep their days in Swift arrays, so a copy
/// taken out of an array of them inside a mutating handler retains and releases each of
/// its arrays; in the province profile those copies once made most of the reference
/// counting of the event loop. The compiled model keeps its laid-out hours only here
/// (`CompiledModel.resolvedSchedule(_:)` rebuilds the array form on demand). The table
/// is built once per compiled model and owns its memory; the reader is a bundle of raw
/// pointers, valid while the model lives, and answers the same questions with the same
/// arithmetic as `ResolvedSchedule` (`CalendarTableTests` holds the two together).
public final class CalendarTable: @unchecked Sendable {
  public let reader: CalendarReader
  private let allocations: [UnsafeMutableRawPointer]

  public init(schedules: [ResolvedSchedule], calendar: WorkCalendar) {
    var patterns: [[OpenInterval]] = []
    var base: [Int32] = []
    for s in schedules {
      base.append(Int32(patterns.count))
      patterns += s.patterns.map(\.intervals)
    }
    let days = schedules.map(\.days).max() ?? 0
    var allocations: [UnsafeMutableRawPointer] = []
    func buffer<T>(_ values: [T]) -> UnsafePointer<T> {
      let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(values.count, 1))
      p.initialize(from: values, count: values.count)
      allocations.append(UnsafeMutableRawPointer(p))
      return UnsafePointer(p)
    }
    // Day patterns, as global pattern indices; -1 beyond a schedule's days (closed).
    var dayPattern = [Int32](repeating: -1, count: schedules.count * days)
    for (k, s) in schedules.enumerated() {
      for d in 0..<s.days { dayPattern[k * days + d] = base[k] + Int32(s.patternOfDay[d]) }
    }
    var first: [Int32] = [0]
    var opens: [Double] = [], closes: [Double] = []
    for p in patterns {
      for i in p {
        opens.append(Double(i.open))
        closes.append(Double(i.close))
      }
      first.append(Int32(opens.count))
    }
    reader = CalendarReader(
      days: days, dayPattern: buffer(dayPattern), patternBase: buffer(base), patternFirst: buffer(first),
      opens: buffer(opens), closes: buffer(closes),
      firstDay: calendar.firstDay, dayCount: calendar.dayCount, working: buffer(calendar.kinds.map { $0 == .working }),
      workingUpTo: buffer(calendar.workingUpTo), workingList: buffer(calendar.workingDays),
      workingCount: calendar.workingDays.count)
    self.allocations = allocations
  }

  deinit { allocations.forEach { $0.deallocate() } }
}

/// Raw-pointer view of a `CalendarTable` (see there): schedule queries by schedule index,
/// with the semantics of `ResolvedSchedule`, and working-day queries with those of
/// `WorkCalendar`. Copying it costs nothing; it must not outlive its table.
public struct CalendarReader: @unchecked Sendable {
  /// Days laid out (the run and 800 days after it).
  let days: Int
  let dayPattern: UnsafePointer<Int32>
  let patternBase: UnsafePointer<Int32>
  let patternFirst: UnsafePointer<Int32>
  let opens: UnsafePointer<Double>
  let closes: UnsafePointer<Double>
  let firstDay: Int
  let dayCount: Int
  let working: UnsafePointer<Bool>
  let workingUpTo: UnsafePointer<Int32>
  let workingList: UnsafePointer<Int32>
  let workingCount: Int

  /// Day index of instant `t` (seconds from the run's start): `floor(t / 86 400)`.
  ///
  /// Without SSE 4.1 in the baseline target, `rounded(.down)` is a call into libm; the
  /// truncation and one comparison here cost a few instructions (a few per cent of a
  /// province-year: the event loop asks for the day of an instant about ten times per event).
  @inline(__always)
  static func day(of t: Double) -> Int {
    let q = t / 86_400
    let d = Int(q)
    return Double(d) > q ? d - 1 : d
  }

  // MARK: - Opening hours

  /// The intervals of schedule `s` on day index `day` (an empty range when closed).
  @inline(__always)
  func intervals(_ s: Int, _ day: Int) -> Range<Int> {
    guard day >= 0 && day < days else { return 0..<0 }
    let p = Int(dayPattern[s * days + day])
    guard p >= 0 else { return 0..<0 }
    return Int(patternFirst[p])..<Int(patternFirst[p + 1])
  }

  /// The schedule's own pattern index of day `day` (`ResolvedSchedule.patternOfDay`).
  @inline(__always)
  func pattern(_ s: Int, _ day: Int) -> Int { Int(dayPattern[s * days + day] - patternBase[s]) }

  /// `true` when schedule `s` has no opening on day `day`.
  @inline(__always)
  func isClosedAllDay(_ s: Int, _ day: Int) -> Bool { intervals(s, day).isEmpty }

  func isOpen(_ s: Int, at t: Double) -> Bool {
    let day = CalendarReader.day(of: t)
    let x = t - Double(day) * 86_400
    for i in intervals(s, day) where opens[i] <= x && x < closes[i] { return true }
    return false
  }

  /// Whether schedule `s` is open at second `x` of day index `day` (`isOpen`), and the
  /// stretch `from ..< until` of seconds of that day around `x` with the same answer:
  /// the interval holding `x`, or the gap between the intervals around it.
  func stretch(_ s: Int, _ day: Int, at x: Double) -> (open: Bool, from: Double, until: Double) {
    var from = -Double.infinity, until = Double.infinity
    for i in intervals(s, day) {
      if opens[i] <= x && x < closes[i] { return (true, opens[i], closes[i]) }
      if closes[i] <= x { from = Swift.max(from, closes[i]) } else { until = Swift.min(until, opens[i]) }
    }
    return (false, from, until)
  }

  func nextOpening(_ s: Int, atOrAfter t: Double) -> Double? {
    var day = CalendarReader.day(of: t)
    var x = t - Double(day) * 86_400
    while day < days {
      for i in intervals(s, day) where x < closes[i] {
        return Double(day) * 86_400 + Swift.max(x, opens[i])
      }
      day += 1
      x = 0
    }
    return nil
  }

  func nextChange(_ s: Int, after t: Double) -> (time: Double, opens: Bool)? {
    var day = CalendarReader.day(of: t)
    let x = t - Double(day) * 86_400
    var first = true
    while day < days {
      for i in intervals(s, day) {
        if !first || opens[i] > x { return (Double(day) * 86_400 + opens[i], true) }
        if closes[i] > x { return (Double(day) * 86_400 + closes[i], false) }
      }
      day += 1
      first = false
    }
    return nil
  }

  /// The instant at which `work` seconds of open time, started at `t`, are done;
  /// +infinity when the schedule closes for good first. With `workingDaysFrom` (the
  /// run's first day number), only the open hours of working days count: a deadline in
  /// working hours does not run on a Saturday opening unless Saturdays count (R19), as
  /// `ResolvedSchedule.addingWorkingTime(_:to:deadlineDays:)`.
  func addingWorkingTime(_ s: Int, _ work: Double, to t: Double, workingDaysFrom epochDay: Int? = nil) -> Double {
    var remaining = work
    var day = CalendarReader.day(of: t)
    var x = t - Double(day) * 86_400
    while day < days {
      let base = Double(day) * 86_400
      let counts = epochDay == nil || isWorkingDay(epochDay.unsafelyUnwrapped + day)
      for i in intervals(s, day) where counts && x < closes[i] {
        let start = Swift.max(x, opens[i])
        let available = closes[i] - start
        if remaining <= available { return base + start + remaining }
        remaining -= available
        x = closes[i]
      }
      day += 1
      x = 0
    }
    return .infinity
  }

  /// Open seconds of schedule `s` in [`a`, `b`).
  func openSeconds(_ s: Int, from a: Double, to b: Double) -> Double {
    guard b > a else { return 0 }
    var total = 0.0
    var day = CalendarReader.day(of: a)
    // Up to the day of `b`: a day that starts at or after `b` adds nothing, and the
    // division rounds `b / 86 400` up to a whole day only when `b` is past its start.
    while day < days && Double(day) * 86_400 < b {
      let base = Double(day) * 86_400
      for i in intervals(s, day) {
        let lo = Swift.max(a, base + opens[i]), hi = Swift.min(b, base + closes[i])
        if hi > lo { total += hi - lo }
      }
      day += 1
    }
    return total
  }

  /// The close time of the last interval of day `day`, if open that day.
  func lastClose(_ s: Int, dayIndex day: Int) -> Double? {
    let r = intervals(s, day)
    guard let last = r.last else { return nil }
    return Double(day) * 86_400 + closes[last]
  }

  // MARK: - Working days (day numbers, as `WorkCalendar`)

  @inline(__always)
  func isWorkingDay(_ day: Int) -> Bool {
    let i = day - firstDay
    guard i >= 0, i < dayCount else { return CivilDate.weekday(ofDayNumber: day) <= 5 }
    return working[i]
  }

  private func upTo(_ day: Int) -> Int {
    let i = day - firstDay
    if i < 0 { return 0 }
    if i < dayCount { return Int(workingUpTo[i]) }
    let lastDay = firstDay + dayCount - 1
    return workingCount
      + WorkCalendar.weekdays(after: lastDay, through: Swift.min(day, lastDay + WorkCalendar.farFuture))
  }

  func workingDays(after a: Int, through b: Int) -> Int {
    guard b > a else { return 0 }
    return upTo(b) - upTo(a)
  }

  func addingWorkingDays(_ n: Int, to day: Int) -> Int {
    if n <= 0 { return day }
    let target = upTo(day) + Swift.min(n, WorkCalendar.farFuture)
    if target <= workingCount { return Int(workingList[target - 1]) }
    return Swift.max(day + 1, WorkCalendar.addingWeekdays(target - workingCount, to: firstDay + dayCount - 1))
  }
}
