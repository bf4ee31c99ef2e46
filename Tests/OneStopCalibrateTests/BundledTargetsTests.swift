import DESKernel
import Foundation
import OneStopCalibrate
import OneStopModel
import OneStopScenario
import Testing

/// CI's check that the bundled scenarios still match their reports: every figure of every
/// target file (`scenarios/targets/*.yaml`) within its tolerance, on the scenario's seed and
/// replications (at least 3, as `onestop calibrate` runs them, so the table in
/// docs/calibration.md is the one checked here). A change that moves a figure outside fails,
/// and a deliberately broken figure or scenario value is shown to fail.
@Suite struct BundledTargetsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let targets = root.appendingPathComponent("scenarios/targets")
  static let files =
    (try? FileManager.default.contentsOfDirectory(atPath: targets.path))?.filter { $0.hasSuffix(".yaml") }.sorted()
    ?? []

  /// Runs the scenario of `file` (with `overrides`) and holds it against the targets.
  static func check(_ file: TargetFile, overrides: [String] = []) throws -> TargetCheck {
    let (scenario, model) = try Scenario.load(path: file.scenario, overrides: overrides)
    #expect(TargetCheck.problems(file, model: model).isEmpty, "\(TargetCheck.problems(file, model: model))")
    let results = Replications.run(model, seed: scenario.seed, count: max(3, scenario.replications), threads: 2)
    return TargetCheck(file, results: results, model: model)
  }

  static func table(_ check: TargetCheck) -> String {
    check.rows.map { r in
      """
        \(r.target.kpi): report \(r.target.value), simulated \(r.mean) ± \(r.halfWidth), tolerance \
        \(r.target.tolerance)\(r.within ? "" : "  OUTSIDE")
        """
    }.joined(separator: "\n")
  }

  /// Every bundled scenario that reproduces a report has a target file (mmc is checked
  /// against Erlang C; the Saturday variant is a what-if of the Tuyên Quang baseline).
  @Test func everyReportScenarioHasATargetFile() {
    #expect(
      Set(Self.files) == [
        "bac-giang-postal-pilot.yaml", "bac-kan-2021.yaml", "binh-phuoc-online-push.yaml", "tuyen-quang-2022.yaml",
        "two-level-2025.yaml",
      ])
  }

  @Test(arguments: files)
  func scenarioMatchesItsReport(_ name: String) throws {
    let file = try TargetFile.load(path: Self.targets.appendingPathComponent(name).path)
    let check = try Self.check(file)
    #expect(
      check.outside.isEmpty, "\(name): \(check.outside.count) figure(s) outside their tolerance\n\(Self.table(check))")
  }

  /// Report 000 gives a ranking, not figures: overdue "tập trung chủ yếu" (mainly) in land and
  /// environment, labour-social, planning-investment and justice. Those four fields hold at
  /// least three quarters of the run's overdue, and districts are the worst level.
  @Test func bacGiangOverdueSitsWhereTheReportSays() throws {
    let (scenario, model) = try Scenario.load(
      path: Self.root.appendingPathComponent("scenarios/bac-giang-postal-pilot.yaml").path)
    let results = Replications.run(model, seed: scenario.seed, count: max(3, scenario.replications), threads: 2)
    func mean(_ name: String) -> Double {
      results.reduce(0) { $0 + KPI.named(name)!.value($1, model) } / Double(results.count)
    }
    let named = ["land", "social", "business", "justice"].reduce(0) { $0 + mean("resolved_overdue@field:\($1)") }
    #expect(
      named >= 0.75 * mean("resolved_overdue"), "the four fields: \(named) of \(mean("resolved_overdue")) overdue")
    let district = mean("on_time_rate_of_resolved@level:district")
    #expect(
      district < mean("on_time_rate_of_resolved@level:province")
        && district < mean("on_time_rate_of_resolved@level:commune"))
  }

  /// The check can fail: a report figure written wrongly (Bắc Kạn's online share 28.61 %
  /// instead of 18.61 %) and a scenario value broken (the communes' online share 0.29 ->
  /// 0.6) each put a figure outside its tolerance.
  @Test func aBrokenValueFailsTheCheck() throws {
    let path = Self.targets.appendingPathComponent("bac-kan-2021.yaml").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("value: 18.61"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-targets-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let broken = dir.appendingPathComponent("bac-kan-2021.yaml").path
    try text.replacingOccurrences(of: "value: 18.61", with: "value: 28.61")
      .replacingOccurrences(
        of: "scenario: ../bac-kan-2021.yaml", with: "scenario: \(Self.root.path)/scenarios/bac-kan-2021.yaml"
      )
      .write(toFile: broken, atomically: true, encoding: .utf8)
    let wrongFigure = try Self.check(try TargetFile.load(path: broken))
    #expect(wrongFigure.outside.map(\.target.kpi) == ["online_share_of_received"], "\(Self.table(wrongFigure))")

    let file = try TargetFile.load(path: path)
    let wrongScenario = try Self.check(file, overrides: ["demand[communes].online_share=0.6"])
    #expect(
      wrongScenario.outside.map(\.target.kpi).contains("online_share_of_received"), "\(Self.table(wrongScenario))")
  }

  /// A month KPI names a month of the run: a month written wrongly is refused when the
  /// target file is read, a month the run does not report when it meets the scenario, both
  /// at the target's line.
  @Test func badMonthsAreLocated() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-months-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let scenario = Self.root.appendingPathComponent("scenarios/binh-phuoc-online-push.yaml").path
    let path = dir.appendingPathComponent("months.yaml").path
    func write(_ month: String) throws {
      try """
      scenario: \(scenario)
      targets:
        - {kpi: online_share_of_received@month:2020-09, value: 90, tolerance: 5, source: "002"}
        - {kpi: online_share_of_received@month:\(month), value: 9, tolerance: 5, source: "002"}
      """.write(toFile: path, atomically: true, encoding: .utf8)
    }
    try write("2020-13")
    #expect {
      try TargetFile.load(path: path)
    } throws: { error in
      let text = "\(error)"
      return text.contains("months.yaml:4:") && text.contains("targets[1].kpi") && text.contains("@month:YYYY-MM")
    }
    try write("2019-05")
    let file = try TargetFile.load(path: path)
    let (_, model) = try Scenario.load(path: scenario)
    let problems = TargetCheck.problems(file, model: model)
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.description.contains("months.yaml:4:") == true, "\(problems)")
    #expect(
      problems.first?.description.contains("targets[1].kpi: the run reports no month 2019-05") == true, "\(problems)")
    #expect(problems.first?.description.contains("2020-05 to 2020-12") == true, "\(problems)")
  }
}
