import Foundation
import OneStopCalibrate
import Testing

/// The range a fit cannot narrow, on toy misfits whose answer is known: the weighted misfit
/// of one figure with tolerance t at x is ((x - 3) / t)², within 3.84 of its minimum exactly
/// for |x - 3| <= √3.84 t = 1.9596 t.
@Suite struct FittedRangeTests {
  static let x = CalibrationParameter(key: "x", low: 0, high: 10, integer: false)
  static let y = CalibrationParameter(key: "y", low: 0, high: 10, integer: false)

  /// Candidates on a grid of `step` over 0..10 (each a value per parameter).
  static func grid(_ step: Double, dimensions: Int = 1) -> [[Double]] {
    let axis = stride(from: 0.0, through: 10.0, by: step).map { $0 }
    return dimensions == 1 ? axis.map { [$0] } : axis.flatMap { a in axis.map { [a, $0] } }
  }

  @Test(arguments: [1.0, 0.5, 0.25])
  func theRangeIsTheProfileIntervalAndShrinksWithTheTolerance(tolerance t: Double) throws {
    let candidates = Self.grid(0.01).map { v in (values: v, objective: pow((v[0] - 3) / t, 2)) }
    let r = try #require(FittedRange.ranges(candidates, parameters: [Self.x])?.first)
    let half = 3.84.squareRoot() * t
    // The ends lie halfway between the last accepted and the first rejected grid value.
    #expect(abs(r.low - (3 - half)) <= 0.005 + 1e-9 && abs(r.high - (3 + half)) <= 0.005 + 1e-9, "\(r)")
    #expect(r.low <= 3 && 3 <= r.high, "the best point is inside")
    #expect(abs((r.high - r.low) - 2 * half) <= 0.01 + 1e-9)
  }

  /// With a second fitted parameter the interval of the first is its profile: a value
  /// counts when any value of the other brings the misfit within 3.84.
  @Test func aSecondParameterDoesNotNarrowTheFirst() throws {
    let candidates = Self.grid(0.05, dimensions: 2).map { v in
      (values: v, objective: pow((v[0] - 3) / 0.5, 2) + pow((v[1] - 5) / 2, 2))
    }
    let r = try #require(FittedRange.ranges(candidates, parameters: [Self.x, Self.y]))
    #expect(abs(r[0].low - (3 - 1.9596 * 0.5)) <= 0.026 && abs(r[0].high - (3 + 1.9596 * 0.5)) <= 0.026, "\(r[0])")
    #expect(abs(r[1].low - (5 - 1.9596 * 2)) <= 0.026 && abs(r[1].high - (5 + 1.9596 * 2)) <= 0.026, "\(r[1])")
  }

  /// Whole numbers: an untried integer between a rejected and an accepted value stays in.
  @Test func integersKeepTheUntriedValuesNextToTheAcceptedOnes() throws {
    let k = CalibrationParameter(key: "officers", low: 5, high: 12, integer: true)
    func range(_ tried: [Double]) throws -> FittedRange {
      try #require(
        FittedRange.ranges(tried.map { (x: Double) in (values: [x], objective: (x - 9) * (x - 9)) }, parameters: [k])?
          .first)
    }
    let all = try range([5, 6, 7, 8, 9, 10, 11, 12])
    #expect(all.low == 8 && all.high == 10, "(k - 9)² <= 3.84 for 8, 9, 10")
    #expect(all.text(k) == "8..10")
    let sparse = try range([5, 9, 12])
    #expect(sparse.low == 6 && sparse.high == 11)
  }

  /// No candidate beyond the accepted ones: nothing says the values there fit worse, so the
  /// range runs to the --param bound.
  @Test func withNothingBeyondTheRangeRunsToTheBound() throws {
    let candidates = [4.0, 5, 6, 10].map { (x: Double) in (values: [x], objective: (x - 4) * (x - 4)) }
    let r = try #require(FittedRange.ranges(candidates, parameters: [Self.x])?.first)
    // 4 and 5 are within 3.84 of the best (0 and 1), 6 is not (4): low at the bound, high halfway to 6.
    #expect(r.low == 0 && r.high == 5.5, "\(r)")
    #expect(r.accepted == 2 && r.candidates == 4)
    #expect(FittedRange.ranges([(values: [1], objective: .nan)], parameters: [Self.x]) == nil)
  }
}
