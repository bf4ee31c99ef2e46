import DESKernel
import ArgumentParser
import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopSweep

/// `onestop bench sweep`: what the sweep machinery costs over running the same points
/// directly.
struct BenchSweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Time a sweep (plan, run with a result file per point, merge) against running the same points in memory.",
    discussion: """
      Direct: every point's scenario is built and its replications run on the same threads, results kept in memory, no \
      files. Sweep: the manifest is planned and written, every point runs through `sweep run` (done-checks, one atomic \
      result file per point) and the results are merged. The two alternate --repeat times; the medians and the \
      overhead are printed.

      Example: scripts/bench-sweep.sh (a 200-point Latin hypercube over the M/M/c scenario).
      """
  )

  @Argument(help: "Sweep file (YAML).")
  var file: String

  @Option(help: "Threads (default: all cores).")
  var jobs: Int?

  @Option(name: .customLong("repeat"), help: "Alternating repetitions of each variant.")
  var repetitions = 3

  @Flag(help: "One JSON object on stdout.")
  var json = false

  func run() throws {
    let sweep: SweepFile, manifest: Manifest
    do {
      sweep = try SweepFile.load(path: file)
      manifest = try Manifest(plan: sweep)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    let jobs = self.jobs ?? AvailableCPUs.count
    let clock = ContinuousClock()
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    var direct: [Double] = [], swept: [Double] = []
    var phases: [(plan: Double, run: Double, merge: Double)] = []
    var reference: [RowResult] = []
    for _ in 0..<repetitions {
      let t0 = clock.now
      let runner = try SweepRunner(manifest: manifest, directory: nil)
      let report = runner.run(manifest.rows, jobs: jobs)
      direct.append(seconds(clock.now - t0))
      reference = report.results

      let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "onestop-bench-sweep-\(UUID().uuidString)"
      ).path
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let t1 = clock.now
      let planned = try Manifest(plan: sweep)
      try FileManager.default.createDirectory(atPath: dir + "/rows", withIntermediateDirectories: true)
      try writeAtomically(planned.json(), to: dir + "/manifest.json")
      let t2 = clock.now
      let loaded = try Manifest(directory: dir)
      let fileRunner = try SweepRunner(manifest: loaded, directory: dir)
      let fileReport = fileRunner.run(loaded.rows, jobs: jobs)
      let t3 = clock.now
      let (found, missing, _) = SweepMerge.collect(loaded, directory: dir)
      let merged = SweepMerge.merge(loaded, results: found, missing: missing)
      try writeAtomically(merged.csv, to: dir + "/results.csv")
      try writeAtomically(merged.json, to: dir + "/summary.json")
      let t4 = clock.now
      swept.append(seconds(t4 - t1))
      phases.append((seconds(t2 - t1), seconds(t3 - t2), seconds(t4 - t3)))
      guard fileReport.failed.isEmpty, missing.isEmpty, found == reference else {
        let diff = zip(found, reference).first { $0 != $1 }
        printError(
          """
            the sweep's results differ from the direct run's: a bug (\(fileReport.failed.prefix(3)), \(missing.count) \
            missing, \(found.count) vs \(reference.count) \
            points\(diff.map { ": \($0.0.id) \($0.0.kpis) vs \($0.1.id) \($0.1.kpis)" } ?? ""))
            """
        )
        throw ExitCode(1)
      }
    }
    printResult(direct: direct, swept: swept, phases: phases, manifest: manifest, jobs: jobs)
  }

  /// Prints the medians (as text, or one JSON line with --json).
  func printResult(
    direct: [Double], swept: [Double], phases: [(plan: Double, run: Double, merge: Double)],
    manifest: Manifest, jobs: Int
  ) {
    let d = direct.sorted()[direct.count / 2], s = swept.sorted()[swept.count / 2]
    // The median of the paired ratios: each sweep against the direct run just before it,
    // which cancels the slow drifts of a shared machine.
    let ratios = zip(swept, direct).map { $0 / $1 }.sorted()
    let overhead = 100 * (ratios[ratios.count / 2] - 1)
    if json {
      /// One benchmark line (scripts/bench-sweep.sh prints it): seconds to 0.1 ms, percent to 0.01.
      struct Line: Encodable {
        let points, replications, jobs: Int
        let direct_s, sweep_s, overhead_pct: Double
      }
      func round(_ x: Double, _ digits: Double) -> Double { (x * digits).rounded() / digits }
      print(
        JSONText.encode(
          Line(
            points: manifest.rows.count, replications: manifest.replications, jobs: jobs,
            direct_s: round(d, 1e4), sweep_s: round(s, 1e4), overhead_pct: round(overhead, 1e2)), expand: 0),
        terminator: "")
    } else {
      print(
        """
          \(manifest.rows.count) points x \(manifest.replications) replications, \(jobs) threads, median of \
          \(repetitions)
          """
      )
      print("  direct (in memory):           \(fmt(d, 3)) s   [\(direct.map { fmt($0, 3) }.joined(separator: ", "))]")
      print("  sweep (plan, files, merge):   \(fmt(s, 3)) s   [\(swept.map { fmt($0, 3) }.joined(separator: ", "))]")
      let p = phases.sorted { $0.run < $1.run }[phases.count / 2]
      print(
        """
            of which plan \(fmt(p.plan, 3)) s, run \(fmt(p.run, 3)) s, merge \(fmt(p.merge, 3)) s (the run with the \
          median run time)
          """
      )
      print("  overhead: \(fmt(overhead, 2)) % (median of the paired ratios)")
    }
  }
}
