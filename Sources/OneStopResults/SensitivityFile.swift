import OneStopModel

/// The schema of `sensitivity.json` (`sensitivity --out`): how the study was run (scenario,
/// seed, replications, designs), its parameters with their ranges, the priors left out and
/// why, and the rows of `sensitivity.csv` with the intervals as `[low, high]` (fields not
/// computed left out). The sensitivity module encodes it; `onestop report` decodes the keys
/// it draws through `Key` and `SensitivityRow`.
public struct SensitivityFile: Sendable, Encodable {
  /// The top-level keys, in the order they are written.
  public enum Key: String, CodingKey {
    case scenario, overrides, title, title_vi, start, end, kpis, seed, replications, trajectories, levels
    case candidates, sobol_rows
    case sobol_parameters, screening_points, sobol_points, parameters, not_screened, rows
  }

  /// A parameter and its range: where the range comes from (`origin`: `scenario`,
  /// `fitted`, `default` or `param`), its source when the scenario writes one, and how
  /// values spread over it (`uniform` or `triangular`).
  public struct Parameter: Sendable, Codable {
    public let key: String
    public let range: String
    public let defaulted: Bool
    public let origin: String?
    public let source: String?
    public let distribution: String?

    public init(
      key: String, range: String, defaulted: Bool, origin: String? = nil, source: String? = nil,
      distribution: String? = nil
    ) {
      self.key = key
      self.range = range
      self.defaulted = defaulted
      self.origin = origin
      self.source = source
      self.distribution = distribution
    }
  }

  /// A prior with no default range.
  public struct Skipped: Sendable, Codable {
    public let key: String
    public let reason: String

    public init(key: String, reason: String) {
      self.key = key
      self.reason = reason
    }
  }

  public let scenario: String
  public let overrides: [String]
  /// The scenario's title in English and in Vietnamese (`title`, `title_vi`) and its period,
  /// for a report's heading (nil and not written when not given).
  public var title, titleVi, start, end: String?
  public let kpis: [String]
  public let seed: UInt64
  public let replications, trajectories, levels, candidates, sobolRows: Int
  public let sobolParameters: [String]
  public let screeningPoints, sobolPoints: Int
  public let parameters: [Parameter]
  public let notScreened: [Skipped]
  public let rows: [SensitivityRow<Double>]

  /// The file of a study: its run, design sizes, parameters, priors left out and rows.
  /// The scenario's title and period from its configuration (titles are names: outside the
  /// scenario's hash).
  public mutating func describe(_ c: ModelConfiguration) {
    title = c.names.en[ScenarioNames.Kind.title.rawValue]
    titleVi = c.names.vi[ScenarioNames.Kind.title.rawValue]
    start = c.start.description
    end = c.end.description
  }

  public init(
    scenario: String, overrides: [String], kpis: [String], seed: UInt64, replications: Int,
    design: (trajectories: Int, levels: Int, candidates: Int, sobolRows: Int, sobolParameters: [String]),
    points: (screening: Int, sobol: Int), parameters: [Parameter], notScreened: [Skipped],
    rows: [SensitivityRow<Double>]
  ) {
    self.scenario = scenario
    self.overrides = overrides
    self.kpis = kpis
    self.seed = seed
    self.replications = replications
    trajectories = design.trajectories
    levels = design.levels
    candidates = design.candidates
    sobolRows = design.sobolRows
    sobolParameters = design.sobolParameters
    screeningPoints = points.screening
    sobolPoints = points.sobol
    self.parameters = parameters
    self.notScreened = notScreened
    self.rows = rows
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(scenario, forKey: .scenario)
    try c.encode(overrides, forKey: .overrides)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encodeIfPresent(titleVi, forKey: .title_vi)
    try c.encodeIfPresent(start, forKey: .start)
    try c.encodeIfPresent(end, forKey: .end)
    try c.encode(kpis, forKey: .kpis)
    try c.encode(seed, forKey: .seed)
    try c.encode(replications, forKey: .replications)
    try c.encode(trajectories, forKey: .trajectories)
    try c.encode(levels, forKey: .levels)
    try c.encode(candidates, forKey: .candidates)
    try c.encode(sobolRows, forKey: .sobol_rows)
    try c.encode(sobolParameters, forKey: .sobol_parameters)
    try c.encode(screeningPoints, forKey: .screening_points)
    try c.encode(sobolPoints, forKey: .sobol_points)
    try c.encode(parameters, forKey: .parameters)
    try c.encode(notScreened, forKey: .not_screened)
    try c.encode(rows, forKey: .rows)
  }
}

/// One row of `sensitivity.csv` and `sensitivity.json`: a parameter's measures for one KPI,
/// nil where the stage did not run (`Number` is `Double` when written; a reader's number may
/// stand for the `null` of a value that is not finite).
public struct SensitivityRow<Number>: Sendable where Number: Sendable {
  public let param: String
  public let kpi: String
  /// The range studied (`0.6375..1`, `x0.75..x1.25`, `14:00..16:00`).
  public let range: String
  /// `true` when the range is the default one (a prior at ±25 %).
  public let defaulted: Bool
  /// Where the range comes from: `scenario`, `fitted`, `default` or `param` (nil in a
  /// file written before ranges had origins).
  public let range_origin: String?
  public let mu_star: Number?
  public let mu_star_ci95: [Number]?
  public let mu: Number?
  public let sigma: Number?
  public let first_order: Number?
  public let first_order_ci95: [Number]?
  public let total: Number?
  public let total_ci95: [Number]?

  /// A row: `morris` is (mu*, its interval, mu, sigma), `sobol` (first order, its interval,
  /// total, its interval), each nil where that stage did not run.
  public init(
    param: String, kpi: String, range: String, defaulted: Bool, origin: String? = nil,
    morris: (muStar: Number?, muStarCI: [Number]?, mu: Number?, sigma: Number?),
    sobol: (first: Number?, firstCI: [Number]?, total: Number?, totalCI: [Number]?)
  ) {
    self.param = param
    self.kpi = kpi
    self.range = range
    self.defaulted = defaulted
    range_origin = origin
    mu_star = morris.muStar
    mu_star_ci95 = morris.muStarCI
    mu = morris.mu
    sigma = morris.sigma
    first_order = sobol.first
    first_order_ci95 = sobol.firstCI
    total = sobol.total
    total_ci95 = sobol.totalCI
  }
}

extension SensitivityRow: Encodable where Number: Encodable {}
extension SensitivityRow: Decodable where Number: Decodable {}
