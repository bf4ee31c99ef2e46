import DESKernel
@testable import OneStopModel
import Testing

/// The hot loop's records: the dossier's size and cache lines, and the flat wait counts
/// giving the very histograms `WaitStatistics.add` gives.
@Suite struct RecordLayoutTests {
  /// Two cache lines per dossier, the fields nearly every event reads in the first one.
  @Test func dossierFitsTwoCacheLines() {
    #expect(MemoryLayout<Dossier>.stride == 128)
    for field in [
      \Dossier.firstSeen, \Dossier.dueAt, \Dossier.delayUntil, \Dossier.procedure, \Dossier.unit,
      \Dossier.decidingUnit, \Dossier.generation, \Dossier.visitGeneration, \Dossier.ticketStamp,
    ] as [PartialKeyPath<Dossier>] {
      #expect(MemoryLayout<Dossier>.offset(of: field)! < 64)
    }
    #expect(MemoryLayout<Dossier>.offset(of: \Dossier.step)! < 64)
    #expect(MemoryLayout<Dossier>.offset(of: \Dossier.phase)! < 64)
    #expect(MemoryLayout<Dossier>.offset(of: \Dossier.supplements)! < 64)
  }

  /// The flags share one word and each keeps its own value.
  @Test func flagsAreIndependent() {
    var d = Dossier()
    #expect(d.alive && !d.counted && !d.atDesk && !d.lateReception)
    d.counted = true
    d.lateReception = true
    d.alive = false
    #expect(d.counted && d.lateReception && !d.alive && !d.apologised && !d.inDelay && !d.remote)
    d.counted = false
    #expect(!d.counted && d.lateReception)
  }

  /// A freed slot comes back with every field at its default and its generations bumped.
  @Test func reusedSlotStartsAfresh() {
    var store = DossierStore()
    let i = store.allocate()
    store[i].phase = .resolved
    store[i].counted = true
    store[cold: i].presentAt = 5
    let generation = store[i].generation
    store.release(i)
    let j = store.allocate()
    #expect(j == i)
    #expect(store[j].phase == .intake && !store[j].counted && store[j].alive && store[j].receivedAt == -1)
    #expect(store[cold: j].presentAt == 0)
    #expect(store[j].generation == generation &+ 2)
  }

  /// The bucket's whole seconds are `min(UInt64(max(0, wait.rounded())), maximum)` (the
  /// rounding half away from zero done without libm), at halves and either side of them.
  @Test func bucketSecondsRoundAsRounded() {
    let stream = RandomStream(masterSeed: 11, source: "seconds")
    var waits: [Double] = [-1e9, -0.5, -0.0, 0, 0.5, 1.5, 2.5, 1e300, .infinity, Double(WaitStatistics.maximum)]
    for k in 0..<2_000 { waits += [Double(k) + 0.5, (Double(k) + 0.5).nextUp, (Double(k) + 0.5).nextDown] }
    for _ in 0..<20_000 { waits.append(stream.exponential(mean: 50_000)) }
    let m = Double(WaitStatistics.maximum)
    waits += [m - 0.5, (m - 0.5).nextDown, m.nextDown, m.nextUp]
    for w in waits {
      // (`UInt64(_:)` would trap beyond its range: clamped first there.)
      let expected =
        w > 1e18 ? WaitStatistics.maximum : Swift.min(UInt64(Swift.max(0, w.rounded())), WaitStatistics.maximum)
      #expect(WaitCounts.Bucket.seconds(w) == expected, "wait \(w)")
    }
  }

  /// Statistics share one empty histogram until they record (copy on write): a value
  /// recorded in one is in no other, nor in a statistic made afterwards.
  @Test func emptyHistogramsAreNotShared() {
    var a = WaitStatistics()
    let b = WaitStatistics()
    a.add(3_600, sameDay: true)
    #expect(a.histogram.totalCount == 1 && b.histogram.totalCount == 0)
    #expect(WaitStatistics().histogram.totalCount == 0 && WaitStatistics().quantile(0.5) == 0)
  }

  /// Waits from a few seconds to beyond the histogram's range (clamped), with zeros and
  /// exact bucket edges: the statistics read from `WaitCounts` equal those `add` builds,
  /// count, mean, extremes and every quantile.
  @Test func waitCountsMatchHistograms() {
    let stream = RandomStream(masterSeed: 7, source: "waits")
    var counts = WaitCounts(count: 3)
    var direct = Array(repeating: WaitStatistics(), count: 3)
    var waits: [Double] = [0, 0.4, 255, 256, 257, 511, 512, 86_400, Double(WaitStatistics.maximum) + 5e6]
    for _ in 0..<20_000 { waits.append(stream.exponential(mean: [30, 900, 40_000][waits.count % 3])) }
    for (n, wait) in waits.enumerated() {
      let k = n % 3
      let sameDay = n % 5 != 0
      counts.add(k, wait, WaitCounts.Bucket(wait), sameDay: sameDay)
      direct[k].add(wait, sameDay: sameDay)
    }
    for k in 0..<3 {
      let a = counts[k], b = direct[k]
      #expect(a.count == b.count && a.mean == b.mean && a.servedSameDay == b.servedSameDay)
      #expect(a.histogram.totalCount == b.histogram.totalCount)
      #expect(a.histogram.min == b.histogram.min && a.histogram.max == b.histogram.max)
      #expect(a.histogram.maxRecorded == b.histogram.maxRecorded)
      for q in [0.0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1.0] {
        #expect(a.quantile(q) == b.quantile(q), "statistic \(k), quantile \(q)")
      }
    }
    // An empty statistic reads as an empty one.
    #expect(WaitCounts(count: 1)[0].count == 0)
  }

  /// Each 32-bit cell count widens into the `CellCounters` field of its name.
  @Test func cellCountsWidenFieldByField() {
    var c = CellCounts()
    let fields: [(WritableKeyPath<CellCounts, UInt32>, KeyPath<CellCounters, Int>)] = [
      (\.arrivals, \.arrivals), (\.acceptedFromArrivals, \.acceptedFromArrivals), (\.refused, \.refused),
      (\.abandoned, \.abandoned), (\.receivedNew, \.receivedNew), (\.carriedOver, \.carriedOver),
      (\.resolvedOnTime, \.resolvedOnTime), (\.resolvedOverdue, \.resolvedOverdue),
      (\.carriedOverOverdue, \.carriedOverOverdue), (\.withdrawn, \.withdrawn), (\.apologies, \.apologies),
      (\.apologiesOnTime, \.apologiesOnTime), (\.supplementRequests, \.supplementRequests),
      (\.digitised, \.digitised), (\.returned, \.returned),
    ]
    for (n, (narrow, _)) in fields.enumerated() { c[keyPath: narrow] = UInt32(n + 1) * 1_000_003 }
    let wide = c.counters
    for (n, (_, field)) in fields.enumerated() { #expect(wide[keyPath: field] == (n + 1) * 1_000_003) }
    #expect(wide.inProgressEnd == 0 && wide.pendingIntakeEnd == 0)
    #expect(MemoryLayout<CellCounts>.stride == 60)
  }
}
