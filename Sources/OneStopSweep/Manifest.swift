import DESKernel
import Dispatch
import Foundation
import Synchronization
import OneStopIO
import OneStopModel
import OneStopScenario

/// `DIR/manifest.json`: the planned sweep. Every row (a point of the design) has a
/// stable id, its parameter values, its seed and its scenario's hash; rows are grouped
/// into `chunks` (the unit of work of a Slurm array task or a GNU parallel job). Nothing
/// in it depends on when, where or in which order the rows will run.
public struct Manifest: Sendable, Equatable {
  /// One point of the plan: its id, chunk, seed and parameter values (as written, in the
  /// order of `parameters`).
  public struct Row: Sendable, Equatable {
    public let id: String
    public let chunk: Int
    public let seed: UInt64
    public let values: [String]
  }

  public static let format = "onestop-sweep/1"

  public let sweep: String
  public let description: String
  /// The Vietnamese description (empty if none); not part of the hash, like the description.
  public let descriptionVi: String
  public let sweepFile: String
  /// Absolute path of the base scenario.
  public let base: String
  public let baseHash: String
  public let replications: Int
  public let seed: UInt64
  public let seeds: String
  public let kpis: [String]
  public let parameters: [String]
  /// The results.csv column of each parameter (the sweep file's `name:`, else the key
  /// made a plain name). Not part of the hash: renaming a column keeps the results.
  public let parameterNames: [String]
  public let chunkSize: Int
  public let chunks: Int
  public let rows: [Row]

  /// Identifies the plan (parameters, KPIs, replications, rows): a row result belongs to
  /// this sweep only if it carries the same hash.
  public var hash: String {
    var text =
      """
        \(Manifest.format)|\(baseHash)|\(replications)|\(kpis.joined(separator: ","))|\
        \(parameters.joined(separator: ","))
        """
    for r in rows { text += "\n\(r.id)|\(r.seed)|\(r.values.joined(separator: "\u{1f}"))" }
    return String(StreamKey.fnv1a(text), radix: 16)
  }

