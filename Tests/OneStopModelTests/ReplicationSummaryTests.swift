import DESKernel
@testable import OneStopModel
import Testing

/// The results layer: replications folded one at a time, in replication order, give the
/// numbers computed from every result kept in memory, whatever the threads and however
/// the replications are split into calls, and keep no `RunResult`.
@Suite struct ReplicationSummaryTests {
  /// Two weeks of one office with too few desks (waits, tickets per hour, months).
  static let model = try! CompiledModel(KPITests.office(desks: 2, perYear: 9_000, days: 14))

  static func summary(count: Int, threads: Int, splits: [Int] = []) -> ReplicationSummary {
    var s = ReplicationSummary(model: model, targets: [KPI.named("desk_wait_mean@u")!])
    var first = 0
    for n in splits + [count - splits.reduce(0, +)] {
      Replications.run(model, seed: 11, first: first, count: n, threads: threads, into: &s)
      first += n
    }
    return s
  }

  @Test func foldingEqualsEstimatesOverEveryResultKept() {
    let results = Replications.run(Self.model, seed: 11, count: 5, threads: 2)
    let s = Self.summary(count: 5, threads: 2)
    #expect(s.count == 5)
    for (k, kpi) in KPI.all.enumerated() {
      let old = results.map { kpi.value($0, Self.model) }
      #expect(s.kpis.values[k].elementsEqual(old) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(kpi.name)")
      #expect(s.kpis.estimate(k) == Estimate(old) || old.contains(where: \.isNaN), "\(kpi.name)")
    }
    // A breakdown cell and a per-hour mean over the replications that had tickets then.
    let levels = s.breakdowns[0]
    #expect(levels.estimate(0, .received) == Estimate(results.map { Double($0.total().received) }))
    for h in 0..<24 {
      let ticketed = results.filter { $0.hours[h].waits.count > 0 }
      #expect(s.hours.estimate(h, .waitMean) == Estimate(ticketed.map { $0.hours[h].waits.mean / 60 }))
      #expect(s.hours.estimate(h, .tickets) == Estimate(results.map { Double($0.hours[h].waits.count) }))
    }
    #expect(s.units.estimate(0, .waitP90) == Estimate(results.map { $0.units[0].waits.quantile(0.9) / 60 }))
    #expect(s.events == results.reduce(0) { $0 + $1.events })
  }

  @Test func theSameForAnyThreadCountAndAnySplit() {
    let one = Self.summary(count: 9, threads: 1)
    for (threads, splits) in [(2, []), (3, [4]), (4, [1, 1, 5]), (2, [0, 9])] {
      let other = Self.summary(count: 9, threads: threads, splits: splits)
      #expect(other.kpis.values == one.kpis.values, "threads \(threads), splits \(splits)")
      #expect(other.targets.values == one.targets.values)
      #expect(other.breakdowns == one.breakdowns)
      #expect(other.levelWaits == one.levelWaits && other.months == one.months && other.units == one.units)
      #expect(other.stations == one.stations && other.hours == one.hours && other.levelHours == one.levelHours)
    }
  }

  @Test func resultsReachTheConsumerInReplicationOrder() {
    /// Records the replication numbers it is given.
    struct Order: ReplicationConsumer {
      var seen: [Int] = []
      mutating func add(_ result: RunResult, replication: Int) { seen.append(replication) }
    }
    var order = Order()
    Replications.run(Self.model, seed: 2, first: 3, count: 12, threads: 4, into: &order)
    #expect(order.seen == Array(3..<15))
  }

  @Test func theReorderBufferHoldsOnlyWhatFinishedEarly() {
    struct Order: ReplicationConsumer {
      var seen: [Int] = []
      mutating func add(_ result: RunResult, replication: Int) { seen.append(replication) }
    }
    let r = OneStopSimulation.run(Self.model, seed: 1)
    var buffer = ReorderBuffer(consumer: Order(), first: 10)
    #expect(buffer.deposit(r, index: 2) == 0)
    #expect(buffer.deposit(r, index: 1) == 0)
    #expect(buffer.deposit(r, index: 0) == 3)
    #expect(buffer.deposit(r, index: 4) == 0)
    #expect(buffer.deposit(r, index: 3) == 2)
    #expect(buffer.consumer.seen == [10, 11, 12, 13, 14])
  }

  /// Many replications leave per-replication KPI values (numbers) and fixed-size tables:
  /// no `RunResult`, so memory does not grow with the replications.
  @Test func manyReplicationsKeepNoRunResult() {
    let s = Self.summary(count: 200, threads: 2)
    #expect(s.count == 200 && s.traced == nil)
    #expect(s.kpis.values.allSatisfy { $0.count == 200 })
    // By type name: an empty array of anything casts to [RunResult] with `is`.
    func holdsResults(_ value: Any) -> Bool {
      Mirror(reflecting: value).children.contains { child in
        child.label != "traced"
          && (String(describing: type(of: child.value)).contains("RunResult")
            || (child.value is KPISeries && holdsResults(child.value)))
      }
    }
    #expect(!holdsResults(s))
    // The tables have one row per key of the model, whatever the replications.
    #expect(s.hours.keys.count == 24 && s.units.keys.count == Self.model.units.count)
    // With a trace asked for, the traced replication alone is kept.
    var traced = ReplicationSummary(model: Self.model)
    Replications.run(Self.model, seed: 11, count: 4, threads: 2, traceReplication: 2, into: &traced)
    #expect(traced.traced?.trace.isEmpty == false)
    #expect(traced.kpis.values[0][2] == s.kpis.values[0][2])
  }
}
