import Foundation
import XCTest

/// Functions whose sensitivity indices are known in closed form, on the unit cube.
enum TestFunctions {
  /// Ishigami and Homma (1990): sin x1 + a sin² x2 + b x3⁴ sin x1 on [-π, π]³, written on
  /// [0, 1]³. Here a = 7, b = 0.1.
  static func ishigami(_ u: [Double], a: Double = 7, b: Double = 0.1) -> Double {
    let x = u.map { -Double.pi + 2 * Double.pi * $0 }
    return sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
  }

  /// The Ishigami function's first-order and total indices (Sobol' and Levitan 1999):
  /// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
  /// V13 = 8 b² π⁸ / 225.
  static func ishigamiIndices(a: Double = 7, b: Double = 0.1) -> (first: [Double], total: [Double]) {
    let pi4 = pow(Double.pi, 4)
    let pi8 = pow(Double.pi, 8)
    let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
    let v1 = 0.5 * pow(1 + b * pi4 / 5, 2)
    let v2 = a * a / 8
    let v13 = 8 * b * b * pi8 / 225
    return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
  }

  /// Sobol's G function: Π (|4 x_i - 2| + a_i) / (1 + a_i) on [0, 1]^k (Saltelli et al.
  /// 2010, section 4).
  static func g(_ x: [Double], a: [Double]) -> Double {
    var y = 1.0
    for (xi, ai) in zip(x, a) { y *= (abs(4 * xi - 2) + ai) / (1 + ai) }
    return y
  }

  /// The G function's indices: V_i = 1 / (3 (1 + a_i)²), V = Π (1 + V_i) - 1,
  /// S_i = V_i / V, ST_i = V_i Π_{j ≠ i} (1 + V_j) / V.
  static func gIndices(a: [Double]) -> (first: [Double], total: [Double]) {
    let vi = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
    let product = vi.reduce(1) { $0 * (1 + $1) }
    let v = product - 1
    return (vi.map { $0 / v }, vi.map { $0 * product / (1 + $0) / v })
  }
}

/// The closed forms the estimator tests compare with are themselves checked: against the
/// values published for Ishigami (Saltelli et al., "Global Sensitivity Analysis: The
/// Primer", 2008, table 4.1 region) and against the variance of the function computed
/// directly on a midpoint grid, so a slip in a formula cannot make the estimators "pass".
final class TestFunctionsTests: XCTestCase {
  func testIshigamiIndicesAreThePublishedOnes() {
    let (s, st) = TestFunctions.ishigamiIndices()
    for (got, want) in zip(s + st, [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437]) {
      XCTAssertEqual(got, want, accuracy: 5e-5)
    }
  }

  func testIshigamiVarianceMatchesAGridOfTheFunction() {
    // V = S1 V / S1: the formula's total variance against the grid's.
    let n = 48
    var sum = 0.0, sum2 = 0.0
    for i in 0..<n {
      for j in 0..<n {
        for k in 0..<n {
          let y = TestFunctions.ishigami([(Double(i) + 0.5) / Double(n), (Double(j) + 0.5) / Double(n),
            (Double(k) + 0.5) / Double(n)])
          sum += y
          sum2 += y * y
        }
      }
    }
    let count = Double(n * n * n)
    let gridVariance = sum2 / count - (sum / count) * (sum / count)
    let pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
    let v = 49.0 / 8 + 0.1 * pi4 / 5 + 0.01 * pi8 / 18 + 0.5
    XCTAssertEqual(gridVariance, v, accuracy: 0.01 * v)
    XCTAssertEqual(TestFunctions.ishigamiIndices().first[1], (49.0 / 8) / gridVariance, accuracy: 0.01)
  }

  func testGIndicesOfOneVariableAreOneAndSumBelowOne() {
    let (s1, st1) = TestFunctions.gIndices(a: [2])
    XCTAssertEqual(s1[0], 1, accuracy: 1e-12)
    XCTAssertEqual(st1[0], 1, accuracy: 1e-12)
    let (s, st) = TestFunctions.gIndices(a: [0, 1, 4.5, 9, 99, 99])
    XCTAssertLessThan(s.reduce(0, +), 1)
    for (a, b) in zip(s, st) { XCTAssertLessThanOrEqual(a, b) }
  }
}
