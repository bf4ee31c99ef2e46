import DESKernel
import OneStopBench
import OneStopModel
import Testing
import TestSupport

/// Properties that hold for any province: checked over randomly generated small
/// provinces (levels, units, desks, channels, rules, backlog, warm-up all random).
@Suite struct PropertyTests {
  @Test(arguments: 0..<40)
  func randomProvincesConserveDossiersAndKeepTheirSchedules(seed: Int) throws {
    let config = ProvinceFixtures.random(seed: UInt64(seed))
    let model = try CompiledModel(config)
    let r = OneStopSimulation.run(model, seed: UInt64(seed) &* 31)
    #expect(r.checks.conservationViolations.isEmpty, "seed \(seed): \(r.checks.conservationViolations.prefix(2))")
    #expect(r.checks.servicesOutsideSchedule == 0, "seed \(seed): a desk served outside its hours")
    #expect(r.checks.resolvedBeforeReceived == 0, "seed \(seed): resolved before received")
    let t = r.total()
    #expect(t.received > 0, "seed \(seed): nothing was received")
    #expect(t.resolved <= t.received)
    #expect(t.returned <= t.resolved + t.carriedOver)
    for w in r.units.map(\.waits) { #expect(w.count == 0 || w.min >= 0) }
    for g in r.deskGroups where g.openSeconds > 0 {
      #expect(g.busySeconds >= 0)
    }
  }

  @Test func theSameSeedGivesTheSameResultBitForBit() throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: 77))
    let a = OneStopSimulation.run(model, seed: 5), b = OneStopSimulation.run(model, seed: 5)
    #expect(a.cells == b.cells)
    #expect(a.allWaits.mean.bitPattern == b.allWaits.mean.bitPattern)
    #expect(a.events == b.events)
    let c = OneStopSimulation.run(model, seed: 6)
    #expect(c.events != a.events || c.cells != a.cells)
  }
}

/// Report helpers: breakdowns add up to the total, rates use the report definitions, and
/// the priors of a configuration are listed.
@Suite struct ReportingTests {
  @Test func breakdownsAddUpToTheTotal() throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: 12))
    let r = OneStopSimulation.run(model, seed: 1)
    let total = r.total()
    for dimension in ReportDimension.allCases {
      var sum = CellCounters()
      for row in r.breakdown(by: dimension, model: model) { sum.add(row.counters) }
      #expect(sum == total, "\(dimension)")
    }
    #expect(r.breakdown(by: .level, model: model).map(\.key) == model.names.levels)
    #expect(r.breakdown(by: .channel, model: model).map(\.key) == ["walk-in", "postal", "online"])
  }

  @Test func ratesFollowTheReportDefinitions() {
    // Tuyên Quang 2022: 180,289 received, 168,252 on time, 3,381 overdue, 8,585 in progress.
    var c = CellCounters()
    c.receivedNew = 178_173
    c.carriedOver = 2_116
    c.resolvedOnTime = 168_252
    c.resolvedOverdue = 3_381
    #expect(abs(c.onTimeRateOfReceived - 0.9332) < 0.00005)
    #expect(abs(c.onTimeRateOfResolved - 0.9803) < 0.00005)
    #expect(abs(c.overdueRateOfReceived - 0.01875) < 0.00001)
  }
}

/// Replications on several threads give the same results, in the same order, as on one.
@Suite struct ParallelReplicationTests {
  @Test func resultsDoNotDependOnTheNumberOfThreads() throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: 21))
    let one = Replications.run(model, seed: 3, count: 6, threads: 1)
    let two = Replications.run(model, seed: 3, count: 6, threads: 2)
    let four = Replications.run(model, seed: 3, count: 6, threads: 4)
    #expect(one.map(\.cells) == two.map(\.cells))
    #expect(one.map(\.cells) == four.map(\.cells))
    #expect(one.map { $0.allWaits.mean.bitPattern } == four.map { $0.allWaits.mean.bitPattern })
    // Replication k is the same run whichever batch it is in.
    let alone = OneStopSimulation.run(model, seed: 3, replication: 4)
    #expect(alone.cells == two[4].cells)
  }
}

/// Common random numbers: a variant that changes only staffing sees exactly the same
/// citizens arrive as its base, because streams are named after what they feed.
@Suite struct CommonRandomNumberTests {
  @Test func aStaffingVariantSeesTheSameArrivals() throws {
    let base = ProvinceFixtures.random(seed: 8)
    var variant = base
    for k in variant.agencies.indices { variant.agencies[k].officers += 2 }
    for u in variant.units.indices { variant.units[u].desks[0].count += 1 }
    let a = OneStopSimulation.run(try CompiledModel(base), seed: 11)
    let b = OneStopSimulation.run(try CompiledModel(variant), seed: 11)
    #expect(a.cells.map(\.arrivals) == b.cells.map(\.arrivals))
    #expect(a.cells.map(\.arrivals).reduce(0, +) > 0)
    // ... while what happens to them differs.
    #expect(a.cells != b.cells)
  }
}
