import DESKernel
import Dispatch
import Foundation
import OneStopIO
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
    // The base is read, not compiled: the plan compiled it (and every point), and a base
    // read to the same configuration compiles the same; each point is compiled once, by
    // the process that runs it (`run`).
    let hash = try Scenario.readHash(base, file: manifest.base)
    if hash != manifest.baseHash {
      throw ScenarioErrors(issues: [
        ScenarioIssue(
          file: manifest.base, line: 0, column: 0, path: "",
          message:
            "changed since the sweep was planned (scenario hash \(manifest.baseHash) -> \(hash)); plan the sweep again")
      ])
    }
  }

  /// `true` when row `id` has a complete result of this plan.
  public func isDone(_ row: Manifest.Row) -> Bool {
    guard let directory else { return false }
    if case .success = RowResult.read(row, in: directory, manifest: manifest) { return true }
    return false
  }

  /// Chunks with at least one row not done, in order.
  public func missingChunks() -> [Int] {
    var missing = Set<Int>()
    for r in manifest.rows where !missing.contains(r.chunk) && !isDone(r) { missing.insert(r.chunk) }
    return missing.sorted()
  }

  /// Runs one row and returns its result (not written).
  public func run(_ row: Manifest.Row, threads: Int) throws -> RowResult {
    // The manifest holds each value as `--set` text: parsed once here, applied to the
    // base tree loaded once (init), compiled once.
    let model: CompiledModel
    do {
      let overrides = try zip(manifest.parameters, row.values).map { key, value throws(ScenarioIssue) in
        try ScenarioOverride.parse("\(key)=\(value)")
      }
      (_, model) = try ScenarioBase(root: base, file: manifest.base).build(overrides)
    } catch {
      throw SweepError("row \(row.id): \(error)")
    }
    // The base's hash was checked once (init): the point's scenario is the base with the
    // planned values, so it is the planned scenario.
    // The manifest's reader refused unknown KPIs; a manifest built in code is checked here.
    let measures = manifest.kpis.compactMap(KPI.named)
    guard measures.count == manifest.kpis.count, manifest.replications >= 1 else {
      throw SweepError("row \(row.id): the manifest names an unknown KPI or no replications; plan the sweep again")
    }
    var series = KPISeries(measures, model: model)
    Replications.run(model, seed: row.seed, count: manifest.replications, threads: threads, into: &series)
    if let v = series.violations.first {
      throw SweepError("row \(row.id): conservation check failed (a bug in onestop; please report it): \(v)")
    }
    let kpis = Array(zip(manifest.kpis, series.values))
    return RowResult(id: row.id, manifestHash: manifest.hash, seed: row.seed, values: row.values, kpis: kpis)
  }

  /// What a runner did with its chunk: rows run, rows already done, rows that failed (with
  /// the reason) and their results.
  public struct Report: Sendable {
    public var done = 0
    public var skipped = 0
    public var failed: [String] = []
    public var results: [RowResult] = []
    /// Points another process ran while this one waited for them.
    public var byOthers = 0
  }

  /// Runs `rows` (skipping the ones done) with `jobs` threads in all; `progress` gets
  /// (rows finished, rows to do). Results are written atomically as each row finishes,
  /// so an interrupted run keeps every finished row. Without a directory the results
  /// come back in the report, in row order.
  ///
  /// Several processes may run the same sweep directory at once (two `sweep run` on one
  /// machine, array tasks sharing a network file system): a point is run only by the
  /// process holding the lock on its claim file `rows/.<id>.claim` (`flock`, released by
  /// the kernel when the process exits or dies, so a killed run leaves no stale claim).
  /// Points claimed by another process are left to it and waited for at the end; if it
  /// died without a result, this process runs them.
  public func run(_ rows: [Manifest.Row], jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Report {
    let todo = rows.filter { !isDone($0) }
    if let directory {
      try? FileManager.default.createDirectory(
        atPath: (directory as NSString).appendingPathComponent("rows"), withIntermediateDirectories: true)
    }
    let concurrentRows = todo.count >= jobs ? jobs : 1
    let threadsPerRow = max(1, jobs / concurrentRows)
    let finished = Atomic<Int>(0)
    struct State {
      var failed: [String] = []; var results: [RowResult?]; var deferred: [Int] = []; var done = 0; var byOthers = 0
    }
    let state = Mutex<State>(State(results: Array(repeating: nil, count: directory == nil ? todo.count : 0)))
    let directory = self.directory
    /// Runs point k if this process gets its claim; `wait` blocks until the claim is free.
    @Sendable func attempt(_ k: Int, wait: Bool) {
      var claim: PointClaim?
      if let directory {
        switch PointClaim.take(id: todo[k].id, in: directory, wait: wait) {
        case .taken(let c): claim = c
        case .busy:
          state.withLock { $0.deferred.append(k) }
          return
        case .failed(let why):
          state.withLock { $0.failed.append("row \(todo[k].id): \(why)") }
          progress?(finished.add(1, ordering: .relaxed).newValue, todo.count)
          return
        }
      }
      defer { claim?.release() }
      if claim != nil && isDone(todo[k]) {
        // Another process finished it while this one waited, or between the first check
        // and the claim.
        state.withLock { $0.byOthers += 1 }
      } else {
        do {
          let result = try run(todo[k], threads: threadsPerRow)
          if let directory {
            try writeAtomically(result.json(), to: RowResult.path(id: result.id, in: directory), durable: false)
          } else {
            state.withLock { $0.results[k] = result }
          }
          state.withLock { $0.done += 1 }
        } catch {
          state.withLock { $0.failed.append("\(error)") }
        }
      }
      progress?(finished.add(1, ordering: .relaxed).newValue, todo.count)
    }
    func pass(_ indices: [Int], wait: Bool) {
      let next = Atomic<Int>(0)
      DispatchQueue.concurrentPerform(iterations: max(1, min(concurrentRows, indices.count))) { _ in
        while true {
          let k = next.add(1, ordering: .relaxed).oldValue
          if k >= indices.count { return }
          attempt(indices[k], wait: wait)
        }
      }
    }
    pass(Array(todo.indices), wait: false)
    // Points another process holds: wait for each claim, then take the point over if
    // that process died without a result.
    let deferred = state.withLock { s -> [Int] in
      let d = s.deferred.sorted()
      s.deferred = []
      return d
    }
    if !deferred.isEmpty { pass(deferred, wait: true) }
    var report = Report()
    report.skipped = rows.count - todo.count
    state.withLock {
      report.failed = $0.failed.sorted()
      report.results = $0.results.compactMap { $0 }
      report.done = $0.done
      report.byOthers = $0.byOthers
    }
    return report
  }
}

