import DESKernel
import OneStopModel
import Testing
import TestSupport

/// The reporting KPIs of docs/results.md: served_same_day over every visit that came for
/// a ticket, desk waits by level, the monthly series, channel-out counts, and the
/// demand and desk options that shape them (ticket cutoff, lunch stagger).
@Suite struct KPITests {
  /// One unit (07:00-11:30, 13:30-17:00 Monday-Friday), `desks` desks serving one
  /// procedure with 10-minute intakes, results online, so only intake visits come.
  static func office(
    desks: Int, perYear: Double, cutoff: String? = "16:00", follows: Bool = true, rule: ClosingRule = .serveAll,
    unitHours: OpeningSchedule = .standardOffice, deskHours: OpeningSchedule? = nil, stagger: Int? = nil,
    days: Int = 56,
    onTheSpot: Bool = false
  ) -> ModelConfiguration {
    var calendar = CalendarSettings()
    calendar.vietnam = false
    let start = CivilDate(iso: "2022-03-07")!
    var group = DeskGroupConfiguration(id: "d", count: desks, hours: deskHours)
    group.lunchStagger = stagger
    var demand = DemandConfiguration(
      unit: "u", annualVolume: perYear, mix: [("p", 1)], postalShare: .constant(0),
      postalReturnShare: onTheSpot ? 1 : 0,
      onlineReturnShare: onTheSpot ? 0 : 1, weekdayFactors: [1, 1, 1, 1, 1, 0, 0])
    demand.walkInProfileFollowsCutoff = follows
    return ModelConfiguration(
      name: "office", start: start, end: start.adding(days: days), calendar: calendar, levels: ["only"],
      fields: ["all"],
      units: [
        UnitConfiguration(
          id: "u", level: "only", hours: unitHours, ticketCutoff: cutoff.map { TimeOfDay($0)! },
          closingRule: rule, desks: [group], onlineIntakeOfficers: 0)
      ],
      agencies: [AgencyConfiguration(id: "A@u", unit: "u", officers: 100)],
      procedures: [
        ProcedureConfiguration(
          id: "p", field: "all", deadline: .workingDays(10),
          steps: [.init(place: .agency("A@u"), work: try! .deterministic(0.01))],
          onlineMode: .full, postalAllowed: onTheSpot, onTheSpot: onTheSpot, pIncomplete: 0, pRefused: 0,
          pGuidanceOnly: 0,
          pSupplement: 0, intakeTime: try! .exponential(mean: 600))
      ],
      demand: [demand])
  }

  func value(_ name: String, _ r: RunResult, _ m: CompiledModel) -> Double { KPI.named(name)!.value(r, m) }

  // MARK: - served_same_day

  @Test func servedSameDayCountsTurnedAwayAndSentHomeCitizens() throws {
    // Too few desks, send-home at closing, and walk-ins until closing after a 16:00 cutoff.
    let model = try CompiledModel(Self.office(desks: 1, perYear: 16_000, follows: false, rule: .sendHome))
    let r = OneStopSimulation.run(model, seed: 5, trace: true)
    #expect(r.totals.turnedAway > 0 && r.totals.sentHome > 0)
    #expect(r.units.map(\.turnedAway) == [r.totals.turnedAway] && r.units.map(\.sentHome) == [r.totals.sentHome])
    let served = value("served_same_day", r, model)
    #expect(served < 100)
    #expect(served == value("served_same_day@u", r, model))
    // Hand count from the trace: visits that came for a ticket (walk-in tickets and
    // visits turned away) and, of those, the ones called the same day.
    var visits = 0, sameDay = 0
    for t in r.trace {
      switch t.event {
      case .ticket: visits += 1  // no postal intake in this scenario
      case .turnedAway: visits += 1
      case .called:
        let issued = t.time - Double(t.detail)
        if Int((issued / 86_400).rounded(.down)) == Int((t.time / 86_400).rounded(.down)) { sameDay += 1 }
      default: break
      }
    }
    #expect(visits == r.units[0].ticketsIssued + r.totals.turnedAway)
    #expect(sameDay == r.units[0].waits.servedSameDay)
    #expect(abs(served - 100 * Double(sameDay) / Double(visits)) < 1e-9)
    // Served people alone were all served the same day under send-home: the old
    // definition said 100 %.
    #expect(r.allWaits.sameDayShare == 1)
  }

