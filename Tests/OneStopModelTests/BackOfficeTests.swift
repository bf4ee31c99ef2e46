import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// The back office of the 2f27aa2 session: officers take work only while their agency is
/// open, earliest-due-date overtaking at the opening, utilisation and sample-path
/// identities of the stations, apologies (R11), Saturday paper transfers, fixed legal
/// waits and officer absences. Small one-unit provinces, fixed seeds, checked on the
/// trace (the Form 05 rows) and on the station statistics.
@Suite struct BackOfficeTests {
  // MARK: - Fixtures

  static let allDay = OpeningSchedule(
    base: WeeklyHours(
      days: Array(
        repeating:
          DailyHours(intervals: [OpenInterval(open: TimeOfDay("00:00")!, close: TimeOfDay("24:00")!)]), count: 7)))

  /// Office hours with the same day on Saturday (07:00-11:30, 13:30-17:00), from 2022-01-01.
  static let withSaturday = OpeningSchedule(
    base: WeeklyHours(weekdays: .standardOffice, saturday: .standardOffice), weekendFrom: CivilDate(iso: "2022-01-01")!)

  static func procedure(
    _ id: String, deadline: Deadline = .workingDays(10), steps: [StepConfiguration]
  ) -> ProcedureConfiguration {
    ProcedureConfiguration(
      id: id, field: "all", deadline: deadline, steps: steps, onlineMode: .full,
      pIncomplete: 0, pRefused: 0, pGuidanceOnly: 0, pSupplement: 0)
  }

  /// One unit whose portal is checked around the clock (50 online-intake officers, one
  /// minute a check) so online dossiers, submitted at any hour of any day, reach the
  /// agencies at night and at weekends. Results go back online. `perDay` is the mean
  /// number of new dossiers a day over the run.
  static func onlineProvince(
    agencies: [AgencyConfiguration], procedures: [ProcedureConfiguration], mix: [(String, Double)]? = nil,
    perDay: Double, start: String = "2022-03-07", days: Int, warmupDays: Int? = nil, vietnam: Bool = false,
    monthFactors: [Double] = Array(repeating: 1, count: 12)
  ) -> ModelConfiguration {
    var calendar = CalendarSettings()
    calendar.vietnam = vietnam
    let startDate = CivilDate(iso: start)!
    var behaviour = CitizenBehaviour()
    behaviour.onlineCheckTime = try! .deterministic(60)
    return ModelConfiguration(
      name: "back office", start: startDate, end: startDate.adding(days: days),
      warmupUntil: warmupDays.map { startDate.adding(days: $0) }, calendar: calendar, levels: ["only"], fields: ["all"],
      units: [
        UnitConfiguration(
          id: "u", level: "only", hours: allDay, desks: [DeskGroupConfiguration(id: "d", count: 1)],
          onlineIntakeOfficers: 50)
      ],
      agencies: agencies, procedures: procedures,
      demand: [
        DemandConfiguration(
          unit: "u", annualVolume: perDay * 365, mix: mix ?? procedures.map { ($0.id, 1) }, onlineShare: .constant(1),
          onlineReturnShare: 1, monthFactors: monthFactors, weekdayFactors: Array(repeating: 1, count: 7),
          onlineHourProfile: Array(repeating: 1, count: 24))
      ],
      behaviour: behaviour)
  }

  static func station(_ id: String, _ model: CompiledModel) -> Int { model.names.stations.firstIndex { $0.id == id }! }
  static func day(_ t: Double) -> Int { Int((t / 86_400).rounded(.down)) }
  static func weekday(_ t: Double, _ model: CompiledModel) -> Int {
    CivilDate.weekday(ofDayNumber: model.epochDay + day(t))
  }
  static func date(_ t: Double, _ model: CompiledModel) -> String {
    CivilDate(dayNumber: model.epochDay + day(t)).description
  }

  /// The trace rows of station `k`, in time order, with `step_done` first among rows of
  /// the same instant (the simulation notes the next `work_started` of a finishing
  /// officer before that officer's `step_done`).
  static func rows(_ r: RunResult, station k: Int) -> [TraceRecord] {
    r.trace.enumerated().filter { Int($0.element.station) == k }
      .sorted { a, b in
        if a.element.time != b.element.time { return a.element.time < b.element.time }
        let ra = a.element.event == .stepDone ? 0 : 1, rb = b.element.event == .stepDone ? 0 : 1
        return ra != rb ? ra < rb : a.offset < b.offset
      }.map(\.element)
  }

  /// All rows of each dossier, in trace order.
  static func byDossier(_ r: RunResult) -> [UInt32: [TraceRecord]] {
    var out: [UInt32: [TraceRecord]] = [:]
    for t in r.trace { out[t.dossier, default: []].append(t) }
    return out
  }

  // MARK: - 1. Work only in hours

