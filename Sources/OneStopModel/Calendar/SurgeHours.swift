/// The hours of a back office on a surge day: its own hours with the overtime added,
/// the evening on a working day and the extra hours on a Saturday off.
///
/// Why a schedule of its own: a station on a surge day answers every question of the
/// event loop (open now, next opening, when a task ends) from this schedule instead of
/// its own, through the same flat calendar table, so overtime costs no test in the loop.
/// Which schedule a station follows is decided each morning (`BackOffice`); the surge
/// schedule is laid out for every day, the station follows it only on surge days.
public struct SurgeHours: Hashable, Sendable {
  /// The index of the station's own schedule.
  public let base: Int
  public let evening: OpenInterval?
  public let saturday: OpenInterval?

  public init(base: Int, evening: OpenInterval?, saturday: OpenInterval?) {
    self.base = base
    self.evening = evening
    self.saturday = saturday
  }
}

extension DailyHours {
  /// These hours with `extra` added: intervals that overlap or touch merge, so that a
  /// 13:30-17:00 afternoon and a 17:00-19:00 evening become one 13:30-19:00 interval.
  public func adding(_ extra: OpenInterval) -> DailyHours {
    var merged: [OpenInterval] = []
    for i in (intervals + [extra]).sorted(by: { $0.open < $1.open }) {
      if let last = merged.last, i.open <= last.close {
        merged[merged.count - 1].close = Swift.max(last.close, i.close)
      } else {
        merged.append(i)
      }
    }
    return DailyHours(intervals: merged)
  }
}

extension ResolvedSchedule {
  /// `base` with the overtime of `surge`: on each working day on which `base` opens, the
  /// evening; on each Saturday off (a weekend Saturday, not a holiday), the Saturday
  /// hours.
  init(_ surge: SurgeHours, base: ResolvedSchedule, calendar: WorkCalendar) {
    self.init(epochDay: base.epochDay, days: base.days) { i in
      let day = base.epochDay + i
      var h = base.hours(dayIndex: i)
      switch calendar.kind(of: day) {
      case .working:
        if let e = surge.evening, !h.intervals.isEmpty { h = h.adding(e) }
      case .weekend:
        if let s = surge.saturday, CivilDate.weekday(ofDayNumber: day) == 6 { h = h.adding(s) }
      default: break
      }
      return h
    }
  }
}
