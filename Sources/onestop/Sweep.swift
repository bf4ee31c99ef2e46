import DESKernel
import ArgumentParser
import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopSweep

/// `onestop sweep`: plan, run (anywhere), and merge parameter sweeps.
struct Sweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parameter sweeps: plan the points, run them in chunks anywhere, merge the results.",
    discussion: """
      A sweep file names a base scenario, the keys to vary (lists, ranges, or a Latin hypercube over ranges), \
      replications per point and the KPIs to collect (format: docs/sweeps.md).

        # write runs/tq/manifest.json (the points, their seeds and chunks)
        onestop sweep plan scenarios/sweeps/tq-desks-cutoff.yaml --out runs/tq
        # every chunk on this machine, on the CPUs this process may use
        onestop sweep run runs/tq
        # one chunk (a Slurm array task, a GNU parallel job)
        onestop sweep run runs/tq --chunk 3
        # the chunks still to do, e.g. 3,17 (for sbatch --array)
        onestop sweep missing runs/tq
        # runs/tq/results.csv and runs/tq/summary.json
        onestop sweep merge runs/tq

      Each point's result is written atomically to DIR/rows/<id>.json as soon as it is done; a point already done is \
      skipped, so rerunning after a kill or a failed job finishes only what is missing. Scripts for Slurm and GNU \
      parallel: scripts/slurm/ and scripts/parallel/.
      """,
    subcommands: [SweepPlan.self, SweepRun.self, SweepMissing.self, SweepMergeCommand.self]
  )
}

struct SweepPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Check a sweep file and write DIR/manifest.json (points, seeds, chunks); nothing runs.",
    discussion:
      """
        Every point's scenario is built now, so a bad key or value is reported here, with the sweep file's line, not \
        later on a cluster. Planning again into a directory with results keeps the results that still belong to the \
        plan.
        """
  )

  @Argument(help: "Sweep file (YAML).")
  var file: String

  @Option(help: "Sweep directory to create (manifest.json, rows/, logs/).")
  var out: String

  func run() throws {
    let manifest: Manifest
    do {
      let sweep = try SweepFile.load(path: file)
      manifest = try Manifest(plan: sweep)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    for dir in [
      out, (out as NSString).appendingPathComponent("rows"), (out as NSString).appendingPathComponent("logs"),
    ] {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    let path = (out as NSString).appendingPathComponent("manifest.json")
    if let old = try? Manifest(directory: out), old.hash != manifest.hash {
      printError("note: \(path) held another plan (hash \(old.hash)); its row results will not count for this one")
    }
    try writeAtomically(manifest.json(), to: path)
    print(
      """
        \(path): \(manifest.rows.count) points x \(manifest.replications) replications, \(manifest.chunks) chunks of \
        up to \(manifest.chunkSize) points (manifest \(manifest.hash))
        """
    )
    print(
      "next: onestop sweep run \(out)   (or scripts/slurm/submit-sweep.sh \(out), scripts/parallel/run-sweep.sh \(out))"
    )
  }
}

struct SweepRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run one chunk of a planned sweep, or all of them; points already done are skipped.",
    discussion: """
      Several `sweep run` processes may work on one directory at once (on one machine or on a shared file system): \
      each point is run by the process that holds the lock on its claim file rows/.<id>.claim; the others skip it and, \
      at the end, wait for it (and run it if its process died without a result).

      Exit status: 0 when every point asked for is done, 1 when a point failed (the others are kept), 2 for a bad \
      sweep directory or chunk or a usage error.
      """
  )

  @Argument(help: "Sweep directory (from `onestop sweep plan`).")
  var directory: String

  @Option(parsing: .unconditional, help: "Run only this chunk (0-based), e.g. $SLURM_ARRAY_TASK_ID.")
  var chunk: Int?

  @Option(
    name: [.customLong("jobs"), .customLong("threads")], parsing: .unconditional,
    help:
      "Threads (default: the CPUs this process may use, after affinity and cgroup quota). Results do not depend on it.")
  var jobs: Int?

  @Flag(help: "Print no progress on standard error.")
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs).") }
    if let chunk, chunk < 0 { throw ValidationError("--chunk must be 0 or more, got \(chunk).") }
  }

  func run() throws {
    let manifest: Manifest, runner: SweepRunner
    do {
      manifest = try Manifest(directory: directory)
      runner = try SweepRunner(manifest: manifest, directory: directory)
    } catch let e as SweepError {
      printError(e.description)
      throw ExitCode(2)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    var rows = manifest.rows
    if let chunk {
      guard chunk < manifest.chunks else {
        printError("\(directory): chunk \(chunk) does not exist (chunks are 0 to \(manifest.chunks - 1))")
        throw ExitCode(2)
      }
      rows = manifest.rows(inChunk: chunk)
    }
    let jobs = self.jobs ?? AvailableCPUs.count
    let progress = quiet ? nil : ProgressLine(total: rows.count)
    let clock = ContinuousClock()
    let start = clock.now
    let report = runner.run(rows, jobs: jobs) { done, total in progress?.update(rows: done, of: total) }
    progress?.finish()
    let d = clock.now - start
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    let what = chunk.map { "chunk \($0)" } ?? "all chunks"
    if !quiet || !report.failed.isEmpty {
      let others = report.byOthers > 0 ? ", \(report.byOthers) run by another process" : ""
      printError(
        """
          \(directory) \(what): \(report.done) points run, \(report.skipped) already done\(others), \
          \(report.failed.count) failed, \(fmt(seconds, 1)) s
          """
      )
    }
    for f in report.failed { printError("  " + f) }
    if !report.failed.isEmpty { throw ExitCode(1) }
  }
}

