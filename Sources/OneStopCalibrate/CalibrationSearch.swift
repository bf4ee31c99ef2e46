import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import OneStopIO

/// A scenario key the calibration may move, within bounds (`--param key.path=LOW..HIGH`).
/// Integer bounds on a key that holds an integer make an integer parameter.
public struct CalibrationParameter: Sendable {
  public let key: String
  public let low: Double
  public let high: Double
  public let integer: Bool
  /// The unit the scenario writes after the number (`h`, `m`, `wd`, `%`), kept on every value.
  public let suffix: String

  public init(key: String, low: Double, high: Double, integer: Bool, suffix: String = "") {
    self.key = key
    self.low = low
    self.high = high
    self.integer = integer
    self.suffix = suffix
  }

  /// The value at position `u` in [0, 1] of the range.
  public func value(at u: Double) -> Double {
    let v = low + u * (high - low)
    return integer ? v.rounded() : v
  }

  public func text(_ v: Double) -> String {
    (integer ? String(Int(v)) : JSONText.number((v * 1e6).rounded() / 1e6)) + suffix
  }
}

/// A problem the user can act on.
public struct CalibrationError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public init(_ message: String) { description = message }
}

/// Fits parameters to a target file on common random numbers: every candidate runs on the
/// same seed and replications, so the search compares parameters, not luck. The objective
/// is the weighted misfit over every figure but the inputs, sum of weight x ((simulated
/// mean - report) / (tolerance + precision))^2 (`TargetCheck.misfit`), plus a
/// plausibility penalty when a back office runs above `maxUtilisation` % over the run (a
/// report that says a pool was overloaded can raise the bound). A space-filling screen (a
/// Latin hypercube) picks the start of a Nelder-Mead search. Every candidate is appended to
/// `journal`, so a rerun replays what is done and goes on.
public final class CalibrationSearch {
  /// One candidate's outcome, as journaled: its parameter values, each target's value per
  /// replication, the misfit, the busiest back office's utilisation and the objective the
  /// search minimises (misfit plus the penalty for an overloaded office).
  public struct Evaluation: Sendable {
    public let values: [Double]
    /// Per target, one value per replication.
    public let kpis: [[Double]]
    public let misfit: Double
    public let maxUtilisation: Double
    public let objective: Double
  }

  public let targets: TargetFile
  public let overrides: [String]
  public let parameters: [CalibrationParameter]
  public let seed: UInt64
  public let replications: Int
  public let threads: Int
  public let maxUtilisation: Double
  public private(set) var evaluations = 0
  public private(set) var runs = 0
  private(set) var cache: [String: Evaluation] = [:]
  /// The scenario with the user's `--set`, loaded at the first evaluation.
  private var base: ScenarioBase?
  private let journal: String?
  private let log: (String) -> Void

  public init(
    targets: TargetFile, overrides: [String], parameters: [CalibrationParameter], seed: UInt64, replications: Int,
    threads: Int, maxUtilisation: Double = 90, journal: String? = nil, log: @escaping (String) -> Void = { _ in }
  ) {
    self.targets = targets
    self.overrides = overrides
    self.parameters = parameters
    self.seed = seed
    self.replications = replications
    self.threads = threads
    self.maxUtilisation = maxUtilisation
    self.journal = journal
    self.log = log
    if let journal {
      loadJournal(journal)
    }
  }

  /// Reads the journal through the input guard; only lines whose checksum matches count
  /// (a damaged or edited line is skipped and its candidate runs again).
  private func loadJournal(_ journal: String) {
    let text: String
    do { text = try InputFile.text(journal, .journal) } catch {
      if !error.missing { log("not resuming: \(error)") }
      return
    }
    let (objects, damaged) = JournalChecksum.objects(in: text)
    for line in objects {
      // JSONDecoder reads doubles exactly.
      guard let o = try? JSONDecoder().decode(JournalLine.self, from: Data(line.utf8)), o.key == journalKey,
        o.values.count == parameters.count, o.kpis.count == targets.kpis.count,
        o.kpis.allSatisfy({ $0.count == replications }), o.max_utilisation.isFinite
      else { continue }
      cache[cacheKey(o.values)] = finish(o.values, o.kpis.map { $0.map { $0 ?? .nan } }, o.max_utilisation)
    }
    if damaged > 0 {
      log("\(journal): skipped \(damaged) line(s) without a matching checksum (damaged, edited or older)")
    }
    if !cache.isEmpty { log("resuming: \(cache.count) candidates already run in \(journal)") }
  }

  /// One line of `calibration.jsonl`: a candidate, its targets' values per replication
  /// and its busiest back office.
  struct JournalLine: Codable {
    let key: String
    let values: [Double]
    let kpis: [[Double?]]
    let max_utilisation: Double
  }