  /// Plans `sweep`: builds every point's scenario (so a bad value is reported now, not
  /// on the cluster), derives seeds and assigns chunks.
  public init(
    plan sweep: SweepFile, threads: Int = AvailableCPUs.count, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ScenarioErrors) {
    let root = try sweep.loadBase()
    let (baseScenario, baseModel) = try Scenario.build(root, file: sweep.base)
    if let e = sweep.unknownTargets(in: baseModel) { throw e }
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
          // Per-point seeds are kept below 2^53, so that every JSON and CSV reader reads
          // them exactly and `onestop run --seed` with the printed seed reproduces the point.
          let seed =
            sweep.seeds == .common
            ? sweep.seed : SplitMix64.mix(sweep.seed ^ StreamKey.fnv1a("sweep-point/" + id)) & Manifest.maxSeed
          entry = (Row(id: id, chunk: k / sweep.chunkSize, seed: seed, values: values), [])
        } catch let error as ScenarioErrors {
          entry = (nil, sweep.issue(forPoint: id, values: values, error).issues)
        } catch {
          entry = (
            nil, [ScenarioIssue(file: sweep.file, line: 0, column: 0, path: "", message: "point \(id): \(error)")]
          )
        }
        built.withLock { $0[k] = entry }
        progress?(done.add(1, ordering: .relaxed).newValue, points.count)
      }
    }
    let entries = built.withLock { $0 }
    let rows = entries.compactMap(\.0)
    let issues = Manifest.grouped(entries.flatMap(\.1))
    if !issues.isEmpty { throw ScenarioErrors(issues: Array(issues.prefix(20))) }
    self.sweep = sweep.name
    description = sweep.description
    descriptionVi = sweep.descriptionVi
    sweepFile = sweep.file
    base = sweep.base
    baseHash = baseScenario.hash
    replications = sweep.replications
    seed = sweep.seed
    seeds = sweep.seeds.rawValue
    kpis = sweep.kpis
    parameters = sweep.parameters.map(\.key)
    parameterNames = sweep.parameters.map(\.name)
    chunkSize = sweep.chunkSize
    chunks = rows.isEmpty ? 0 : rows[rows.count - 1].chunk + 1
    self.rows = rows
  }

  /// `manifest.json`: the plan's fields, then one line per row.
  public func json() -> String {
    struct File: Encodable {
      struct Row: Encodable {
        let id: String
        let chunk: Int
        let seed: UInt64
        let values: [String]
      }
      let format, sweep, description: String
      // Written only when the sweep file gives one, so older manifests keep their bytes.
      let description_vi: String?
      let sweep_file, base, base_hash, manifest_hash: String
      let replications: Int
      let seed: UInt64
      let seeds: String
      let kpis, parameters, parameter_names: [String]
      let chunk_size, chunks, row_count: Int
      let rows: [Row]
    }
    return JSONText.encode(
      File(
        format: Manifest.format, sweep: sweep, description: description,
        description_vi: descriptionVi.isEmpty ? nil : descriptionVi, sweep_file: sweepFile, base: base,
        base_hash: baseHash, manifest_hash: hash, replications: replications, seed: seed, seeds: seeds, kpis: kpis,
        parameters: parameters, parameter_names: parameterNames, chunk_size: chunkSize, chunks: chunks,
        row_count: rows.count,
        rows: rows.map { File.Row(id: $0.id, chunk: $0.chunk, seed: $0.seed, values: $0.values) }))
  }

  /// Reads `DIR/manifest.json`.
  public init(directory: String) throws(SweepError) {
    let path = (directory as NSString).appendingPathComponent("manifest.json")
    let data: Data
    do { data = try InputFile.data(path, .manifest, inside: directory) } catch {
      if error.missing {
        throw SweepError(
          "\(path): no manifest (plan the sweep first: onestop sweep plan SWEEP.yaml --out \(directory))")
      }
      throw SweepError(error.description)
    }
    // JSONDecoder reads numbers exactly (JSONSerialization on Linux rounds some doubles
    // and large seeds).
    struct File: Decodable {
      struct Row: Decodable {
        let id: String, chunk: Int, seed: UInt64, values: [String]
      }
      let format: String
      let sweep: String, description: String?, description_vi: String?, sweep_file: String?, base: String,
        base_hash: String?, manifest_hash: String?
      let replications: Int, seed: UInt64, seeds: String?, kpis: [String], parameters: [String],
        parameter_names: [String]?
      let chunk_size: Int, chunks: Int, rows: [Row]
    }
    guard let o = try? JSONDecoder().decode(File.self, from: data), o.format == Manifest.format else {
      throw SweepError("\(path): not an onestop sweep manifest (\(Manifest.format))")
    }
    guard let storedHash = o.manifest_hash else {
      throw SweepError("\(path): no manifest_hash (edited, or not written by onestop); plan the sweep again")
    }
    try Manifest.checkFields(o.replications, o.kpis, o.chunk_size, o.chunks, o.rows.count, o.seed, path: path)
    var rows: [Row] = []
    var ids = Set<String>()
    for (k, r) in o.rows.enumerated() {
      guard r.values.count == o.parameters.count, r.chunk >= 0, r.chunk < o.chunks else {
        throw SweepError("\(path): row \(k) is malformed")
      }
      guard r.seed <= Manifest.maxSeed else {
        throw SweepError("\(path): rows[\(k)].seed: \(r.seed) is above 2^53 - 1")
      }
      // A row id names a file under rows/: it must stay a plain file name there.
      guard Manifest.isSafeID(r.id) else {
        throw SweepError(
          """
            \(path): row \(k) has the id \(JSONText.string(String(r.id.prefix(80)))); ids are letters, digits, '-' \
            and '_' (at most 64)
            """
        )
      }
      guard ids.insert(r.id).inserted else { throw SweepError("\(path): row id \(r.id) appears twice") }
      rows.append(Row(id: r.id, chunk: r.chunk, seed: r.seed, values: r.values))
    }
    if let names = o.parameter_names, names.count != o.parameters.count {
      throw SweepError("\(path): \(names.count) parameter_names for \(o.parameters.count) parameters")
    }
    self.sweep = o.sweep
    description = o.description ?? ""
    descriptionVi = o.description_vi ?? ""
    sweepFile = o.sweep_file ?? ""
    base = o.base
    baseHash = o.base_hash ?? ""
    replications = o.replications
    seed = o.seed
    seeds = o.seeds ?? ""
    kpis = o.kpis
    parameters = o.parameters
    parameterNames = o.parameter_names ?? o.parameters.map(SweepFile.columnName)
    chunkSize = o.chunk_size
    chunks = o.chunks
    self.rows = rows
    if storedHash != hash {
      throw SweepError("\(path): the manifest was edited after planning (hash \(storedHash), now \(hash)); plan again")
    }
  }

  /// Refuses a manifest whose numbers a planner never writes (a forged or damaged file
  /// with its hash recomputed, which anyone can do): replications outside 1...10,000
  /// (`ModelLimits.replications`), a KPI onestop does not know, more rows than a design
  /// has points, chunks that do not fit the rows.
  static func checkFields(
    _ replications: Int, _ kpis: [String], _ chunkSize: Int, _ chunks: Int, _ rows: Int, _ seed: UInt64,
    path: String
  ) throws(SweepError) {
    guard (1...ModelLimits.replications).contains(replications) else {
      throw SweepError(
        "\(path): replications: \(replications); a sweep runs 1 to \(ModelLimits.replications) replications per point")
    }
    guard !kpis.isEmpty else { throw SweepError("\(path): kpis: empty; a sweep collects at least one KPI") }
    for (i, k) in kpis.enumerated() where KPI.named(k) == nil {
      throw SweepError(
        "\(path): kpis[\(i)]: unknown KPI \(JSONText.string(String(k.prefix(80)))) (see docs/results.md)")
    }
    guard rows <= SweepFile.maxPoints else {
      throw SweepError("\(path): rows: \(rows); a sweep has at most \(SweepFile.maxPoints) points")
    }
    guard chunkSize >= 1, chunks >= 0, chunks <= max(rows, 1) else {
      throw SweepError("\(path): chunk_size \(chunkSize) and chunks \(chunks) do not fit \(rows) rows")
    }
    guard seed <= maxSeed else { throw SweepError("\(path): seed: \(seed) is above 2^53 - 1") }
  }

  /// The largest seed written: 2^53 - 1, the largest integer every JSON reader (jq,
  /// JavaScript, R, Excel) reads exactly.
  public static let maxSeed: UInt64 = JSONText.largestExactInteger

  /// A row id that is a plain file name: 1-64 of A-Z a-z 0-9 - _, not starting with '-'.
  public static func isSafeID(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count), id.first != "-" else { return false }
    return id.utf8.allSatisfy { c in
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x2d || c == 0x5f
    }
  }

  /// Point errors with the same cause (the same place and message once the point's id
  /// and values are taken out) reported once, naming how many points share it.
  static func grouped(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
    var order: [String] = []
    var groups: [String: (first: ScenarioIssue, points: [String])] = [:]
    for e in issues {
      // "point p0003 (k=v, ...) is not a valid scenario: WHAT"
      var cause = e.message, point = ""
      if e.message.hasPrefix("point "), let colon = e.message.range(of: " is not a valid scenario: ") {
        cause = String(e.message[colon.upperBound...])
        point = String(e.message.dropFirst(6).prefix { $0 != " " })
      }
      let key = "\(e.file)|\(e.line)|\(e.column)|\(e.path)|\(cause)"
      if groups[key] == nil {
        order.append(key)
        groups[key] = (e, [])
      }
      groups[key]!.points.append(point)
    }
    return order.map { key in
      let g = groups[key]!
      guard g.points.count > 1 else { return g.first }
      let others = g.points.dropFirst().prefix(5).joined(separator: ", ") + (g.points.count > 6 ? ", ..." : "")
      return ScenarioIssue(
        file: g.first.file, line: g.first.line, column: g.first.column, path: g.first.path,
        message: g.first.message + " (the same in \(g.points.count - 1) more points: \(others))")
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