  @Test func servedSameDayIsFullWhenNobodyIsTurnedAway() throws {
    let model = try CompiledModel(Self.office(desks: 4, perYear: 3_000, cutoff: nil))
    let r = OneStopSimulation.run(model, seed: 2)
    #expect(r.totals.turnedAway == 0)
    #expect(value("served_same_day", r, model) == 100)
  }

  // MARK: - Desk waits by level

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func levelWaitsAddUpFromTheUnits(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = OneStopSimulation.run(model, seed: seed)
    for l in model.names.levels.indices {
      let units = model.units.indices.filter { model.units[$0].level == l }
      let count = units.reduce(0) { $0 + r.units[$1].waits.count }
      #expect(r.levels[l].waits.count == count)
      guard count > 0 else { continue }
      let weighted = units.reduce(0.0) { $0 + r.units[$1].waits.mean * Double(r.units[$1].waits.count) } / Double(count)
      #expect(abs(r.levels[l].waits.mean - weighted) <= 1e-9 * max(1, weighted))
      #expect(value("desk_wait_mean@level:\(model.names.levels[l])", r, model) == r.levels[l].waits.mean / 60)
      #expect(
        value("tickets@level:\(model.names.levels[l])", r, model)
          == Double(units.reduce(0) { $0 + r.units[$1].ticketsIssued }))
      // Quantiles are the level's own, between its units' extremes.
      let p90 = r.levels[l].waits.p90
      #expect(p90 <= units.map { r.units[$0].waits.p99 }.max()! * 1.01 + 1)
    }
    #expect(r.levels.reduce(0) { $0 + $1.waits.count } == r.allWaits.count)
  }

  @Test func levelKPINamesAreValidated() throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: 1))
    #expect(KPI.named("desk_wait_p90@level:province") != nil)
    #expect(KPI.named("no_such_kpi@level:province") == nil)
    #expect(KPI.unknownLevel("desk_wait_p90@level:province", in: model) == nil)
    #expect(KPI.unknownUnit("desk_wait_p90@level:province", in: model) == nil)
    let message = try #require(KPI.unknownLevel("desk_wait_p90@level:provice", in: model))
    #expect(message.contains("'provice'") && message.contains("province"))
    #expect(KPI.named("desk_wait_p90@level:provice")!.value(OneStopSimulation.run(model, seed: 1), model).isNaN)
  }

  // MARK: - Monthly series

  @Test(arguments: [1, 6, 9] as [UInt64])
  func monthsAddUpToTheRun(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = OneStopSimulation.run(model, seed: seed)
    let all = r.monthly(level: nil, model: model)
    let months = RunMonths(model)
    #expect(all.count == months.count)
    let t = r.total()
    #expect(all.reduce(0) { $0 + $1.receivedNew } == t.receivedNew)
    #expect(all.reduce(0) { $0 + $1.resolvedOnTime } == t.resolvedOnTime)
    #expect(all.reduce(0) { $0 + $1.resolvedOverdue } == t.resolvedOverdue)
    #expect(all.reduce(0) { $0 + $1.apologies } == t.apologies)
    #expect(all.reduce(0) { $0 + $1.onlineIn } == r.totals.onlineIn)
    #expect(all.reduce(0) { $0 + $1.tickets } == r.units.reduce(0) { $0 + $1.ticketsIssued })
    #expect(all.last!.inProgressEnd == t.inProgressEnd)
    for l in model.names.levels.indices {
      let level = r.monthly(level: l, model: model)
      let byLevel = r.breakdown(by: .level, model: model)[l].counters
      #expect(level.reduce(0) { $0 + $1.receivedNew } == byLevel.receivedNew)
      #expect(level.last!.inProgressEnd == byLevel.inProgressEnd)
    }
  }

  // MARK: - Channel out

  @Test func onTheSpotResultsAreNotPostalOut() throws {
    // Every result would go by post, but on-the-spot results are handed over at the desk.
    let model = try CompiledModel(Self.office(desks: 2, perYear: 3_000, cutoff: nil, onTheSpot: true))
    let r = OneStopSimulation.run(model, seed: 4)
    #expect(r.total().resolvedOnTime > 100)
    #expect(r.totals.postalOut == 0 && r.totals.onlineOut == 0)
  }

  // MARK: - Ticket cutoff and arrival profiles

  @Test func walkInsFollowTheTicketCutoffByDefault() throws {
    let follows = try CompiledModel(Self.office(desks: 3, perYear: 5_000))
    let late = try CompiledModel(Self.office(desks: 3, perYear: 5_000, follows: false))
    let a = OneStopSimulation.run(follows, seed: 8), b = OneStopSimulation.run(late, seed: 8)
    #expect(a.totals.turnedAway == 0)
    #expect(b.totals.turnedAway > 0)
    // The same yearly volume either way (renormalised before the cutoff).
    #expect(abs(Double(a.total().arrivals - b.total().arrivals)) < 0.1 * Double(b.total().arrivals))
  }

  // MARK: - Lunch stagger

  static let throughLunch = OpeningSchedule(
    base: WeeklyHours(
      weekdays: DailyHours(intervals: [
        OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("17:00")!)
      ])))

  @Test func staggeredLunchShortensLateMorningWaits() throws {
    let plain = try CompiledModel(
      Self.office(desks: 2, perYear: 9_000, cutoff: nil, unitHours: Self.throughLunch, deskHours: .standardOffice))
    let staggered = try CompiledModel(
      Self.office(
        desks: 2, perYear: 9_000, cutoff: nil, unitHours: Self.throughLunch,
        deskHours: .standardOffice, stagger: 3600))
    #expect(staggered.names.deskGroups == ["d", "d/late"])
    #expect(staggered.deskGroups.map(\.count) == [1, 1])
    #expect(
      staggered.resolvedSchedule(staggered.deskGroups[1].schedule).hours(dayIndex: 0).description
        == "07:00-12:30, 14:30-17:00")
    let a = OneStopSimulation.run(plain, seed: 11), b = OneStopSimulation.run(staggered, seed: 11)
    // Tickets taken 11:00-11:59 wait through the whole lunch without the stagger.
    #expect(b.hours[11].waits.mean < 0.7 * a.hours[11].waits.mean)
    #expect(b.hours[11].waits.p99 < a.hours[11].waits.p99)
    #expect(b.allWaits.mean < a.allWaits.mean)
  }

  @Test func staggerNeedsTheUnitOpenThroughLunch() {
    #expect {
      _ = try CompiledModel(Self.office(desks: 2, perYear: 1_000, stagger: 3600))
    } throws: { e in
      let problem = (e as? ConfigurationErrors)?.problems.first
      return problem?.location == ProblemLocation(.deskGroup(unit: 0, index: 0), .lunchStagger)
        && problem?.message.contains("open the unit through lunch") == true
    }
  }
}

