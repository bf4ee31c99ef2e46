import OneStopModel
import Testing

/// Working-day arithmetic on the bundled Vietnamese calendars (R7, R8, R19-R21).
@Suite struct WorkCalendarTests {
  func day(_ iso: String) -> Int { CivilDate(iso: iso)!.dayNumber }
  func date(_ n: Int) -> String { CivilDate(dayNumber: n).description }
  let cal = try! WorkCalendar.vietnam(
    first: CivilDate(iso: "2021-12-01")!.dayNumber, last: CivilDate(iso: "2027-03-01")!.dayNumber,
    allowUnbundledYears: true)

  @Test func year2022HasTheReported249WorkingDays() {
    #expect(cal.workingDays(inYear: 2022) == 249)
  }

  @Test func everyBundledYearHasItsPublishedCount() {
    // docs/calendars.md: 2022 249, 2023 249, 2024 251, 2025 250, 2026 250.
    let expected = [2022: 249, 2023: 249, 2024: 251, 2025: 250, 2026: 250]
    for (year, n) in expected { #expect(cal.workingDays(inYear: year) == n, "\(year)") }
    #expect(WorkCalendar.bundledVietnamYears == [2022, 2023, 2024, 2025, 2026])
  }

  @Test func theReceiptDayIsNotCounted() {
    // Received Monday 7 March 2022: 1 working day -> Tuesday; 5 -> Monday 14 March.
    #expect(date(cal.addingWorkingDays(1, to: day("2022-03-07"))) == "2022-03-08")
    #expect(date(cal.addingWorkingDays(5, to: day("2022-03-07"))) == "2022-03-14")
    // Received on a Saturday (desk opening): counting starts Monday.
    #expect(date(cal.addingWorkingDays(1, to: day("2022-03-12"))) == "2022-03-14")
    #expect(cal.workingDays(after: day("2022-03-07"), through: day("2022-03-14")) == 5)
  }

  @Test func aDeadlineThatFallsAcrossTetSkipsTheHoliday() {
    // Tết 2022: 31 Jan - 4 Feb off. Received Friday 28 Jan, 5 working days -> Friday 11 Feb.
    #expect(date(cal.addingWorkingDays(5, to: day("2022-01-28"))) == "2022-02-11")
    #expect(cal.kind(of: day("2022-02-01")) == .holiday)
    // The weekends around Tết are part of it: closed even for Saturday desks.
    #expect(cal.kind(of: day("2022-01-29")) == .weekendInHoliday)
    #expect(cal.kind(of: day("2022-02-05")) == .weekendInHoliday)
    #expect(cal.kind(of: day("2022-03-12")) == .weekend)
  }

  @Test func aMakeUpSaturdayIsAWorkingDay() {
    // 2024: Monday 29 April off, Saturday 4 May worked.
    #expect(cal.kind(of: day("2024-04-29")) == .holiday)
    #expect(cal.isWorkingDay(day("2024-05-04")))
    #expect(date(cal.nextWorkingDay(after: day("2024-05-03"))) == "2024-05-04")
  }

  @Test func saturdaysCountOnlyWhenConfigured() throws {
    let first = day("2022-03-01"), last = day("2022-04-30")
    let plain = try WorkCalendar.vietnam(first: first, last: last)
    let withSaturday = try WorkCalendar.vietnam(first: first, last: last, saturdayCountsForDeadline: true)
    #expect(date(plain.addingWorkingDays(1, to: day("2022-03-11"))) == "2022-03-14")
    #expect(date(withSaturday.addingWorkingDays(1, to: day("2022-03-11"))) == "2022-03-12")
  }

  @Test func unbundledYearsAreRefusedWithAnExplanation() {
    #expect(throws: CalendarError.self) {
      try WorkCalendar.vietnam(
        first: CivilDate(iso: "2030-01-01")!.dayNumber, last: CivilDate(iso: "2030-12-31")!.dayNumber)
    }
    do {
      _ = try WorkCalendar.vietnam(
        first: CivilDate(iso: "2030-01-01")!.dayNumber, last: CivilDate(iso: "2030-12-31")!.dayNumber)
    } catch {
      #expect(error.message.hasPrefix("no bundled Vietnamese calendar for 2030 (bundled: 2022-2026)"))
    }
  }

  @Test func civilDatesRoundTripAndKnowTheirWeekday() {
    for n in stride(from: -800_000, through: 800_000, by: 997) {
      let d = CivilDate(dayNumber: n)
      #expect(d.dayNumber == n)
      #expect(CivilDate(iso: d.description) == d || d.year < 0 || d.year > 9999)
    }
    #expect(CivilDate(iso: "2022-07-16")!.weekday == 6)  // the first Saturday opening in Tuyên Quang
    #expect(CivilDate(iso: "2022-02-30") == nil)
    #expect(CivilDate(iso: "2024-02-29") != nil)
    #expect(TimeOfDay("15:00")?.seconds == 54_000)
    #expect(TimeOfDay("25:00") == nil)
    #expect(TimeOfDay("24:00")?.seconds == 86_400)
  }
}
