import Sensitivity
import XCTest

/// The Saltelli (first order) and Jansen (total) estimators recover the indices of
/// functions known in closed form, within their bootstrap intervals.
///
/// Tolerance: with N rows of Sobol's sequence (N (k + 2) runs: 4096 for Ishigami, 16384
/// for the G function, whose first input's output is heavy-tailed) and 1000 bootstrap
/// resamples, the 95 % interval of every index must contain the analytic value and be at
/// most 0.10 wide: an estimator that drifted, or a bootstrap that resampled the wrong
/// thing, fails one or the other.
final class SobolIndicesTests: XCTestCase {
  func check(
    _ name: String, _ s: SobolIndices, first: [Double], total: [Double], maxWidth: Double,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    for i in first.indices {
      let input = s.inputs[i]
      print(
        String(
          format: "%@ x%d: S %.4f %@ (analytic %.4f)  ST %.4f %@ (analytic %.4f)", name, i + 1,
          input.firstOrder, "\(input.firstOrderInterval!)", first[i], input.total, "\(input.totalInterval!)", total[i]))
      let fi = input.firstOrderInterval!
      let ti = input.totalInterval!
      XCTAssertTrue(fi.contains(first[i]), "\(name) S\(i + 1) \(fi) misses \(first[i])", file: file, line: line)
      XCTAssertTrue(ti.contains(total[i]), "\(name) ST\(i + 1) \(ti) misses \(total[i])", file: file, line: line)
      XCTAssertLessThan(fi.width, maxWidth, "\(name) S\(i + 1) interval too wide", file: file, line: line)
      XCTAssertLessThan(ti.width, maxWidth, "\(name) ST\(i + 1) interval too wide", file: file, line: line)
    }
  }

  func testIshigami() {
    let design = SobolDesign(inputs: 3, rows: 4096)
    XCTAssertEqual(design.source, .sobol)
    let s = SobolIndices(design, outputs: design.points.map { TestFunctions.ishigami($0) })
    let exact = TestFunctions.ishigamiIndices()
    XCTAssertEqual(exact.first[0], 0.3139, accuracy: 1e-4)
    XCTAssertEqual(exact.total[2], 0.2437, accuracy: 1e-4)
    check("Ishigami", s, first: exact.first, total: exact.total, maxWidth: 0.10)
  }

  func testSobolG() {
    let a: [Double] = [0, 1, 4.5, 9, 99, 99, 99, 99]
    let design = SobolDesign(inputs: a.count, rows: 16384)
    let s = SobolIndices(design, outputs: design.points.map { TestFunctions.g($0, a: a) })
    let exact = TestFunctions.gIndices(a: a)
    check("G", s, first: exact.first, total: exact.total, maxWidth: 0.10)
    // The ranking the a_i give: the smaller a_i, the more important the input.
    XCTAssertGreaterThan(s.inputs[0].total, s.inputs[1].total)
    XCTAssertGreaterThan(s.inputs[1].total, s.inputs[2].total)
  }

  /// Without Sobol's sequence (more than 20 inputs, or asked for), the GSL stream design
  /// estimates the same indices, less precisely.
  func testIshigamiOnStream() {
    let design = SobolDesign(inputs: 3, rows: 8192, source: .stream, seed: 7)
    XCTAssertEqual(design.source, .stream)
    let s = SobolIndices(design, outputs: design.points.map { TestFunctions.ishigami($0) })
    let exact = TestFunctions.ishigamiIndices()
    check("Ishigami (stream)", s, first: exact.first, total: exact.total, maxWidth: 0.15)
  }

  /// A design built twice gives the same points and the same indices, intervals included.
  func testReproducible() {
    func once() -> SobolIndices {
      let design = SobolDesign(inputs: 3, rows: 512, source: .stream, seed: 11)
      return SobolIndices(design, outputs: design.points.map { TestFunctions.ishigami($0) }, seed: 3)
    }
    XCTAssertEqual(once().inputs, once().inputs)
    XCTAssertEqual(SobolDesign(inputs: 3, rows: 64).points, SobolDesign(inputs: 3, rows: 64).points)
  }

  func testConstantOutputHasNoIndices() {
    let design = SobolDesign(inputs: 2, rows: 16)
    let s = SobolIndices(design, outputs: Array(repeating: 1, count: design.runs), resamples: 10)
    XCTAssertEqual(s.variance, 0)
    XCTAssertTrue(s.inputs[0].firstOrder.isNaN)
  }
}
