import DESKernel
import Testing

/// Clock, `run(until:)` convention, cancellation and stop, on exact traces.
@Suite struct SchedulerTests {
  /// A model that, on event `n`, optionally schedules more events from a script.
  struct Script: SimulationModel {
    var log: [(String, Double)] = []
    var onFire: [String: [(delay: Double, name: String)]] = [:]
    var cancelOnFire: [String: EventToken] = [:]
    var stopOn: String?

    mutating func handle(_ event: String, scheduler: inout Scheduler<String>) {
      log.append((event, scheduler.now))
      for next in onFire[event] ?? [] { scheduler.schedule(after: next.delay, next.name) }
      if let token = cancelOnFire[event] { scheduler.cancel(token) }
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

  @Test func cancelledEventsNeverFireAndCancellingTwiceIsHarmless() {
    var engine = Engine(model: Script())
    let doomed = engine.scheduler.scheduleCancellable(at: 2, "doomed")
    engine.scheduler.schedule(at: 1, "killer")
    engine.scheduler.schedule(at: 3, "after")
    engine.model.cancelOnFire["killer"] = doomed
    #expect(engine.scheduler.pendingCount == 3)
    engine.run()
    #expect(engine.model.log.map(\.0) == ["killer", "after"])
    #expect(engine.scheduler.cancel(doomed) == false)
    #expect(engine.scheduler.pendingCount == 0)
    #expect(engine.eventsProcessed == 2)
  }

  @Test func aTokenOfAFiredEventCannotCancelALaterEventInTheSameSlot() {
    var engine = Engine(model: Script())
    let first = engine.scheduler.scheduleCancellable(at: 1, "first")
    engine.run(until: 1.5)
    let second = engine.scheduler.scheduleCancellable(at: 2, "second")
    #expect(engine.scheduler.cancel(first) == false)
    engine.run()
    #expect(engine.model.log.map(\.0) == ["first", "second"])
    #expect(engine.scheduler.cancel(second) == false)
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
