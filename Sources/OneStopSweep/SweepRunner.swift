import DESKernel
import Dispatch
import Foundation
import OneStopModel
import OneStopScenario
import Synchronization

/// Runs the rows of a sweep: all of them, or one chunk, skipping rows already done.
///
/// Rows run concurrently (one thread each) when there are at least as many rows to do as
/// jobs; otherwise they run one after another with their replications spread over the
/// jobs. Either way a row's result depends only on its scenario, seed and replications,
/// so results are identical whatever the jobs, the chunking or the order.
public struct SweepRunner: Sendable {
  public let manifest: Manifest
  public let directory: String?
  let base: YNode

  /// A runner writing results under `directory` (nil: keep them in memory, for benchmarks).
  public init(manifest: Manifest, directory: String?) throws(ScenarioErrors) {
    self.manifest = manifest
    self.directory = directory
    base = try ScenarioLoader.load(path: manifest.base)
    let (scenario, _) = try Scenario.build(base, file: manifest.base)
    if scenario.hash != manifest.baseHash {
      throw ScenarioErrors(issues: [ScenarioIssue(file: manifest.base, line: 0, column: 0, path: "",
        message: "changed since the sweep was planned (scenario hash \(manifest.baseHash) -> \(scenario.hash)); plan the sweep again")])
    }
  }

  /// `true` when row `id` has a complete result of this plan.
  public func isDone(_ row: Manifest.Row) -> Bool {
    guard let directory else { return false }
    return RowResult(path: RowResult.path(id: row.id, in: directory), manifest: manifest) != nil
  }

  /// Chunks with at least one row not done, in order.
  public func missingChunks() -> [Int] {
    var missing = Set<Int>()
    for r in manifest.rows where !missing.contains(r.chunk) && !isDone(r) { missing.insert(r.chunk) }
    return missing.sorted()
  }

  /// Runs one row and returns its result (not written).
  public func run(_ row: Manifest.Row, threads: Int) throws -> RowResult {
    var node = base
    for (key, value) in zip(manifest.parameters, row.values) {
      do { try ScenarioLoader.applyOverride("\(key)=\(value)", to: &node) } catch {
        throw SweepError("row \(row.id): \(error)")
      }
    }
    let model: CompiledModel
    do { (_, model) = try Scenario.build(node, file: manifest.base) } catch {
      throw SweepError("row \(row.id): \(error)")
    }
    // The base's hash was checked once (init): the point's scenario is the base with the
    // planned values, so it is the planned scenario.
    let results = Replications.run(model, seed: row.seed, count: manifest.replications, threads: threads)
    if let v = results.flatMap(\.conservationViolations).first {
      throw SweepError("row \(row.id): conservation check failed (a bug in onestop; please report it): \(v)")
    }
    let kpis = manifest.kpis.map { name -> (String, [Double]) in
      let k = KPI.named(name)!
      return (name, results.map { k.value($0, model) })
    }
    return RowResult(id: row.id, manifestHash: manifest.hash, seed: row.seed, values: row.values, kpis: kpis)
  }

  public struct Report: Sendable {
    public var done = 0
    public var skipped = 0
    public var failed: [String] = []
    public var results: [RowResult] = []
  }

  /// Runs `rows` (skipping the ones done) with `jobs` threads in all; `progress` gets
  /// (rows finished, rows to do). Results are written atomically as each row finishes,
  /// so an interrupted run keeps every finished row. Without a directory the results
  /// come back in the report, in row order.
  public func run(_ rows: [Manifest.Row], jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Report {
    let todo = rows.filter { !isDone($0) }
    if let directory {
      try? FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent("rows"), withIntermediateDirectories: true)
    }
    let concurrentRows = todo.count >= jobs ? jobs : 1
    let threadsPerRow = max(1, jobs / concurrentRows)
    let next = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let state = Mutex<(failed: [String], results: [RowResult?])>(([], Array(repeating: nil, count: directory == nil ? todo.count : 0)))
    let directory = self.directory
    DispatchQueue.concurrentPerform(iterations: max(1, min(concurrentRows, todo.count))) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        if k >= todo.count { return }
        do {
          let result = try run(todo[k], threads: threadsPerRow)
          if let directory {
            try writeAtomically(result.json(), to: RowResult.path(id: result.id, in: directory), durable: false)
          } else {
            state.withLock { $0.results[k] = result }
          }
        } catch {
          state.withLock { $0.failed.append("\(error)") }
        }
        progress?(finished.add(1, ordering: .relaxed).newValue, todo.count)
      }
    }
    var report = Report()
    report.skipped = rows.count - todo.count
    state.withLock {
      report.failed = $0.failed.sorted()
      report.results = $0.results.compactMap { $0 }
    }
    report.done = todo.count - report.failed.count
    return report
  }
}