  /// Online dossiers reach a weekday-office agency at any hour; officers must start work
  /// only while it is open (07:00-11:30, 13:30-17:00, Monday-Friday). With FIFO order, a
  /// dossier that reaches the agency with nobody ahead of it and an officer free starts at
  /// the agency's next opening: one reaching on a Saturday starts Monday at 07:00.
  @Test func officersStartWorkOnlyWhileTheAgencyIsOpen() throws {
    let model = try CompiledModel(
      Self.onlineProvince(
        agencies: [AgencyConfiguration(id: "A@u", unit: "u", officers: 2, hours: .standardOffice)],
        procedures: [Self.procedure("p", steps: [.init(place: .agency("A@u"), work: try .deterministic(1.5))])],
        perDay: 4.5, days: 84))
    let r = OneStopSimulation.run(model, seed: 7, trace: true)
    let k = Self.station("A@u", model)
    let schedule = model.resolvedSchedule(model.stations[k].schedule)
    var started = 0, reachedWhileClosed = 0
    var waiting = 0, busy = 0
    var expectedStart: [UInt32: Double] = [:]
    var reachedOn: [UInt32: Double] = [:]
    var saturdayChecks = 0, startChecks = 0
    for t in Self.rows(r, station: k) {
      switch t.event {
      case .reachedAgency:
        if !schedule.isOpen(at: t.time) { reachedWhileClosed += 1 }
        reachedOn[t.dossier] = t.time
        if waiting == 0 && busy < 2 { expectedStart[t.dossier] = schedule.nextOpening(atOrAfter: t.time) }
        waiting += 1
      case .workStarted:
        started += 1
        waiting -= 1
        busy += 1
        #expect(busy <= 2, "more officers busy than the agency has at \(t.time)")
        let second = Int(t.time - Double(Self.day(t.time)) * 86_400)
        let inHours =
          Self.weekday(t.time, model) <= 5 && ((25_200..<41_400).contains(second) || (48_600..<61_200).contains(second))
        #expect(
          inHours && schedule.isOpen(at: t.time),
          "dossier \(t.dossier) started \(Self.date(t.time, model)) at second \(second)")
        if let e = expectedStart[t.dossier] {
          startChecks += 1
          #expect(
            t.time == e,
            """
              dossier \(t.dossier) reached at \(reachedOn[t.dossier]!) with the queue empty, started \(t.time), \
              expected \(e)
              """
          )
          let reached = reachedOn[t.dossier]!
          if Self.weekday(reached, model) == 6 {
            saturdayChecks += 1
            #expect(
              t.time == Double(Self.day(reached) + 2) * 86_400 + 7 * 3600, "Saturday arrival not started Monday 07:00")
          }
        }
      case .stepDone:
        busy -= 1
      default: break
      }
    }
    #expect(started > 200)
    #expect(reachedWhileClosed > 100, "the scenario must bring dossiers in at night: \(reachedWhileClosed)")
    #expect(startChecks > 50)
    #expect(saturdayChecks >= 1, "Saturday arrivals onto an empty queue: \(saturdayChecks)")
  }

  // MARK: - 2. EDF overtaking

  /// One officer, two procedures (due in 2 and in 30 working days) filed online around
  /// the clock. Under earliest-due-date order every dossier an officer takes is the one
  /// with the earliest due instant among those waiting (ties by arrival), so an urgent
  /// dossier arriving later in the night overtakes a less urgent one at the opening.
  /// Under FIFO the same check on arrival order holds and nothing overtakes.
  @Test(arguments: [QueueDiscipline.earliestDeadline, .fifo])
  func theOfficerTakesTheEarliestDueFirst(discipline: QueueDiscipline) throws {
    let model = try CompiledModel(
      Self.onlineProvince(
        agencies: [
          AgencyConfiguration(id: "A@u", unit: "u", officers: 1, hours: .standardOffice, discipline: discipline)
        ],
        procedures: [
          Self.procedure(
            "slow", deadline: .workingDays(30), steps: [.init(place: .agency("A@u"), work: try .deterministic(1))]),
          Self.procedure(
            "urgent", deadline: .workingDays(2), steps: [.init(place: .agency("A@u"), work: try .deterministic(1))]),
        ], perDay: 3.4, days: 56))
    let r = OneStopSimulation.run(model, seed: 3, trace: true)
    let k = Self.station("A@u", model)
    let schedule = model.resolvedSchedule(model.stations[k].schedule)
    var due: [UInt32: Double] = [:]
    for t in r.trace where t.event == .accepted { due[t.dossier] = Double(t.dueDay + 1) * 86_400 }
    var waiting: [(due: Double, seq: Int, dossier: UInt32, reached: Double)] = []
    var seq = 0, started = 0, overtakes = 0, nightOvertakes = 0
    for t in Self.rows(r, station: k) {
      switch t.event {
      case .reachedAgency:
        waiting.append((due[t.dossier]!, seq, t.dossier, t.time))
        seq += 1
      case .workStarted:
        started += 1
        let key: ((Double, Int)) -> (Double, Int) = { discipline == .fifo ? (0, $0.1) : $0 }
        let best = waiting.min { key(($0.due, $0.seq)) < key(($1.due, $1.seq)) }!
        #expect(best.dossier == t.dossier, "at \(t.time) took \(t.dossier), expected \(best.dossier)")
        let oldest = waiting.min { $0.seq < $1.seq }!
        let taken = waiting.first { $0.dossier == t.dossier }!
        if oldest.dossier != t.dossier {
          overtakes += 1
          // At an opening, both arrived while the agency was closed since its last closing.
          let second = t.time - Double(Self.day(t.time)) * 86_400
          var d = Self.day(t.time) - 1
          while d > 0 && schedule.lastClose(dayIndex: d) == nil { d -= 1 }
          let lastClose = schedule.lastClose(dayIndex: d) ?? 0
          if second == 7 * 3600 && oldest.reached >= lastClose && taken.reached > oldest.reached
            && taken.due < oldest.due
          {
            nightOvertakes += 1
          }
        }
        waiting.removeAll { $0.dossier == t.dossier }
      default: break
      }
    }
    #expect(started > 100)
    if discipline == .fifo {
      #expect(overtakes == 0)
    } else {
      #expect(overtakes > 10, "EDF overtakes: \(overtakes)")
      #expect(
        nightOvertakes > 3,
        "an urgent dossier arriving later in the night started first at the opening: \(nightOvertakes)")
    }
  }

  // MARK: - 3. Utilisation

  /// Two overloaded agencies (about twice their capacity): A (2 officers, office hours,
  /// lognormal tasks that cross lunch, nights and weekends) and B (1 officer, open around
  /// the clock, so its tasks straddle the warm-up and the end). Busy time counts only the
  /// part of each task inside the statistics window, so it never exceeds the available
  /// officer time, short or long run, with or without warm-up; from the trace, busy
  /// officers never exceed the officers. After a warm-up the queues never empty, so the
  /// utilisation is exactly 1.
  @Test(arguments: [(7, nil), (7, 2), (91, nil), (91, 14)] as [(Int, Int?)])
  func utilisationNeverExceedsOne(days: Int, warmup: Int?) throws {
    let model = try CompiledModel(
      Self.onlineProvince(
        agencies: [
          AgencyConfiguration(id: "A@u", unit: "u", officers: 2, hours: .standardOffice),
          AgencyConfiguration(id: "B@u", unit: "u", officers: 1, hours: Self.allDay),
        ],
        procedures: [
          Self.procedure("pa", steps: [.init(place: .agency("A@u"), work: try .lognormal(mean: 1.5, cv: 1))]),
          Self.procedure("pb", steps: [.init(place: .agency("B@u"), work: try .lognormal(mean: 3, cv: 1))]),
        ], perDay: 40, days: days, warmupDays: warmup))
    let r = OneStopSimulation.run(model, seed: 19, trace: true)
    for k in model.stations.indices where !model.stations[k].isOnlineIntake {
      let busy = r.stations[k].busySeconds, available = r.stations[k].availableSeconds
      #expect(available > 0)
      #expect(busy <= available * (1 + 1e-9), "\(model.names.stations[k].id): busy \(busy) > available \(available)")
      var inService = 0
      for t in Self.rows(r, station: k) {
        if t.event == .workStarted { inService += 1 }
        if t.event == .stepDone { inService -= 1 }
        #expect(inService <= model.stations[k].officers && inService >= 0)
      }
      if warmup != nil {
        #expect(
          abs(busy / available - 1) < 1e-6, "\(model.names.stations[k].id): overloaded utilisation \(busy / available)")
      }
    }
  }

  /// The same property over random small provinces (all channels, rules, backlog, warm-up).
  @Test(arguments: 0..<10)
  func randomProvincesKeepBusyWithinAvailable(seed: Int) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: UInt64(seed) &+ 100))
    let r = OneStopSimulation.run(model, seed: UInt64(seed))
    for k in model.stations.indices where !model.stations[k].isOnlineIntake {
      #expect(
        r.stations[k].busySeconds <= r.stations[k].availableSeconds * (1 + 1e-9),
        """
          seed \(seed) \(model.names.stations[k].id): busy \(r.stations[k].busySeconds) > available \
          \(r.stations[k].availableSeconds)
          """
      )
    }
  }

  // MARK: - 4. Sample-path identity

  /// Arrivals only in January, a three-month run, no warm-up: every dossier is taken
  /// before the end, so the number waiting integrated over time equals the sum of the
  /// waits, at the online intake and at both agencies of the route A -> B.
  @Test func waitingIntegralEqualsTheSumOfWaits() throws {
    var months = Array(repeating: 0.0, count: 12)
    months[0] = 1
    let model = try CompiledModel(
      Self.onlineProvince(
        agencies: [
          AgencyConfiguration(id: "A@u", unit: "u", officers: 2, hours: .standardOffice),
          AgencyConfiguration(id: "B@u", unit: "u", officers: 1, hours: .standardOffice, discipline: .earliestDeadline),
        ],
        procedures: [
          Self.procedure(
            "p",
            steps: [
              .init(place: .agency("A@u"), work: try .lognormal(mean: 1, cv: 0.5)),
              .init(place: .agency("B@u"), work: try .deterministic(0.5)),
            ])
        ], perDay: 3.4, start: "2022-01-03", days: 91, monthFactors: months))
    let r = OneStopSimulation.run(model, seed: 4, trace: true)
    let t = r.total()
    #expect(t.receivedNew > 250)
    #expect(t.inProgressEnd == 0 && r.checks.openDossiers == 0, "work left at the end: \(t.inProgressEnd)")
    for k in model.stations.indices {
      let reached = r.trace.filter { Int($0.station) == k && $0.event == .reachedAgency }.count
      let waits = r.stations[k].waits
      if !model.stations[k].isOnlineIntake { #expect(waits.count == reached && reached > 250) }
      if !model.stations[k].isOnlineIntake {
        #expect(waits.sum > 0, "\(model.names.stations[k].id): no waiting at all")
      }
      #expect(
        abs(r.stations[k].waitingIntegral - waits.sum) <= 1e-6 * waits.sum,
        "\(model.names.stations[k].id): integral \(r.stations[k].waitingIntegral) vs sum of waits \(waits.sum)")
    }
  }

  // MARK: - 5. Apologies (R11)

  /// One officer short of capacity (about 120 % load) on the 2022 calendar: a 5-day
  /// procedure and a 12-day one with a 10-working-day legal wait that counts. Every
  /// overdue dossier has exactly one apology, dated at the latest at the end of its due
  /// day, with the new appointment 5 working days after the due day; no dossier has two;
  /// without supplements no dossier resolved on time has one; the counted apologies are
  /// the trace's. Some letters come early (the wait alone cannot end by the due date).
  @Test func everyOverdueDossierGetsExactlyOneApologyByItsDueDay() throws {
    let model = try CompiledModel(
      Self.onlineProvince(
        agencies: [AgencyConfiguration(id: "A@u", unit: "u", officers: 1, hours: .standardOffice)],
        procedures: [
          Self.procedure(
            "short", deadline: .workingDays(5),
            steps: [.init(place: .agency("A@u"), work: try .lognormal(mean: 1.2, cv: 0.5))]),
          Self.procedure(
            "posted", deadline: .workingDays(12),
            steps: [
              .init(
                place: .agency("A@u"), work: try .deterministic(0.5),
                fixedWait: FixedWait(days: 10, calendarDays: false)),
              .init(place: .agency("A@u"), work: try .deterministic(0.5)),
            ]),
        ], mix: [("short", 0.7), ("posted", 0.3)], perDay: 6, days: 84, vietnam: true))
    let r = OneStopSimulation.run(model, seed: 11, trace: true)
    var overdue = 0, onTime = 0, early = 0, apologyRows = 0
    for (serial, rows) in Self.byDossier(r) {
      let apologies = rows.filter { $0.event == .apology }
      apologyRows += apologies.count
      #expect(apologies.count <= 1, "dossier \(serial) has \(apologies.count) apologies")
      guard let due = rows.last(where: { $0.event == .accepted || $0.event == .supplementReceived })?.dueDay else {
        continue
      }
      for a in apologies {
        #expect(a.time <= Double(due + 1) * 86_400, "dossier \(serial): apology \(a.time) after its due day \(due)")
        let appointment = model.calendar.addingWorkingDays(5, to: model.epochDay + Int(due)) - model.epochDay
        #expect(Int(a.dueDay) == appointment)
        if a.time < Double(due) * 86_400 { early += 1 }
      }
      guard let resolved = rows.first(where: { $0.event == .resolved }) else { continue }
      if resolved.detail == 0 {
        overdue += 1
        #expect(apologies.count == 1, "overdue dossier \(serial) has \(apologies.count) apologies")
      } else {
        onTime += 1
        #expect(apologies.isEmpty, "dossier \(serial) resolved on time has an apology")
      }
    }
    #expect(overdue > 30 && onTime > 30, "overdue \(overdue), on time \(onTime)")
    #expect(early > 0, "no apology before the due day")
    #expect(r.total().apologies == apologyRows)
    #expect(r.total().resolvedOverdue == overdue)
  }
}
