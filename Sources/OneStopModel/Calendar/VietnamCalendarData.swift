// Civil-service calendar exceptions for Vietnam, 2022-2026. Sources: docs/calendars.md.

/// One published change to the Monday-Friday working week of Vietnamese civil servants.
struct VietnamCalendarEntry: Sendable {
  /// ISO date, "YYYY-MM-DD".
  let date: String
  /// `true`: a Monday-Friday day that is not worked (holiday, compensatory day, swapped day off).
  /// `false`: a Saturday or Sunday that is worked (make-up day of a swap).
  let dayOff: Bool
  /// What the day is, in English.
  let name: String
}

/// Exceptions per year; a year absent from this table has no bundled calendar.
let vietnamCalendarData: [Int: [VietnamCalendarEntry]] = [
  // 249 working days.
  2022: [
    VietnamCalendarEntry(date: "2022-01-03", dayOff: true, name: "New Year (compensatory for Sat 1 Jan)"),
    VietnamCalendarEntry(
      date: "2022-01-31", dayOff: true, name: "Lunar New Year holiday (29th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2022-02-01", dayOff: true, name: "Lunar New Year (1st day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2022-02-02", dayOff: true, name: "Lunar New Year holiday (2nd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2022-02-03", dayOff: true, name: "Lunar New Year holiday (3rd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2022-02-04", dayOff: true, name: "Lunar New Year holiday (4th day of 1st lunar month)"),
    VietnamCalendarEntry(
      date: "2022-04-11", dayOff: true, name: "Hung Kings' Commemoration (compensatory for Sun 10 Apr)"),
    VietnamCalendarEntry(date: "2022-05-02", dayOff: true, name: "Reunification Day (compensatory for Sat 30 Apr)"),
    VietnamCalendarEntry(
      date: "2022-05-03", dayOff: true, name: "International Labour Day (compensatory for Sun 1 May)"),
    VietnamCalendarEntry(date: "2022-09-01", dayOff: true, name: "National Day holiday (day before 2 Sep)"),
    VietnamCalendarEntry(date: "2022-09-02", dayOff: true, name: "National Day"),
  ],
  // 249 working days.
  2023: [
    VietnamCalendarEntry(date: "2023-01-02", dayOff: true, name: "New Year (compensatory for Sun 1 Jan)"),
    VietnamCalendarEntry(
      date: "2023-01-20", dayOff: true, name: "Lunar New Year holiday (29th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2023-01-23", dayOff: true, name: "Lunar New Year holiday (2nd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2023-01-24", dayOff: true, name: "Lunar New Year holiday (3rd day of 1st lunar month)"),
    VietnamCalendarEntry(
      date: "2023-01-25", dayOff: true, name: "Lunar New Year holiday (compensatory for weekend Tet days)"),
    VietnamCalendarEntry(
      date: "2023-01-26", dayOff: true, name: "Lunar New Year holiday (compensatory for weekend Tet days)"),
    VietnamCalendarEntry(date: "2023-05-01", dayOff: true, name: "International Labour Day"),
    VietnamCalendarEntry(
      date: "2023-05-02", dayOff: true, name: "Hung Kings' Commemoration (compensatory for Sat 29 Apr)"),
    VietnamCalendarEntry(date: "2023-05-03", dayOff: true, name: "Reunification Day (compensatory for Sun 30 Apr)"),
    VietnamCalendarEntry(date: "2023-09-01", dayOff: true, name: "National Day holiday (day before 2 Sep)"),
    VietnamCalendarEntry(date: "2023-09-04", dayOff: true, name: "National Day (compensatory for Sat 2 Sep)"),
  ],
  // 251 working days.
  2024: [
    VietnamCalendarEntry(date: "2024-01-01", dayOff: true, name: "New Year's Day"),
    VietnamCalendarEntry(
      date: "2024-02-08", dayOff: true, name: "Lunar New Year holiday (29th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2024-02-09", dayOff: true, name: "Lunar New Year's Eve (30th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2024-02-12", dayOff: true, name: "Lunar New Year holiday (3rd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2024-02-13", dayOff: true, name: "Lunar New Year holiday (4th day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2024-02-14", dayOff: true, name: "Lunar New Year holiday (5th day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2024-04-18", dayOff: true, name: "Hung Kings' Commemoration"),
    VietnamCalendarEntry(date: "2024-04-29", dayOff: true, name: "Swapped day off (worked on Sat 4 May)"),
    VietnamCalendarEntry(date: "2024-04-30", dayOff: true, name: "Reunification Day"),
    VietnamCalendarEntry(date: "2024-05-01", dayOff: true, name: "International Labour Day"),
    VietnamCalendarEntry(date: "2024-05-04", dayOff: false, name: "Make-up working day (for Mon 29 Apr)"),
    VietnamCalendarEntry(date: "2024-09-02", dayOff: true, name: "National Day"),
    VietnamCalendarEntry(date: "2024-09-03", dayOff: true, name: "National Day holiday (compensatory for Sun 1 Sep)"),
  ],
  // 250 working days.
  2025: [
    VietnamCalendarEntry(date: "2025-01-01", dayOff: true, name: "New Year's Day"),
    VietnamCalendarEntry(
      date: "2025-01-27", dayOff: true, name: "Lunar New Year holiday (28th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2025-01-28", dayOff: true, name: "Lunar New Year's Eve (29th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2025-01-29", dayOff: true, name: "Lunar New Year (1st day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2025-01-30", dayOff: true, name: "Lunar New Year holiday (2nd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2025-01-31", dayOff: true, name: "Lunar New Year holiday (3rd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2025-04-07", dayOff: true, name: "Hung Kings' Commemoration"),
    VietnamCalendarEntry(date: "2025-04-26", dayOff: false, name: "Make-up working day (for Fri 2 May)"),
    VietnamCalendarEntry(date: "2025-04-30", dayOff: true, name: "Reunification Day"),
    VietnamCalendarEntry(date: "2025-05-01", dayOff: true, name: "International Labour Day"),
    VietnamCalendarEntry(date: "2025-05-02", dayOff: true, name: "Swapped day off (worked on Sat 26 Apr)"),
    VietnamCalendarEntry(date: "2025-09-01", dayOff: true, name: "National Day holiday (day before 2 Sep)"),
    VietnamCalendarEntry(date: "2025-09-02", dayOff: true, name: "National Day"),
  ],
  // 250 working days. Vietnamese Culture Day (24 Nov) is not included: see docs/calendars.md.
  2026: [
    VietnamCalendarEntry(date: "2026-01-01", dayOff: true, name: "New Year's Day"),
    VietnamCalendarEntry(date: "2026-01-02", dayOff: true, name: "Swapped day off (worked on Sat 10 Jan)"),
    VietnamCalendarEntry(date: "2026-01-10", dayOff: false, name: "Make-up working day (for Fri 2 Jan)"),
    VietnamCalendarEntry(date: "2026-02-16", dayOff: true, name: "Lunar New Year's Eve (29th day of 12th lunar month)"),
    VietnamCalendarEntry(date: "2026-02-17", dayOff: true, name: "Lunar New Year (1st day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2026-02-18", dayOff: true, name: "Lunar New Year holiday (2nd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2026-02-19", dayOff: true, name: "Lunar New Year holiday (3rd day of 1st lunar month)"),
    VietnamCalendarEntry(date: "2026-02-20", dayOff: true, name: "Lunar New Year holiday (4th day of 1st lunar month)"),
    VietnamCalendarEntry(
      date: "2026-04-27", dayOff: true, name: "Hung Kings' Commemoration (compensatory for Sun 26 Apr)"),
    VietnamCalendarEntry(date: "2026-04-30", dayOff: true, name: "Reunification Day"),
    VietnamCalendarEntry(date: "2026-05-01", dayOff: true, name: "International Labour Day"),
    VietnamCalendarEntry(date: "2026-08-22", dayOff: false, name: "Make-up working day (for Mon 31 Aug)"),
    VietnamCalendarEntry(date: "2026-08-31", dayOff: true, name: "Swapped day off (worked on Sat 22 Aug)"),
    VietnamCalendarEntry(date: "2026-09-01", dayOff: true, name: "National Day holiday (day before 2 Sep)"),
    VietnamCalendarEntry(date: "2026-09-02", dayOff: true, name: "National Day"),
  ],
]
