import Foundation
import OneStopModel
import OneStopScenario
import OneStopSensitivity
import Sensitivity
import XCTest

/// A Morris screening of the M/M/8 reference queue (scenarios/mmc.yaml, shortened to three
/// days): the mean desk wait is driven by the arrival volume and the desk time, and not at
/// all by what the model never reads for it.
final class MMCSensitivityTests: XCTestCase {
  static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios/mmc.yaml").path

  /// Volume 3.4 M to 3.8 M a year (7.2 per minute is 3.78 M) and a desk time of 0.9 to 1
  /// minute keep the queue stable (utilisation 0.73 to 0.9). The back office's work time
  /// never reaches the desks (results go back online), and nobody is ever incomplete
  /// (p_incomplete is 0), so whether they return cannot matter.
  static let parameters = [
    "demand[0].annual_volume=3400000..3800000",
    "procedures[any].intake_time.exponential=0.9..1",
    "procedures[any].steps[0].work=0.5..2",
    "behaviour.p_return_after_incomplete=0.5..1",
  ]

  func evaluator(journal: String? = nil) throws -> (PointEvaluator, [SensitivityParameter]) {
    let base = try ScenarioBase(path: Self.scenario, sets: ["end=2022-01-06"])
    let (scenario, _) = try base.build()
    let parameters = try Self.parameters.map {
      try SensitivityParameter.parse($0, root: base.root, priors: scenario.configuration.priors())
    }
    let e = PointEvaluator(
      base: base, identity: "mmc", kpis: [KPI.named("desk_wait_mean")!], seed: 1, replications: 2,
      threads: nil, journal: journal)
    return (e, parameters)
  }

  func testDeskWaitRestsOnVolumeAndDeskTimeOnly() throws {
    let (evaluator, parameters) = try evaluator()
    XCTAssertEqual(parameters[1].kind, .number(suffix: "m", integer: false))
    var options = SensitivityStudy.Options()
    options.trajectories = 4
    let study = try SensitivityStudy.run(evaluator, parameters: parameters, options: options)
    let m = study.morris![0]
    for (p, e) in zip(parameters, m) {
      print("\(p.key): mu* \(e.muStar) \(e.muStarInterval.map(\.description) ?? "-") sigma \(e.sigma)")
    }
    // Every elementary effect of the volume and of the desk time is a longer wait.
    XCTAssertTrue(m[0].effects.allSatisfy { $0 > 0 }, "more arrivals, longer waits: \(m[0].effects)")
    XCTAssertTrue(m[1].effects.allSatisfy { $0 > 0 }, "longer desk times, longer waits: \(m[1].effects)")
    XCTAssertGreaterThan(m[0].muStarInterval!.low, 0)
    XCTAssertGreaterThan(m[1].muStarInterval!.low, 0)
    // On common random numbers a parameter the model never reads for the KPI changes
    // nothing at all: its effects are exactly 0, not merely small.
    XCTAssertEqual(m[2].muStar, 0)
    XCTAssertEqual(m[3].muStar, 0)
    XCTAssertEqual(study.order(kpi: 0).prefix(2).sorted(), [0, 1])
    XCTAssertEqual(
      SensitivityStudy.ranked(study.morris!, top: 3), [0, 1], "a parameter with mu* = 0 gets no Sobol stage")
  }

  /// A study resumes from its journal; an edited line is refused and its point runs again.
  func testJournalResumesAndRefusesEditedLines() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-sens-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let journal = (dir as NSString).appendingPathComponent("sensitivity.jsonl")
    let points = [[0.0, 0, 0, 0], [1.0, 0, 0, 0], [1.0, 1, 0, 0]]
    let (first, parameters) = try evaluator(journal: journal)
    let means = try first.means(parameters, points: points)
    XCTAssertEqual(first.replicationsRun, 6)
    let (second, _) = try evaluator(journal: journal)
    XCTAssertEqual(second.resumed, 3)
    XCTAssertEqual(try second.means(parameters, points: points), means)
    XCTAssertEqual(second.replicationsRun, 0)
    // Change one digit of a KPI value in the second line: its checksum no longer matches.
    var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
    let digit = lines[1].lastIndex { $0.isNumber && $0 != "0" && $0 != "9" }!
    lines[1].replaceSubrange(digit...digit, with: String(Character(Unicode.Scalar(lines[1][digit].asciiValue! + 1))))
    try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
    let (third, _) = try evaluator(journal: journal)
    XCTAssertEqual(third.resumed, 2)
    XCTAssertEqual(third.refused, 1)
    XCTAssertEqual(try third.means(parameters, points: points), means)
    XCTAssertEqual(third.replicationsRun, 2)
  }
}
