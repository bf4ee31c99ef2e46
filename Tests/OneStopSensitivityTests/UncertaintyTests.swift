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
    XCTAssertEqual(i.low, noise.mean - noise.halfWidth, accuracy: 1e-12)
    XCTAssertEqual(i.high, noise.mean + noise.halfWidth, accuracy: 1e-12)
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
