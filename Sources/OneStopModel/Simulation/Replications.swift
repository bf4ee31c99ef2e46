import DESKernel
import Dispatch
import Synchronization

/// Something that takes the results of replications one at a time, in replication order:
/// the running sums of a summary (`ReplicationSummary`), the values of a few KPIs
/// (`KPISeries`). Results are folded in and dropped, so memory does not grow with the
/// number of replications.
public protocol ReplicationConsumer: Sendable {
  /// Takes replication `replication`'s result. Called once per replication, in
  /// increasing replication order, whatever thread ran it.
  mutating func add(_ result: RunResult, replication: Int)
}

/// Runs independent replications of a compiled model on several threads.
///
/// Replication r always uses the streams of (seed, r), whatever thread runs it, and the
/// results reach the consumer in replication order, so every aggregate is bit-identical
/// for any number of threads and any split of the replications into calls.
public enum Replications {
  /// Progress after each finished replication: (finished, total, events so far).
  public typealias Progress = @Sendable (Int, Int, UInt64) -> Void

  /// Runs replications `first ..< first + count` of `model` with `threads` threads
  /// (default: all cores) and folds their results into `consumer` in replication order.
  /// Replication `traceReplication`, when given and in range, records its trace.
  ///
  /// A replication that finishes before an earlier one waits in a reorder buffer; a
  /// thread starts a new replication only while fewer than `2 × threads` are running or
  /// waiting, so at most that many results are in memory at once.
  public static func run<Consumer: ReplicationConsumer>(
    _ model: CompiledModel, seed: UInt64, first: Int = 0, count: Int, threads: Int? = nil,
    traceReplication: Int? = nil, into consumer: inout Consumer, progress: Progress? = nil
  ) {
    precondition(count >= 0 && first >= 0)
    let workers = max(1, min(threads ?? defaultThreads, max(count, 1)))
    let window = DispatchSemaphore(value: 2 * workers)
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let events = Atomic<UInt64>(0)
    let state = Mutex(ReorderBuffer(consumer: consumer, first: first))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        window.wait()
        let k = next.add(1, ordering: .relaxed).oldValue
        if k >= count {
          window.signal()
          return
        }
        let r = OneStopSimulation.run(
          model, seed: seed, replication: UInt64(first + k), trace: first + k == traceReplication)
        let e = events.add(r.events, ordering: .relaxed).newValue
        let folded = state.withLock { $0.deposit(r, index: k) }
        for _ in 0..<folded { window.signal() }
        let d = done.add(1, ordering: .relaxed).newValue
        progress?(d, count, e)
      }
    }
    consumer = state.withLock { $0.consumer }
  }

  /// Runs replications `first ..< first + count` and returns their results in order.
  /// Every result stays in memory: for tests and small runs; commands fold into a
  /// consumer instead.
  public static func run(
    _ model: CompiledModel, seed: UInt64, first: Int = 0, count: Int, threads: Int? = nil,
    traceReplication: Int? = nil, progress: Progress? = nil
  ) -> [RunResult] {
    var all = RunResults()
    run(
      model, seed: seed, first: first, count: count, threads: threads, traceReplication: traceReplication, into: &all,
      progress: progress)
    return all.results
  }

  /// The number of CPUs this process may use (its affinity mask and CPU quota).
  public static var defaultThreads: Int {
    AvailableCPUs.count
  }
}

/// Results that finished out of order, held until every earlier one has been folded.
struct ReorderBuffer<Consumer: ReplicationConsumer>: Sendable {
  var consumer: Consumer
  let first: Int
  private var waiting: [Int: RunResult] = [:]
  private var nextIndex = 0

  init(consumer: Consumer, first: Int) {
    self.consumer = consumer
    self.first = first
  }

  /// Takes result `index` (0-based in the call) and folds every result now in order;
  /// returns how many were folded.
  mutating func deposit(_ result: RunResult, index: Int) -> Int {
    waiting[index] = result
    var folded = 0
    while let r = waiting.removeValue(forKey: nextIndex) {
      consumer.add(r, replication: first + nextIndex)
      nextIndex += 1
      folded += 1
    }
    return folded
  }
}

/// Every result, kept: what `Replications.run` without a consumer returns.
struct RunResults: ReplicationConsumer {
  var results: [RunResult] = []
  mutating func add(_ result: RunResult, replication: Int) { results.append(result) }
}
