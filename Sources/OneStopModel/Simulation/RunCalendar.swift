import DESKernel

/// The model's calendar in the run's own terms: day indices from the start (day 0) and
/// instants in seconds from the start, with the horizon of the run.
///
/// Plain data (the laid-out calendar's pointers and four numbers), so handlers read it
/// without reference counting and its functions are non-mutating: a helper that only
/// reads the calendar says so in its type, and the simulation is never copied to call it.
struct RunCalendar {
  let reader: CalendarReader
  /// Day number of day index 0.
  let epochDay: Int
  /// Days simulated, and the instant the run ends.
  let horizonDays: Int
  let endTime: Double

  init(_ model: CompiledModel) {
    reader = model.calendarTable.reader
    epochDay = model.epochDay
    horizonDays = model.horizonDays
    endTime = model.endTime
  }

  /// Day index of instant `t`.
  @inline(__always)
  func day(_ t: Double) -> Int { CalendarReader.day(of: t) }

  @inline(__always)
  func isWorkingDay(_ day: Int) -> Bool { reader.isWorkingDay(epochDay + day) }

  /// Day index of the `n`-th working day after day index `day`.
  @inline(__always)
  func addingWorkingDays(_ n: Int, to day: Int) -> Int {
    reader.addingWorkingDays(n, to: epochDay + day) - epochDay
  }

  /// Working days after day index `a` up to and including day index `b`.
  @inline(__always)
  func workingDays(after a: Int, through b: Int) -> Int {
    reader.workingDays(after: epochDay + a, through: epochDay + b)
  }

  /// The same time of day, `n` working days after the day of `t`.
  @inline(__always)
  func addingWorkingDays(_ n: Int, toInstant t: Double) -> Double {
    let d = day(t)
    return t + Double(addingWorkingDays(n, to: d) - d) * 86_400
  }

  /// First opening instant of `schedule` on or after day index `day`, or 07:00 of `day`
  /// when it never opens.
  @inline(__always)
  func openingTime(_ schedule: Int, onOrAfterDay day: Int) -> Double {
    reader.nextOpening(schedule, atOrAfter: Double(day) * 86_400) ?? Double(day) * 86_400 + 7 * 3600
  }

  /// A working-day delay drawn from `dist`, at least `minimum` days.
  @inline(__always)
  func workingDayDelay(_ dist: Distribution, _ rng: RandomGenerator, minimum: Int = 1) -> Int {
    max(minimum, Self.wholeDays(dist.sample(rng)))
  }

  /// `days` rounded up to whole days, within 0 ... `WorkCalendar.farFuture`: a draw from
  /// a heavy tail (or a NaN) must not trap in the conversion to an integer.
  @inline(__always)
  static func wholeDays(_ days: Double) -> Int {
    days > 0 ? Int(Swift.min(days.rounded(.up), Double(WorkCalendar.farFuture))) : 0
  }
}
