import OneStopModel
import OneStopScenario
import OneStopSensitivity
import XCTest

/// Parameter uncertainty propagated into a KPI's interval (`run --uncertainty`).
final class UncertaintyTests: XCTestCase {
  func propagate(_ params: [String]) throws -> (UncertaintyPropagation, Estimate) {
    let base = try ScenarioBase(path: MMCSensitivityTests.scenario, sets: ["end=2022-01-05"])
    let (scenario, model) = try base.build()
    let parameters = try params.map {
      try SensitivityParameter.parse($0, root: base.root, priors: scenario.configuration.priors())
    }
    let kpi = KPI.named("desk_wait_mean")!
    let e = PointEvaluator(base: base, identity: "mmc", kpis: [kpi], seed: 1, replications: 3, threads: nil)
    var series = KPISeries([kpi], model: model)
    Replications.run(model, seed: 1, count: 3, into: &series)
    return (try UncertaintyPropagation.run(e, parameters: parameters, sets: 8, seed: 1), series.estimate(0))
  }

  /// A parameter the KPI never reads adds nothing: the interval is the noise interval.
  func testAParameterTheKPIDoesNotReadAddsNothing() throws {
    let (u, noise) = try propagate(["procedures[any].steps[0].work=0.5..2"])
    let i = try XCTUnwrap(u.interval(0, noise: noise.halfWidth))
    // Common random numbers: every set's mean is the scenario's, to the last bit.
    XCTAssertEqual(Set(u.means[0]), [noise.mean])
    XCTAssertEqual(i.low, noise.low)
    XCTAssertEqual(i.high, noise.high)
    XCTAssertEqual(u.shares(0), [0], "no share of a variance that is 0")
    XCTAssertTrue(u.dependsMost(0).isEmpty)
  }

  /// The total interval spans the sets' middle 95 % plus the noise on each side, so it is
  /// never narrower than the noise interval (unless cut at 0 or 100).
  func testTheTotalIntervalIsAtLeastAsWideAsTheNoise() {
    let values = [3.0, 1, 2, 5, 4, 2.5, 3.5, 1.5]
    let i = UncertaintyPropagation.interval(values, noise: 0.4, floor: 0, ceiling: .infinity)!
    XCTAssertEqual(i.low, 1 + 0.175 * 0.5 - 0.4, accuracy: 1e-12, "2.5th percentile of 8 values, interpolated")
    XCTAssertEqual(i.high, 5 - 0.175 * 1 + 0.4, accuracy: 1e-12)
    XCTAssertGreaterThanOrEqual(i.high - i.low, 2 * 0.4)
    let same = UncertaintyPropagation.interval([2, 2, 2], noise: 0.4, floor: 0, ceiling: .infinity)!
    XCTAssertEqual(same.high - same.low, 0.8, accuracy: 1e-15)
  }

  /// Shares of the variance: an output that is a straight line in the first of two
  /// independent inputs gives it share 1 and the other 0; y = x1 + x2 on a balanced grid
  /// shares equally; only significant shares are named.
  func testSharesAreSquaredCorrelations() {
    let grid = (0..<4).flatMap { a in (0..<4).map { b in [Double(a), Double(b)] } }
    let line = UncertaintyPropagation.shares(grid.map { 2 * $0[0] + 1 }, values: grid)
    XCTAssertEqual(line[0], 1, accuracy: 1e-12)
    XCTAssertEqual(line[1], 0, accuracy: 1e-12)
    let sum = UncertaintyPropagation.shares(grid.map { $0[0] + $0[1] }, values: grid)
    XCTAssertEqual(sum[0], 0.5, accuracy: 1e-12)
    XCTAssertEqual(sum[1], 0.5, accuracy: 1e-12)
    // 16 sets: r² above t(0.975, 14)² / (t² + 14) = 0.247 is significant.
    XCTAssertEqual(UncertaintyPropagation.dependsMost([0.5, 0.26, 0.24, 0.9], sets: 16).map(\.index), [3, 0, 1])
    XCTAssertTrue(UncertaintyPropagation.dependsMost([0.9], sets: 2).isEmpty, "two sets say nothing")
  }

  /// The arrival volume, between 3.2 and 4 million a year (utilisation 0.76 to 0.95),
  /// widens the desk wait's interval beyond the noise of three replications: the sets'
  /// means alone spread wider than the noise interval. A wait is never negative, and
  /// neither is the interval's lower end.
  func testVolumeWidensTheInterval() throws {
    let (u, noise) = try propagate(["demand[0].annual_volume=3200000..4000000"])
    let i = try XCTUnwrap(u.interval(0, noise: noise.halfWidth))
    XCTAssertEqual(u.means[0].count, 8)
    let spread = u.means[0].max()! - u.means[0].min()!
    XCTAssertGreaterThan(spread, 2 * noise.halfWidth, "\(u.means[0]) against ±\(noise.halfWidth)")
    XCTAssertGreaterThanOrEqual(i.low, 0)
    XCTAssertGreaterThan(i.high, noise.mean + noise.halfWidth)
  }
}
