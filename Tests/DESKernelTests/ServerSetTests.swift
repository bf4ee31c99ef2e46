import DESKernel
import Testing

/// Server sets with capacity schedules, on hand-checked traces.
///
/// The scenario of both traces: two servers; arrivals every 10 min from t = 10 to 80;
/// every service takes 25 min. Capacity: 2 servers until 30, one from 30 (a server leaves
/// mid-service), none from 60 to 90 (lunch), 2 again from 90.
@Suite struct ServerSetTests {
  enum Event { case arrive(Int), done(server: Int, stamp: UInt32), capacity }

  struct TraceModel: SimulationModel {
    var pool: ServerSet<Int>
    let schedule: CapacitySchedule
    var log: [String] = []
    let service: Double = 25

    init(rule: OffShiftRule) throws {
      schedule = try .explicit(
        initial: 2, changes: [.init(at: 30, capacity: 1), .init(at: 60, capacity: 0), .init(at: 90, capacity: 2)])
      pool = ServerSet(servers: 2, initialCapacity: 2, offShiftRule: rule)
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
      let now = scheduler.now
      switch event {
      case .arrive(let c):
        if let s = pool.arrive(c, at: now) { start(s, &scheduler) }
      case .done(let server, let stamp):
        guard pool.isServing(server, stamp: stamp) else {
          log.append("stale end on s\(server) @\(Int(now))")
          return
        }
        let (c, next) = pool.complete(server: server, at: now)
        log.append("c\(c) leaves s\(server) @\(Int(now))")
        if let next { start(next, &scheduler) }
      case .capacity:
        pool.setCapacity(schedule.capacity(at: now), at: now)
        while let cut = pool.popInterruption() {
          log.append("c\(cut.element) cut on s\(cut.server) @\(Int(now))")
        }
        while let s = pool.nextStart(at: now) { start(s, &scheduler) }
        if let next = schedule.nextChange(after: now) {
          scheduler.schedule(at: next.at, priority: .capacity, .capacity)
        }
      }
    }

    mutating func start(_ s: ServerSet<Int>.Start, _ scheduler: inout Scheduler<Event>) {
      log.append("c\(s.element) starts s\(s.server) @\(Int(scheduler.now)) waited \(Int(s.waited))")
      scheduler.schedule(at: scheduler.now + service, priority: .release, .done(server: s.server, stamp: s.stamp))
    }
  }

  func run(_ rule: OffShiftRule) throws -> Engine<TraceModel> {
    var engine = Engine(model: try TraceModel(rule: rule))
    for c in 0..<8 { engine.scheduler.schedule(at: Double(10 * (c + 1)), .arrive(c)) }
    engine.scheduler.schedule(at: 30, priority: .capacity, .capacity)
    engine.run()
    return engine
  }

