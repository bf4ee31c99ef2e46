import DESKernel
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
    #expect(r.conservationViolations.isEmpty, "seed \(seed): \(r.conservationViolations.prefix(2))")
    #expect(r.servicesOutsideSchedule == 0, "seed \(seed): a desk served outside its hours")
    #expect(r.resolvedBeforeReceived == 0, "seed \(seed): resolved before received")
    let t = r.total()
    #expect(t.received > 0, "seed \(seed): nothing was received")
    #expect(t.resolved <= t.received)
    #expect(t.returned <= t.resolved + t.carriedOver)
    for w in r.unitWaits { #expect(w.tally.count == 0 || w.tally.min >= 0) }
    for (busy, open) in zip(r.deskBusySeconds, r.deskOpenSeconds) where open > 0 {
      #expect(busy >= 0)
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
