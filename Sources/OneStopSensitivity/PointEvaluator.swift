import DESKernel
import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario

/// Runs design points on common random numbers: every point is the scenario with its
/// parameters' values as typed overrides, run on the same master seed and replications
/// 0 ..< n, so two points differ by their parameters, not by the luck of the draw (and a
/// parameter the model never reads for a KPI gives that KPI exactly the same value).
///
/// Each point's KPI values per replication are kept (by the texts of its values) and
/// appended to `journal`, one JSON line per point with a checksum of its content, so an
/// interrupted study resumes where it stopped and an edited or damaged line is run again.
public final class PointEvaluator {
  /// The scenario with the user's `--set`.
  public let base: ScenarioBase
  public let kpis: [KPI]
  public let seed: UInt64
  public let replications: Int
  public let threads: Int?
  /// Replications run so far (points found in the journal excluded).
  public private(set) var replicationsRun = 0
  /// Points found in the journal.
  public private(set) var resumed = 0
  /// Journal lines refused (another study's lines are not counted).
  public private(set) var refused = 0
  private var cache: [String: [[Double]]] = [:]
  private let journal: String?
  private let studyKey: String
  private let warmup: Warmup?

  /// An evaluator of `kpis` on `replications` replications of `seed`. `identity` names the
  /// study in the journal (the scenario, its overrides): lines of another study are ignored.
  /// `warmup`, when given, replaces the scenario's (as `run --warmup` does).
  public init(
    base: ScenarioBase, identity: String, kpis: [KPI], seed: UInt64, replications: Int, threads: Int?,
    journal: String? = nil, warmup: Warmup? = nil
  ) {
    self.base = base
    self.warmup = warmup
    self.kpis = kpis
    self.seed = seed
    self.replications = replications
    self.threads = threads
    self.journal = journal
    studyKey = "\(identity)|\(seed)|\(replications)|\(kpis.map(\.name).joined(separator: ";"))"
    if let journal { load(journal) }
  }

  /// The override texts of a point: `key=value` per parameter, in order.
  public static func describe(_ parameters: [SensitivityParameter], at u: [Double]) -> String {
    zip(parameters, u).map { p, x in "\(p.key)=\(p.text(p.value(at: x)))" }.joined(separator: "; ")
  }

  /// Compiles the scenario at position `u` of `parameters` (the others as the file has them).
  public func model(_ parameters: [SensitivityParameter], at u: [Double]) throws(SensitivityError) -> CompiledModel {
    do {
      let overrides = try zip(parameters, u).map { p, x throws(ScenarioIssue) in try p.override(at: x) }
      return try base.build(overrides, warmup: warmup).1
    } catch let issue as ScenarioIssue {
      throw SensitivityError("\(Self.describe(parameters, at: u)) does not build:\n\(issue)")
    } catch {
      throw SensitivityError("\(Self.describe(parameters, at: u)) does not build:\n\(error)")
    }
  }

  /// Per KPI, the values of every replication at position `u` of `parameters`.
  public func values(_ parameters: [SensitivityParameter], at u: [Double]) throws(SensitivityError) -> [[Double]] {
    let key = Self.describe(parameters, at: u)
    if let known = cache[key] { return known }
    let model = try model(parameters, at: u)
    var series = KPISeries(kpis, model: model)
    Replications.run(model, seed: seed, count: replications, threads: threads, into: &series)
    if !series.violations.isEmpty {
      throw SensitivityError(
        "\(key): conservation check failed (a bug): \(series.violations.prefix(3).joined(separator: "; "))")
    }
    replicationsRun += series.count
    cache[key] = series.values
    if let journal {
      appendJournalLine(JournalLine(study: studyKey, point: key, kpis: series.values).text, to: journal)
    }
    return series.values
  }

  /// Per point, per KPI, the mean over the replications; `progress` after each point
  /// (points done, points in all).
  public func means(
    _ parameters: [SensitivityParameter], points: [[Double]],
    progress: ((Int, Int) -> Void)? = nil
  ) throws(SensitivityError) -> [[Double]] {
    var out: [[Double]] = []
    out.reserveCapacity(points.count)
    for (i, u) in points.enumerated() {
      out.append(try values(parameters, at: u).map { Estimate($0).mean })
      progress?(i + 1, points.count)
    }
    return out
  }

  /// Takes the values of every replication of the point at position `u` as run elsewhere
  /// (a sweep's row: `sensitivity --from-sweep`), per KPI in `kpis` order.
  public func preload(_ parameters: [SensitivityParameter], at u: [Double], values: [[Double]]) {
    cache[Self.describe(parameters, at: u)] = values
  }

  /// Whether the point is already known (run or found in the journal).
  public func isKnown(_ parameters: [SensitivityParameter], at u: [Double]) -> Bool {
    cache[Self.describe(parameters, at: u)] != nil
  }

  // MARK: - Journal

  /// One line of `sensitivity.jsonl`: the study, the point (its overrides), every KPI's
  /// value per replication, and the FNV-1a checksum of those three.
  struct JournalLine: Codable {
    let study: String
    let point: String
    let kpis: [[Double?]]
    let checksum: String

    init(study: String, point: String, kpis: [[Double]]) {
      self.study = study
      self.point = point
      self.kpis = kpis.map { $0.map { $0.isFinite ? $0 : nil } }
      checksum = Self.checksum(study, point, self.kpis)
    }

    static func checksum(_ study: String, _ point: String, _ kpis: [[Double?]]) -> String {
      let numbers = kpis.map { $0.map { $0.map(JSONText.number) ?? "null" }.joined(separator: ",") }.joined(
        separator: ";")
      return String(StreamKey.fnv1a("\(study)|\(point)|\(numbers)"), radix: 16)
    }

    var text: String { JSONText.encode(self, expand: 0) }
  }

  private func load(_ path: String) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    for line in text.split(separator: "\n") {
      // JSONDecoder reads doubles exactly; a partial last line of an interrupted run does
      // not decode and is counted as refused, so its point runs again.
      guard let entry = try? JSONDecoder().decode(JournalLine.self, from: Data(line.utf8)) else {
        refused += 1
        continue
      }
      guard entry.study == studyKey else { continue }
      guard entry.checksum == JournalLine.checksum(entry.study, entry.point, entry.kpis),
        entry.kpis.count == kpis.count,
        entry.kpis.allSatisfy({ $0.count == replications })
      else {
        refused += 1
        continue
      }
      if cache[entry.point] == nil { resumed += 1 }
      cache[entry.point] = entry.kpis.map { $0.map { $0 ?? .nan } }
    }
  }
}
