import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// Appointments beside the walk-ins (issue 28, item 4), on days built so that every call
/// can be worked out by hand: citizens are placed at chosen instants (the demand is
/// nearly zero, so no other citizen comes), desks take exactly 10 minutes, and the trace
/// is compared with the list written here.
@Suite struct AppointmentTests {
  /// One unit open 08:00-17:00 every day with two fields (land and civil), one desk
  /// group per field, 10-minute intakes that always accept, and nearly no demand.
  static func day(landDesks: Int = 1, civilDesks: Int = 1, days: Int = 2) throws -> ModelConfiguration {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: landDesks, perHour: 1e-9, serviceMinutes: 10, days: days)
    let open = DailyHours(intervals: [OpenInterval(open: TimeOfDay("08:00")!, close: TimeOfDay("17:00")!)])
    config.units[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: open, count: 7)))
    config.fields = ["land", "civil"]
    config.units[0].desks = [
      DeskGroupConfiguration(id: "land", count: landDesks, fields: ["land"]),
      DeskGroupConfiguration(id: "civil", count: civilDesks, fields: ["civil"]),
    ]
    config.procedures[0].field = "land"
    config.procedures[0].intakeTime = try .deterministic(600)
    var civil = config.procedures[0]
    civil.id = "c"
    civil.field = "civil"
    config.procedures.append(civil)
    var civilDemand = config.demand[0]
    civilDemand.mix = [("c", 1)]
    config.demand.append(civilDemand)
    config.behaviour.pReturnAfterLeaving = 0
    return config
  }

  /// Appointments everybody books: slots at `times`, one reserved desk, 5 minutes early
  /// and never late, no other slot day than today.
  static func plan(_ times: [String], noShow: Double = 0) -> AppointmentConfiguration {
    var a = AppointmentConfiguration()
    a.bookShare = 1
    a.slotTimes = times.map { TimeOfDay($0)!.seconds }
    a.reservedDesks = 1
    a.horizonDays = 0
    a.maxWaitDays = 0
    a.noShow = noShow
    a.arriveBefore = 300
    a.lateness = try! .deterministic(0)
    return a
  }

  /// Runs `model` with a citizen of `procedure` ("p": land, "c": civil) arriving at each
  /// clock time of day 0, and returns the run with its trace.
  static func run(_ model: CompiledModel, _ arrivals: [(String, String)]) -> RunResult {
    var engine = Engine(model: OneStopSimulation(model, seed: 7), reservingCapacity: 64)
    engine.model.tracing = true
    engine.model.start(&engine.scheduler)
    for (time, procedure) in arrivals {
      let p = model.names.procedures.firstIndex { $0.id == procedure }!
      let k = model.streams.indices.first { Int(model.streamProcedures[model.streams[$0].procedures.lowerBound]) == p }!
      engine.scheduler.schedule(at: Double(TimeOfDay(time)!.seconds), .arrival(stream: Int32(k)))
    }
    engine.run(until: model.endTime)
    return engine.model.result(at: model.endTime, events: engine.eventsProcessed)
  }

  /// The desk's part of the trace, one line per row: clock time, who (the letters in
  /// order of arrival), the event and its detail.
  static func lines(_ trace: [TraceRecord], names: String) -> [String] {
    let desk: Set<TraceEvent> = [
      .submitted, .booked, .ticket, .called, .accepted, .appointmentNoShow, .lateCancelled, .gaveUp, .abandoned,
    ]
    let who = Array(names)
    return trace.filter { desk.contains($0.event) }.map { r in
      let s = Int(r.time.rounded())
      let clock = "\(s / 3600 < 10 ? "0" : "")\(s / 3600):\(s / 60 % 60 < 10 ? "0" : "")\(s / 60 % 60)"
      let detail = r.event == .called || r.event == .booked ? " \(r.detail)" : ""
      return "\(clock) \(who[Int(r.dossier)]) \(r.event.name)\(detail)"
    }
  }

  /// One appointment, one no-show and one walk-in, event by event. A (land) books at
  /// 07:00 the only land slot, 09:00, comes at 08:55 and is called at once; B (civil)
  /// books the 10:00 civil slot and never comes: a no-show at 10:10 (the grace), who does
  /// not come back; W (land) at 08:58 finds no free slot today and walks in (the first
  /// free slot is past `max_wait_days`), waits for A's call to end and is called at 09:05.
  @Test func oneAppointmentOneNoShowAndOneWalkIn() throws {
    var config = try Self.day()
    config.units[0].desks[0].appointments = Self.plan(["09:00"])
    config.units[0].desks[1].appointments = Self.plan(["10:00"], noShow: 1)
    let model = try CompiledModel(config)
    let run = Self.run(model, [("07:00", "p"), ("07:30", "c"), ("08:58", "p")])
    let expected = [
      "07:00 A submitted", "07:00 A booked 0",
      "07:30 B submitted", "07:30 B booked 0",
      "08:55 A ticket", "08:55 A called 0",
      "08:58 W submitted", "08:58 W ticket",
      "09:05 A accepted", "09:05 W called 420",
      "09:15 W accepted",
      "10:10 B appointment_no_show", "10:10 B abandoned",
    ]
    #expect(Self.lines(run.trace, names: "ABW") == expected)
    let a = run.units[0].appointments
    #expect(a.offered == 3 && a.sought == 3 && a.booked == 2 && a.walkedIn == 1 && a.noShows == 1)
    #expect(a.accessHistogram == [2, 1] && a.waits.count == 1 && a.waits.sum == 0)
    #expect(
      Measure.accessDaysP90.total!(run, model) == 1 && abs(Measure.accessDaysMean.total!(run, model) - 1.0 / 3) < 1e-12)
    #expect(Measure.deskWaitMeanWalkIn.total!(run, model) == 7 && Measure.bookedShare.total!(run, model) == 200.0 / 3)
    // The same counts at every scope the measures exist at.
    for (name, value) in [
      ("appointment_no_shows@u", 1.0), ("appointments_booked@level:only", 2), ("access_days_p90@u", 1),
      ("walked_in_instead@u", 1), ("desk_wait_mean_appointment@level:only", 0),
    ] {
      #expect(KPI.named(name)?.value(run, model) == value, "\(name)")
    }
    #expect(run.checks.conservationViolations.isEmpty)
  }
}

