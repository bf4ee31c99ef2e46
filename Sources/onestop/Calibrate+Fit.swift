import ArgumentParser
import DESKernel
import Foundation
import OneStopCalibrate
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopStaff

/// `onestop calibrate --param`: the search, and the calibrated variant it writes.
extension Calibrate {
  /// `true` when a segment of `key` picks a list item by its position, not by an `id`.
  static func selectsByPosition(_ key: String, in root: YNode) -> Bool {
    var prefix = ""
    for segment in key.split(separator: ".") {
      prefix += (prefix.isEmpty ? "" : ".") + segment
      var s = Substring(segment)
      while let open = s.firstIndex(of: "["), let close = s[open...].firstIndex(of: "]") {
        let inner = String(s[s.index(after: open)..<close])
        let list = String(prefix.dropLast(segment.count)) + String(segment[..<open])
        if Int(inner) != nil, case .sequence(let items)? = StaffKeyPath.node(list, in: root)?.kind,
          !items.contains(where: { $0["id"]?.scalarText == inner })
        {
          return true
        }
        s = s[s.index(after: close)...]
      }
    }
    return false
  }

  /// Parses `--param key=LOW..HIGH`; integer bounds on a key that holds an integer today
  /// make an integer parameter.
  func parameters(_ root: YNode) throws -> [CalibrationParameter] {
    var seen = Set<String>()
    return try params.map { text in
      guard let eq = text.lastIndex(of: "=") else { throw ValidationError("--param '\(text)': expected KEY=LOW..HIGH") }
      let key = String(text[..<eq]), range = text[text.index(after: eq)...].components(separatedBy: "..")
      if let why = ScenarioOverride.keyProblem(key) { throw ValidationError("--param '\(key.prefix(120))': \(why)") }
      guard seen.insert(key).inserted else {
        throw ValidationError("--param '\(key)': given twice; give each key once")
      }
      let bound = SweepFile.maxMagnitude
      guard range.count == 2, let lo = Double(range[0]), let hi = Double(range[1]), abs(lo) <= bound, abs(hi) <= bound,
        lo <= hi
      else {
        throw ValidationError(
          "--param '\(text)': expected KEY=LOW..HIGH with numbers LOW <= HIGH, at most 2^53 in magnitude")
      }
      let current = StaffKeyPath.node(key, in: root)?.scalarText
      guard let current else { throw ValidationError("--param '\(key)': the scenario has no value at this key") }
      // A number, possibly with a unit after it (2.5h, 10wd, 15 %): the unit stays on every value.
      let number = String(current.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" })
      let suffix = String(current.dropFirst(number.count))
      guard Double(number) != nil, suffix.allSatisfy({ $0.isLetter || $0 == "%" || $0 == " " }) else {
        throw ValidationError("--param '\(key)': the value there ('\(current.prefix(40))') is not a number")
      }
      let integer = suffix.isEmpty && Int(current) != nil && Int(range[0]) != nil && Int(range[1]) != nil
      return CalibrationParameter(key: key, low: lo, high: hi, integer: integer, suffix: suffix)
    }
  }

  /// Fits the `--param` parameters to the target file's figures (every role but the
  /// inputs) on the fit seed; prints the calibrated values and returns the search, the
  /// fitted candidate's check on the fit seed and the fitted values.
  func fit(
    root: YNode, file: TargetFile, replications reps: Int, seed s: UInt64
  ) throws -> (CalibrationSearch, TargetCheck, [(CalibrationParameter, Double)], [FittedRange]) {
    let ps = try parameters(root)
    if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
    let search = CalibrationSearch(
      targets: file, overrides: overrides, parameters: ps, seed: s, replications: reps,
      threads: threads ?? AvailableCPUs.count, maxUtilisation: maxUtilisation,
      journal: out.map { ($0 as NSString).appendingPathComponent("calibration.jsonl") }
    ) { printError($0) }
    let current = ps.map { p -> Double in
      let text = StaffKeyPath.node(p.key, in: root)?.scalarText ?? ""
      let v = Double(text.dropLast(p.suffix.count)) ?? p.low
      return min(p.high, max(p.low, p.integer ? v.rounded() : v))
    }
    let used = file.targets.filter { $0.role != .input }
    let independent = used.filter { $0.role == .independent }.count
    printError(
      """
        fitting \(plural(ps.count, "parameter")) to \(plural(used.count, "figure")) (\(used.count - independent) \
        fitted, \(independent) independent; inputs and rank targets not used), \(plural(reps, "replication")) per \
        candidate (seed \(s))
        """
    )
    let best: CalibrationSearch.Evaluation
    do {
      best = try search.run(screen: screen ?? max(6, 4 * ps.count), iterations: iterations, current: current)
    } catch {
      printError("error: \(error.description)")
      throw ExitCode(2)
    }
    let fitted = Array(zip(ps, best.values))
    print(
      """
        Calibrated values (\(search.evaluations) candidates, \(search.runs) replications run; busiest back office \
        \(fmt(best.maxUtilisation, 1)) %):
        """
    )
    for (p, v) in fitted { print("  \(p.key) = \(p.text(v))   (range \(p.text(p.low)) .. \(p.text(p.high)))") }
    print(
      """
        Figures of the search: \(plural(used.count, "figure")), \(used.count - independent) fitted and \
        \(independent) independent (an independent figure a search used is still checked on held-out seeds; \
        inputs and rank targets were not used).
        """)
    print("")
    let ranges = printFittedRanges(search, ps)
    return (search, TargetCheck(file, perKPI: best.kpis), fitted, ranges)
  }

  /// Writes `calibrated.yaml` in `out`: a variant that extends the scenario with the fitted
  /// values, so `onestop run` runs the calibrated scenario.
  func writeVariant(
    _ fitted: [(CalibrationParameter, Double)], ranges: [FittedRange], file: TargetFile, scenario: Scenario,
    root: YNode, assessment: FitAssessment, to out: String
  ) throws {
    let (held, of) = assessment.evidence
    var lines = [
      "# Calibrated by: onestop calibrate \(targets) " + params.map { "--param '\($0)'" }.joined(separator: " "),
      """
      # Weighted misfit \(fmt(assessment.fit.check.misfit, 2)) on the fit seed \(assessment.fit.seed); independent \
      figures within tolerance on \(plural(assessment.checks.count, "held-out seed")): \(held) of \(of).
      """,
      "extends: \(StaffVariant.quote(file.scenario))",
    ]
    lines.append("scenario: \(StaffVariant.quote(scenario.configuration.name + "-calibrated"))")
    // A key that selects a list item by position (`steps[0]`) cannot go into a variant:
    // `extends` merges list items by id. Those values are given as --set lines.
    let positional = fitted.filter { Self.selectsByPosition($0.0.key, in: root) }
    let byId = fitted.filter { p in !positional.contains { $0.0.key == p.0.key } }
    if !byId.isEmpty { lines.append(StaffVariant.body(assignments: byId.map { ($0.0.key, $0.0.text($0.1)) })) }
    for (p, v) in positional {
      lines.append("# this list has no ids: run with --set '\(p.key)=\(p.text(v))'")
      print("note: \(p.key) selects a list item by position; calibrated.yaml gives it as a --set line")
    }
    lines += uncertaintyLines(fitted.map(\.0), ranges: ranges)
    let path = (out as NSString).appendingPathComponent("calibrated.yaml")
    try writeAtomically(lines.joined(separator: "\n") + "\n", to: path)
    print("")
    print("wrote \(path) (run it: onestop run \(path))")
  }
}
