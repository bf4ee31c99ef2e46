import OneStopIO

/// `sensitivity.json`: how the study was run (scenario, seed, replications, designs), its
/// parameters with their ranges, the priors left out and why, and the rows of
/// `sensitivity.csv` with the intervals as `[low, high]` (fields not computed left out).
public struct SensitivityDocument: Sendable, Encodable {
  /// A parameter and its range.
  public struct Parameter: Sendable, Encodable {
    public let key: String
    public let range: String
    public let defaulted: Bool
  }

  /// A prior with no default range.
  public struct Skipped: Sendable, Encodable {
    public let key: String
    public let reason: String
  }

  public let scenario: String
  public let overrides: [String]
  public let kpis: [String]
  public let seed: UInt64
  public let replications: Int
  public let trajectories: Int
  public let levels: Int
  public let candidates: Int
  public let sobol_rows: Int
  public let sobol_parameters: [String]
  public let screening_points: Int
  public let sobol_points: Int
  public let parameters: [Parameter]
  public let not_screened: [Skipped]
  public let rows: [SensitivityTable.Row]

  /// The document of `study` run with `options` on `replications` replications of `seed`.
  public init(
    scenario: String, overrides: [String], study: SensitivityStudy, options: SensitivityStudy.Options,
    seed: UInt64, replications: Int, skipped: [(key: String, reason: String)]
  ) {
    self.scenario = scenario
    self.overrides = overrides
    kpis = study.kpis.map(\.name)
    self.seed = seed
    self.replications = replications
    trajectories = study.morris == nil ? 0 : options.trajectories
    levels = options.levels
    candidates = options.candidates
    sobol_rows = study.sobol.isEmpty ? 0 : options.sobolRows
    sobol_parameters = study.sobolParameters.map { study.parameters[$0].key }
    screening_points = study.screeningPoints
    sobol_points = study.sobolPoints
    parameters = study.parameters.map { Parameter(key: $0.key, range: $0.rangeText, defaulted: $0.defaulted) }
    not_screened = skipped.map { Skipped(key: $0.key, reason: $0.reason) }
    rows = SensitivityTable(study).rows
  }

  /// The document as JSON text.
  public var json: String { JSONText.encode(self) }
}
