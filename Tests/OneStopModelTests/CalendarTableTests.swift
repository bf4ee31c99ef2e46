import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// The event loop reads opening hours and working days through `CalendarReader` (flat
/// buffers, no reference counting); it must answer exactly as `ResolvedSchedule` and
/// `WorkCalendar` do, on every schedule of random provinces, at random instants, on day
/// boundaries and beyond the run.
@Suite struct CalendarTableTests {
  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func theReaderAnswersAsTheSchedulesAndTheCalendar(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = model.calendarTable.reader
    var rng = SplitMixGenerator(seed: seed &* 7919)
    let span = Double(model.horizonDays + 3) * 86_400
    for k in model.openingHours.indices {
      let s = model.resolvedSchedule(k)
      for _ in 0..<400 {
        // Random instants, and exact interval edges (a quarter of the draws).
        var t = Double.random(in: -86_400...span, using: &rng).rounded()
        if Int.random(in: 0..<4, using: &rng) == 0 {
          let day = Int.random(in: 0..<max(1, s.days), using: &rng)
          let edges = s.hours(dayIndex: day).intervals.flatMap { [$0.open, $0.close] }
          if let e = edges.randomElement(using: &rng) { t = Double(day) * 86_400 + Double(e) }
        }
        let day = Int((t / 86_400).rounded(.down))
        #expect(r.isOpen(k, at: t) == s.isOpen(at: t), "isOpen \(k) \(t)")
        #expect(r.nextOpening(k, atOrAfter: t) == s.nextOpening(atOrAfter: t), "nextOpening \(k) \(t)")
        let a = r.nextChange(k, after: t), b = s.nextChange(after: t)
        #expect(a?.time == b?.time && a?.opens == b?.opens, "nextChange \(k) \(t)")
        let work = Double.random(in: 0...(40 * 3600), using: &rng)
        #expect(
          r.addingWorkingTime(k, work, to: t) == s.addingWorkingTime(work, to: t), "addingWorkingTime \(k) \(t) \(work)"
        )
        let b2 = t + Double.random(in: 0...(9 * 86_400), using: &rng)
        #expect(r.openSeconds(k, from: t, to: b2) == s.openSeconds(from: t, to: b2), "openSeconds \(k) \(t) \(b2)")
        #expect(r.lastClose(k, dayIndex: day) == s.lastClose(dayIndex: day), "lastClose \(k) \(day)")
        #expect(r.isClosedAllDay(k, day) == s.hours(dayIndex: day).intervals.isEmpty, "closed \(k) \(day)")
        if day >= 0 && day < s.days { #expect(r.pattern(k, day) == Int(s.patternOfDay[day])) }
        checkStretch(r, k, at: t, &rng)
      }
    }
    let c = model.calendar
    for _ in 0..<2_000 {
      let a = model.epochDay + Int.random(in: -400...(model.horizonDays + 1_200), using: &rng)
      let b = a + Int.random(in: -5...400, using: &rng)
      let n = Int.random(in: -2...300, using: &rng)
      #expect(r.isWorkingDay(a) == c.isWorkingDay(a), "isWorkingDay \(a)")
      #expect(r.workingDays(after: a, through: b) == c.workingDays(after: a, through: b), "workingDays \(a) \(b)")
      #expect(r.addingWorkingDays(n, to: a) == c.addingWorkingDays(n, to: a), "addingWorkingDays \(n) \(a)")
    }
  }

  /// At instants and amounts of work with fractions of a second (the event loop's), the
  /// reader gives the same bits as the day-by-day loops of `ResolvedSchedule`, with and
  /// without the working-day calendar, and `openSeconds` up to, at and just past midnight.
  @Test(arguments: [11, 12, 13] as [UInt64])
  func fractionalInstantsGiveTheSameBits(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = model.calendarTable.reader
    var rng = SplitMixGenerator(seed: seed &* 104_729)
    let span = Double(model.horizonDays + 3) * 86_400
    for k in model.openingHours.indices {
      let s = model.resolvedSchedule(k)
      for _ in 0..<300 {
        var t = Double.random(in: -86_400...span, using: &rng)
        if Int.random(in: 0..<3, using: &rng) == 0 { t = (t / 86_400).rounded(.down) * 86_400 }
        let work = Double.random(in: 0...(60 * 3600), using: &rng)
        #expect(r.nextOpening(k, atOrAfter: t) == s.nextOpening(atOrAfter: t), "nextOpening \(k) \(t)")
        let a = r.addingWorkingTime(k, work, to: t), b = s.addingWorkingTime(work, to: t)
        #expect(a.bitPattern == b.bitPattern, "addingWorkingTime \(k) \(t) \(work)")
        let c = r.addingWorkingTime(k, work, to: t, workingDaysFrom: model.epochDay)
        let d = s.addingWorkingTime(work, to: t, deadlineDays: model.calendar)
        #expect(c.bitPattern == d.bitPattern, "working days \(k) \(t) \(work)")
        // `openSeconds` stops at the day of `b` by comparing its start with `b`.
        let midnight = (t / 86_400).rounded(.up) * 86_400
        for b in [t + Double.random(in: 0...(3 * 86_400), using: &rng), midnight, midnight.nextDown, midnight.nextUp] {
          let o = r.openSeconds(k, from: t, to: b), p = s.openSeconds(from: t, to: b)
          #expect(o.bitPattern == p.bitPattern, "openSeconds \(k) \(t) \(b)")
        }
      }
    }
  }

  /// `stretch` (what `BackOffice.isOpen` keeps) answers as `isOpen` at `t`, and `isOpen`
  /// gives that answer at its ends and inside it, and the other answer just outside.
  func checkStretch(_ r: CalendarReader, _ k: Int, at t: Double, _ rng: inout SplitMixGenerator) {
    let day = CalendarReader.day(of: t), base = Double(day) * 86_400
    let st = r.stretch(k, day, at: t - base)
    #expect(st.open == r.isOpen(k, at: t), "stretch \(k) \(t)")
    #expect(st.from <= t - base && t - base < st.until, "stretch holds t \(k) \(t)")
    let lo = Swift.max(st.from, 0), hi = Swift.min(st.until, 86_400)
    var inside = [lo, hi - 1, Double.random(in: lo..<hi, using: &rng).rounded(.down)]
    inside.removeAll { $0 < lo || $0 >= hi }
    for x in inside { #expect(r.isOpen(k, at: base + x) == st.open, "inside \(k) \(t) \(x)") }
    if st.until < 86_400 { #expect(r.isOpen(k, at: base + st.until) != st.open, "after \(k) \(t)") }
  }
}
