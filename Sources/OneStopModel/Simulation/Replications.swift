import DESKernel
import Dispatch
import Synchronization

/// Runs independent replications of a compiled model on several threads.
///
/// Replication r always uses the streams of (seed, r), whatever thread runs it, and the
/// results come back in replication order, so every aggregate is bit-identical for any
/// number of threads.
public enum Replications {
  /// Progress after each finished replication: (finished, total, events so far).
  public typealias Progress = @Sendable (Int, Int, UInt64) -> Void

  /// Runs replications `first ..< first + count` of `model` with `threads` threads
  /// (default: all cores) and returns their results in order. Replication
  /// `traceReplication`, when given and in range, records its trace.
  public static func run(
    _ model: CompiledModel, seed: UInt64, first: Int = 0, count: Int, threads: Int? = nil,
    traceReplication: Int? = nil, progress: Progress? = nil
  ) -> [RunResult] {
    precondition(count >= 0 && first >= 0)
    let workers = max(1, min(threads ?? defaultThreads, max(count, 1)))
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let events = Atomic<UInt64>(0)
    let results = Mutex<[RunResult?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        if k >= count { return }
        let r = OneStopSimulation.run(model, seed: seed, replication: UInt64(first + k), trace: first + k == traceReplication)
        results.withLock { $0[k] = r }
        let e = events.add(r.events, ordering: .relaxed).newValue
        let d = done.add(1, ordering: .relaxed).newValue
        progress?(d, count, e)
      }
    }
    return results.withLock { $0.map { $0! } }
  }

  /// The number of CPUs this process may use (its affinity mask and CPU quota).
  public static var defaultThreads: Int {
    AvailableCPUs.count
  }
}
