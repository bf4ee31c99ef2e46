import OneStopModel
import Testing

/// Opening hours laid out over days: lunch breaks, nights, weekends, Saturday opening,
/// holidays, working time.
@Suite struct OpeningScheduleTests {
  // 2022-03-07 is a Monday.
  let epoch = CivilDate(iso: "2022-03-07")!.dayNumber
  let cal = try! WorkCalendar.vietnam(
    first: CivilDate(iso: "2022-01-01")!.dayNumber, last: CivilDate(iso: "2022-12-31")!.dayNumber)
  func h(_ hh: Int, _ mm: Int = 0) -> Double { Double(hh * 3600 + mm * 60) }
  let day = 86_400.0

  @Test func workingTimeStopsForLunchAndOvernight() {
    let s = ResolvedSchedule(.standardOffice, calendar: cal, epochDay: epoch, days: 30)
    // 1 h from 11:00 Monday: 30 min before lunch, 30 min after 13:30 -> 14:00.
    #expect(s.addingWorkingTime(3600, to: h(11)) == h(14))
    // 3 h from 16:30 Friday: 30 min Friday, 2.5 h Monday from 07:00 -> 09:30 Monday.
    #expect(s.addingWorkingTime(3 * 3600, to: 4 * day + h(16, 30)) == 7 * day + h(9, 30))
    // Started at night: counts from the next opening.
    #expect(s.addingWorkingTime(600, to: h(20)) == day + h(7, 10))
    #expect(s.openSeconds(from: 0, to: day) == 8 * 3600)
  }

  @Test func openingsAndClosingsAreFoundInOrder() {
    let s = ResolvedSchedule(.standardOffice, calendar: cal, epochDay: epoch, days: 30)
    #expect(s.isOpen(at: h(7)) && !s.isOpen(at: h(12)) && !s.isOpen(at: h(17)))
    #expect(s.nextChange(after: h(8))! == (h(11, 30), false))
    #expect(s.nextChange(after: h(11, 30))! == (h(13, 30), true))
    #expect(s.nextChange(after: 4 * day + h(17))! == (7 * day + h(7), true))
    #expect(s.nextOpening(atOrAfter: 5 * day) == 7 * day + h(7))
    #expect(s.lastClose(dayIndex: 0) == h(17))
    #expect(s.lastClose(dayIndex: 5) == nil)
  }

  @Test func saturdayOpeningStartsOnItsDateAndSkipsHolidays() throws {
    var hours = OpeningSchedule(
      base: WeeklyHours(weekdays: .standardOffice, saturday: .morningOnly),
      weekendFrom: CivilDate(iso: "2022-07-16"))
    let start = CivilDate(iso: "2022-07-04")!.dayNumber  // a Monday
    let s = ResolvedSchedule(hours, calendar: cal, epochDay: start, days: 70)
    #expect(!s.isOpen(at: 5 * day + h(8)))  // Saturday 9 July: before the decision applies
    #expect(s.isOpen(at: 12 * day + h(8)))  // Saturday 16 July
    #expect(!s.isOpen(at: 12 * day + h(14)))  // morning only
    // Thursday 1 September 2022 is National Day holiday: closed, as is Friday 2.
    let sep1 = CivilDate(iso: "2022-09-01")!.dayNumber - start
    #expect(!s.isOpen(at: Double(sep1) * day + h(8)))
    hours.seasons = [
      .init(
        fromMonth: 10, fromDay: 16, throughMonth: 4, throughDay: 15,
        hours: WeeklyHours(
          weekdays: DailyHours(intervals: [OpenInterval(open: TimeOfDay("07:30")!, close: TimeOfDay("12:00")!)])))
    ]
    let winter = ResolvedSchedule(hours, calendar: cal, epochDay: CivilDate(iso: "2022-11-07")!.dayNumber, days: 7)
    #expect(!winter.isOpen(at: h(7)) && winter.isOpen(at: h(7, 30)))
  }

  @Test func hoursAreValidated() {
    let bad = DailyHours(intervals: [OpenInterval(open: TimeOfDay("13:00")!, close: TimeOfDay("12:00")!)])
    #expect(bad.problems() == ["interval 13:00-12:00 closes before it opens"])
    let overlap = DailyHours(intervals: [
      OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("12:00")!),
      OpenInterval(open: TimeOfDay("11:00")!, close: TimeOfDay("17:00")!),
    ])
    #expect(overlap.problems() == ["intervals 07:00-12:00 and 11:00-17:00 overlap or are out of order"])
    #expect(DailyHours.standardOffice.problems().isEmpty)
  }
}
