import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import OneStopIO

/// One candidate plan run on the replications of the search: the values of the targets'
/// KPIs per replication, and the pools' offered load (for the warm start).
public struct StaffEvaluation: Sendable {
  public let values: [Int]
  /// Per target, one value per replication (replications 0 ..< n of the master seed).
  public var kpis: [[Double]]
  public var replications: Int { kpis.first?.count ?? 0 }
}

/// Runs candidate plans on common random numbers: every plan uses the same master seed
/// and replication numbers, so the differences between two plans are the plans', not the
/// luck of the draw. Results are cached per plan (and in `journal`, so that an
/// interrupted search resumes where it stopped); asking for more replications of a plan
/// runs only the missing ones.
public final class StaffEvaluator {
  public let path: String
  public let overrides: [String]
  public let variables: [StaffVariable]
  public let targets: [StaffTarget]
  public let seed: UInt64
  public let threads: Int?
  /// Simulation replications run so far (cache hits excluded).
  public private(set) var replicationsRun = 0
  /// Plans evaluated so far (cache hits included).
  public private(set) var evaluations = 0
  public private(set) var cacheHits = 0
  private var cache: [[Int]: StaffEvaluation] = [:]
  /// The scenario with the user's `--set`, loaded at the first plan built.
  private var base: ScenarioBase?
  private let journal: String?
  private let progress: ((String) -> Void)?
  /// Replications done of the plan being run, and its total: a progress line's.
  public var replicationProgress: (@Sendable (Int, Int) -> Void)?
  /// When the evaluator was made: the time the search has taken so far.
  private let searchStarted = Date()

  public init(
    path: String, overrides: [String], variables: [StaffVariable], targets: [StaffTarget], seed: UInt64,
    threads: Int?, journal: String? = nil, progress: ((String) -> Void)? = nil
  ) {
    self.path = path
    self.overrides = overrides
    self.variables = variables
    self.targets = targets
    self.seed = seed
    self.threads = threads
    self.journal = journal
    self.progress = progress
    if let journal { loadJournal(journal) }
  }

  /// The overrides of plan `x` on top of the user's (an option at the scenario's own value
  /// sets nothing).
  public func overrides(_ x: [Int]) -> [String] {
    overrides + zip(variables, x).compactMap { v, n in v.yaml(n).map { "\(v.key)=\($0)" } }
  }

  /// Each option's values parsed once (nil: leave the scenario's value).
  private var parsedChoices: [[YNode?]]?

  private func choiceNodes() throws(StaffError) -> [[YNode?]] {
    if let parsedChoices { return parsedChoices }
    var out: [[YNode?]] = []
    for v in variables {
      var nodes: [YNode?] = []
      for text in v.choices ?? [] {
        guard let text else {
          nodes.append(nil)
          continue
        }
        do { nodes.append(try ScenarioLoader.parse(text, file: "--vary \(v.key)")) } catch {
          throw StaffError("--vary '\(v.key)': the value '\(text)' is not YAML: \(error)")
        }
      }
      out.append(nodes)
    }
    parsedChoices = out
    return out
  }

  /// Compiles plan `x` (errors name the key that failed).
  public func model(_ x: [Int]) throws(StaffError) -> (Scenario, CompiledModel) {
    do { return try build(x) } catch let error as StaffError { throw error } catch {
      throw StaffError("plan \(describe(x)) does not build:\n\(error)")
    }
  }

  /// Why plan `x` does not build (the scenario's own message), or nil when it does.
  public func problem(_ x: [Int]) -> String? {
    do {
      _ = try build(x)
      return nil
    } catch { return "\(error)" }
  }

  private func build(_ x: [Int]) throws -> (Scenario, CompiledModel) {
    // The scenario is read once; each plan is its counts as typed overrides, compiled once.
    if base == nil { base = try ScenarioBase(path: path, sets: overrides) }
    let choices = try choiceNodes()
    var plan: [ScenarioOverride] = []
    for (i, v) in variables.enumerated() {
      if v.isOption {
        if let node = choices[i][x[i]] { plan.append(try ScenarioOverride(path: v.key, value: node)) }
      } else {
        let node = YNode(.scalar(String(x[i])), file: "--set \(v.key)", line: 0, column: 0)
        plan.append(try ScenarioOverride(path: v.key, value: node))
      }
    }
    return try base!.build(plan)
  }

