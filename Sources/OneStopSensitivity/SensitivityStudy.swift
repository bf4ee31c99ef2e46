import OneStopModel
import Sensitivity

/// What each answer rests on: a Morris screening of every parameter, then Sobol indices of
/// the most influential few, each design point a scenario variant run on common random
/// numbers (`PointEvaluator`).
///
/// Screening costs r (k + 1) points for k parameters and r walks; the Sobol stage
/// N (K + 2) points for its K parameters and N rows, the other parameters held at the
/// scenario's values. Both designs are seeded from the study's seed, so the same command
/// gives the same points and the same indices.
public struct SensitivityStudy: Sendable {
  /// The study's sizes.
  public struct Options: Sendable {
    /// Morris walks (r); 0 skips the screening (the Sobol stage then takes every parameter).
    public var trajectories = 10
    /// Morris grid levels (p).
    public var levels = 4
    /// Random walks the screening's walks are chosen among, to spread them over the ranges
    /// (Campolongo et al. 2007); 0 takes the first r walks of the design's stream.
    public var candidates = 0
    /// Rows of the Sobol design (N); 0 skips the Sobol stage.
    public var sobolRows = 0
    /// Parameters the Sobol stage takes, the most influential first (K).
    public var top = 3
    /// Bootstrap resamples of every interval.
    public var resamples = 1000
    /// The designs' seed.
    public var seed: UInt64 = 1

    /// The default sizes.
    public init() {}
  }

  /// The study's parameters, in the order given.
  public let parameters: [SensitivityParameter]
  /// The KPIs, in the order given.
  public let kpis: [KPI]
  /// Per KPI, per parameter, the screening's measures (nil when skipped).
  public let morris: [[MorrisEffect]]?
  /// The parameters of the Sobol stage (indices into `parameters`).
  public let sobolParameters: [Int]
  /// Per KPI, the Sobol indices of `sobolParameters` (empty when skipped).
  public let sobol: [SobolIndices]
  /// Design points of each stage.
  public let screeningPoints: Int
  public let sobolPoints: Int

  /// Runs the study. `progress` hears the stage ("screening", "sobol"), the points done and
  /// the stage's points.
  public static func run(
    _ evaluator: PointEvaluator, parameters: [SensitivityParameter], options: Options,
    progress: ((String, Int, Int) -> Void)? = nil
  ) throws(SensitivityError) -> SensitivityStudy {
    let k = parameters.count
    let kpis = evaluator.kpis
    var morris: [[MorrisEffect]]?
    var screeningPoints = 0
    if options.trajectories > 0 {
      let design = MorrisDesign(
        inputs: k, trajectories: options.trajectories, levels: options.levels, candidates: options.candidates,
        seed: options.seed)
      screeningPoints = design.runs
      let means = try evaluator.means(parameters, points: design.points) { progress?("screening", $0, $1) }
      morris = kpis.indices.map { q in
        MorrisEffect.estimate(design, outputs: means.map { $0[q] }, resamples: options.resamples, seed: options.seed)
      }
    }
    var chosen: [Int] = []
    var sobol: [SobolIndices] = []
    var sobolPoints = 0
    if options.sobolRows > 0 {
      chosen = morris.map { ranked($0, top: options.top) } ?? Array(0..<k)
      if !chosen.isEmpty {
        let subset = chosen.map { parameters[$0] }
        let design = SobolDesign(inputs: subset.count, rows: options.sobolRows, seed: options.seed)
        sobolPoints = design.runs
        let means = try evaluator.means(subset, points: design.points) { progress?("sobol", $0, $1) }
        sobol = kpis.indices.map { q in
          SobolIndices(design, outputs: means.map { $0[q] }, resamples: options.resamples, seed: options.seed)
        }
      }
    }
    return SensitivityStudy(
      parameters: parameters, kpis: kpis, morris: morris, sobolParameters: chosen, sobol: sobol,
      screeningPoints: screeningPoints, sobolPoints: sobolPoints)
  }

  /// The points of a one-stage study of `k` parameters, as `run` makes them: the screening's
  /// (no Sobol stage) or the Sobol stage's of every parameter (no screening); nil for a
  /// two-stage study, whose Sobol points depend on the screening's results.
  public static func singleStagePoints(inputs k: Int, options: Options) -> [[Double]]? {
    if options.trajectories > 0 && options.sobolRows == 0 {
      return MorrisDesign(
        inputs: k, trajectories: options.trajectories, levels: options.levels, candidates: options.candidates,
        seed: options.seed
      ).points
    }
    if options.trajectories == 0 && options.sobolRows > 0 {
      return SobolDesign(inputs: k, rows: options.sobolRows, seed: options.seed).points
    }
    return nil
  }

  /// The `top` parameters with the largest μ* relative to the largest of their KPI (the
  /// largest over the KPIs), leaving out those that moved no KPI at all.
  public static func ranked(_ morris: [[MorrisEffect]], top: Int) -> [Int] {
    guard let first = morris.first else { return [] }
    let score = first.indices.map { i in
      morris.map { effects -> Double in
        let largest = effects.map(\.muStar).filter(\.isFinite).max() ?? 0
        let m = effects[i].muStar
        return largest > 0 && m.isFinite ? m / largest : 0
      }.max() ?? 0
    }
    return first.indices.filter { score[$0] > 0 }.sorted {
      score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1)
    }
    .prefix(top).sorted()
  }

  /// Per KPI, the parameters most influential first: by μ* when screened, by the total
  /// index otherwise.
  public func order(kpi q: Int) -> [Int] {
    let total = Dictionary(uniqueKeysWithValues: sobolParameters.enumerated().map { ($1, sobol[q].inputs[$0].total) })
    func key(_ i: Int) -> Double {
      let v = morris?[q][i].muStar ?? total[i] ?? -.infinity
      return v.isFinite ? v : -.infinity
    }
    let shown = morris == nil ? sobolParameters : Array(parameters.indices)
    return shown.sorted { key($0) > key($1) || (key($0) == key($1) && $0 < $1) }
  }

  /// The Sobol indices of parameter `i` for KPI `q`, when it was in the Sobol stage.
  public func sobolIndices(kpi q: Int, parameter i: Int) -> SobolIndices.Input? {
    sobolParameters.firstIndex(of: i).map { sobol[q].inputs[$0] }
  }
}