extension AppointmentTests {
  /// One land desk, slots at 09:00, 09:10 and 09:20 booked by A, B and C at 07:00-07:02
  /// (they come 2 minutes early); V and W walk in at 08:50 and 08:55 (no slot left).
  /// Appointments first: V is called at once, then A, B and C at 09:00, 09:10 and 09:20,
  /// and W only at 09:30. One appointment per walk-in: A at 09:00, W at 09:10 (the
  /// holder B waits), B at 09:20, C at 09:30.
  @Test func theCallOrderIsExact() throws {
    let arrivals = [("07:00", "p"), ("07:01", "p"), ("07:02", "p"), ("08:50", "p"), ("08:55", "p")]
    func calls(k: Int?) throws -> [String] {
      var config = try Self.day()
      var plan = Self.plan(["09:00", "09:10", "09:20"])
      plan.arriveBefore = 120
      plan.kPerWalkIn = k
      config.units[0].desks[0].appointments = plan
      let run = Self.run(try CompiledModel(config), arrivals)
      return Self.lines(run.trace, names: "ABCVW").filter { $0.contains("called") }
    }
    #expect(
      try calls(k: nil) == [
        "08:50 V called 0", "09:00 A called 120", "09:10 B called 120", "09:20 C called 120", "09:30 W called 2100",
      ])
    #expect(
      try calls(k: 1) == [
        "08:50 V called 0", "09:00 A called 120", "09:10 W called 900", "09:20 B called 720", "09:30 C called 720",
      ])
  }

  /// Four land desks, two reserved (`separate_desks`), holders A and B booked for 09:00
  /// (one slot, two places) and four walk-ins at 08:30. With unbooked places released an
  /// hour ahead, A and B are due within the hour, so the reserved desks keep free for them:
  /// V and W are called at once at the two other desks, X and Y only when those finish
  /// (08:40), and the holders at 08:58, as they come. Without the release the reserved
  /// desks serve X and Y at 08:30 too, and are free again when the holders come.
  @Test func aReservedShareLeavesTheWalkInsTheOtherDesks() throws {
    let arrivals = [("07:00", "p"), ("07:01", "p"), ("08:30", "p"), ("08:30", "p"), ("08:30", "p"), ("08:30", "p")]
    func calls(release: Double) throws -> [String] {
      var config = try Self.day(landDesks: 4)
      var plan = Self.plan(["09:00"])
      plan.reservedDesks = nil
      plan.reservedShare = 0.5
      plan.arriveBefore = 120
      plan.walkIns = .separateDesks
      plan.releaseBefore = release
      config.units[0].desks[0].appointments = plan
      let model = try CompiledModel(config)
      #expect(model.appointments.plans[0].reserved == 2)
      return Self.lines(Self.run(model, arrivals).trace, names: "ABVWXY").filter { $0.contains("called") }
    }
    #expect(
      try calls(release: 3600) == [
        "08:30 V called 0", "08:30 W called 0", "08:40 X called 600", "08:40 Y called 600", "08:58 A called 0",
        "08:58 B called 0",
      ])
    #expect(
      try calls(release: 0) == [
        "08:30 V called 0", "08:30 W called 0", "08:30 X called 0", "08:30 Y called 0", "08:58 A called 0",
        "08:58 B called 0",
      ])
  }

  /// An appointments block nobody books (`book_share` 0) changes nothing: no plan, no
  /// stream, the same description (the scenario hash), and a run of a busy week gives the
  /// same trace and KPIs as without the block.
  @Test func zeroBookingShareChangesNothing() throws {
    var plain = ProvinceFixtures.alwaysOpenDesks(desks: 2, perHour: 5, serviceMinutes: 20, days: 5)
    plain.units[0].access.dossiersPerVisit = 1.3
    var block = AppointmentConfiguration()
    block.walkIns = .afternoonsOnly
    block.kPerWalkIn = 2
    block.noShow = 0.3
    var withBlock = plain
    withBlock.units[0].desks[0].appointments = block
    let a = try CompiledModel(plain), b = try CompiledModel(withBlock)
    #expect(!b.appointments.isUsed && KPI.appointments(for: b).isEmpty && a.randomSources == b.randomSources)
    #expect(String(describing: plain) == String(describing: withBlock))
    let ra = OneStopSimulation.run(a, seed: 3, trace: true), rb = OneStopSimulation.run(b, seed: 3, trace: true)
    #expect(ra.trace.count > 500 && ra.trace == rb.trace)
    #expect(KPI.all.map { $0.value(ra, a) } == KPI.all.map { $0.value(rb, b) })
    // Booked, the same block draws from its own stream and changes the run.
    withBlock.units[0].desks[0].appointments?.bookShare = 0.5
    let c = try CompiledModel(withBlock)
    #expect(c.appointments.isUsed && c.randomSources == a.randomSources + ["appointment:unit:u"])
    #expect(OneStopSimulation.run(c, seed: 3, trace: true).trace != ra.trace)
  }
}