/// Per-agency KPIs add up to the totals and follow the "By deciding agency" keys.
@Suite struct AgencyKPITests {
  @Test func perAgencyKPIsSumToTheTotal() throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: 3))
    let r = OneStopSimulation.run(model, seed: 5)
    var owners: [String] = []
    for p in model.names.procedures where !owners.contains(p.owner) { owners.append(p.owner) }
    #expect(!owners.isEmpty)
    for name in ["received", "resolved_overdue", "in_progress_end"] {
      let total = try #require(KPI.named(name)).value(r, model)
      let sum = try owners.reduce(0.0) { $0 + (try #require(KPI.named("\(name)@agency:\($1)"))).value(r, model) }
      #expect(sum == total, "\(name): \(sum) over agencies, \(total) in all")
    }
    let rows = r.breakdown(by: .agency, model: model)
    for row in rows {
      let k = try #require(KPI.named("received@agency:\(row.key)"))
      #expect(k.value(r, model) == Double(row.counters.received))
    }
    #expect(KPI.unknownAgency("received@agency:NOPE", in: model) != nil)
    #expect(KPI.unknownAgency("received@agency:\(owners[0])", in: model) == nil)
    #expect(KPI.named("received@agency:NOPE")!.value(r, model).isNaN)
  }
}
