import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// Surge overtime: a pool whose morning backlog passes its threshold works the evening
/// (and the next Saturday) within the Labour Code's caps (Art. 107(2)(b)-(c)); a pool
/// below it does not; the capacity it adds is what a hand count gives, and turning it on
/// for one pool changes nothing else.
@Suite struct SurgeOvertimeTests {
  static let evening = OpenInterval(open: TimeOfDay("17:00")!, close: TimeOfDay("19:00")!)
  static let saturday = OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("11:30")!)

  /// Agencies on office hours, one procedure each (one step of `work` hours at that
  /// agency), online dossiers around the clock at `perDay[i]` a day for agency i.
  static func province(
    _ agencies: [AgencyConfiguration], perDay: [Double], work: Distribution = try! .deterministic(1),
    start: String = "2022-01-01", days: Int = 365, warmupDays: Int? = nil, vietnam: Bool = true
  ) throws -> CompiledModel {
    let procedures = agencies.map { a in
      BackOfficeTests.procedure("p-\(a.id)", steps: [.init(place: .agency(a.id), work: work)])
    }
    let total = perDay.reduce(0, +)
    return try CompiledModel(
      BackOfficeTests.onlineProvince(
        agencies: agencies, procedures: procedures,
        mix: zip(procedures, perDay).map { ($0.0.id, $0.1 / total) }, perDay: total, start: start, days: days,
        warmupDays: warmupDays, vietnam: vietnam))
  }

  static func agency(_ id: String, officers: Int = 3, overtime: OvertimeConfiguration?) -> AgencyConfiguration {
    AgencyConfiguration(id: id, unit: "u", officers: officers, hours: .standardOffice, overtime: overtime)
  }

  /// An overloaded pool (60 hours of work a day for 3 officers with 24) is above its
  /// threshold every working morning from 10 January 2022 (the run starts on Saturday 8th,
  /// so that work waits on the first working morning), so its overtime follows the caps alone: the
  /// evening of each working day and the Saturday after, while 40 hours a month and 200 a
  /// year allow. The hours replayed by hand on the calendar are the model's, month by
  /// month, exactly; every task starts in the pool's own hours or in the overtime of a day
  /// that had it.
  @Test func overtimeFollowsTheCapsExactly() throws {
    let overtime = OvertimeConfiguration(backlogAboveDays: 0, evening: Self.evening, saturday: Self.saturday)
    let model = try Self.province(
      [Self.agency("HOT@u", overtime: overtime)], perDay: [60], start: "2022-01-08", days: 358)
    let k = BackOfficeTests.station("HOT@u", model)
    // The rule by hand: hours per officer each month, and the days with overtime.
    var expected = [Double](repeating: 0, count: 12)
    var worked = Set<Int>()
    var month = 0.0, year = 0.0, pending = false
    for d in 0..<model.horizonDays {
      let day = model.epochDay + d, date = CivilDate(dayNumber: day)
      if date.day == 1 { month = 0 }
      let kind = model.calendar.kind(of: day), saturday = date.weekday == 6
      var extra = 0.0
      if kind == .working {
        pending = true
        extra = 2
      } else if saturday && pending {
        pending = false
        extra = kind == .weekend ? 4.5 : 0
      }
      if saturday && kind == .working { pending = true }
      guard extra > 0, month + extra <= 40, year + extra <= 200 else { continue }
      month += extra
      year += extra
      expected[date.month - 1] += 3 * extra
      worked.insert(d)
    }
    // The yearly cap binds: 3 officers x 199.5 hours (2-hour evenings and 4.5-hour Saturdays).
    #expect(expected.reduce(0, +) == 3 * 199.5)
    #expect(expected[6...].allSatisfy { $0 == 0 })
    let r = OneStopSimulation.run(model, seed: 11, trace: true)
    let months = r.stations[k].months
    #expect(months.map { $0.overtimeSeconds / 3600 } == expected)
    #expect(months.allSatisfy { $0.surgeDays == $0.workingDays && $0.workingDays > 0 })
    // Starts: in the own hours, or in the evening or Saturday hours of a day with overtime.
    let own = model.resolvedSchedule(model.stations[k].schedule)
    var evenings = 0, saturdays = 0
    for t in r.trace where Int(t.station) == k && t.event == .workStarted {
      if own.isOpen(at: t.time) { continue }
      let d = BackOfficeTests.day(t.time), second = Int(t.time) - d * 86_400
      let interval = CivilDate(dayNumber: model.epochDay + d).weekday == 6 ? Self.saturday : Self.evening
      #expect(worked.contains(d) && (interval.open..<interval.close).contains(second), "start at \(t.time)")
      if interval == Self.evening { evenings += 1 } else { saturdays += 1 }
    }
    #expect(evenings > 100 && saturdays > 10, "\(evenings) evening and \(saturdays) Saturday starts")
  }

  /// Two pools with the same surge rule (above 1 day of work), from Saturday 5 March: one
  /// with 40 hours of work a day for 24 officer-hours works overtime on every working day; one with 5 hours a day
  /// never passes the threshold, works none and has no surge day. Taking the rule away
  /// from the busy pool changes its months and leaves the quiet pool's months (work, waits,
  /// presence) exactly as they were; so does planning the busy pool's leave.
  @Test func aPoolAboveTheThresholdWorksOvertimeAndOneBelowDoesNot() throws {
    let rule = OvertimeConfiguration(backlogAboveDays: 1, evening: Self.evening, saturday: Self.saturday)
    func run(hot: OvertimeConfiguration?, leave: Double? = nil) throws -> (CompiledModel, RunResult) {
      var busy = Self.agency("HOT@u", overtime: hot)
      busy.annualLeaveDays = leave
      let model = try Self.province(
        [busy, Self.agency("COOL@u", overtime: rule)], perDay: [40, 5], start: "2022-03-05", days: 112,
        vietnam: false)
      return (model, OneStopSimulation.run(model, seed: 5))
    }
    let (model, r) = try run(hot: rule)
    let hot = BackOfficeTests.station("HOT@u", model), cool = BackOfficeTests.station("COOL@u", model)
    #expect(r.stations[hot].months.allSatisfy { $0.overtimeSeconds > 0 && $0.surgeDays == $0.workingDays })
    #expect(r.stations[cool].months.allSatisfy { $0.overtimeSeconds == 0 && $0.surgeDays == 0 })
    #expect(r.stations[cool].months.contains { $0.busySeconds > 0 })
    for (hotRule, leave) in [(nil, nil), (rule, 12.0)] as [(OvertimeConfiguration?, Double?)] {
      let (_, other) = try run(hot: hotRule, leave: leave)
      #expect(other.stations[hot].months.map(\.busySeconds) != r.stations[hot].months.map(\.busySeconds))
      let a = r.stations[cool], b = other.stations[cool]
      #expect(a.months.map(\.busySeconds) == b.months.map(\.busySeconds))
      #expect(a.months.map(\.presentSeconds) == b.months.map(\.presentSeconds))
      #expect(a.waits.mean == b.waits.mean && a.waits.count == b.waits.count)
    }
  }

  /// M/M/4 with office hours and overtime evenings every working day: 4 officers, 1 hour of
  /// work on average (exponential), 180/7 dossiers a day around the clock, 7 days a week.
  /// By hand: 180 hours of work a week against 4 x 5 x (8 + 2) = 200 officer-hours, so the
  /// officers at work are busy 90 % of their time; the model's utilisation of the officers
  /// present (with the overtime in the denominator), over 30 replications of 26 weeks, is
  /// that within its 95 % interval (plus 0.005 for the work still queued at the ends), and
  /// its overtime is 4 officers x 2 hours on each surge day, exactly. Without overtime the
  /// same pool (180 hours of work a week for its 160) is saturated.
  @Test func overtimeEveningsGiveTheCapacityComputedByHand() throws {
    let rule = OvertimeConfiguration(
      backlogAboveDays: 0, evening: Self.evening, saturday: nil, capHoursPerMonth: 744, capHoursPerYear: 8784)
    func utilisations(_ overtime: OvertimeConfiguration?) throws -> [(use: Double, surge: Double)] {
      let model = try Self.province(
        [Self.agency("A@u", officers: 4, overtime: overtime)], perDay: [180.0 / 7],
        work: try .exponential(mean: 1), start: "2022-01-03", days: 210, warmupDays: 28, vietnam: false)
      let k = BackOfficeTests.station("A@u", model)
      return (0..<30).map { seed in
        let months = OneStopSimulation.run(model, seed: UInt64(100 + seed)).stations[k].months
        let busy = months.reduce(0) { $0 + $1.busySeconds }
        let atWork = months.reduce(0) { $0 + $1.presentSeconds + $1.overtimeSeconds }
        let surge = months.reduce(0) { $0 + $1.surgeDays }, working = months.reduce(0) { $0 + $1.workingDays }
        let overtime = months.reduce(0) { $0 + $1.overtimeSeconds }
        if overtime > 0 { #expect(overtime == Double(surge) * 4 * 7200) }
        return (busy / atWork, working > 0 ? Double(surge) / Double(working) : 0)
      }
    }
    let with = try utilisations(rule)
    let ci = ConfidenceInterval(with.map(\.use), level: 0.95)
    #expect(with.allSatisfy { $0.surge > 0.98 }, "\(with.map(\.surge))")
    #expect(abs(ci.mean - 0.9) <= ci.halfWidth + 0.005, "\(ci.mean) ± \(ci.halfWidth)")
    #expect(ci.halfWidth < 0.01, "30 replications of 26 weeks pin the utilisation to a point")
    let without = try utilisations(nil)
    #expect(without.allSatisfy { $0.use > 0.99 && $0.surge == 0 }, "\(without)")
  }
}
