import DESKernel
import Foundation
import OneStopModel
import OneStopScenario

/// A scenario's runs held against its target file, figure by figure: the fit table of
/// `onestop calibrate` and the check CI runs on every bundled scenario (a change that moves
/// a figure outside its tolerance fails). One place computes it, so the table in the docs,
/// the command and the test agree.
public struct TargetCheck: Sendable {
  /// One figure: the report's value, the simulated mean over replications with its 95 %
  /// half-width, and whether the mean lies within the tolerance.
  public struct Row: Sendable {
    public let target: TargetFile.Target
    /// The KPI's unit; nil for a name that is not a KPI (refused before a run).
    public let unit: KPIUnit?
    public let values: [Double]
    /// The simulated mean over replications with its 95 % half-width.
    public let estimate: Estimate
    public var mean: Double { estimate.mean }
    public var halfWidth: Double { estimate.halfWidth }
    public var within: Bool { mean.isFinite && abs(mean - target.value) <= target.tolerance }
    /// weight × ((simulated − report) / tolerance)², 0 for a zero tolerance.
    public var misfit: Double {
      target.tolerance > 0 ? target.weight * pow((mean - target.value) / target.tolerance, 2) : 0
    }
  }

  public let rows: [Row]

  /// Rows from the per-target values of each replication (`perTarget[k]` for target k).
  public init(_ file: TargetFile, perTarget: [[Double]]) {
    rows = zip(file.targets, perTarget).map { t, xs in
      Row(target: t, unit: KPI.named(t.kpi)?.unit, values: xs, estimate: Estimate(xs))
    }
  }

  /// Rows read from finished runs of `model`.
  public init(_ file: TargetFile, results: [RunResult], model: CompiledModel) {
    self.init(file, perTarget: Self.values(file, results: results, model: model))
  }

  /// Per target, its value in each replication.
  public static func values(_ file: TargetFile, results: [RunResult], model: CompiledModel) -> [[Double]] {
    file.targets.map { t in
      guard let kpi = KPI.named(t.kpi) else { return results.map { _ in .nan } }
      return results.map { kpi.value($0, model) }
    }
  }

  /// The target file's figures that `model` cannot produce (a level, agency, unit or month
  /// it does not have), located at the line of the target: `file:line:column: targets[i].kpi: ...`.
  public static func problems(_ file: TargetFile, model: CompiledModel) -> [ScenarioIssue] {
    file.targets.enumerated().compactMap { i, t in
      KPI.targetProblem(t.kpi, in: model).map {
        ScenarioIssue(
          file: t.file.isEmpty ? file.file : t.file, line: t.line, column: t.column, path: "targets[\(i)].kpi",
          message: $0)
      }
    }
  }

  public var outside: [Row] { rows.filter { !$0.within } }
  public var misfit: Double { rows.reduce(0) { $0 + $1.misfit } }
}
