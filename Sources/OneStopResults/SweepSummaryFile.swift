import OneStopIO
import OneStopModel

/// The schema of a merged sweep's `summary.json` (`sweep merge`): the plan, and per point
/// its parameter values and each KPI's mean with its 95 % interval. The sweep module
/// encodes it; `onestop report` decodes the keys it draws through `Key`.
public struct SweepSummaryFile: Encodable {
  /// The top-level keys, in the order they are written.
  public enum Key: String, CodingKey {
    case sweep, base, manifest_hash, replications, seeds, parameters, kpis, columns, rows, complete, missing, points
    case description, description_vi, title, title_vi, start, end, units, names
  }

  /// What a report names the study by: the sweep's description and the base scenario's
  /// titles, period, units and names (`names` as a run's `summary.json` writes them), read
  /// from the base file at merge time; every field nil or empty (and not written) when the
  /// merge cannot read the base as it was planned.
  public struct Words: Sendable {
    public var description, descriptionVi, title, titleVi, start, end: String?
    public var units: [CompareFile.UnitName] = []
    public var names: [(language: String, names: [(key: String, name: String)])] = []
    public init() {}
  }

  /// One point of the sweep: its id, seed, parameter values and KPI estimates.
  public struct Point: Encodable {
    public let id: String
    public let seed: UInt64
    public let values: JSONObject<String>
    public let kpis: JSONObject<Estimate>

    public init(id: String, seed: UInt64, values: JSONObject<String>, kpis: JSONObject<Estimate>) {
      self.id = id
      self.seed = seed
      self.values = values
      self.kpis = kpis
    }
  }

  public let sweep, base, manifestHash: String
  public let replications: Int
  public let seeds: String
  public let parameters: [String]
  /// Each KPI's unit symbol.
  public let kpis: JSONObject<String>
  /// The `results.csv` column of each parameter and KPI.
  public let columns: JSONObject<String>
  public let rows: Int
  public let complete: Bool
  public let missing: [String]
  public let points: [Point]
  /// The study in words (optional keys, after `points`; absent in files of older versions).
  public var words = Words()

  public init(
    sweep: String, base: String, manifestHash: String, replications: Int, seeds: String, parameters: [String],
    kpis: JSONObject<String>, columns: JSONObject<String>, rows: Int, complete: Bool, missing: [String], points: [Point]
  ) {
    self.sweep = sweep
    self.base = base
    self.manifestHash = manifestHash
    self.replications = replications
    self.seeds = seeds
    self.parameters = parameters
    self.kpis = kpis
    self.columns = columns
    self.rows = rows
    self.complete = complete
    self.missing = missing
    self.points = points
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(sweep, forKey: .sweep)
    try c.encode(base, forKey: .base)
    try c.encode(manifestHash, forKey: .manifest_hash)
    try c.encode(replications, forKey: .replications)
    try c.encode(seeds, forKey: .seeds)
    try c.encode(parameters, forKey: .parameters)
    try c.encode(kpis, forKey: .kpis)
    try c.encode(columns, forKey: .columns)
    try c.encode(rows, forKey: .rows)
    try c.encode(complete, forKey: .complete)
    try c.encode(missing, forKey: .missing)
    try c.encode(points, forKey: .points)
    if let d = words.description, !d.isEmpty { try c.encode(d, forKey: .description) }
    if let d = words.descriptionVi, !d.isEmpty { try c.encode(d, forKey: .description_vi) }
    try c.encodeIfPresent(words.title, forKey: .title)
    try c.encodeIfPresent(words.titleVi, forKey: .title_vi)
    try c.encodeIfPresent(words.start, forKey: .start)
    try c.encodeIfPresent(words.end, forKey: .end)
    if !words.units.isEmpty { try c.encode(words.units, forKey: .units) }
    if !words.names.isEmpty {
      let byLanguage = words.names.map { ($0.language, JSONObject($0.names.map { ($0.key, $0.name) })) }
      try c.encode(JSONObject(byLanguage), forKey: .names)
    }
  }
}
