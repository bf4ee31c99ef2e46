import Foundation
import OneStopModel

/// The result of one row: every collected KPI's value in every replication. Written to
/// `DIR/rows/<id>.json` atomically; its manifest hash ties it to the plan, so a result
/// from another plan (or a half-written file, which never gets the final name) never
/// counts as done.
public struct RowResult: Sendable, Equatable {
  public let id: String
  public let manifestHash: String
  public let seed: UInt64
  public let values: [String]
  /// Per KPI (in the manifest's order), the value of each replication.
  public let kpis: [(String, [Double])]

  public static func == (a: RowResult, b: RowResult) -> Bool {
    a.id == b.id && a.manifestHash == b.manifestHash && a.seed == b.seed && a.values == b.values
      && a.kpis.map(\.0) == b.kpis.map(\.0) && a.kpis.map(\.1) == b.kpis.map(\.1)
  }

  public init(id: String, manifestHash: String, seed: UInt64, values: [String], kpis: [(String, [Double])]) {
    self.id = id
    self.manifestHash = manifestHash
    self.seed = seed
    self.values = values
    self.kpis = kpis
  }

  public func json() -> String {
    var lines: [String] = []
    lines.append("  \"id\": \(JSONText.string(id)),")
    lines.append("  \"manifest_hash\": \(JSONText.string(manifestHash)),")
    lines.append("  \"seed\": \(seed),")
    lines.append("  \"values\": [\(values.map(JSONText.string).joined(separator: ", "))],")
    lines.append("  \"kpis\": {")
    lines.append(kpis.map { "    \(JSONText.string($0.0)): [\($0.1.map(JSONText.number).joined(separator: ", "))]" }.joined(separator: ",\n"))
    lines.append("  }")
    return "{\n" + lines.joined(separator: "\n") + "\n}\n"
  }

  /// Reads a row file; nil when it is missing, unreadable, or belongs to another plan.
  public init?(path: String, manifest: Manifest) {
    // JSONDecoder reads doubles exactly; JSONSerialization on Linux does not.
    struct File: Decodable {
      let id: String, manifest_hash: String, seed: UInt64, values: [String]
      let kpis: [String: [Double?]]
    }
    guard let data = FileManager.default.contents(atPath: path), let o = try? JSONDecoder().decode(File.self, from: data),
      o.manifest_hash == manifest.hash
    else { return nil }
    var kpis: [(String, [Double])] = []
    for name in manifest.kpis {
      guard let v = o.kpis[name], v.count == manifest.replications else { return nil }
      kpis.append((name, v.map { $0 ?? .nan }))
    }
    self.init(id: o.id, manifestHash: o.manifest_hash, seed: o.seed, values: o.values, kpis: kpis)
  }

  /// Where row `id`'s result lives in sweep directory `dir`.
  public static func path(id: String, in dir: String) -> String {
    ((dir as NSString).appendingPathComponent("rows") as NSString).appendingPathComponent(id + ".json")
  }
}
