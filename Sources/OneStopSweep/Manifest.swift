import DESKernel
import Dispatch
import Foundation
import Synchronization
import OneStopModel
import OneStopScenario

/// `DIR/manifest.json`: the planned sweep. Every row (a point of the design) has a
/// stable id, its parameter values, its seed and its scenario's hash; rows are grouped
/// into `chunks` (the unit of work of a Slurm array task or a GNU parallel job). Nothing
/// in it depends on when, where or in which order the rows will run.
public struct Manifest: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public let id: String
    public let chunk: Int
    public let seed: UInt64
    public let values: [String]
  }

  public static let format = "onestop-sweep/1"

  public let sweep: String
  public let description: String
  public let sweepFile: String
  /// Absolute path of the base scenario.
  public let base: String
  public let baseHash: String
  public let replications: Int
  public let seed: UInt64
  public let seeds: String
  public let kpis: [String]
  public let parameters: [String]
  public let chunkSize: Int
  public let chunks: Int
  public let rows: [Row]

  /// Identifies the plan (parameters, KPIs, replications, rows): a row result belongs to
  /// this sweep only if it carries the same hash.
  public var hash: String {
    var text = "\(Manifest.format)|\(baseHash)|\(replications)|\(kpis.joined(separator: ","))|\(parameters.joined(separator: ","))"
    for r in rows { text += "\n\(r.id)|\(r.seed)|\(r.values.joined(separator: "\u{1f}"))" }
    return String(StreamKey.fnv1a(text), radix: 16)
  }

  /// Plans `sweep`: builds every point's scenario (so a bad value is reported now, not
  /// on the cluster), derives seeds and assigns chunks.
  public init(plan sweep: SweepFile, threads: Int = Replications.defaultThreads, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(ScenarioErrors) {
    let root = try sweep.loadBase()
    let (baseScenario, baseModel) = try Scenario.build(root, file: sweep.base)
    if let e = sweep.unknownUnits(in: baseModel) { throw e }
    let points = sweep.points()
    let width = max(4, String(max(points.count - 1, 0)).count)
    // Every point's scenario is built (in parallel: it is the plan's whole cost).
    let built = Mutex<[(Row?, [ScenarioIssue])]>(Array(repeating: (nil, []), count: points.count))
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(threads, points.count))) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        if k >= points.count { return }
        let values = points[k]
        let id = "p" + String(repeating: "0", count: width - String(k).count) + String(k)
        let entry: (Row?, [ScenarioIssue])
        do {
          _ = try sweep.scenario(base: root, values: values)
          let seed = sweep.seeds == .common ? sweep.seed : SplitMix64.mix(sweep.seed ^ StreamKey.fnv1a("sweep-point/" + id))
          entry = (Row(id: id, chunk: k / sweep.chunkSize, seed: seed, values: values), [])
        } catch let error as ScenarioErrors {
          entry = (nil, sweep.issue(forPoint: id, values: values, error).issues)
        } catch {
          entry = (nil, [ScenarioIssue(file: sweep.file, line: 0, column: 0, path: "", message: "point \(id): \(error)")])
        }
        built.withLock { $0[k] = entry }
        progress?(done.add(1, ordering: .relaxed).newValue, points.count)
      }
    }
    let entries = built.withLock { $0 }
    let rows = entries.compactMap(\.0)
    let issues = Array(entries.flatMap(\.1).prefix(20))
    if !issues.isEmpty { throw ScenarioErrors(issues: issues) }
    self.sweep = sweep.name
    description = sweep.description
    sweepFile = sweep.file
    base = sweep.base
    baseHash = baseScenario.hash
    replications = sweep.replications
    seed = sweep.seed
    seeds = sweep.seeds.rawValue
    kpis = sweep.kpis
    parameters = sweep.parameters.map(\.key)
    chunkSize = sweep.chunkSize
    chunks = rows.isEmpty ? 0 : rows[rows.count - 1].chunk + 1
    self.rows = rows
  }

  public func json() -> String {
    var lines: [String] = []
    lines.append("  \"format\": \(JSONText.string(Manifest.format)),")
    lines.append("  \"sweep\": \(JSONText.string(sweep)),")
    lines.append("  \"description\": \(JSONText.string(description)),")
    lines.append("  \"sweep_file\": \(JSONText.string(sweepFile)),")
    lines.append("  \"base\": \(JSONText.string(base)),")
    lines.append("  \"base_hash\": \(JSONText.string(baseHash)),")
    lines.append("  \"manifest_hash\": \(JSONText.string(hash)),")
    lines.append("  \"replications\": \(replications),")
    lines.append("  \"seed\": \(seed),")
    lines.append("  \"seeds\": \(JSONText.string(seeds)),")
    lines.append("  \"kpis\": [\(kpis.map(JSONText.string).joined(separator: ", "))],")
    lines.append("  \"parameters\": [\(parameters.map(JSONText.string).joined(separator: ", "))],")
    lines.append("  \"chunk_size\": \(chunkSize),")
    lines.append("  \"chunks\": \(chunks),")
    lines.append("  \"row_count\": \(rows.count),")
    lines.append("  \"rows\": [")
    lines.append(rows.map { r in
      "    {\"id\": \(JSONText.string(r.id)), \"chunk\": \(r.chunk), \"seed\": \(r.seed), \"values\": [\(r.values.map(JSONText.string).joined(separator: ", "))]}"
    }.joined(separator: ",\n"))
    lines.append("  ]")
    return "{\n" + lines.joined(separator: "\n") + "\n}\n"
  }

  /// Reads `DIR/manifest.json`.
  public init(directory: String) throws(SweepError) {
    let path = (directory as NSString).appendingPathComponent("manifest.json")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SweepError("\(path): no manifest (plan the sweep first: onestop sweep plan SWEEP.yaml --out \(directory))")
    }
    // JSONDecoder reads numbers exactly (JSONSerialization on Linux rounds some doubles
    // and large seeds).
    struct File: Decodable {
      struct Row: Decodable {
        let id: String, chunk: Int, seed: UInt64, values: [String]
      }
      let format: String
      let sweep: String, description: String?, sweep_file: String?, base: String, base_hash: String?, manifest_hash: String?
      let replications: Int, seed: UInt64, seeds: String?, kpis: [String], parameters: [String]
      let chunk_size: Int, chunks: Int, rows: [Row]
    }
    guard let o = try? JSONDecoder().decode(File.self, from: data), o.format == Manifest.format else {
      throw SweepError("\(path): not an onestop sweep manifest (\(Manifest.format))")
    }
    var rows: [Row] = []
    for (k, r) in o.rows.enumerated() {
      guard r.values.count == o.parameters.count, r.chunk >= 0, r.chunk < o.chunks else { throw SweepError("\(path): row \(k) is malformed") }
      rows.append(Row(id: r.id, chunk: r.chunk, seed: r.seed, values: r.values))
    }
    self.sweep = o.sweep
    description = o.description ?? ""
    sweepFile = o.sweep_file ?? ""
    base = o.base
    baseHash = o.base_hash ?? ""
    replications = o.replications
    seed = o.seed
    seeds = o.seeds ?? ""
    kpis = o.kpis
    parameters = o.parameters
    chunkSize = o.chunk_size
    chunks = o.chunks
    self.rows = rows
    if let stored = o.manifest_hash, stored != hash {
      throw SweepError("\(path): the manifest was edited after planning (hash \(stored), now \(hash)); plan again")
    }
  }

  /// Rows of chunk `k`.
  public func rows(inChunk k: Int) -> [Row] { rows.filter { $0.chunk == k } }
}

/// A sweep-level problem (missing manifest, missing rows, a failed row): one message,
/// exit status 1 or 2 at the command line.
public struct SweepError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

/// JSON text with a fixed format, so equal data give equal bytes.
public enum JSONText {
  public static func string(_ s: String) -> String {
    var out = "\""
    for ch in s.unicodeScalars {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if ch.value < 0x20 { out += String(format: "\\u%04x", ch.value) } else { out.unicodeScalars.append(ch) }
      }
    }
    return out + "\""
  }

  /// A double as the shortest text that reads back exactly; null when not finite.
  public static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

  /// A CSV field, quoted when it holds a comma, quote or newline (RFC 4180).
  public static func csvField(_ s: String) -> String {
    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
}