  /// Runs plan `x` on at least `replications` replications.
  public func evaluate(_ x: [Int], replications: Int) throws(StaffError) -> StaffEvaluation {
    evaluations += 1
    var known = cache[x]
    if let known, known.replications >= replications {
      cacheHits += 1
      return known
    }
    let (_, model) = try model(x)
    let first = known?.replications ?? 0
    let started = Date()
    var series = KPISeries(targets.map(\.kpi), model: model)
    let report = replicationProgress
    Replications.run(
      model, seed: seed, first: first, count: replications - first, threads: threads, into: &series
    ) { done, total, _ in report?(done, total) }
    replicationsRun += series.count
    let fresh = series.values
    if known == nil {
      known = StaffEvaluation(values: x, kpis: fresh)
    } else {
      for k in targets.indices { known!.kpis[k] += fresh[k] }
    }
    cache[x] = known!
    append(known!)
    let seconds = Date().timeIntervalSince(started)
    progress?(
      "  [\(evaluations)] \(describe(x, from: reference)): "
        + targets.indices.map { k in "\(targets[k].kpi.name) \(StaffFormat.number(Estimate(known!.kpis[k]).mean))" }
        .joined(separator: ", ")
        + " (\(replications) replications, \(String(format: "%.1f", seconds)) s; "
        + "\(evaluations) plans, \(String(format: "%.0f", Date().timeIntervalSince(searchStarted))) s in all)")
    return known!
  }

  /// The plan the search stands on: progress lines show candidates as changes from it.
  public var reference: [Int]?

  /// `key=value` for the variables that differ from `reference` (default: the base scenario).
  public func describe(_ x: [Int], from reference: [Int]? = nil) -> String {
    let ref = reference ?? variables.map(\.current)
    let changed = variables.indices.filter { ref[$0] != x[$0] }.map { i in
      (reference == nil || variables[i].isOption ? "" : (x[i] > ref[i] ? "+" : "-"))
        + "\(short(variables[i].key))=\(variables[i].text(x[i]))"
    }
    if changed.isEmpty { return reference == nil ? "the base scenario" : "the current plan" }
    return changed.count > 4
      ? "\(changed.prefix(4).joined(separator: " ")) and \(changed.count - 4) more" : changed.joined(separator: " ")
  }

  func short(_ key: String) -> String {
    key.replacingOccurrences(of: ".count", with: "").replacingOccurrences(of: ".officers", with: "")
  }

  // MARK: - Journal

  private var journalKey: String {
    """
    \(path)|\(overrides.joined(separator: ";"))|\(seed)|\(variables.map(\.key).joined(separator: ";"))|\
    \(targets.map(\.kpi.name).joined(separator: ";"))
    """
  }

  private func append(_ e: StaffEvaluation) {
    guard let journal else { return }
    // Options are written by value too, so a resumed run with the values listed in another
    // order (or others added) reads them back by value, not by position.
    let settings = variables.contains(where: \.isOption) ? zip(variables, e.values).map { $0.text($1) } : nil
    let object = JSONText.encode(
      JournalLine(key: journalKey, values: e.values, kpis: e.kpis, settings: settings), expand: 0)
    appendJournalLine(JournalChecksum.sealed(object.trimmingCharacters(in: .newlines)) + "\n", to: journal)
  }

  /// One line of `evaluations.jsonl`: a plan and its targets' values per replication.
  struct JournalLine: Codable {
    let key: String
    let values: [Int]
    let kpis: [[Double?]]
    /// Each key's value as the tables show it, when the search has options.
    let settings: [String]?

    init(key: String, values: [Int], kpis: [[Double]], settings: [String]? = nil) {
      self.key = key
      self.values = values
      self.kpis = kpis.map { $0.map { $0.isFinite ? $0 : nil } }
      self.settings = settings
    }
  }

  /// A journal line's plan: counts as written, options found again by their value.
  private func planValues(_ entry: JournalLine) -> [Int]? {
    guard variables.contains(where: \.isOption) else { return entry.settings == nil ? entry.values : nil }
    guard let settings = entry.settings, settings.count == variables.count else { return nil }
    var values = entry.values
    for (i, v) in variables.enumerated() where v.isOption {
      guard let j = (v.low...v.high).first(where: { v.text($0) == settings[i] }) else { return nil }
      values[i] = j
    }
    return values
  }

  private func loadJournal(_ path: String) {
    let text: String
    do { text = try InputFile.text(path, .journal) } catch {
      if !error.missing { progress?("not resuming: \(error)") }
      return
    }
    var loaded = 0
    let (lines, damaged) = JournalChecksum.objects(in: text)
    if damaged > 0 {
      progress?("\(path): skipped \(damaged) line(s) without a matching checksum (damaged, edited or older)")
    }
    for line in lines {
      // JSONDecoder reads doubles exactly (JSONSerialization on Linux does not); a
      // partial last line of an interrupted run does not decode and is skipped.
      guard let entry = try? JSONDecoder().decode(JournalLine.self, from: Data(line.utf8)), entry.key == journalKey,
        entry.values.count == variables.count, entry.kpis.count == targets.count,
        let n = entry.kpis.first?.count, (1...ModelLimits.replications).contains(n),
        entry.kpis.allSatisfy({ $0.count == n })
      else { continue }
      guard let values = planValues(entry) else { continue }
      let numbers = entry.kpis.map { $0.map { $0 ?? .nan } }
      if let old = cache[values], old.replications >= numbers[0].count { continue }
      cache[values] = StaffEvaluation(values: values, kpis: numbers)
      loaded += 1
    }
    if loaded > 0 { progress?("resuming: \(loaded) plans already evaluated in \(path)") }
  }
}
