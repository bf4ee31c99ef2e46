import DESKernel
import Foundation
import OneStopIO
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

  /// The text the checksum covers: every field, numbers in their written form.
  var checksumText: String {
    var text = "\(id)|\(manifestHash)|\(seed)|\(values.joined(separator: "\u{1f}"))"
    for (name, v) in kpis { text += "\n\(name)|\(v.map(JSONText.number).joined(separator: ","))" }
    return text
  }

  /// FNV-1a of `checksumText`: a point file edited by hand (a KPI changed, a seed
  /// changed) no longer matches. Not a defence against someone who recomputes it.
  public var checksum: String { String(StreamKey.fnv1a(checksumText), radix: 16) }

  /// The point file: its fields, each KPI's values on one line, and the checksum.
  public func json() -> String {
    struct File: Encodable {
      let id, manifest_hash: String
      let seed: UInt64
      let values: [String]
      let kpis: JSONObject<[Double]>
      let checksum: String
    }
    return JSONText.encode(
      File(id: id, manifest_hash: manifestHash, seed: seed, values: values, kpis: JSONObject(kpis), checksum: checksum))
  }

  /// Why a point file does not count as the result of its point.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    /// No file (the point has not run).
    case missing
    /// A file that is not this point's result of this plan: unreadable, another point's,
    /// another plan's, edited after it was written.
    case invalid(String)

    public var description: String {
      switch self {
      case .missing: return "no result"
      case .invalid(let why): return why
      }
    }
  }

  /// Reads row `row`'s file and checks that it is that row's result of this plan: its own
  /// id matches the row (a file copied over another is refused), its manifest hash is
  /// the plan's, its seed and values are the row's, and its checksum matches its content.
  public static func read(_ row: Manifest.Row, in directory: String, manifest: Manifest) -> Result<RowResult, Problem> {
    let path = RowResult.path(id: row.id, in: directory)
    let data: Data
    do { data = try InputFile.data(path, .point, inside: directory) } catch {
      return .failure(error.missing ? .missing : .invalid(error.reason))
    }
    // JSONDecoder reads doubles exactly; JSONSerialization on Linux does not.
    struct File: Decodable {
      let id: String, manifest_hash: String, seed: UInt64, values: [String]
      let kpis: [String: [Double?]]
      let checksum: String?
    }
    guard let o = try? JSONDecoder().decode(File.self, from: data) else {
      return .failure(.invalid("not a point result (damaged or not written by onestop)"))
    }
    guard o.id == row.id else {
      return .failure(.invalid("holds point \(o.id), not \(row.id) (copied over another point's file?)"))
    }
    guard o.manifest_hash == manifest.hash else {
      return .failure(
        .invalid("belongs to another plan (manifest hash \(o.manifest_hash), this plan's is \(manifest.hash))"))
    }
    guard o.seed == row.seed, o.values == row.values else {
      return .failure(.invalid("its seed or parameter values are not the plan's"))
    }
    var kpis: [(String, [Double])] = []
    for name in manifest.kpis {
      guard let v = o.kpis[name], v.count == manifest.replications else {
        return .failure(.invalid("KPI \(name) missing or without \(manifest.replications) replications"))
      }
      kpis.append((name, v.map { $0 ?? .nan }))
    }
    let result = RowResult(id: o.id, manifestHash: o.manifest_hash, seed: o.seed, values: o.values, kpis: kpis)
    guard let sum = o.checksum else {
      return .failure(.invalid("no checksum (written by an older onestop; run the point again)"))
    }
    guard sum == result.checksum, o.kpis.count == manifest.kpis.count else {
      return .failure(
        .invalid("checksum mismatch: edited after it was written (checksum \(sum), content \(result.checksum))"))
    }
    return .success(result)
  }

  /// Where row `id`'s result lives in sweep directory `dir`.
  public static func path(id: String, in dir: String) -> String {
    ((dir as NSString).appendingPathComponent("rows") as NSString).appendingPathComponent(id + ".json")
  }
}