struct SweepMissing: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "missing",
    abstract: "Print the chunks that still have points to run, comma-separated (empty when none).",
    discussion: """
      The output is what `sbatch --array=` takes, so resubmitting only what is missing is:
        sbatch --array=$(onestop sweep missing DIR) scripts/slurm/sweep.sbatch

      With --rows, prints the missing point ids instead, one per line.
      """
  )

  @Argument(help: "Sweep directory.")
  var directory: String

  @Flag(help: "List the missing point ids, one per line.")
  var rows = false

  func run() throws {
    let manifest: Manifest, runner: SweepRunner
    do {
      manifest = try Manifest(directory: directory)
      runner = try SweepRunner(manifest: manifest, directory: directory)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    if rows {
      for r in manifest.rows where !runner.isDone(r) { print(r.id) }
    } else {
      print(runner.missingChunks().map(String.init).joined(separator: ","))
    }
  }
}

struct SweepMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge the points' results into DIR/results.csv and DIR/summary.json.",
    discussion: """
      Refuses (exit 1, listing the missing points and their chunks) when a point has no result: a missing point is \
      never counted as zero. Also refuses a point file that is not its point's result of this plan: another point's \
      file copied over it, another plan's, one edited after it was written (its checksum no longer matches) or a \
      damaged one; `onestop sweep run` runs such points again. With --partial, merges what exists and lists what is \
      missing (or refused) in summary.json. The merged files are identical whatever ran the points, in which order, in \
      how many chunks or on how many machines.

      results.csv has one row per point: id, one column per parameter (the sweep file's name:, else the key as a plain \
      name; numbers without their unit, which goes into the column name), seed, replications, and per KPI its mean and \
      95 % interval (columns NAME, NAME_ci95_low, NAME_ci95_high, with the unit suffix _pct, _min, _days or _hours).
      """
  )

  @Argument(help: "Sweep directory.")
  var directory: String

  @Flag(help: "Merge the points that are done even if some are missing.")
  var partial = false

  @Flag(help: "Begin results.csv with a UTF-8 byte-order mark (for Excel on Windows).")
  var csvBom = false

  @OptionGroup var workbook: WorkbookOptions

  func run() throws {
    let manifest: Manifest
    do { manifest = try Manifest(directory: directory) } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    let (found, absent, invalid) = SweepMerge.collect(manifest, directory: directory)
    if !invalid.isEmpty {
      for (row, why) in invalid.prefix(20) {
        printError("\(RowResult.path(id: row.id, in: directory)): refused: \(why)")
      }
      if invalid.count > 20 { printError("  ... and \(invalid.count - 20) more") }
      if !partial {
        printError(
          """
            \(directory): \(invalid.count) point file(s) refused; run those points again (onestop sweep run \
            \(directory)) or merge with --partial
            """
        )
        throw ExitCode(1)
      }
    }
    let notMerged = Set(invalid.map(\.0.id)).union(absent.map(\.id))
    let missing = manifest.rows.filter { notMerged.contains($0.id) }
    if !absent.isEmpty && !partial {
      let chunks = Array(Set(missing.map(\.chunk))).sorted()
      printError(
        """
          \(directory): \(missing.count) of \(manifest.rows.count) points have no result: \
          \(missing.prefix(20).map(\.id).joined(separator: ", "))\(missing.count > 20 ? ", ..." : "")
          """
      )
      printError(
        """
            in chunks \(chunks.map(String.init).joined(separator: ",")); run them (onestop sweep run \(directory) \
          --chunk K) or merge with --partial
          """
      )
      throw ExitCode(1)
    }
    // The base scenario's titles, period and names, when the base is still as planned.
    let words = SweepMerge.words(manifest)
    let outcome = SweepMerge.merge(manifest, results: found, missing: missing, words: words)
    try writeAtomically(
      (csvBom ? "\u{FEFF}" : "") + outcome.csv, to: (directory as NSString).appendingPathComponent("results.csv"))
    try writeAtomically(
      (csvBom ? "\u{FEFF}" : "") + outcome.long, to: (directory as NSString).appendingPathComponent("results-long.csv"))
    try workbook.write(scenarioLanguage: nil) { _ in [("results", outcome.csv)] }
    try writeAtomically(outcome.json, to: (directory as NSString).appendingPathComponent("summary.json"))
    print(
      """
        \(directory)/results.csv: \(found.count) of \(manifest.rows.count) \
        points\(missing.isEmpty ? "" : " (partial: \(missing.count) missing)")
        """
    )
  }
}
