import DESKernel
import Foundation
import OneStopIO
import OneStopModel

/// A committed baseline: per KPI, the value of every replication, so that a later run can
/// be tested against it.
struct Baseline {
  var scenario: String
  var seed: UInt64
  var replications: Int
  var hash: String
  var version: String
  var values: [(String, [Double])]
  var units: [String: String]

  /// Most replications a baseline may hold: `check` re-runs every one of them, so a file
  /// that claims 100,000 would run for hours (docs/results.md, "Limits of the inputs").
  static let maxReplications = 200
  /// Largest magnitude of a KPI value: every KPI is far below it (a year of a province is
  /// under 10^8 dossiers), and sums of squares of such values stay finite.
  static let maxValue = 1e15

  init(summary: Summary, hash: String) {
    scenario = summary.scenario.configuration.name
    seed = summary.seed
    replications = summary.replications
    self.hash = hash
    version = OneStopVersion.string
    values = summary.perReplication
    units = Dictionary(uniqueKeysWithValues: summary.kpis.map { ($0.0, $0.1.symbol) })
  }

  /// A problem that makes a baseline file unusable.
  struct Problem: Error, CustomStringConvertible {
    let description: String
  }

  /// Reads the baseline at `path` through the input guard (a regular .json file of at most
  /// 16 MiB); `missing` is set when there is no file.
  static func read(_ path: String) throws(InputFileError) -> Data { try InputFile.data(path, .baseline) }

  /// Reads a baseline and refuses one that cannot be tested against: no KPIs, fewer than
  /// 2 or more than `maxReplications` replications, a KPI without one value per
  /// replication, a value that cannot be a statistic (beyond `maxValue`).
  init(json data: Data) throws {
    // JSONDecoder reads doubles exactly (JSONSerialization on Linux does not), so an
    // unchanged model reproduces the baseline's values bit for bit.
    struct File: Decodable {
      struct KPI: Decodable { let name: String, unit: String?, replications: [Double?] }
      let scenario: String, seed: UInt64, replications: Int, scenario_hash: String, onestop_version: String?,
        kpis: [KPI]
    }
    let o: File
    do { o = try JSONDecoder().decode(File.self, from: data) } catch {
      throw Problem(
        description:
          """
            not an onestop baseline (expected scenario, seed, replications, scenario_hash and kpis with a value per \
            replication)
            """
      )
    }
    guard o.replications >= 1 else {
      throw Problem(
        description: "replications is \(o.replications); a baseline needs a positive count (at least 2) to test against"
      )
    }
    guard o.replications >= 2 else {
      throw Problem(
        description:
          """
            1 replication: a change cannot be tested against one value per KPI; write the baseline again with \
            --update --replications 2 or more
            """
      )
    }
    guard o.replications <= Baseline.maxReplications else {
      throw Problem(
        description:
          """
            replications is \(o.replications); a baseline holds at most \(Baseline.maxReplications) (check re-runs \
            every one)
            """
      )
    }
    guard !o.kpis.isEmpty else {
      throw Problem(description: "no KPIs: there is nothing to check against; write the baseline again with --update")
    }
    guard o.seed <= maxSeed else { throw Problem(description: "seed \(o.seed) is above 2^53 - 1") }
    for k in o.kpis where k.replications.count != o.replications {
      throw Problem(
        description: "KPI \(Self.quoted(k.name)) has \(k.replications.count) values for \(o.replications) replications")
    }
    for k in o.kpis {
      if let (i, v) = k.replications.enumerated().first(where: { abs($0.1 ?? 0) > Baseline.maxValue }) {
        throw Problem(
          description:
            "KPI \(Self.quoted(k.name)): replications[\(i)] is \(v!), not a KPI value (at most 1e15 in magnitude)")
      }
    }
    scenario = o.scenario
    seed = o.seed
    replications = o.replications
    hash = o.scenario_hash
    version = o.onestop_version ?? "?"
    values = o.kpis.map { ($0.name, $0.replications.map { $0 ?? .nan }) }
    units = Dictionary(o.kpis.map { ($0.name, $0.unit ?? "") }, uniquingKeysWith: { a, _ in a })
  }

  static func quoted(_ name: String) -> String { name.count <= 80 ? name : String(name.prefix(80)) + "..." }

  /// The baseline file: per KPI its unit and its value in every replication.
  func json() -> String {
    struct File: Encodable {
      struct KPI: Encodable {
        let name, unit: String
        let replications: [Double]
      }
      let scenario: String
      let seed: UInt64
      let replications: Int
      let scenario_hash, onestop_version: String
      let kpis: [KPI]
    }
    return JSONText.encode(
      File(
        scenario: scenario, seed: seed, replications: replications, scenario_hash: hash, onestop_version: version,
        kpis: values.map { File.KPI(name: $0.0, unit: units[$0.0] ?? "", replications: $0.1) }))
  }
}
