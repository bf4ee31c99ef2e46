import Foundation
import OneStopCalibrate
import OneStopIO
import OneStopModel
import OneStopScenario

/// The fit table of `onestop calibrate` and its `fit.csv`.
extension Calibrate {
  /// The columns of `fit.csv`, one row per figure or rank target per seed (long form).
  static let csvHeader = [
    "kind", "kpi", "role", "seed", "held_out", "replications", "report", "mean", "ci95", "tolerance", "precision",
    "allowance", "within", "weight", "source", "at_least", "at_most",
  ]

  /// Prints the fit table, the rank targets and the summary; returns `fit.csv`.
  func printTable(_ a: FitAssessment) -> String {
    let file = a.file
    let letters = a.checks.indices.map { String(UnicodeScalar(UInt8(65 + $0 % 26))) }
    print("fit seed \(a.fit.seed) (\(plural(a.fit.replications, "replication")))")
    if a.checks.isEmpty {
      print("no held-out seeds (--check-seeds 0): nothing below is evidence; the fit has seen these random numbers")
    } else {
      let seeds = zip(letters, a.checks).map { "\($0) = \($1.seed)" }.joined(separator: ", ")
      print(
        """
          held-out seeds \(seeds) (\(plural(a.checks[0].replications, "replication")) each; derived from the fit \
          seed, no random stream in common with the fit's)
          """)
    }
    print("within: |mean - report| <= tolerance + precision + the 95 % half-width of the mean on that seed")
    print("")
    let width = max(34, (file.targets.map(\.kpi.count).max() ?? 0) + 2)
    var head =
      pad("figure", width) + pad("role", 12) + lpad("report", 10) + lpad("tolerance", 10) + lpad("precision", 10)
      + lpad("fit mean", 11)
    for l in letters { head += lpad("\(l): mean ± 95 % CI", 24) + lpad("within", 7) }
    if a.checks.isEmpty { head += lpad("within", 7) }
    print(head)
    var csv = Self.csvHeader.joined(separator: ",") + "\n"
    for (k, row) in a.fit.check.rows.enumerated() {
      let t = row.target
      var line =
        pad(t.kpi, width) + pad(t.role.rawValue, 12) + lpad(TargetFile.written(t) { number($0, row.unit) }, 10)
        + lpad(Self.tolerances(t), 10) + lpad(Self.small(t.precision), 10) + lpad(number(row.mean, row.unit), 11)
      if a.checks.isEmpty { line += lpad(row.within ? "yes" : "NO", 7) }
      for run in a.checks {
        let r = run.check.rows[k]
        line +=
          lpad("\(number(r.mean, r.unit)) ± \(number(r.halfWidth, r.unit))", 24) + lpad(r.within ? "yes" : "NO", 7)
      }
      print(line)
      for (run, heldOut) in [(a.fit, false)] + a.checks.map({ ($0, true) }) {
        csv += Self.csvRow(run.check.rows[k], seed: run.seed, heldOut: heldOut, replications: run.replications)
      }
    }
    csv += printRanks(a, letters: letters)
    printSummary(a)
    return csv
  }

  /// The rank targets, one line each: the fit seed's rho and each held-out seed's.
  func printRanks(_ a: FitAssessment, letters: [String]) -> String {
    guard !a.file.ranks.isEmpty else { return "" }
    print("")
    print("Rank targets (Spearman's rho of the simulated means against the report's values; ties share their rank):")
    var csv = ""
    for (k, rank) in a.fit.check.ranks.enumerated() {
      let t = rank.target
      let top = t.top.map { ", top \($0)" } ?? ""
      print("  \(t.name) (\(t.role.rawValue); \(t.items.count) figures, rho >= \(fmt(t.minSpearman, 2))\(top)):")
      func describe(_ r: TargetCheck.RankRow) -> String {
        "rho \(r.rho.isFinite ? fmt(r.rho, 2) : "undefined"), largest \(r.largest ?? "-"): \(r.within ? "yes" : "NO")"
      }
      print("    fit seed: \(describe(rank))")
      for (l, run) in zip(letters, a.checks) { print("    \(l): \(describe(run.check.ranks[k]))") }
      for (run, heldOut) in [(a.fit, false)] + a.checks.map({ ($0, true) }) {
        let r = run.check.ranks[k]
        csv +=
          [
            "rank", JSONText.csvField(t.name), t.role.rawValue, "\(run.seed)", "\(heldOut)", "\(run.replications)",
            JSONText.number(t.minSpearman), r.rho.isFinite ? JSONText.number(r.rho) : "", "", "", "", "",
            "\(r.within)", "", JSONText.csvField(t.source), "", "",
          ].joined(separator: ",") + "\n"
      }
    }
    return csv
  }

  /// The evidence line (independent figures only), the figures that fail, inputs that
  /// drifted, the what-if label and the figures the model cannot produce.
  func printSummary(_ a: FitAssessment) {
    let (held, of) = a.evidence
    let where_ = a.checks.isEmpty ? "on the fit seed (not evidence)" : "on every held-out seed"
    print("")
    print(
      """
        independent figures within tolerance \(where_): \(held) of \(of); inputs \(a.names(.input).count) and \
        fitted \(a.names(.fitted).count) are shown, not counted
        """)
    if !a.failures.isEmpty { print("not within: \(a.failures.joined(separator: ", "))") }
    if !a.driftedInputs.isEmpty {
      print(
        """
          note: inputs outside their allowance (the scenario does not quite set what the target file says it \
          sets): \(a.driftedInputs.joined(separator: ", "))
          """)
    }
    print("weighted misfit on the fit seed (every figure but the inputs): \(fmt(a.fit.check.misfit, 2))")
    if case .whatIf(let reason) = a.file.evidence {
      print("")
      print("This scenario is a what-if example, not a calibrated province: \(reason)")
    }
    if !a.file.notProduced.isEmpty {
      print("")
      print("Figures the model cannot produce:")
      for f in a.file.notProduced { print("  - \(f.figure): \(f.reason)") }
    }
  }

  /// One figure on one seed, as a line of `fit.csv`.
  static func csvRow(_ row: TargetCheck.Row, seed: UInt64, heldOut: Bool, replications: Int) -> String {
    let t = row.target
    return [
      "figure", JSONText.csvField(t.kpi), t.role.rawValue, "\(seed)", "\(heldOut)", "\(replications)",
      JSONText.number(t.value), row.mean.isFinite ? JSONText.number(row.mean) : "",
      row.halfWidth.isFinite ? JSONText.number(row.halfWidth) : "", JSONText.number(t.tolerance),
      JSONText.number(t.precision), JSONText.number(row.allowance), "\(row.within)", JSONText.number(t.weight),
      JSONText.csvField(t.source), t.atLeast.map(JSONText.number) ?? "", t.atMost.map(JSONText.number) ?? "",
    ].joined(separator: ",") + "\n"
  }

  /// A figure's tolerance; for bounds with a different tolerance below, `below/above`.
  static func tolerances(_ t: TargetFile.Target) -> String {
    t.toleranceBelow == t.tolerance ? small(t.tolerance) : small(t.toleranceBelow) + "/" + small(t.tolerance)
  }

  /// A tolerance or precision with the digits it needs: 849, 16.9, 2.83, 0.005.
  static func small(_ x: Double) -> String {
    if x == 0 { return "0" }
    if x >= 100 { return fmt(x, 0) }
    if x >= 10 { return fmt(x, 1) }
    if x >= 0.1 { return fmt(x, 2) }
    return String(format: "%.1g", x)
  }
}
