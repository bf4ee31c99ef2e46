import Foundation
import OneStopIO
import OneStopScenario
import OneStopSweep
import Testing

/// Sweep files and manifests that once crashed or hung onestop, or were accepted while
/// wrong (issue 29), built here in code: each gets a located error naming the field.
@Suite struct SweepInputTests {
  static func problems(_ text: String, _ name: String) throws -> [String] {
    let path = try InputFiles.write(text, name, in: try InputFiles.directory("sweep-\(name)"))
    do {
      _ = try SweepFile.load(path: path)
      return []
    } catch {
      return error.issues.map { "\($0.line):\($0.column): \($0.path): \($0.message)" }
    }
  }

  static func check(
    _ text: String, _ name: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let found = try problems(text, name)
    #expect(found == expected, "\(found)", sourceLocation: sourceLocation)
  }

  @Test func rangesOfHugeNumbersAreRefusedWhereTheyAreWritten() throws {
    let end = "expected a number in [-9007199254740992.0, 9007199254740992.0]"
    // (to - from) / step = 1e300: Int(1e300) trapped while writing the message.
    try Self.check(
      InputFiles.sweep("  - {key: seed, from: 0, to: 1e300, step: 1}"), "huge.yaml",
      ["5:30: parameters[0].to: \(end), found 1e+300"])
    // -1e308 to 1e308: to - from is infinite.
    try Self.check(
      InputFiles.sweep("  - {key: seed, from: -1e308, to: 1e308, step: 1e306}"), "inf.yaml",
      ["5:23: parameters[0].from: \(end), found -1e+308"])
    // integer: true near 1e300, on a grid and on a Latin hypercube.
    try Self.check(
      InputFiles.sweep("  - {key: seed, from: 0, to: 1e300, step: 1e297, integer: true}"), "int.yaml",
      ["5:30: parameters[0].to: \(end), found 1e+300"])
    let lhs = InputFiles.sweep(
      "  - {key: seed, from: -1e300, to: 0, integer: true}", extra: "design: latin_hypercube\npoints: 5")
    try Self.check(lhs, "lhs.yaml", ["6:23: parameters[0].from: \(end), found -1e+300"])
    // At the edge: 2^53 is accepted and its whole numbers are exact.
    let edge = InputFiles.sweep(
      "  - {key: seed, from: 9007199254740000, to: 9007199254740992, integer: true}",
      extra: "design: latin_hypercube\npoints: 3")
    let path = try InputFiles.write(edge, "edge.yaml", in: try InputFiles.directory("sweep-edge"))
    let points = try SweepFile.load(path: path).points()
    #expect(
      points.count == 3 && points.allSatisfy { Int($0[0])! >= 9007199254740000 && Int($0[0])! <= 9007199254740992 })
  }

  @Test func aGridTooLargeToCountIsRefusedWithoutOverflow() throws {
    // Five distinct keys (the same key twice is refused on its own).
    let keys = ["seed", "replications", "units[desk-hall].desks[desks].count", "demand[0].annual", "end"]
    let grid = InputFiles.sweep(keys.map { "  - {key: '\($0)', from: 0, to: 10000, step: 1}" }.joined(separator: "\n"))
    try Self.check(
      grid, "grid.yaml", ["1:1: parameters: the design has more than 1000000 points; at most 1000000 are supported"])
  }

  @Test func keyPathsAreBoundedAndExtendsIsRefused() throws {
    let deep = String(repeating: "a.", count: 20_000) + "a"
    try Self.check(
      InputFiles.sweep("  - {key: '\(deep)', values: [1]}"), "deep.yaml",
      ["5:11: parameters[0].key: the key path has 40001 characters; key paths are at most 1000"])
    let many = String(repeating: "a.", count: 40) + "a"
    try Self.check(
      InputFiles.sweep("  - {key: '\(many)', values: [1]}"), "many.yaml",
      ["5:11: parameters[0].key: the key path has 41 segments; key paths have at most 32"])
    try Self.check(
      InputFiles.sweep("  - {key: extends, values: [x.yaml]}"), "extends.yaml",
      [
        """
          5:11: parameters[0].key: extends cannot be overridden: the base file is read before any --set is applied; \
          write a variant file with extends: instead
          """
      ])
  }

  @Test func replicationsAndPointsHaveTheirDocumentedMaximum() throws {
    let text = InputFiles.sweep("  - {key: seed, values: [1]}").replacingOccurrences(
      of: "replications: 1", with: "replications: 9223372036854775807")
    try Self.check(
      text, "reps.yaml",
      [
        """
          6:15: replications: expected a number of replications <= 10000 (the documented maximum), found \
          9223372036854775807
          """
      ])
  }

  @Test func setOptionsAreCheckedOnceEach() {
    func why(_ texts: [String]) -> [String] {
      do {
        _ = try ScenarioOverride.parse(texts)
        return []
      } catch { return error.issues.map(\.description) }
    }
    #expect(
      why(["units[desk-hall].desks[desks].count="])
        == [
          """
            --set: units[desk-hall].desks[desks].count: no value after '='; write key.path=value (null clears an \
            optional value)
            """
        ])
    #expect(
      why(["extends=scenarios/tuyen-quang-2022.yaml"])
        == [
          """
            --set: extends: extends cannot be overridden: the base file is read before any --set is applied; write a \
            variant file with extends: instead
            """
        ])
    #expect(
      why(["seed=1", "seed=2", "seed=3", "end=2022-01-02"]) == ["--set: seed: set more than once; give each key once"])
    #expect(
      why([String(repeating: "a.", count: 14_000) + "a=1"]).first?.hasSuffix(
        "the key path has 28001 characters; key paths are at most 1000") == true)
    // 1,000 distinct keys parse in linear time (a dictionary of the keys seen).
    let clock = ContinuousClock()
    let t = clock.measure { _ = why((0..<1_000).map { "k\($0)=1" }) }
    #expect(t < .seconds(5))
  }
}
