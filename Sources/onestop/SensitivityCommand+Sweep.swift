import Foundation
import OneStopIO
import OneStopScenario
import OneStopSensitivity
import OneStopSweep

extension SensitivityCommand {
  /// `--design-only`: the study's points as `DIR/sweep.yaml` (docs/sweeps.md, `design: list`),
  /// with how to run it and how to take its results back.
  func writeDesign(
    _ parameters: [SensitivityParameter], options: SensitivityStudy.Options, name: String, reps: Int, seed: UInt64
  ) throws {
    guard let out, let design = SensitivityStudy.singleStagePoints(inputs: parameters.count, options: options) else {
      return
    }
    let points = SensitivitySweep.distinct(parameters, points: design)
    let path = (out as NSString).appendingPathComponent("sweep.yaml")
    let base = URL(fileURLWithPath: scenario).standardizedFileURL.path
    let sets = overrides.compactMap { text -> (key: String, value: String)? in
      guard let eq = text.firstIndex(of: "=") else { return nil }
      return (String(text[..<eq]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: eq)...]))
    }
    let command = CommandLine.arguments.dropFirst().filter { $0 != "--design-only" }
    let again = (command.map(shellQuoted) + ["--from-sweep", "RUNS"]).joined(separator: " ")
    let stage =
      options.trajectories > 0
      ? "Morris screening, \(plural(options.trajectories, "walk")) on \(options.levels) levels"
      : "Sobol indices of every parameter, \(options.sobolRows) rows"
    let text = SensitivitySweep.file(
      name: "\(name)-sensitivity",
      description: [
        "The design of onestop sensitivity (\(stage)): \(plural(points.count, "point")), "
          + "\(plural(reps, "replication")) each, seed \(seed) at every point (common random numbers).",
        """
          Run it:   onestop sweep plan \(path) --out RUNS && onestop sweep run RUNS   (or scripts/slurm, \
          scripts/parallel)
          """,
        "Then:     onestop \(again)",
      ], base: base, sets: sets, parameters: parameters, points: points, replications: reps, seed: seed,
      kpis: kpis)
    try writeAtomically(text, to: path)
    print("wrote \(path): \(plural(points.count, "point")) of \(plural(parameters.count, "parameter"))")
    print("run it:  onestop sweep plan \(path) --out RUNS && onestop sweep run RUNS && onestop sweep merge RUNS")
    print("then:    onestop \(again)")
  }

  /// `--from-sweep DIR`: every point of the study's (one-stage) design, taken from the rows of
  /// the sweep directory DIR, which must be this study's: the same scenario, KPIs,
  /// replications and seed at every point, and a row for every point.
  func load(
    _ dir: String, into evaluator: PointEvaluator, parameters: [SensitivityParameter],
    options: SensitivityStudy.Options, seed: UInt64
  ) throws(SensitivityError) {
    guard let design = SensitivityStudy.singleStagePoints(inputs: parameters.count, options: options) else { return }
    let manifest: Manifest
    do { manifest = try Manifest(directory: dir) } catch { throw SensitivityError("--from-sweep: \(error)") }
    let kpiNames = evaluator.kpis.map(\.name)
    let base = URL(fileURLWithPath: scenario).standardizedFileURL.path
    var why: [String] = []
    if manifest.base != base { why.append("its base is \(manifest.base), not \(base)") }
    if manifest.kpis != kpiNames { why.append("its KPIs are \(manifest.kpis), not \(kpiNames)") }
    if manifest.replications != evaluator.replications {
      why.append("it runs \(manifest.replications) replications, not \(evaluator.replications)")
    }
    if manifest.seeds != "common" || manifest.seed != seed { why.append("its points do not all run on seed \(seed)") }
    let columns = parameters.map { p in manifest.parameters.firstIndex(of: p.key) }
    if let missing = zip(parameters, columns).first(where: { $0.1 == nil }) {
      why.append("it does not vary \(missing.0.key)")
    }
    if !why.isEmpty {
      throw SensitivityError(
        "--from-sweep \(dir): not this study's sweep (\(why.joined(separator: "; "))); write it with the same "
          + "options and --design-only")
    }
    let (found, _, _) = SweepMerge.collect(manifest, directory: dir)
    var byValues: [[String]: [[Double]]] = [:]
    for row in found {
      let series = Dictionary(row.kpis.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
      byValues[columns.map { row.values[$0!] }] = kpiNames.map { series[$0] ?? [] }
    }
    var absent = 0
    for u in SensitivitySweep.distinct(parameters, points: design) {
      guard let values = byValues[SensitivitySweep.texts(parameters, at: u)] else {
        absent += 1
        continue
      }
      evaluator.preload(parameters, at: u, values: values)
    }
    if absent > 0 {
      throw SensitivityError(
        "--from-sweep \(dir): \(plural(absent, "point")) of the design \(absent == 1 ? "has" : "have") no result; "
          + "run the missing chunks (onestop sweep missing \(dir); onestop sweep run \(dir))")
    }
  }
}

/// `text` as a shell word: unchanged when it is plain, else in single quotes.
func shellQuoted(_ text: String) -> String {
  let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:@,+".contains($0) }
  return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
