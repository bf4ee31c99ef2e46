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
      var engine = Engine(model: Recorder())
      var reference: [Item] = []
      let n = Int.random(in: 1...60, using: &rng)
      for id in 0..<n {
        let time = Double(Int.random(in: 0...5, using: &rng))
        let priority = [EventPriority.release, .normal, .late].randomElement(using: &rng)!
        engine.scheduler.schedule(at: time, priority: priority, id)
        reference.append(Item(time: time, priority: priority.rawValue, id: id))
      }
      // Stable sort: equal (time, priority) keep insertion order.
      let expected = reference.enumerated().sorted {
        ($0.element.time, $0.element.priority, $0.offset) < ($1.element.time, $1.element.priority, $1.offset)
      }.map(\.element.id)
      engine.run()
      #expect(engine.model.log.map(\.id) == expected, "seed \(seed)")
    }
  }

  @Test func interleavedPushAndPopMatchesReference() {
    for seed in UInt64(0)..<1_000 {
      var rng = SplitMixGenerator(seed: seed)
      var engine = Engine(model: Recorder())
      var pending: [(time: Double, seq: Int)] = []
      var seq = 0
      for _ in 0..<200 {
        if pending.isEmpty || Bool.random(using: &rng) {
          let t = max(Double(Int.random(in: 0...20, using: &rng)), engine.now)
          engine.scheduler.schedule(at: t, seq)
          pending.append((t, seq))
          seq += 1
        } else {
          let best = pending.indices.min { (pending[$0].time, pending[$0].seq) < (pending[$1].time, pending[$1].seq) }!
          let expected = pending.remove(at: best)
          let stepped = engine.step()
          #expect(stepped)
          #expect(engine.model.log.last?.id == expected.seq, "seed \(seed)")
          #expect(engine.now == expected.time)
        }
      }
      #expect(engine.scheduler.pendingCount == pending.count)
    }
  }

  /// Events kept in day buckets (`bucketWidth`) pop in exactly the order of one heap:
  /// random schedules over many buckets, with ties at and across bucket boundaries,
  /// events beyond the ring and events scheduled while running, against the same
  /// schedule without buckets.
  @Test func bucketsKeepTheOrderOfOneHeap() {
    for seed in UInt64(0)..<600 {
      var rng = SplitMixGenerator(seed: seed)
      let width = [1.0, 3.0, 10.0, 0.5][Int(seed % 4)]
      var plain = Engine(model: Chain(seed: seed))
      var bucketed = Engine(model: Chain(seed: seed), bucketWidth: width)
      let n = Int.random(in: 1...80, using: &rng)
      for id in 0..<n {
        let far = Int.random(in: 0..<10, using: &rng) == 0
        let time = far ? Double(Int.random(in: 0...5_000, using: &rng)) : Double(Int.random(in: 0...40, using: &rng))
        let priority = [EventPriority.release, .normal, .late].randomElement(using: &rng)!
        plain.scheduler.schedule(at: time, priority: priority, id)
        bucketed.scheduler.schedule(at: time, priority: priority, id)
      }
      #expect(bucketed.scheduler.pendingCount == plain.scheduler.pendingCount)
      #expect(bucketed.scheduler.nextEventTime == plain.scheduler.nextEventTime)
      bucketed.run(until: 17.5)
      plain.run(until: 17.5)
      #expect(bucketed.scheduler.nextEventTime == plain.scheduler.nextEventTime, "seed \(seed)")
      bucketed.run()
      plain.run()
      #expect(bucketed.model.log.map(\.id) == plain.model.log.map(\.id), "seed \(seed)")
      #expect(bucketed.model.log.map(\.time) == plain.model.log.map(\.time), "seed \(seed)")
      #expect(plain.model.log.count > n)
    }
  }

  /// A released bucket is served as a sorted run beside the heap: buckets of up to
  /// thousands of events with many equal (time, priority) pairs (so the sort's merges and
  /// the sequence tie-break count), events scheduled into the current window while the run
  /// is served, and a run checked and resumed mid-way, against one heap.
  @Test func sortedRunsKeepTheOrderOfOneHeap() {
    for seed in UInt64(0)..<120 {
      var rng = SplitMixGenerator(seed: seed)
      let width = [50.0, 7.0, 1.0][Int(seed % 3)]
      var plain = Engine(model: Chain(seed: seed))
      var bucketed = Engine(model: Chain(seed: seed), bucketWidth: width)
      let n = Int.random(in: 1...3_000, using: &rng)
      for id in 0..<n {
        let time = Double(Int.random(in: 0...200, using: &rng)) / [1, 1, 4][Int.random(in: 0...2, using: &rng)]
        let priority = [EventPriority.release, .normal, .late].randomElement(using: &rng)!
        plain.scheduler.schedule(at: time, priority: priority, id)
        bucketed.scheduler.schedule(at: time, priority: priority, id)
      }
      for end in [0.5, 51.0, 99.75, 180.0] {
        bucketed.run(until: end)
        plain.run(until: end)
        #expect(bucketed.scheduler.pendingCount == plain.scheduler.pendingCount, "seed \(seed)")
        #expect(bucketed.scheduler.nextEventTime == plain.scheduler.nextEventTime, "seed \(seed)")
      }
      bucketed.run()
      plain.run()
      #expect(bucketed.model.log.map(\.id) == plain.model.log.map(\.id), "seed \(seed)")
      #expect(bucketed.model.log.map(\.time) == plain.model.log.map(\.time), "seed \(seed)")
    }
  }

  /// An event beyond the buckets' ring waits in the heap; events scheduled later at the
  /// same time and priority wait in a bucket and must come after it (sequence order).
  @Test func heapEventBeyondTheRingPrecedesLaterTiesInARun() {
    var engine = Engine(model: Recorder(), bucketWidth: 1)
    engine.scheduler.schedule(at: 5_000, 0)
    engine.scheduler.schedule(at: 2_000, 1)
    engine.run(until: 2_001)
    for id in 2..<40 { engine.scheduler.schedule(at: id % 2 == 0 ? 5_000 : 4_999.5, id) }
    engine.run()
    let odd = Array(stride(from: 3, to: 40, by: 2))
    #expect(engine.model.log.map(\.id) == [1] + odd + [0] + Array(stride(from: 2, to: 40, by: 2)))
  }

  /// `upcoming` names the event that pops next, whether it waits in the heap or in a run
  /// (nothing when the next one is still in its bucket: once per released bucket).
  @Test func upcomingIsTheNextEventFromTheHeapOrTheRun() {
    var engine = Engine(model: Recorder(), bucketWidth: 10)
    for id in 0..<200 { engine.scheduler.schedule(at: Double((id * 37) % 101), id) }
    var named = 0
    while engine.scheduler.pendingCount > 0 {
      let next = engine.scheduler.upcoming
      engine.step()
      if let next {
        #expect(engine.model.log.last?.id == next)
        named += 1
      }
      if engine.model.log.count % 3 == 0 && engine.model.log.count < 300 {
        engine.scheduler.schedule(after: 0.5, 1_000 + engine.model.log.count)
      }
    }
    #expect(engine.model.log.count > 250)
    #expect(named >= engine.model.log.count - 12)
  }

  @Test func queueGrowsPastItsInitialCapacityAndKeepsOrder() {
    var engine = Engine(model: Recorder(), reservingCapacity: 4)
    for i in (0..<1_000).reversed() { engine.scheduler.schedule(at: Double(i), i) }
    engine.run()
    #expect(engine.model.log.map(\.id) == Array(0..<1_000))
  }

  @Test func emptyQueuePopsNothing() {
    var queue = EventQueue<Int>()
    let popped = queue.popFirst()
    #expect(popped == nil)
    let empty = queue.isEmpty
    #expect(empty)
  }
}

/// Records every event and schedules a follow-up for some (a fixed pseudo-random function
/// of the event, so two engines given the same events schedule the same follow-ups).
struct Chain: SimulationModel {
  let seed: UInt64
  var log: [(id: Int, time: Double)] = []
  mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) {
    log.append((event, scheduler.now))
    guard event < 1_000_000 else { return }
    var rng = SplitMixGenerator(seed: seed &* 1_000_003 &+ UInt64(event))
    let delay = [0, 0, 1, 2.5, 7, 30, 3_000][Int.random(in: 0..<7, using: &rng)]
    let priority = [EventPriority.release, .normal, .late].randomElement(using: &rng)!
    scheduler.schedule(after: delay, priority: priority, event + 1_000_000)
  }
}

/// Records every event it receives with the time it fired.
struct Recorder: SimulationModel {
  var log: [(id: Int, time: Double)] = []
  mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) {
    log.append((event, scheduler.now))
  }
}
