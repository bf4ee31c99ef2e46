import DESKernel
import Foundation
import OneStopCalibrate
import OneStopModel
import OneStopScenario
import Testing

/// The rules of a target file and of the fit table, on written files and on made-up
/// replication values (no run): precision from the digits, the count default, relative
/// tolerances, the allowance, roles and the exit status, rank targets and held-out seeds.
@Suite struct TargetRulesTests {
  static let mmc = BundledTargetsTests.root.appendingPathComponent("scenarios/mmc.yaml").path

  /// Writes a target file for the M/M/c scenario with `targets` (YAML list items) and
  /// reads it.
  static func load(_ targets: String, header: String = "") throws -> TargetFile {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-rules-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("t-\(UUID().uuidString).yaml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "scenario: \(mmc)\n\(header)targets:\n\(targets)".write(toFile: path, atomically: true, encoding: .utf8)
    return try TargetFile.load(path: path)
  }

  /// The error text of a target file that does not load.
  static func refusal(_ targets: String, header: String = "") -> String {
    do {
      _ = try load(targets, header: header)
      return ""
    } catch { return "\(error)" }
  }

  @Test func precisionIsHalfTheLastDigitWritten() throws {
    let cases: [(String, Double)] = [
      ("93.32", 0.005), ("3381", 0.5), ("1.875", 0.0005), ("0", 0.5), ("-2.50", 0.005), ("1.5e3", 50), ("27", 0.5),
      ("180_289", 0.5),
    ]
    for (text, p) in cases { #expect(TargetFile.precision(ofWritten: text) == p, "\(text)") }
    #expect(TargetFile.precision(ofWritten: "abc") == nil)
    let file = try Self.load(
      """
        - {kpi: on_time_rate_of_received, value: 93.32, tolerance: 0.1, source: a}
        - {kpi: resolved_overdue, value: 3381, source: b}
        - {kpi: received, value: 148979, precision: 40, source: c}
      """)
    #expect(file.targets.map(\.precision) == [0.005, 0.5, 40])
  }

  @Test func aCountWithoutToleranceGetsTwiceItsPoissonSpread() throws {
    let file = try Self.load(
      """
        - {kpi: resolved_overdue, value: 0, source: a}
        - {kpi: resolved_overdue, value: 3381, source: b}
        - {kpi: withdrawn, value: 71, tolerance: 20, source: c}
      """)
    #expect(file.targets[0].tolerance == 2)  // 2 x sqrt(max(0, 1)): a 0 gets ±2, not ±20
    #expect(file.targets[1].tolerance == 2 * 3381.0.squareRoot())
    #expect(file.targets.map(\.toleranceRule) == [.countDefault, .countDefault, .absolute])
    // A rate has no default: its tolerance is asked for, at its line.
    let rate = Self.refusal("  - {kpi: on_time_rate_of_received, value: 93.32, source: a}\n")
    #expect(rate.contains(":3:") && rate.contains("targets[0].tolerance: missing"), "\(rate)")
    #expect(rate.contains("only counts have a default"), "\(rate)")
  }

  @Test func aRelativeToleranceIsAShareOfTheFigure() throws {
    let file = try Self.load(
      """
        - {kpi: in_progress_end, value: 8585, tolerance: 5%, source: a}
        - {kpi: desk_wait_mean, value: 12, tolerance: 10%, source: b}
      """)
    #expect(file.targets[0].tolerance == 0.05 * 8585)
    #expect(file.targets[0].toleranceRule == .relative(5))
    #expect(abs(file.targets[1].tolerance - 1.2) < 1e-12)
    let bad = Self.refusal("  - {kpi: in_progress_end, value: 8585, tolerance: five%, source: a}\n")
    #expect(bad.contains("targets[0].tolerance: expected a percentage"), "\(bad)")
  }

  @Test func aToleranceWiderThanACountNeedsAReason() throws {
    let wide = Self.refusal("  - {kpi: withdrawn, value: 71, tolerance: 100, source: a}\n")
    #expect(wide.contains("targets[0].tolerance: 100 is larger than the figure itself (71)"), "\(wide)")
    let file = try Self.load(
      "  - {kpi: withdrawn, value: 71, tolerance: 100, tolerance_reason: \"a decade's spread\", source: a}\n")
    #expect(file.targets[0].tolerance == 100)
    // Not a count: a percentage may have any tolerance; a zero count has no "itself" to exceed.
    _ = try Self.load("  - {kpi: on_time_rate_of_received, value: 1, tolerance: 2, source: a}\n")
    _ = try Self.load("  - {kpi: resolved_overdue, value: 0, tolerance: 5, source: a}\n")
  }

  @Test func rolesAndLabelsAreChecked() throws {
    let roles = Self.refusal("  - {kpi: withdrawn, value: 71, role: fited, source: a}\n")
    #expect(roles.contains("targets[0].role: expected input, fitted or independent") && roles.contains("'fitted'"))
    let stray = Self.refusal("  - {kpi: withdrawn, value: 71, fitted_by: [x], source: a}\n")
    #expect(stray.contains("targets[0].fitted_by: goes with 'role: fitted'"), "\(stray)")
    let noReason = Self.refusal("  - {kpi: withdrawn, value: 71, source: a}\n", header: "evidence: what-if\n")
    #expect(noReason.contains("reason: missing"), "\(noReason)")
    let file = try Self.load(
      "  - {kpi: withdrawn, value: 71, role: fitted, fitted_by: [a.b], source: a}\n",
      header: "evidence: what-if\nreason: only inputs\n")
    #expect(file.evidence == .whatIf(reason: "only inputs") && file.targets[0].fittedBy == ["a.b"])
  }

  /// Within: |mean - report| <= tolerance + precision + the 95 % half-width. Only an
  /// independent figure outside changes the exit status; the rows are the same whatever
  /// the role.
  @Test(arguments: TargetFile.Role.allCases)
  func onlyIndependentFiguresDecide(role: TargetFile.Role) throws {
    let file = try Self.load(
      """
        - {kpi: desk_wait_mean, value: 10, tolerance: 1, precision: 0.5, role: \(role.rawValue), source: a}
        - {kpi: desk_wait_p90, value: 20, tolerance: 1, source: b}
      """)
    // Mean 12, half-width t(0.975, 3) x sqrt(4/3) / 2 = 1.837: allowance 1 + 0.5 + 1.837 = 3.337 >= 2.
    let near = TargetCheck(file, perKPI: [[11, 13, 11, 13], [20, 20, 20, 20]])
    let halfWidth = 3.182446305284263 * (4.0 / 3).squareRoot() / 2
    #expect(abs(near.rows[0].allowance - (1.5 + halfWidth)) < 1e-9)
    #expect(near.rows[0].within)
    // Mean 14: 4 > 3.337, outside; the same rows for every role.
    let far = TargetCheck(file, perKPI: [[13, 15, 13, 15], [20, 20, 20, 20]])
    #expect(!far.rows[0].within && far.rows[1].within)
    let run = FitAssessment.Run(seed: 1, replications: 4, check: far)
    let a = FitAssessment(file: file, fit: run, checks: [run, run])
    #expect(a.passes == (role != .independent))
    #expect(a.failures == (role == .independent ? ["desk_wait_mean"] : []))
    #expect(a.evidence.of == (role == .independent ? 2 : 1) && a.names(role).contains("desk_wait_mean"))
    // A held-out seed decides, the fit seed does not: outside on the fit seed, within on the held-out one.
    let b = FitAssessment(file: file, fit: run, checks: [FitAssessment.Run(seed: 2, replications: 4, check: near)])
    #expect(b.passes)
  }

  /// A figure the report implies but does not write (an agency left out of a list that
  /// falls short of the total by 33) is a bound: within when [at_least, at_most] widened by
  /// the allowance holds the mean; a count's default tolerance is each bound's own spread.
  @Test func boundsHoldTheMeanInTheirInterval() throws {
    let file = try Self.load(
      """
        - {kpi: resolved_overdue, at_most: 33, source: a}
        - {kpi: withdrawn, at_least: 5, at_most: 38, source: b}
      """)
    let (most, range) = (file.targets[0], file.targets[1])
    #expect(most.atMost == 33 && most.atLeast == nil && most.value == 33 && most.precision == 0.5)
    #expect(most.tolerance == 2 * 33.0.squareRoot())
    #expect(range.tolerance == 2 * 38.0.squareRoot() && range.toleranceBelow == 2 * 5.0.squareRoot())
    #expect(TargetFile.written(range) { String(Int($0)) } == "5-38")
    #expect(TargetFile.written(most) { "\($0)" } == "≤ 33.0")
    // Identical replications: no half-width. 44.9 <= 33 + 11.489 + 0.5 = 44.989; 45 is not.
    #expect(TargetCheck(file, perKPI: [[44.9, 44.9], [10, 10]]).rows[0].within)
    #expect(!TargetCheck(file, perKPI: [[45, 45], [10, 10]]).rows[0].within)
    // Below the range: 0 + 2 x sqrt(5) + 0.5 = 4.97 < 5 (the upper bound's ±12.3 would pass it).
    #expect(!TargetCheck(file, perKPI: [[0, 0], [0, 0]]).rows[1].within)
    #expect(TargetCheck(file, perKPI: [[0, 0], [1, 1]]).rows[1].within)
    #expect(TargetCheck(file, perKPI: [[0, 0], [50.7, 50.7]]).rows[1].within)  // 38 + 12.329 + 0.5
    #expect(!TargetCheck(file, perKPI: [[0, 0], [50.9, 50.9]]).rows[1].within)
    // Inside the interval the misfit is 0; outside it counts from the nearer bound.
    #expect(TargetCheck(file, perKPI: [[0, 0], [20, 20]]).rows[1].misfit == 0)
    #expect(TargetFile.miss(range, mean: 40) == 2 && TargetFile.miss(range, mean: 1) == -4)
    let both = Self.refusal("  - {kpi: withdrawn, value: 3, at_most: 33, source: a}\n")
    #expect(both.contains("targets[0].value: give either value or at_least/at_most"), "\(both)")
    let upside = Self.refusal("  - {kpi: withdrawn, at_least: 40, at_most: 33, source: a}\n")
    #expect(upside.contains("targets[0].at_most: expected at least at_least (40), found 33"), "\(upside)")
    let none = Self.refusal("  - {kpi: withdrawn, source: a}\n")
    #expect(none.contains("targets[0].value: missing"), "\(none)")
  }

  @Test func spearmanWithTiesMatchesTheHandValue() {
    // Ranks of x with the tie averaged: 1, 2.5, 2.5, 4; of y: 1, 3, 2, 4. Pearson on the
    // ranks: 4.5 / sqrt(4.5 x 5) = 3 / sqrt(10).
    #expect(averageRanks([1, 2, 2, 3]) == [1, 2.5, 2.5, 4])
    #expect(abs(spearman([1, 2, 2, 3], [1, 3, 2, 4]) - 3 / 10.0.squareRoot()) < 1e-15)
    #expect(spearman([5, 4, 3], [1, 2, 3]) == -1)
    #expect(spearman([1, 1, 1], [1, 2, 3]).isNaN)
  }

  @Test func aRankTargetNeedsTheOrderAndTheTop() throws {
    let items = (0..<3).map { "      - {kpi: resolved_overdue@level:x\($0), value: \([21, 8, 128][$0])}" }
    let file = try Self.load(
      """
        - name: by district
          rank:
      \(items.joined(separator: "\n"))
          min_spearman: 0.7
          top: resolved_overdue@level:x2
          source: a
      """)
    #expect(file.kpis.count == 3 && file.ranks[0].minSpearman == 0.7)
    let right = TargetCheck(file, perKPI: [[20, 22], [9, 9], [100, 110]])
    #expect(right.ranks[0].rho == 1 && right.ranks[0].within)
    // Same order but the top swapped: rho 0.5, below 0.7, and x0 is the largest.
    let wrong = TargetCheck(file, perKPI: [[120, 130], [9, 9], [100, 110]])
    #expect(wrong.ranks[0].rho == 0.5 && !wrong.ranks[0].topHolds && !wrong.ranks[0].within)
    let two = Self.refusal(
      "  - {rank: [{kpi: received, value: 1}, {kpi: withdrawn, value: 2}], min_spearman: 1, source: a}\n")
    #expect(two.contains("expected at least three figures to rank"), "\(two)")
  }

  @Test func heldOutSeedsAreDeterministicAndShareNoStream() throws {
    let (_, model) = try Scenario.load(path: Self.mmc)
    let sources = model.randomSources
    #expect(!sources.isEmpty)
    func derive(_ fit: UInt64) -> [UInt64] {
      HeldOutSeeds.seeds(fitSeed: fit, fitReplications: 3, count: 3, checkReplications: 10, sources: sources)
    }
    let seeds = derive(2022)
    #expect(seeds.count == 3 && Set(seeds).count == 3 && !seeds.contains(2022))
    #expect(seeds == derive(2022))
    #expect(seeds.allSatisfy { $0 < 1 << 53 })
    for s in seeds { #expect(!HeldOutSeeds.overlap(2022, 3, s, 10, sources: sources)) }
    #expect(!HeldOutSeeds.overlap(seeds[0], 10, seeds[1], 10, sources: sources))
    // The check can fail: a seed shares every stream with itself, and replication 2 of it
    // with a run that has three.
    #expect(HeldOutSeeds.overlap(2022, 1, 2022, 1, sources: sources))
    #expect(HeldOutSeeds.overlap(2022, 3, 2022, 1, sources: sources))
    // Neighbouring fit seeds get unrelated check seeds.
    #expect(Set(derive(2023)).isDisjoint(with: seeds))
  }
}
