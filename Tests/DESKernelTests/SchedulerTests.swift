import DESKernel
import Testing

/// Clock, `run(until:)` convention, cancellation and stop, on exact traces.
@Suite struct SchedulerTests {
  /// A model that, on event `n`, optionally schedules more events from a script.
  struct Script: SimulationModel {
    var log: [(String, Double)] = []
    var onFire: [String: [(delay: Double, name: String)]] = [:]
    var stopOn: String?

    mutating func handle(_ event: String, scheduler: inout Scheduler<String>) {
      log.append((event, scheduler.now))
      for next in onFire[event] ?? [] { scheduler.schedule(after: next.delay, next.name) }
      if event == stopOn { scheduler.stop() }
    }
  }

  func names(_ log: [(String, Double)]) -> [String] { log.map { "\($0.0)@\($0.1)" } }

  @Test func runUntilProcessesEventsStrictlyBeforeTheEndAndSetsTheClock() {
    var engine = Engine(model: Script())
    engine.scheduler.schedule(at: 1, "a")
    engine.scheduler.schedule(at: 2, "b")
    engine.scheduler.schedule(at: 3, "c")
    engine.run(until: 2)
    #expect(names(engine.model.log) == ["a@1.0"])
    #expect(engine.now == 2)
    engine.run(until: 10)
    #expect(names(engine.model.log) == ["a@1.0", "b@2.0", "c@3.0"])
    #expect(engine.now == 10)
    #expect(engine.eventsProcessed == 3)
  }

  @Test func sameTimeEventsRunByPriorityThenFIFO() {
    var engine = Engine(model: Script())
    engine.scheduler.schedule(at: 5, priority: .late, "check")
    engine.scheduler.schedule(at: 5, "arrive-1")
    engine.scheduler.schedule(at: 5, priority: .release, "depart")
    engine.scheduler.schedule(at: 5, "arrive-2")
    engine.scheduler.schedule(at: 5, priority: .capacity, "open")
    engine.run()
    #expect(engine.model.log.map(\.0) == ["open", "depart", "arrive-1", "arrive-2", "check"])
  }

  @Test func eventsScheduledDuringHandlingFollowTheTotalOrder() {
    var model = Script()
    model.onFire["a"] = [(0, "a-now"), (1, "a-later")]
    var engine = Engine(model: model)
    engine.scheduler.schedule(at: 1, "a")
    engine.scheduler.schedule(at: 1, "b")
    engine.run()
    // "a-now" is scheduled at time 1 after "b" was, so it runs after "b".
    #expect(names(engine.model.log) == ["a@1.0", "b@1.0", "a-now@1.0", "a-later@2.0"])
  }

  /// The kernel's one cancellation mechanism: an event carries the stamp of what it acts
  /// on, and its handler drops it when the stamp has moved on.
  struct Stamped: SimulationModel {
    enum Event { case check(stamp: UInt32, name: String), void }
    var stamp: UInt32 = 0
    var log: [String] = []
    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
      switch event {
      case .check(let s, let name):
        guard s == stamp else { return }
        log.append("\(name)@\(scheduler.now)")
      case .void:
        stamp &+= 1
      }
    }
  }

  @Test func anEventWhoseStampMovedOnIsDropped() {
    var engine = Engine(model: Stamped())
    engine.scheduler.schedule(at: 2, .check(stamp: 0, name: "doomed"))
    engine.scheduler.schedule(at: 1, .void)
    engine.scheduler.schedule(at: 3, .check(stamp: 1, name: "after"))
    #expect(engine.scheduler.pendingCount == 3)
    engine.run()
    #expect(engine.model.log == ["after@3.0"])
    #expect(engine.scheduler.pendingCount == 0)
    #expect(engine.eventsProcessed == 3)
  }

  @Test func aStaleServiceEndIsDroppedAndTheNextServiceOnTheServerCompletes() throws {
    // One server, requeue: a cut service's end must not end the service that follows
    // on the same server.
    var set = ServerSet<String>(servers: 1, offShiftRule: .returnToQueue)
    let arrived = set.arrive("a", at: 0)
    let first = try #require(arrived)
    set.setCapacity(0, at: 1)
    #expect(set.popInterruption()?.element == "a")
    #expect(!set.isServing(first.server, stamp: first.stamp))
    set.setCapacity(1, at: 2)
    let restarted = set.nextStart(at: 2)
    let again = try #require(restarted)
    #expect(again.element == "a" && again.server == first.server && again.stamp != first.stamp)
    #expect(set.isServing(again.server, stamp: again.stamp))
    #expect(!set.isServing(first.server, stamp: first.stamp))
    #expect(set.finish(server: again.server, at: 3) == "a")
    #expect(set.completed == 1)
  }

  @Test func stopReturnsAfterTheCurrentEvent() {
    var model = Script()
    model.stopOn = "b"
    var engine = Engine(model: model)
    for (t, n) in [(1.0, "a"), (2, "b"), (3, "c")] { engine.scheduler.schedule(at: t, n) }
    engine.run(until: 100)
    #expect(engine.model.log.map(\.0) == ["a", "b"])
    #expect(engine.now == 2)
    engine.run(until: 100)
    #expect(engine.model.log.map(\.0) == ["a", "b", "c"])
  }

  @Test func negativeDelayStopsTheProgram() async {
    await #expect(processExitsWith: .failure) {
      var scheduler = Scheduler<Int>()
      scheduler.schedule(after: -1, 0)
    }
  }

  @Test func schedulingInThePastStopsTheProgram() async {
    await #expect(processExitsWith: .failure) {
      var engine = Engine(model: Recorder())
      engine.run(until: 10)
      engine.scheduler.schedule(at: 5, 0)
    }
  }
}
