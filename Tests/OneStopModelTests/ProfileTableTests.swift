@testable import OneStopModel
import Testing

/// `ProfileTable` searches its segments by halves; `DayProfile` scans them. Both must give
/// the same fraction and the same instant to the last bit, at segment edges too.
@Suite struct ProfileTableTests {
  @Test func searchesAgreeWithTheScan() {
    var weights = Array(repeating: 0.0, count: 24)
    for h in 7..<17 where h != 12 { weights[h] = Double(h % 5 + 1) }
    let plain = DayProfile(hourWeights: weights, hours: nil)
    let profiles = [
      plain, plain.arrivingEarly(share: 0.15, earliest: 5400),
      DayProfile(hourWeights: weights.map { $0 + 0.5 }, hours: nil),
      DayProfile.empty,
    ]
    var table = ProfileTable()
    for p in profiles { table.append(p) }
    for (k, p) in profiles.enumerated() {
      var seconds = stride(from: 0.0, through: 86_400, by: 97.3).map { $0 }
      seconds += p.segments.flatMap { [$0.start, $0.end, $0.start.nextDown, $0.end.nextUp] }
      for s in seconds {
        #expect(table.cumulative(k, at: s).bitPattern == p.cumulative(at: s).bitPattern, "profile \(k) at \(s)")
      }
      var fractions = stride(from: 1e-12, through: 1, by: 0.0037).map { $0 } + [1]
      fractions += p.segments.map { $0.cumulativeAtStart + ($0.end - $0.start) * $0.density }
      for f in fractions {
        #expect(table.inverse(k, f).bitPattern == p.inverse(f).bitPattern, "profile \(k) at fraction \(f)")
      }
    }
  }
}
