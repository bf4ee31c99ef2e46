import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing

/// Officers of an agency template shared over its units like their dossiers (`split`,
/// `min_officers`), so that a district with twice the dossiers has about twice the staff.
@Suite struct OfficerSplitTests {
  /// The officers of the communes' `UBND@c…` agencies, in unit order.
  static func officers(_ overrides: [String]) throws -> [Int] {
    let s = try Scenario.load(path: UnitTableTests.table, overrides: overrides).0
    return ["c1", "c2", "c3", "c4", "c5"].map { u in s.configuration.agencies.first { $0.id == "UBND@\(u)" }!.officers }
  }

  static func issues(_ overrides: [String]) -> [String] {
    do {
      _ = try Scenario.load(path: UnitTableTests.table, overrides: overrides)
      return []
    } catch { return error.issues.map { "\($0.path): \($0.message)" } }
  }

  /// 16 officers like the communes' volumes (2000, 1000, 1500, 500, 3000 of 8000), at least
  /// 2 each. Quotas 4, 2, 3, 1, 6: c4 falls below 2 and gets 2; the 14 left give c2 1.87,
  /// below 2, so c2 gets 2; the 12 left over c1, c3, c5 (2000, 1500, 3000 of 6500) are
  /// 3.69, 2.77, 5.54: whole parts 3, 2, 5 and the 2 left to the largest fractions (c3 .77,
  /// c1 .69). Worked by hand.
  @Test func aTotalFollowsTheDemandWithAFloor() throws {
    let split = ["agencies[1]={id: \"UBND@{unit}\", at_level: commune, officers: 16, split: {like: communes}, "
      + "min_officers: 2}"]
    #expect(try Self.officers(split) == [4, 2, 3, 2, 5])
    // Without a floor above 1 the shares are the quotas: 4, 2, 3, 1, 6.
    let plain = ["agencies[1]={id: \"UBND@{unit}\", at_level: commune, officers: 16, split: {like: communes}}"]
    #expect(try Self.officers(plain) == [4, 2, 3, 1, 6])
    // Without split every unit has `officers`, as before.
    #expect(try Self.officers([]) == [1, 1, 1, 1, 1])
    // `split: even` shares the total in equal parts (the remainder to the earlier units).
    let even = ["agencies[1]={id: \"UBND@{unit}\", at_level: commune, officers: 7, split: even}"]
    #expect(try Self.officers(even) == [2, 2, 1, 1, 1])
  }

  /// The sum is the total whatever the weights; every unit has at least the floor.
  @Test func sharesSumToTheTotalAndKeepTheFloor() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let n = Int.random(in: 1...12, using: &rng)
      let weights = (0..<n).map { _ in Double.random(in: 0...100, using: &rng) }
      let minimum = Int.random(in: 0...3, using: &rng)
      let total = minimum * n + Int.random(in: 0...60, using: &rng)
      guard let counts = ScenarioBuilder.shareOfficers(total, weights: weights, minimum: minimum) else {
        #expect(weights.allSatisfy { $0 == 0 } || minimum * n == total)
        continue
      }
      #expect(counts.reduce(0, +) == total)
      #expect(counts.allSatisfy { $0 >= minimum })
    }
  }

  /// Too few officers for the floor, or a split without `at_level`, are refused where written.
  @Test func wrongSplitsAreRefused() {
    #expect(
      Self.issues([
        "agencies[1]={id: \"UBND@{unit}\", at_level: commune, officers: 8, split: {like: communes}, min_officers: 2}"
      ]) == [
        "agencies[1].officers: expected at least 10 officers to share (min_officers 2 at each of 5 units), found 8"
      ])
    #expect(
      Self.issues(["agencies[0]={id: TNMT@top, unit: top, officers: 2, split: even}"]) == [
        "agencies[0].split: a split shares officers over units: give at_level"
      ])
    #expect(
      Self.issues(["agencies[1]={id: \"UBND@{unit}\", at_level: commune, officers: 8, split: {like: comunes}}"]) == [
        "agencies[1].split.like: no demand entry has id 'comunes'; did you mean 'communes'?"
      ])
  }
}
