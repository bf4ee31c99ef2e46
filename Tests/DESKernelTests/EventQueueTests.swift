import DESKernel
import Testing
import TestSupport

/// The calendar must pop events in `(time, priority, insertion)` order, whatever the
/// interleaving of pushes and pops. Each seed builds a random schedule with many ties
/// (times drawn from a few values, three priorities) and checks it against a stable
/// sort of the same events.
@Suite struct EventQueueTests {
  struct Item: Equatable { let time: Double; let priority: UInt8; let id: Int }

  @Test func popsInTotalOrderForThousandsOfRandomSchedules() {
    for seed in UInt64(0)..<2_000 {
      var rng = SplitMixGenerator(seed: seed)
      var scheduler = Scheduler<Int>()
      var reference: [Item] = []
      let n = Int.random(in: 1...60, using: &rng)
      for id in 0..<n {
        let time = Double(Int.random(in: 0...5, using: &rng))
        let priority = [EventPriority.release, .normal, .late].randomElement(using: &rng)!
        scheduler.schedule(at: time, priority: priority, id)
        reference.append(Item(time: time, priority: priority.rawValue, id: id))
      }
      // Stable sort: equal (time, priority) keep insertion order.
      let expected = reference.enumerated().sorted {
        ($0.element.time, $0.element.priority, $0.offset) < ($1.element.time, $1.element.priority, $1.offset)
      }.map(\.element.id)
      var engine = Engine(model: Recorder())
      engine.scheduler = scheduler
      engine.run()
      let popped = engine.model.log.map(\.id)
      #expect(popped == expected, "seed \(seed)")
    }
  }

  @Test func interleavedPushAndPopMatchesReference() {
    for seed in UInt64(0)..<1_000 {
      var rng = SplitMixGenerator(seed: seed)
      var scheduler = Scheduler<Int>()
      var pending: [(time: Double, seq: Int)] = []
      var seq = 0
      for _ in 0..<200 {
        if pending.isEmpty || Bool.random(using: &rng) {
          let t = Double(Int.random(in: 0...20, using: &rng))
          scheduler.schedule(at: max(t, scheduler.now), seq)
          pending.append((max(t, scheduler.now), seq))
          seq += 1
        } else {
          let best = pending.indices.min { (pending[$0].time, pending[$0].seq) < (pending[$1].time, pending[$1].seq) }!
          let expected = pending.remove(at: best)
          var engine = Engine(model: Recorder())
          engine.scheduler = scheduler
          let stepped = engine.step()
          #expect(stepped)
          scheduler = engine.scheduler
          #expect(engine.model.log.first?.id == expected.seq, "seed \(seed)")
          #expect(scheduler.now == expected.time)
        }
      }
    }
  }

  @Test func emptyQueuePopsNothing() {
    var queue = EventQueue<Int>()
    #expect(queue.popFirst() == nil)
    #expect(queue.isEmpty)
  }
}

/// Records every event it receives with the time it fired.
struct Recorder: SimulationModel {
  var log: [(id: Int, time: Double)] = []
  mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) {
    log.append((event, scheduler.now))
  }
}