  private var journalKey: String {
    """
      \(targets.file)|\(overrides.joined(separator: ";"))|\(seed)|\(replications)|\
      \(parameters.map(\.key).joined(separator: ";"))
      """
  }

  private func cacheKey(_ v: [Double]) -> String { zip(parameters, v).map { $0.text($1) }.joined(separator: ",") }

  private func finish(_ values: [Double], _ kpis: [[Double]], _ u: Double) -> Evaluation {
    // Every figure but the inputs (which the scenario sets), scaled by its tolerance and
    // precision, as `TargetCheck.misfit`; rank targets are checked, not fitted.
    let misfit = TargetCheck(targets, perKPI: kpis).misfit
    let penalty = u > maxUtilisation ? 1_000 * (u - maxUtilisation) : 0
    return Evaluation(values: values, kpis: kpis, misfit: misfit, maxUtilisation: u, objective: misfit + penalty)
  }

  /// The scenario with the `--set` overrides and parameter values `values`, compiled: what
  /// a candidate runs, and what the fitted values are checked with on held-out seeds.
  public func model(_ values: [Double]) throws(CalibrationError) -> CompiledModel {
    do {
      // The scenario is read once; each point is its values as typed overrides, compiled once.
      if base == nil { base = try ScenarioBase(path: targets.scenario, sets: overrides) }
      let point = try zip(parameters, values).map { p, v throws(ScenarioIssue) in
        try ScenarioOverride(path: p.key, value: YNode(.scalar(p.text(v)), file: "--set \(p.key)", line: 0, column: 0))
      }
      return try base!.build(point).1
    } catch {
      throw CalibrationError("\(cacheKey(values)) does not build:\n\(error)")
    }
  }

  /// Runs the scenario with parameter values `values` (already rounded for integers).
  public func evaluate(_ values: [Double]) throws(CalibrationError) -> Evaluation {
    evaluations += 1
    let key = cacheKey(values)
    if let e = cache[key] { return e }
    let model = try self.model(values)
    var series = KPISeries(targets.kpis.map { KPI.named($0)! } + [Self.busiestBackOffice], model: model)
    Replications.run(model, seed: seed, count: replications, threads: threads, into: &series)
    runs += series.count
    let kpis = Array(series.values.dropLast())
    let u = series.values.last!.reduce(0.0, max)
    let e = finish(values, kpis, u)
    cache[key] = e
    if let journal {
      let line = JournalLine(
        key: journalKey, values: values, kpis: kpis.map { $0.map { $0.isFinite ? $0 : nil } }, max_utilisation: u)
      appendJournalLine(
        JournalChecksum.sealed(JSONText.encode(line, expand: 0).trimmingCharacters(in: .newlines)) + "\n", to: journal)
    }
    log(
      """
          [\(evaluations)] \(key): misfit \(String(format: "%.2f", e.misfit)), busiest back office \
        \(String(format: "%.1f", u)) %
        """
    )
    return e
  }

  /// The utilisation (%) of the busiest back office (online intake aside) over the run:
  /// the plausibility bound's measure.
  static let busiestBackOffice = KPI("busiest_back_office_utilisation", .percent) { r, model in
    var u = 0.0
    for (s, station) in model.stations.enumerated() where !station.isOnlineIntake && r.stations[s].availableSeconds > 0
    {
      u = max(u, 100 * r.stations[s].busySeconds / r.stations[s].availableSeconds)
    }
    return u
  }

  /// The screen (`screen` Latin-hypercube points, plus the scenario as it is when
  /// `current` is given), then Nelder-Mead from the best of them, `iterations` runs at most.
  public func run(screen: Int, iterations: Int, current: [Double]?) throws(CalibrationError) -> Evaluation {
    var best: Evaluation?
    func consider(_ e: Evaluation) { if best == nil || e.objective < best!.objective { best = e } }
    if let current { consider(try evaluate(current)) }
    log("screen: \(screen) points (Latin hypercube)")
    for u in latinHypercube(points: screen, dimensions: parameters.count, seed: seed) {
      consider(try evaluate(zip(parameters, u).map { $0.value(at: $1) }))
    }
    guard let start = best else { throw CalibrationError("nothing to search: give --param KEY=LOW..HIGH") }
    log("local search (Nelder-Mead) from \(cacheKey(start.values))")
    let position = zip(parameters, start.values).map { p, v in p.high > p.low ? (v - p.low) / (p.high - p.low) : 0 }
    let search = NelderMead(maxEvaluations: iterations, tolerance: 1e-3)
    _ = try search.minimise(from: position) { (u: [Double]) throws(CalibrationError) -> Double in
      let e = try self.evaluate(zip(self.parameters, u).map { $0.value(at: $1) })
      consider(e)
      return e.objective
    }
    return best!
  }
}
