import OneStopModel
import OneStopScenario
import OneStopSensitivity
import XCTest

/// Parameters and their default ranges: ±25 % of a prior's value, probabilities within
/// 0..1, ±1 h of a time of day, a factor on a distribution's durations, no range for a list.
final class ParameterTests: XCTestCase {
  func parameter(_ key: String, _ value: String) -> SensitivityParameter? {
    try? SensitivityParameter.defaulted(key: key, value: value).get()
  }

  func testDefaultRanges() throws {
    let p = try XCTUnwrap(parameter("behaviour.p_return_after_incomplete", "0.85"))
    XCTAssertEqual(p.low, 0.6375, accuracy: 1e-12)
    XCTAssertEqual(p.high, 1, "a probability stays within 0..1")
    XCTAssertEqual(p.rangeText, "0.6375..1")
    XCTAssertEqual(parameter("rules.apology_extension", "5wd")?.rangeText, "3.75wd..6.25wd")
    XCTAssertEqual(parameter("rules.postal_collection_time", "15:00")?.rangeText, "14:00..16:00")
    let d = try XCTUnwrap(parameter("behaviour.guidance_time", "{lognormal: {mean: 6m, cv: 0.5}}"))
    XCTAssertEqual(d.rangeText, "x0.75..x1.25")
    XCTAssertEqual(d.text(d.value(at: 1)), "{lognormal: {mean: 7.5m, cv: 0.5}}", "durations move, the cv stays")
    XCTAssertEqual(d.text(d.value(at: 0)), "{lognormal: {mean: 4.5m, cv: 0.5}}")
    let u = try XCTUnwrap(parameter("rules.postal_in_transit", "{uniform: [1wd, 3wd]}"))
    XCTAssertEqual(u.text(0.75), "{uniform: [0.75wd, 2.25wd]}")
    XCTAssertEqual(parameter("agencies[A].officers", "3")?.rangeText, "2..4", "an integer moves by at least 1")
    XCTAssertNil(parameter("demand[*].weekday_factors", "[1.15, 1, 1, 1, 0.9, 1, 1]"))
    XCTAssertNil(parameter("rules.online_receipt", "acceptance"))
    XCTAssertNil(parameter("calendar.saturday_counts_for_deadline", "false"))
    XCTAssertNil(parameter("behaviour.p_x", "0"), "0 ± 25 % is no range")
  }

  func testExplicitRangesKeepTheScenarioUnit() throws {
    let root = try ScenarioLoader.parse(
      "procedures: [{id: any, intake_time: {exponential: 1m}, steps: [{work: 2.5h}]}]",
      file: "test")
    let a = try SensitivityParameter.parse("procedures[any].steps[0].work=2..3", root: root, priors: [])
    XCTAssertEqual(a.text(a.value(at: 0.5)), "2.5h")
    XCTAssertThrowsError(try SensitivityParameter.parse("procedures[any].intake_time=0.9..1.1", root: root, priors: []))
    {
      XCTAssertTrue("\($0)".contains("name a number inside it"), "\($0)")
    }
    XCTAssertThrowsError(try SensitivityParameter.parse("procedures[any].steps[0].work=3..2", root: root, priors: []))
    let t = try SensitivityParameter.parse("rules.postal_collection_time=14:30..16:00", root: root, priors: [])
    XCTAssertEqual(t.text(t.value(at: 1)), "16:00")
  }
}
