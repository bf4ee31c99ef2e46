import Foundation
import OneStopModel
import Testing

/// The demand driver: weights, shares of a volume, and whole counts by the largest
/// remainder.
@Suite struct UnitSplitTests {
  @Test func weightsArePowersOfTheValueTimesTheKindFactor() {
    let split = UnitSplit(driver: .population, exponent: 1, kindFactors: ["ward": 1.5])
    #expect(split.weight(value: 20_000, kind: "ward") == 30_000)
    #expect(split.weight(value: 20_000, kind: "commune") == 20_000)
    #expect(split.weight(value: 20_000, kind: nil) == 20_000)
    #expect(split.weight(value: nil, kind: "ward") == nil)
    let root = UnitSplit(driver: .area, exponent: 0.5)
    #expect(root.weight(value: 49, kind: nil) == 7)
    #expect(UnitSplit(driver: .population, exponent: 0).weight(value: 0, kind: nil) == 1)
    // `equal` needs no value: the kind factor alone.
    #expect(UnitSplit(driver: .equal, kindFactors: ["town": 2]).weight(value: nil, kind: "town") == 2)
  }

  /// Shares are `total × weight / Σ weights`: exact when the weights divide the total.
  @Test func sharesAreProportionalToTheWeights() {
    #expect(
      UnitSplit.shares(of: 8000, weights: [20_000, 10_000, 15_000, 5_000, 30_000]) == [2000, 1000, 1500, 500, 3000])
    #expect(UnitSplit.shares(of: 10, weights: [0, 0]) == nil)
    #expect(UnitSplit.shares(of: 10, weights: []) == nil)
    #expect(UnitSplit.shares(of: 10, weights: [1, .infinity]) == nil)
    #expect(UnitSplit.shares(of: 10, weights: [0, 2]) == [0, 10])
  }

  /// A hand-worked case: quotas 25.25, 12.625, 18.9375, 6.3125, 37.875 of 101; the whole
  /// parts sum to 98 and the 3 left go to the largest fractions.
  @Test func theLargestRemainderGivesTheLeftOversToTheLargestFractions() {
    #expect(UnitSplit.largestRemainder(101, weights: [2000, 1000, 1500, 500, 3000]) == [25, 13, 19, 6, 38])
    // Ties go to the earlier unit.
    #expect(UnitSplit.largestRemainder(10, weights: [1, 1, 1]) == [4, 3, 3])
    #expect(UnitSplit.largestRemainder(2, weights: [1, 1, 1]) == [1, 1, 0])
    #expect(UnitSplit.largestRemainder(0, weights: [1, 2]) == [0, 0])
    #expect(UnitSplit.largestRemainder(5, weights: [0, 0]) == nil)
  }

  /// Over many weight vectors: the parts sum to the count exactly, each part is its
  /// quota rounded down or up, and a larger weight never gets fewer dossiers.
  @Test func partsSumExactlyAndStayWithinOneOfTheirQuota() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    for _ in 0..<2_000 {
      let n = Int(next() % 40) + 1
      let weights = (0..<n).map { _ in Double(next() % 1_000_000) / 7 + (next() % 5 == 0 ? 0 : 1) }
      let count = Int(next() % 100_000)
      let parts = try #require(UnitSplit.largestRemainder(count, weights: weights))
      #expect(parts.reduce(0, +) == count)
      let sum = weights.reduce(0, +)
      for (p, w) in zip(parts, weights) {
        let quota = Double(count) * w / sum
        #expect(Double(p) >= quota.rounded(.down) && Double(p) <= quota.rounded(.up), "\(p) for \(quota)")
      }
      for i in weights.indices {
        for j in weights.indices where weights[i] > weights[j] { #expect(parts[i] >= parts[j]) }
      }
    }
  }
}
