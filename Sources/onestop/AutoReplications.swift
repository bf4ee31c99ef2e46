import ArgumentParser
import DESKernel
import OneStopModel

/// A precision target for `--replications auto`: the 95 % half-width of a KPI, absolute
/// (in the KPI's unit) or relative to its mean (`5%`).
struct PrecisionTarget: ExpressibleByArgument, CustomStringConvertible {
  let kpi: KPI
  let value: Double
  let relative: Bool

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let kpi = KPI.named(parts[0]) else { return nil }
    var text = parts[1]
    relative = text.hasSuffix("%")
    if relative { text.removeLast() }
    guard let v = Double(text), v > 0, v.isFinite else { return nil }
    self.kpi = kpi
    value = v
  }

  init(_ name: String, _ value: Double, relative: Bool) {
    kpi = KPI.named(name)!
    self.value = value
    self.relative = relative
  }

  static let defaults = [
    PrecisionTarget("on_time_rate_of_received", 0.1, relative: false),
    PrecisionTarget("desk_wait_mean", 2, relative: true),
  ]

  /// The half-width this target asks for, given the current mean.
  func goal(mean: Double) -> Double { relative ? value / 100 * abs(mean) : value }

  var description: String { "\(kpi.name) ±\(relative ? fmt(value, 6) + " %" : fmt(value, 6) + " " + kpi.unit)" }
}

/// Sequential replications: run `initial`, then keep adding until every target's 95 %
/// half-width is at most its goal, or `maximum` is reached.
///
/// The batch sizes depend only on the results (never on the thread count), and
/// replication r always uses the streams of (seed, r), so the answer is the same on any
/// number of threads.
enum AutoReplications {
  struct Outcome {
    let results: [RunResult]
    /// Per target: (mean, half-width, goal).
    let status: [(PrecisionTarget, Double, Double, Double)]
    var met: Bool { status.allSatisfy { $0.2 <= $0.3 } }
  }

  static func run(
    _ model: CompiledModel, seed: UInt64, threads: Int?, targets: [PrecisionTarget], initial: Int = 5, maximum: Int,
    progress: (@Sendable (Int, Int, UInt64) -> Void)? = nil
  ) -> Outcome {
    var results: [RunResult] = []
    var next = min(max(initial, 2), maximum)
    while true {
      let first = results.count, upTo = next
      let base = results.reduce(UInt64(0)) { $0 + $1.events }
      results += Replications.run(model, seed: seed, first: first, count: upTo - first, threads: threads) { done, _, events in
        progress?(first + done, upTo, base + events)
      }
      let status = targets.map { t -> (PrecisionTarget, Double, Double, Double) in
        var tally = Tally()
        for r in results { tally.add(t.kpi.value(r, model)) }
        let hw = StudentT.halfWidth(sd: tally.standardDeviation, count: results.count)
        return (t, tally.mean, hw, t.goal(mean: tally.mean))
      }
      let outcome = Outcome(results: results, status: status)
      if outcome.met || results.count >= maximum { return outcome }
      // n (hw / goal)^2 replications would meet the target; grow at most twofold per
      // step, since the estimate of hw is itself noisy.
      let n = Double(results.count)
      let needed = status.map { s -> Double in s.3 > 0 ? n * (s.2 / s.3) * (s.2 / s.3) : 2 * n }.max() ?? n
      next = min(maximum, max(results.count + 1, min(2 * results.count, Int(needed.rounded(.up)))))
    }
  }
}
