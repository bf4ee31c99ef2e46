import OneStopIO
import OneStopResults

extension SensitivityFile {
  /// The file of `study` run with `options` on `replications` replications of `seed`.
  public init(
    scenario: String, overrides: [String], study: SensitivityStudy, options: SensitivityStudy.Options,
    seed: UInt64, replications: Int, skipped: [(key: String, reason: String)]
  ) {
    self.init(
      scenario: scenario, overrides: overrides, kpis: study.kpis.map(\.name), seed: seed, replications: replications,
      design: (
        trajectories: study.morris == nil ? 0 : options.trajectories, levels: options.levels,
        candidates: options.candidates, sobolRows: study.sobol.isEmpty ? 0 : options.sobolRows,
        sobolParameters: study.sobolParameters.map { study.parameters[$0].key }
      ),
      points: (screening: study.screeningPoints, sobol: study.sobolPoints),
      parameters: study.parameters.map {
        Parameter(
          key: $0.key, range: $0.rangeText, defaulted: $0.defaulted, origin: $0.origin.rawValue, source: $0.source,
          distribution: $0.spread.rawValue)
      },
      notScreened: skipped.map { Skipped(key: $0.key, reason: $0.reason) },
      rows: SensitivityTable(study).rows)
  }

  /// The file as JSON text.
  public var json: String { JSONText.encode(self) }
}
