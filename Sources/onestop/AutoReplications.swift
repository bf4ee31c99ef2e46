import ArgumentParser
import DESKernel
import OneStopModel
import OneStopIO
import OneStopScenario

/// A precision target for `--replications auto`: the 95 % half-width of a KPI, absolute
/// (in the KPI's unit) or relative to its mean (`5%`).
struct PrecisionTarget: CustomStringConvertible {
  let kpi: KPI
  let value: Double
  let relative: Bool

  /// Parses `KPI=VALUE` or `KPI=N%`; the error says what is wrong, with a suggestion for
  /// a misspelt KPI.
  static func parse(_ argument: String) throws -> PrecisionTarget {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw ValidationError(
        "--precision wants KPI=HALF-WIDTH or KPI=N%, e.g. desk_wait_p90=0.5 or desk_wait_mean=2%, got '\(argument)'.")
    }
    guard let kpi = KPI.named(parts[0]) else {
      let hint =
        suggestion(for: parts[0], in: KPI.all.map(\.name) + KPI.perUnit.map { $0.0 + "@" })
        .map { "; did you mean '\($0)'?" } ?? "; the KPI names are in docs/results.md."
      throw ValidationError("--precision: unknown KPI '\(parts[0])'\(hint)")
    }
    var text = parts[1]
    let relative = text.hasSuffix("%")
    if relative { text.removeLast() }
    guard let v = Double(text), v > 0, v.isFinite else {
      throw ValidationError("--precision \(parts[0]): expected a positive half-width (or N%), got '\(parts[1])'.")
    }
    return PrecisionTarget(kpi: kpi, value: v, relative: relative)
  }

  init(kpi: KPI, value: Double, relative: Bool) {
    self.kpi = kpi
    self.value = value
    self.relative = relative
  }

  init(_ measure: Measure, _ value: Double, relative: Bool) {
    self.init(kpi: KPI.named(measure.name)!, value: value, relative: relative)
  }

  static let defaults = [
    PrecisionTarget(.onTimeRateOfReceived, 0.1, relative: false),
    PrecisionTarget(.deskWaitMean, 2, relative: true),
  ]

  /// The half-width this target asks for, given the current mean.
  func goal(mean: Double) -> Double { relative ? value / 100 * abs(mean) : value }

  var description: String { "\(kpi.name) ±\(relative ? fmt(value, 6) + " %" : fmt(value, 6) + " " + kpi.unit.symbol)" }
}

/// `--precision` and `--max-replications`, for every command that takes `--replications auto`.
struct PrecisionOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      With --replications auto: a KPI's target 95 % half-width (repeatable), e.g. desk_wait_p90=0.5 or \
      desk_wait_p90=2%.
      """,
      valueName: "kpi=value"))
  var precision: [String] = []

  @Option(
    parsing: .unconditional,
    help: "With --replications auto: stop at this many replications even if a target is not met.")
  var maxReplications = 200

  func validate() throws {
    try checkReplications(maxReplications, min: 2, option: "--max-replications")
    _ = try targets()
  }

  /// The targets given, or the defaults.
  func targets() throws -> [PrecisionTarget] {
    precision.isEmpty ? PrecisionTarget.defaults : try precision.map(PrecisionTarget.parse)
  }

  /// `--precision` without `--replications auto` is a mistake.
  func check(with replications: ReplicationCount?) throws {
    if !precision.isEmpty && replications != .auto { throw ValidationError("--precision needs --replications auto.") }
  }
}

/// Sequential replications: run `initial`, then keep adding until every target's 95 %
/// half-width is at most its goal, or `maximum` is reached.
///
/// The batch sizes depend only on the results (never on the thread count), and
/// replication r always uses the streams of (seed, r), so the answer is the same on any
/// number of threads. With several models (`compare`: A and B), every model runs the
/// same replications and every target must be met for each.
enum AutoReplications {
  struct Status {
    let target: PrecisionTarget
    let model: Int
    let mean, halfWidth, goal: Double
    var met: Bool { halfWidth <= goal }
  }

  struct Outcome {
    /// Per model, replications 0 ..< n folded (the targets' KPIs among them).
    let summaries: [ReplicationSummary]
    let status: [Status]
    var met: Bool { status.allSatisfy(\.met) }
    /// Replications run per model.
    var replications: Int { summaries.first?.count ?? 0 }
  }

  static func run(
    _ models: [CompiledModel], seed: UInt64, threads: Int, targets: [PrecisionTarget], initial: Int = 5, maximum: Int,
    extra: [KPI] = [], progress: (@Sendable (Int, Int, UInt64) -> Void)? = nil
  ) -> Outcome {
    // `extra` KPIs are kept per replication after the targets' (compare's scoped KPIs).
    var summaries = models.map { ReplicationSummary(model: $0, targets: targets.map(\.kpi) + extra) }
    var next = min(max(initial, 2), maximum)
    while true {
      let first = summaries[0].count, upTo = next
      for m in models.indices {
        let base = summaries.reduce(UInt64(0)) { $0 + $1.events }
        Replications.run(
          models[m], seed: seed, first: first, count: upTo - first, threads: threads, into: &summaries[m]
        ) {
          done, _, events in progress?(first + done, upTo, base + events)
        }
      }
      var status: [Status] = []
      for m in models.indices {
        for (k, t) in targets.enumerated() {
          let e = summaries[m].targets.estimate(k)
          status.append(Status(target: t, model: m, mean: e.mean, halfWidth: e.halfWidth, goal: t.goal(mean: e.mean)))
        }
      }
      let outcome = Outcome(summaries: summaries, status: status)
      let n = outcome.replications
      if outcome.met || n >= maximum { return outcome }
      // n (hw / goal)^2 replications would meet the target; grow at most twofold per
      // step, since the estimate of hw is itself noisy.
      let needed =
        status.map { s -> Double in
          s.goal > 0 ? Double(n) * (s.halfWidth / s.goal) * (s.halfWidth / s.goal) : 2 * Double(n)
        }.max() ?? Double(n)
      next = min(maximum, max(n + 1, min(2 * n, Int(needed.rounded(.up)))))
    }
  }

  /// Prints the outcome on standard error: each target, met or not, and the count.
  static func report(_ outcome: Outcome, maximum: Int, labels: [String] = []) {
    var e = StandardError()
    for s in outcome.status {
      let label = s.model < labels.count ? "\(labels[s.model]): " : ""
      print(
        """
        precision: \(label)\(s.target.kpi.name) = \(fmt(s.mean, 4)) ± \(fmt(s.halfWidth, 4)) (target ± \
        \(fmt(s.goal, 4))) \(s.met ? "met" : "NOT met")
        """,
        to: &e)
    }
    let n = outcome.replications
    print("precision: \(n) replications\(outcome.met ? "" : ", stopped at --max-replications \(maximum)")", to: &e)
  }
}
