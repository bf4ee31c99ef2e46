import DESKernel
import Foundation
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
    public let scenarioHash: String
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
    var text = "\(Manifest.format)|\(replications)|\(kpis.joined(separator: ","))|\(parameters.joined(separator: ","))"
    for r in rows { text += "\n\(r.id)|\(r.seed)|\(r.values.joined(separator: "\u{1f}"))|\(r.scenarioHash)" }
    return String(StreamKey.fnv1a(text), radix: 16)
  }

  /// Plans `sweep`: builds every point's scenario (so a bad value is reported now, not
  /// on the cluster), derives seeds and assigns chunks.
  public init(plan sweep: SweepFile, progress: ((Int, Int) -> Void)? = nil) throws(ScenarioErrors) {
    let root = try sweep.loadBase()
    let (baseScenario, baseModel) = try Scenario.build(root, file: sweep.base)
    if let e = sweep.unknownUnits(in: baseModel) { throw e }
    let points = sweep.points()
    let width = max(4, String(max(points.count - 1, 0)).count)
    var rows: [Row] = []
    var issues: [ScenarioIssue] = []
    for (k, values) in points.enumerated() {
      let id = "p" + String(repeating: "0", count: width - String(k).count) + String(k)
      do {
        let (scenario, _) = try sweep.scenario(base: root, values: values)
        let seed = sweep.seeds == .common ? sweep.seed : SplitMix64.mix(sweep.seed ^ StreamKey.fnv1a("sweep-point/" + id))
        rows.append(Row(id: id, chunk: k / sweep.chunkSize, seed: seed, values: values, scenarioHash: scenario.hash))
      } catch {
        issues += sweep.issue(forPoint: id, values: values, error).issues
        if issues.count >= 20 { break }
      }
      progress?(k + 1, points.count)
    }
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
      "    {\"id\": \(JSONText.string(r.id)), \"chunk\": \(r.chunk), \"seed\": \(r.seed), \"values\": [\(r.values.map(JSONText.string).joined(separator: ", "))], \"scenario_hash\": \(JSONText.string(r.scenarioHash))}"
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
    guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any], o["format"] as? String == Manifest.format,
      let sweep = o["sweep"] as? String, let base = o["base"] as? String, let reps = o["replications"] as? Int,
      let seed = (o["seed"] as? NSNumber)?.uint64Value, let kpis = o["kpis"] as? [String], let params = o["parameters"] as? [String],
      let chunkSize = o["chunk_size"] as? Int, let chunks = o["chunks"] as? Int, let rowObjects = o["rows"] as? [[String: Any]]
    else { throw SweepError("\(path): not an onestop sweep manifest (\(Manifest.format))") }
    var rows: [Row] = []
    for (k, r) in rowObjects.enumerated() {
      guard let id = r["id"] as? String, let chunk = r["chunk"] as? Int, let s = (r["seed"] as? NSNumber)?.uint64Value,
        let values = r["values"] as? [String], let h = r["scenario_hash"] as? String, values.count == params.count
      else { throw SweepError("\(path): row \(k) is malformed") }
      rows.append(Row(id: id, chunk: chunk, seed: s, values: values, scenarioHash: h))
    }
    self.sweep = sweep
    description = o["description"] as? String ?? ""
    sweepFile = o["sweep_file"] as? String ?? ""
    self.base = base
    baseHash = o["base_hash"] as? String ?? ""
    replications = reps
    self.seed = seed
    seeds = o["seeds"] as? String ?? ""
    self.kpis = kpis
    parameters = params
    self.chunkSize = chunkSize
    self.chunks = chunks
    self.rows = rows
    if let stored = o["manifest_hash"] as? String, stored != hash {
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
enum JSONText {
  static func string(_ s: String) -> String {
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
  static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }
}
