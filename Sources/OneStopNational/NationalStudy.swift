import DESKernel
import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopSweep

/// `DIR/national.json`: a planned national study. Every province scenario is built at
/// plan time (a bad file fails here, not on the cluster); the work is cut into tasks of
/// (province x block of replications), the unit of one Slurm array task or GNU parallel
/// job. Province p's replication r uses stream r of the province's seed, so replication r
/// of every province together forms national replication r whichever task ran it.
public struct NationalStudy: Sendable, Equatable, Codable {
  /// One province: its id (the file's base name), scenario file (absolute), the hash of
  /// its scenario (with `sets` applied) and its seed.
  public struct Province: Sendable, Equatable, Codable {
    /// `name` is the scenario description's text before its first comma (`Hà Nội`).
    public let id, name, file, hash: String
    public let seed: UInt64
  }

  /// One task: replications `first ..< first + count` of one province.
  public struct Task: Sendable, Equatable, Codable {
    public let id, province: String
    public let first, count: Int
  }

  public static let formatName = "onestop-national/1"
  public static let maxSeed: UInt64 = (1 << 53) - 1

  public var format = NationalStudy.formatName
  public let seed: UInt64
  public let replications, block: Int
  /// `--set` overrides applied to every province (a national what-if).
  public let sets: [String]
  public let kpis: [String]
  public let provinces: [Province]
  public let tasks: [Task]

  /// Identifies the plan: a task result belongs to it only if it carries this hash.
  public var hash: String {
    var text = "\(NationalStudy.formatName)|\(seed)|\(replications)|\(block)|\(kpis.joined(separator: ","))"
    for p in provinces { text += "\n\(p.id)|\(p.hash)|\(p.seed)" }
    return String(StreamKey.fnv1a(text), radix: 16)
  }

  /// The seed of province `id` in a study seeded with `seed`: the same in every study
  /// with that seed, so two studies (a what-if) are paired province by province.
  public static func provinceSeed(_ seed: UInt64, _ id: String) -> UInt64 {
    SplitMix64.mix(seed ^ StreamKey.fnv1a("national/" + id)) & maxSeed
  }

  /// Plans a study over `files` (one scenario per province). `kpis` empty or `all` in it:
  /// every KPI a province result has (the pooled table, the by-name KPIs, and each
  /// per-level KPI for every level of the first province), so KPIs added to the model
  /// flow through; other names are added after (a per-unit KPI is NaN where the
  /// province has no such unit).
  public init(
    files: [String], seed: UInt64, replications: Int, block: Int, sets: [String], kpis: [String]
  ) throws(ScenarioErrors) {
    guard replications >= 1, replications <= 10_000, block >= 1, seed <= NationalStudy.maxSeed else {
      throw NationalStudy.error("replications must be 1 to 10,000, --block at least 1, the seed at most 2^53 - 1")
    }
    var provinces: [Province] = []
    var issues: [ScenarioIssue] = []
    var levels: [String] = []
    for file in files {
      let path = URL(fileURLWithPath: file).standardizedFileURL.path
      let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      do {
        let (scenario, model) = try Scenario.load(path: path, overrides: sets)
        if levels.isEmpty { levels = model.names.levels }
        provinces.append(
          Province(
            id: id, name: String(scenario.description.split(separator: ",").first ?? Substring(id)), file: path,
            hash: scenario.hash, seed: NationalStudy.provinceSeed(seed, id)))
      } catch {
        issues += error.issues
      }
    }
    if Set(provinces.map(\.id)).count != provinces.count {
      issues.append(NationalStudy.issue("two files share a name"))
    }
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    guard !provinces.isEmpty else { throw NationalStudy.error("no province scenario given") }
    var all = (KPI.all + KPI.byNameOnly).map(\.name)
    for l in levels { all += KPI.perLevel.map { "\($0.0)@\(KPI.levelPrefix)\(l)" } }
    var names: [String] = []
    for k in kpis.isEmpty ? ["all"] : kpis where !names.contains(k) {
      names += k == "all" ? all.filter { !names.contains($0) } : [k]
    }
    let unknown = names.filter { KPI.named($0) == nil }
    if !unknown.isEmpty { throw NationalStudy.error("unknown KPI(s): \(unknown.joined(separator: ", "))") }
    var tasks: [Task] = []
    for p in provinces {
      for first in stride(from: 0, to: replications, by: block) {
        let count = min(block, replications - first)
        tasks.append(Task(id: "\(p.id).r\(first)", province: p.id, first: first, count: count))
      }
    }
    self.seed = seed
    self.replications = replications
    self.block = block
    self.sets = sets
    self.kpis = names
    self.provinces = provinces
    self.tasks = tasks
  }

  /// `national.json`.
  public func json() -> String { JSONText.encode(self) }

  /// Reads `DIR/national.json`.
  public init(directory: String) throws(ScenarioErrors) {
    let path = (directory as NSString).appendingPathComponent("national.json")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw NationalStudy.error("\(path): no plan (run onestop national plan ... --out \(directory) first)")
    }
    guard let o = try? JSONDecoder().decode(NationalStudy.self, from: data), o.format == NationalStudy.formatName,
      o.replications >= 1, o.block >= 1, o.tasks.allSatisfy({ NationalStudy.isSafe($0.id) })
    else { throw NationalStudy.error("\(path): not an onestop national plan (\(NationalStudy.formatName))") }
    self = o
  }

  /// A task id names a file under tasks/: letters, digits, '-', '_' and '.'.
  static func isSafe(_ id: String) -> Bool {
    !id.isEmpty && id.count <= 120 && !id.hasPrefix(".")
      && id.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
      }
  }

  static func issue(_ message: String) -> ScenarioIssue {
    ScenarioIssue(file: "national", line: 0, column: 0, path: "", message: message)
  }

  static func error(_ message: String) -> ScenarioErrors { ScenarioErrors(issues: [issue(message)]) }
}
