import DESKernel
import Foundation
import OneStopCalibrate
import OneStopModel
import OneStopScenario
import Testing

/// CI's check that the bundled scenarios still match their reports, under the rules of
/// `onestop calibrate`: each target file's figures on the scenario's seed (the fit seed,
/// at least 3 replications) and on two held-out seeds, and only independent figures
/// decide. A calibrated target file is checked on 10 replications per held-out seed (the
/// command's default); a what-if one with independent figures on 3 (`--quick`), one with
/// none on the fit seed only. The independent figures that fail today are listed in
/// `knownFailures`, by name: a change that makes another fail, or one of these pass,
/// fails the test until the list says so (the list is emptied by recalibrating the
/// scenario, never by widening tolerances).
@Suite struct BundledTargetsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let targets = root.appendingPathComponent("scenarios/targets")
  static let files =
    (try? FileManager.default.contentsOfDirectory(atPath: targets.path))?.filter { $0.hasSuffix(".yaml") }.sorted()
    ?? []

  /// Independent figures (and rank targets) that fail on the held-out seeds today, each a
  /// pattern of report 004 the model has no cause for (docs/calibration.md): at least 5
  /// overdue at the other departments (the model gives none) and Lâm Bình's 21 at its
  /// communes (5-7 in the model; Na Hang, as small and as remote, had 8, and no sourced input
  /// tells the two apart).
  /// Sơn Dương's committee and communes are not in footnote 18, whose list falls 33 short of
  /// the total: they are held to at most 33, not to 0, and are out of the rank target.
  /// Hà Nội 2025: the late and in-progress figures are fitted (land dossiers wait on other
  /// agencies and on the citizen's payment, docs/two-level.md); Thanh Oai's "no overdue"
  /// fails (5 in the model): the model spreads the lateness over every commune's land
  /// dossiers, the city's is concentrated (Sóc Sơn: 151 of the 284 land dossiers inherited
  /// from the old district were late, 5 of the 365 received since; no commune's inherited
  /// count is public).
  static let knownFailures: [String: Set<String>] = [
    "ha-noi-2025.yaml": ["resolved_overdue@thanh-oai"],
    "tuyen-quang-2022.yaml": [
      "resolved_overdue@agency:OTHER@pasc", "resolved_overdue@level:commune@under:lam-binh",
    ]
  ]

  /// Runs the scenario of `file` (with `overrides`) on its seed and on `checkSeeds`
  /// held-out seeds of `checkReplications` each, and holds every run against the targets.
  static func assess(
    _ file: TargetFile, overrides: [String] = [], checkSeeds: Int = 0, checkReplications: Int = 10
  ) throws -> FitAssessment {
    let (scenario, model) = try Scenario.load(path: file.scenario, overrides: overrides)
    #expect(TargetCheck.problems(file, model: model).isEmpty, "\(TargetCheck.problems(file, model: model))")
    let reps = max(3, scenario.replications)
    func run(_ seed: UInt64, _ count: Int) -> FitAssessment.Run {
      .init(
        seed: seed, replications: count,
        check: TargetCheck.run(file, model: model, seed: seed, replications: count, threads: 2))
    }
    let seeds = HeldOutSeeds.seeds(
      fitSeed: scenario.seed, fitReplications: reps, count: checkSeeds, checkReplications: checkReplications,
      sources: model.randomSources)
    return FitAssessment(
      file: file, fit: run(scenario.seed, reps), checks: seeds.map { run($0, checkReplications) })
  }

  static func table(_ a: FitAssessment) -> String {
    a.file.targets.indices.map { k in
      let t = a.file.targets[k]
      let runs = ([a.fit] + a.checks).map { r in
        let row = r.check.rows[k]
        return "\(row.mean) ± \(row.halfWidth)\(row.within ? "" : " OUTSIDE")"
      }
      return "\(t.kpi) (\(t.role)): report \(t.value), allowance \(t.tolerance) + \(t.precision); \(runs)"
    }.joined(separator: "\n")
  }

  /// Every bundled scenario that reproduces a report has a target file (mmc is checked
  /// against Erlang C; the Saturday variant is a what-if of the Tuyên Quang baseline).
  @Test func everyReportScenarioHasATargetFile() {
    #expect(
      Set(Self.files) == [
        "bac-giang-postal-pilot.yaml", "bac-kan-2021.yaml", "binh-phuoc-online-push.yaml", "ha-noi-2025.yaml",
        "tuyen-quang-2022.yaml", "two-level-2025.yaml",
      ])
  }

  /// A calibrated target file has at least three independent figures; a what-if one says
  /// why. The independent figures hold on the held-out seeds, but for the known failures.
  @Test(arguments: files)
  func scenarioHoldsItsIndependentFigures(_ name: String) throws {
    let file = try TargetFile.load(path: Self.targets.appendingPathComponent(name).path)
    let independent = file.targets.filter { $0.role == .independent }.count + file.ranks.count
    let a: FitAssessment
    switch file.evidence {
    case .calibrated:
      #expect(independent >= 3, "\(name): a calibrated scenario holds at least three independent figures")
      a = try Self.assess(file, checkSeeds: 2, checkReplications: 10)
    case .whatIf(let reason):
      #expect(!reason.isEmpty)
      a = try Self.assess(file, checkSeeds: independent > 0 ? 2 : 0, checkReplications: 3)
    }
    let known = Self.knownFailures[name] ?? []
    let failures = Set(a.failures)
    #expect(
      failures.subtracting(known).isEmpty,
      """
      \(name): independent figures outside on a held-out seed: \(failures.subtracting(known).sorted())
      \(Self.table(a))
      """)
    #expect(
      known.subtracting(failures).isEmpty,
      "\(name): now within, remove from knownFailures: \(known.subtracting(failures).sorted())\n\(Self.table(a))")
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

  /// The check can fail, and only through independent figures: Bắc Giang's commune rate
  /// (independent) written 98.8 instead of 99.8 fails; its district rate (fitted) written
  /// 90.1 instead of 98.1 shows as outside but does not fail; a broken scenario value (Bắc Kạn's
  /// communes' online share 0.29 -> 0.6) moves an input outside, which is reported, not
  /// failed.
  @Test func aBrokenValueFailsTheCheckOnlyWhenIndependent() throws {
    let path = Self.targets.appendingPathComponent("bac-giang-postal-pilot.yaml").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("value: 99.8\n") && text.contains("value: 98.1\n"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-targets-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    func variant(_ from: String, _ to: String) throws -> TargetFile {
      let broken = dir.appendingPathComponent("bg-\(to).yaml").path
      try text.replacingOccurrences(of: from, with: to)
        .replacingOccurrences(
          of: "scenario: ../bac-giang-postal-pilot.yaml",
          with: "scenario: \(Self.root.path)/scenarios/bac-giang-postal-pilot.yaml"
        )
        .write(toFile: broken, atomically: true, encoding: .utf8)
      return try TargetFile.load(path: broken)
    }
    let file = try TargetFile.load(path: path)
    let a = try Self.assess(file, checkSeeds: 1, checkReplications: 3)
    #expect(a.passes, "\(Self.table(a))")
    // The same replications, held against the broken figures.
    func assess(_ f: TargetFile) -> FitAssessment {
      func again(_ run: FitAssessment.Run) -> FitAssessment.Run {
        .init(
          seed: run.seed, replications: run.replications,
          check: TargetCheck(f, perKPI: run.check.rows.map(\.values)))
      }
      return FitAssessment(file: f, fit: again(a.fit), checks: a.checks.map(again))
    }
    let commune = assess(try variant("value: 99.8\n", "value: 98.8\n"))
    #expect(commune.failures == ["on_time_rate_of_resolved@level:commune"], "\(Self.table(commune))")
    let district = assess(try variant("value: 98.1\n", "value: 90.1\n"))
    #expect(district.passes, "\(Self.table(district))")
    let districtRate = "on_time_rate_of_resolved@level:district"
    #expect(district.checks.allSatisfy { $0.check.outside.map(\.target.kpi).contains(districtRate) })

    let kan = try TargetFile.load(path: Self.targets.appendingPathComponent("bac-kan-2021.yaml").path)
    let wrongScenario = try Self.assess(kan, overrides: ["demand[communes].online_share=0.6"])
    #expect(wrongScenario.driftedInputs.contains("online_share_of_received"), "\(Self.table(wrongScenario))")
    #expect(wrongScenario.passes)
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