  @Test func finishServiceRuleRecordsOvertimeAndClosesForLunch() throws {
    let engine = try run(.finishService)
    #expect(
      engine.model.log == [
        "c0 starts s0 @10 waited 0",
        "c1 starts s1 @20 waited 0",
        "c0 leaves s0 @35",  // capacity 1 since 30 and c1 still served: no new start
        "c1 leaves s1 @45",
        "c2 starts s1 @45 waited 15",
        "c2 leaves s1 @70",  // capacity dropped to 0 at 60: 10 min of overtime, no new start
        "c3 starts s0 @90 waited 50",
        "c4 starts s1 @90 waited 40",
        "c3 leaves s0 @115",
        "c5 starts s0 @115 waited 55",
        "c4 leaves s1 @115",
        "c6 starts s1 @115 waited 45",
        "c5 leaves s0 @140",
        "c7 starts s0 @140 waited 60",
        "c6 leaves s1 @140",
        "c7 leaves s0 @165",
      ])
    let pool = engine.model.pool
    #expect(engine.now == 165)
    #expect(pool.overtime.integral(upTo: 165) == 15)  // 1·5 (30-35) + 1·10 (60-70)
    #expect(pool.onShift.integral(upTo: 165) == 240)  // 2·30 + 1·30 + 0·30 + 2·75
    #expect(pool.busy.integral(upTo: 165) == 200)
    #expect(abs(pool.utilisation(upTo: 165) - 185.0 / 240.0) < 1e-15)
    #expect(pool.waits.count == 8)
    #expect(pool.waits.mean == 265.0 / 8)
    #expect(pool.completed == 8)
    #expect(pool.startsWithoutWait == 2)
    #expect(pool.queueLength.max == 5)
  }

  @Test func returnToQueueRuleCutsServicesAndRestartsThemFirst() throws {
    let engine = try run(.returnToQueue)
    #expect(
      engine.model.log == [
        "c0 starts s0 @10 waited 0",
        "c1 starts s1 @20 waited 0",
        "c1 cut on s1 @30",
        "c0 leaves s0 @35",
        "c1 starts s0 @35 waited 5",
        "stale end on s1 @45",  // the cut service's end: its stamp is gone, the event is dropped
        "c1 cut on s0 @60",  // its completion at 60 comes after the capacity change
        "stale end on s0 @60",
        "c1 starts s0 @90 waited 30",
        "c2 starts s1 @90 waited 60",
        "c1 leaves s0 @115",
        "c3 starts s0 @115 waited 75",
        "c2 leaves s1 @115",
        "c4 starts s1 @115 waited 65",
        "c3 leaves s0 @140",
        "c5 starts s0 @140 waited 80",
        "c4 leaves s1 @140",
        "c6 starts s1 @140 waited 70",
        "c5 leaves s0 @165",
        "c7 starts s0 @165 waited 85",
        "c6 leaves s1 @165",
        "c7 leaves s0 @190",
      ])
    #expect(engine.model.pool.overtime.integral(upTo: 190) == 0)
  }

  @Test func priorityClassesAreServedFirstAndFIFOWithin() {
    var pool = ServerSet<String>(servers: 1, priorityClasses: 2)
    #expect(pool.arrive("busy", at: 0)?.server == 0)
    #expect(pool.arrive("low-1", priorityClass: 1, at: 1) == nil)
    #expect(pool.arrive("high-1", priorityClass: 0, at: 2) == nil)
    #expect(pool.arrive("low-2", priorityClass: 1, at: 3) == nil)
    #expect(pool.arrive("high-2", priorityClass: 0, at: 4) == nil)
    var order: [String] = []
    var t = 10.0
    var server = 0
    while true {
      let (_, next) = pool.complete(server: server, at: t)
      guard let next else { break }
      order.append(next.element)
      server = next.server
      t += 1
    }
    #expect(order == ["high-1", "high-2", "low-1", "low-2"])
  }

  @Test func largePoolsFindFreeServersAcrossWords() {
    var pool = ServerSet<Int>(servers: 150)
    for i in 0..<150 { #expect(pool.arrive(i, at: 0)?.server == i) }
    #expect(pool.arrive(999, at: 0) == nil)
    let (_, next) = pool.complete(server: 131, at: 1)
    #expect(next?.server == 131 && next?.element == 999)
    pool.setCapacity(100, at: 2)
    let (_, none) = pool.complete(server: 120, at: 3)
    #expect(none == nil)  // 149 busy, capacity 100: nobody new starts
    #expect(pool.busyCount == 149)
    #expect(pool.overtime.value == 49)
    for server in 0..<50 { _ = pool.finish(server: server, at: 4) }
    #expect(pool.busyCount == 99 && pool.overtime.value == 0 && pool.canStart)
  }

  /// A model that keeps its own lines (the one-stop desks) picks the server and whom it
  /// serves; the set keeps the bookkeeping: busy flags across words, the lowest idle
  /// server, the element back at the finish, waits and busy time.
  @Test func aModelPicksServerAndElement() {
    var set = ServerSet<Int>(servers: 70)
    #expect(set.idleServer() == 0)
    _ = set.start(100, on: 0, at: 0)
    _ = set.start(165, on: 65, waited: 4, at: 1)
    #expect(set.isBusy(0) && set.isBusy(65) && !set.isBusy(1) && !set.isBusy(64))
    #expect(set.idleServer() == 1, "the lowest idle server")
    for k in 1..<70 where !set.isBusy(k) { _ = set.start(k, on: k, at: 2) }
    #expect(set.idleServer() == nil && set.busyCount == 70)
    #expect(set.finish(server: 65, at: 3) == 165)
    #expect(set.idleServer() == 65 && set.completed == 1)
    #expect(set.waits.count == 70 && set.waits.max == 4 && set.startsWithoutWait == 69)
    // Busy server-time: 1 server from 0, a second from 1, the other 68 from 2, one fewer from 3.
    let expected: Double = 1 + 2 + 70 + 69
    #expect(set.busy.integral(upTo: 4) == expected)
  }

  @Test func periodicSchedulesRepeatAndSkipUnchangedSteps() throws {
    // A day of 24 h: open 7-11.5 with 3 servers, lunch, 13.5-17 with 3, closed otherwise.
    let day = try CapacitySchedule.periodic(
      period: 24,
      steps: [
        .init(at: 7, capacity: 3), .init(at: 11.5, capacity: 0), .init(at: 13.5, capacity: 3),
        .init(at: 17, capacity: 0),
      ])
    #expect(day.capacity(at: 0) == 0)
    #expect(day.capacity(at: 7) == 3)
    #expect(day.capacity(at: 12) == 0)
    #expect(day.capacity(at: 24 + 14) == 3)
    #expect(day.nextChange(after: 17) == .init(at: 24 + 7, capacity: 3))
    #expect(day.nextChange(after: 7) == .init(at: 11.5, capacity: 0))
    #expect(CapacitySchedule.constant(4).nextChange(after: 0) == nil)
    #expect(throws: ScheduleError.self) {
      try CapacitySchedule.periodic(period: 24, steps: [.init(at: 25, capacity: 1)])
    }
  }
}
