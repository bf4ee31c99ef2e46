import DESKernel
import Foundation
import OneStopModel
import OneStopScenario

/// A scenario's runs on one seed held against its target file, figure by figure: one
/// column of the fit table of `onestop calibrate` and the check CI runs on every bundled
/// scenario. One place computes it, so the docs, the command and the test agree.
///
/// A figure is within when |mean - report| <= tolerance + precision + the 95 % half-width
/// of the mean over the replications run: the report's own spread, its rounding, and the
/// simulation's interval.
public struct TargetCheck: Sendable {
  /// One figure: the report's value, the simulated mean over replications with its 95 %
  /// half-width, and whether the mean lies within the allowance.
  public struct Row: Sendable {
    public let target: TargetFile.Target
    /// The KPI's unit; nil for a name that is not a KPI (refused before a run).
    public let unit: KPIUnit?
    public let values: [Double]
    /// The simulated mean over replications with its 95 % half-width.
    public let estimate: Estimate
    public var mean: Double { estimate.mean }
    public var halfWidth: Double { estimate.halfWidth }
    /// tolerance + precision + the 95 % half-width of the mean.
    public var allowance: Double { target.tolerance + target.precision + (halfWidth.isFinite ? halfWidth : 0) }
    public var within: Bool { TargetFile.within(target, mean: mean, allowance: allowance) }
    /// weight × ((simulated − report) / (tolerance + precision))², 0 for a zero scale:
    /// the search's misfit (common random numbers: the interval plays no part).
    public var misfit: Double {
      let scale = target.tolerance + target.precision
      return scale > 0 ? target.weight * pow(TargetFile.miss(target, mean: mean) / scale, 2) : 0
    }
  }

  /// One rank target: the simulated means of its figures, their rank correlation with
  /// the reported values, and the figure with the largest mean.
  public struct RankRow: Sendable {
    public let target: TargetFile.RankTarget
    public let means: [Double]
    /// Spearman's rho of the means against the reported values (NaN when either side
    /// has no order).
    public var rho: Double { spearman(means, target.items.map(\.value)) }
    /// The KPI with the largest simulated mean (the first of equals).
    public var largest: String? {
      means.indices.max { means[$0] < means[$1] || (means[$0] == means[$1] && $0 > $1) }.map {
        target.items[$0].kpi
      }
    }
    public var topHolds: Bool { target.top.map { $0 == largest } ?? true }
    public var within: Bool { rho.isFinite && rho >= target.minSpearman && topHolds }
  }

  public let rows: [Row]
  public let ranks: [RankRow]

  /// Rows from each KPI's values per replication, in `file.kpis` order.
  public init(_ file: TargetFile, perKPI: [[Double]]) {
    rows = zip(file.targets, perKPI).map { t, xs in
      Row(target: t, unit: KPI.named(t.kpi)?.unit, values: xs, estimate: Estimate(xs))
    }
    var k = file.targets.count
    var ranks: [RankRow] = []
    for r in file.ranks {
      let means = (k..<(k + r.items.count)).map { i in i < perKPI.count ? Estimate(perKPI[i]).mean : .nan }
      ranks.append(RankRow(target: r, means: means))
      k += r.items.count
    }
    self.ranks = ranks
  }

  /// Rows read from finished runs of `model`.
  public init(_ file: TargetFile, results: [RunResult], model: CompiledModel) {
    self.init(file, perKPI: Self.values(file, results: results, model: model))
  }

  /// Per KPI of `file.kpis`, its value in each replication.
  public static func values(_ file: TargetFile, results: [RunResult], model: CompiledModel) -> [[Double]] {
    file.kpis.map { name in
      guard let kpi = KPI.named(name) else { return results.map { _ in .nan } }
      return results.map { kpi.value($0, model) }
    }
  }

  /// The target file's figures that `model` cannot produce (a level, agency, unit or month
  /// it does not have), located at the line of the target: `file:line:column: targets[i].kpi: ...`.
  public static func problems(_ file: TargetFile, model: CompiledModel) -> [ScenarioIssue] {
    var located = file.targets.map { ($0.kpi, $0.path, $0.file, $0.line, $0.column) }
    for r in file.ranks { located += r.items.map { ($0.kpi, $0.path, $0.file, $0.line, $0.column) } }
    return located.compactMap { kpi, path, f, line, column in
      KPI.targetProblem(kpi, in: model).map {
        ScenarioIssue(file: f.isEmpty ? file.file : f, line: line, column: column, path: path, message: $0)
      }
    }
  }

  /// Figures outside their allowance, every role.
  public var outside: [Row] { rows.filter { !$0.within } }
  /// The weighted misfit over the figures a search fits to: every role but `input`.
  public var misfit: Double { rows.filter { $0.target.role != .input }.reduce(0) { $0 + $1.misfit } }
}