extension AppointmentTests {
  /// Slots at 11:00 and 11:10, booked up to 3 hours ahead (`release_before`): A books the
  /// first at 07:00, comes at 10:55 and is called at once; W at 10:00 finds no slot free
  /// and walks in. `afternoons_only`: W waits, the only (reserved) desk idle, until noon.
  /// `standby`: W waits while A is expected and is called after A; with A a no-show, W is
  /// called at the end of A's grace (11:10).
  @Test func walkInsWaitForNoonOrForTheHolders() throws {
    func calls(_ policy: AppointmentConfiguration.WalkInPolicy, noShow: Double = 0) throws -> [String] {
      var config = try Self.day()
      var plan = Self.plan(["11:00", "11:10"], noShow: noShow)
      plan.walkIns = policy
      plan.releaseBefore = 3 * 3600
      config.units[0].desks[0].appointments = plan
      let model = try CompiledModel(config)
      let run = Self.run(model, [("07:00", "p"), ("10:00", "p")])
      return Self.lines(run.trace, names: "AW").filter { $0.contains("called") || $0.contains("no_show") }
    }
    #expect(try calls(.afternoonsOnly) == ["10:55 A called 0", "12:00 W called 7200"])
    #expect(try calls(.standby) == ["10:55 A called 0", "11:05 W called 3900"])
    #expect(try calls(.standby, noShow: 1) == ["11:10 A appointment_no_show", "11:10 W called 4200"])
  }
}

extension AppointmentTests {
  /// Slots laid from the opening: 08:00-12:00 and 13:00-17:00 in 25-minute slots give
  /// 9 in the morning (08:00 ... 11:20; 11:45 would cross the closing) and 9 in the
  /// afternoon (13:00 ... 16:20), none at lunch or after closing; `slots_per_desk` cuts the
  /// day, and `afternoons_only` keeps the morning's only. Two reserved desks with
  /// overbooking 0.25 take one extra holder every other slot.
  @Test func slotsAreLaidWithinTheOpenHours() throws {
    var config = try Self.day(landDesks: 3)
    let split = DailyHours(intervals: [
      OpenInterval(open: TimeOfDay("08:00")!, close: TimeOfDay("12:00")!),
      OpenInterval(open: TimeOfDay("13:00")!, close: TimeOfDay("17:00")!),
    ])
    config.units[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: split, count: 7)))
    func slots(_ edit: (inout AppointmentConfiguration) -> Void) throws -> (times: [String], capacity: [Int16]) {
      var plan = AppointmentConfiguration()
      plan.bookShare = 1
      plan.slotLength = 25 * 60
      plan.reservedDesks = 2
      edit(&plan)
      config.units[0].desks[0].appointments = plan
      let model = try CompiledModel(config)
      let book = SlotBook(model, calendar: RunCalendar(model))
      let day = Int(book.dayStart[1])..<Int(book.dayStart[2])
      let times = day.map { k -> String in
        let s = Int(book.slotTime[k]) % 86_400
        return "\(s / 3600):\(s / 60 % 60 < 10 ? "0" : "")\(s / 60 % 60)"
      }
      return (times, day.map { book.capacity[$0] })
    }
    let morning = ["8:00", "8:25", "8:50", "9:15", "9:40", "10:05", "10:30", "10:55", "11:20"]
    let afternoon = ["13:00", "13:25", "13:50", "14:15", "14:40", "15:05", "15:30", "15:55", "16:20"]
    let all = try slots { _ in }
    #expect(all.times == morning + afternoon && all.capacity == Array(repeating: 2, count: 18))
    #expect(try slots { $0.slotsPerDesk = 4 }.times == Array(morning.prefix(4)))
    #expect(try slots { $0.walkIns = .afternoonsOnly }.times == morning)
    #expect(try slots { $0.overbooking = 0.25 }.capacity.prefix(4) == [2, 3, 2, 3])
  }
}
