import Foundation
import OneStopCalibrate
import Testing

/// The calibration's building blocks: the screen covers every stratum once, and the local
/// search finds a minimum inside the box and on its edge.
@Suite struct SearchTests {
  @Test(arguments: [(10, 2), (7, 3)])
  func theLatinHypercubeUsesEveryStratumOnce(points: Int, dimensions: Int) {
    let design = latinHypercube(points: points, dimensions: dimensions, seed: 42)
    #expect(design.count == points)
    for k in 0..<dimensions {
      let strata = Set(design.map { Int($0[k] * Double(points)) })
      #expect(strata == Set(0..<points), "dimension \(k)")
    }
    #expect(latinHypercube(points: points, dimensions: dimensions, seed: 42) == design)
  }

  @Test func nelderMeadFindsAnInteriorAndABoundaryMinimum() {
    let nm = NelderMead(maxEvaluations: 200, tolerance: 1e-6)
    let inside = nm.minimise(from: [0.9, 0.1]) { (x: [Double]) -> Double in pow(x[0] - 0.3, 2) + 2 * pow(x[1] - 0.7, 2)
    }
    #expect(abs(inside.x[0] - 0.3) < 1e-2 && abs(inside.x[1] - 0.7) < 1e-2, "\(inside.x)")
    // The unconstrained minimum (1.5, -0.2) lies outside: the search stops on the box's corner.
    let edge = nm.minimise(from: [0.5, 0.5]) { (x: [Double]) -> Double in pow(x[0] - 1.5, 2) + pow(x[1] + 0.2, 2) }
    #expect(abs(edge.x[0] - 1) < 1e-2 && abs(edge.x[1]) < 1e-2, "\(edge.x)")
  }
}