/// The claim on one sweep point: an exclusive `flock` on `rows/.<id>.claim`, held while
/// the point runs. The file holds the claimant's host and pid (for people looking); the
/// lock, not the file, is the claim, so a claim file left by a killed process is free.
final class PointClaim: @unchecked Sendable {
  enum Outcome { case taken(PointClaim), busy, failed(String) }

  let path: String
  private var fd: Int32

  private init(path: String, fd: Int32) {
    self.path = path
    self.fd = fd
  }

  static func path(id: String, in directory: String) -> String {
    ((directory as NSString).appendingPathComponent("rows") as NSString).appendingPathComponent(".\(id).claim")
  }

  static func take(id: String, in directory: String, wait: Bool) -> Outcome {
    let path = PointClaim.path(id: id, in: directory)
    while true {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      if fd < 0 { return .failed("cannot create the claim file \(path): \(String(cString: strerror(errno)))") }
      var r: Int32
      repeat { r = flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) } while r != 0 && errno == EINTR
      if r != 0 {
        let e = errno
        close(fd)
        if e == EWOULDBLOCK { return .busy }
        return .failed("cannot lock the claim file \(path): \(String(cString: strerror(e)))")
      }
      // The holder before us may have removed the file after its work: our lock would
      // then be on a file nobody else sees. Lock only the file that is at the path now.
      var a = stat(), b = stat()
      if fstat(fd, &a) == 0, stat(path, &b) == 0, a.st_ino == b.st_ino, a.st_dev == b.st_dev {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let text = "\(String(cString: host)) \(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return .taken(PointClaim(path: path, fd: fd))
      }
      close(fd)
    }
  }

  /// Removes the claim file and releases the lock (in that order, so a process that
  /// opens the path afterwards creates a fresh file).
  func release() {
    guard fd >= 0 else { return }
    unlink(path)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
