import Foundation
import OneStopModel
import OneStopScenario
import OneStopSensitivity
import XCTest

/// Ranges written in the scenario beside the default ones: which a study takes, how each is
/// marked, and how a triangular range spreads its values.
final class RangeOriginTests: XCTestCase {
  /// mmc.yaml with two written ranges (one fitted, one triangular) in a variant file.
  static func variant(_ section: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-origin-\(UUID().uuidString).yaml")
      .path
    try "extends: \(MMCSensitivityTests.scenario)\n\(section)".write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let section = """
    uncertainty:
      - {key: 'demand[0].annual_volume', range: 3600000..3960000, source: "a count, ±5 %", fitted: true}
      - {key: behaviour.p_return_after_incomplete, range: 0.5..0.95, source: survey, distribution: triangular}
    """

  func study(_ params: [String], section: String = section) throws -> [SensitivityParameter] {
    let path = try Self.variant(section)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let base = try ScenarioBase(path: path, sets: [])
    let (scenario, _) = try base.build()
    return try SensitivityParameter.study(
      params: params, ranges: scenario.uncertainty, root: base.root, priors: scenario.configuration.priors()
    ).parameters
  }

  /// Without --param: the written ranges first, marked with their origin and source, then
  /// every other printed prior at its default range, marked default.
  func testWrittenRangesReplaceTheDefaults() throws {
    let ps = try study([])
    XCTAssertEqual(ps[0].key, "demand[0].annual_volume")
    XCTAssertEqual(ps[0].origin, .fitted)
    XCTAssertEqual(ps[0].source, "a count, ±5 %")
    XCTAssertEqual(ps[0].rangeText, "3600000..3960000")
    XCTAssertEqual(ps[1].key, "behaviour.p_return_after_incomplete")
    XCTAssertEqual(ps[1].origin, .scenario)
    XCTAssertEqual(ps[1].spread, .triangular)
    XCTAssertEqual(ps[1].rangeText, "0.5..0.95", "the written range, not the default 0.6375..1")
    XCTAssertEqual(ps.filter { $0.key == "behaviour.p_return_after_incomplete" }.count, 1)
    XCTAssertTrue(ps.dropFirst(2).allSatisfy { $0.origin == .default && $0.source == nil })
    XCTAssertEqual(ps[1].originNote, "   (scenario, triangular: survey)")
    XCTAssertEqual(ps[2].originNote, "   (default: prior ±25 %)")
  }

  /// With --param: a range given is the user's; a key alone takes the written range.
  func testParamTakesTheWrittenRangeOfAKeyAlone() throws {
    let ps = try study(["behaviour.p_return_after_incomplete", "procedures[any].intake_time.exponential=0.9..1"])
    XCTAssertEqual(ps.map(\.origin), [.scenario, .param])
    XCTAssertEqual(ps[0].rangeText, "0.5..0.95")
    XCTAssertEqual(try study(["behaviour.p_return_after_turned_away"])[0].origin, .default)
  }

  /// A triangular range peaks at today's value (0.85 in mmc.yaml): its values are the
  /// quantiles of the triangular distribution on 0.5..0.95 with mode 0.85, whose CDF is
  /// (x - a)² / ((b - a)(c - a)) below the mode.
  func testATriangularRangeSpreadsAroundTodaysValue() throws {
    let p = try study([])[1]
    let (a, b, c) = (0.5, 0.95, 0.85)
    XCTAssertEqual(p.current, c)
    XCTAssertEqual(p.value(at: 0), a)
    XCTAssertEqual(p.value(at: 1), b)
    let f = (c - a) / (b - a)
    XCTAssertEqual(p.value(at: f), c, accuracy: 1e-12, "the mode at its own share of the probability")
    for x in [0.55, 0.7, 0.8] {
      let u = (x - a) * (x - a) / ((b - a) * (c - a))
      XCTAssertEqual(p.value(at: u), x, accuracy: 1e-12)
    }
    // Above the mode: 1 - (b - x)² / ((b - a)(b - c)).
    let x = 0.9, u = 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    XCTAssertEqual(p.value(at: u), x, accuracy: 1e-12)
    // The mean of the values of a fine uniform grid of positions is the distribution's, (a + b + c) / 3.
    let n = 100_000
    let mean = (0..<n).map { p.value(at: (Double($0) + 0.5) / Double(n)) }.reduce(0, +) / Double(n)
    XCTAssertEqual(mean, (a + b + c) / 3, accuracy: 1e-6)
  }

  /// A triangular range whose peak (today's value) lies outside it is refused at its entry.
  func testATriangularRangeMustHoldTodaysValue() throws {
    let bad = """
      uncertainty:
        - {key: behaviour.p_return_after_incomplete, range: 0.5..0.8, source: s, distribution: triangular}
      """
    XCTAssertThrowsError(try study([], section: bad)) {
      XCTAssertTrue(
        "\($0)".contains(
          ":3:55: uncertainty[0].range: a triangular range peaks at today's value, but today's value "
            + "0.85 lies outside it"), "\($0)")
    }
  }
}
