import DESKernel
import OneStopModel
import OneStopScenario

/// A fit held against its report on the seed it was fitted on and on held-out seeds
/// (`HeldOutSeeds`): only independent figures, and only on seeds the fit never saw, are
/// evidence. Inputs (set by the scenario) and fitted figures are shown, not counted.
public struct FitAssessment: Sendable {
  /// The target file's figures checked on one seed.
  public struct Run: Sendable {
    public let seed: UInt64
    public let replications: Int
    public let check: TargetCheck

    public init(seed: UInt64, replications: Int, check: TargetCheck) {
      self.seed = seed
      self.replications = replications
      self.check = check
    }
  }

  public let file: TargetFile
  /// The run on the fit seed (the search's best candidate, or the scenario as it is).
  public let fit: Run
  /// The runs on held-out seeds (none with `--check-seeds 0`).
  public let checks: [Run]

  public init(file: TargetFile, fit: Run, checks: [Run]) {
    self.file = file
    self.fit = fit
    self.checks = checks
  }

  /// The runs that decide: the held-out ones, or the fit run when there are none (then
  /// nothing is evidence: the fit has seen those random numbers).
  public var deciding: [Run] { checks.isEmpty ? [fit] : checks }

  /// Whether figure `k` is within its allowance on every deciding run.
  public func holds(figure k: Int) -> Bool { deciding.allSatisfy { $0.check.rows[k].within } }

  /// Whether rank target `k` passes on every deciding run.
  public func holds(rank k: Int) -> Bool { deciding.allSatisfy { $0.check.ranks[k].within } }

  /// The names of the figures and rank targets of `role` (figures by KPI, ranks by name).
  public func names(_ role: TargetFile.Role) -> [String] {
    file.targets.filter { $0.role == role }.map(\.kpi) + file.ranks.filter { $0.role == role }.map(\.name)
  }

  /// The independent figures and rank targets that do not hold on every deciding run:
  /// what makes the exit status 1.
  public var failures: [String] {
    let figures = file.targets.indices.filter { file.targets[$0].role == .independent && !holds(figure: $0) }
    let ranks = file.ranks.indices.filter { file.ranks[$0].role == .independent && !holds(rank: $0) }
    return figures.map { file.targets[$0].kpi } + ranks.map { file.ranks[$0].name }
  }

  /// Inputs that are not within their allowance on some deciding run: the scenario does
  /// not set what the target file says it sets (a warning, not a failure).
  public var driftedInputs: [String] {
    file.targets.indices.filter { file.targets[$0].role == .input && !holds(figure: $0) }.map { file.targets[$0].kpi }
  }

  /// Independent figures and rank targets, and how many hold.
  public var evidence: (held: Int, of: Int) {
    let of = names(.independent).count
    return (of - failures.count, of)
  }

  /// Every independent figure and rank target holds.
  public var passes: Bool { failures.isEmpty }
}

extension TargetCheck {
  /// Runs `count` replications of `model` on `seed` and holds them against `file`.
  public static func run(
    _ file: TargetFile, model: CompiledModel, seed: UInt64, replications count: Int, threads: Int,
    progress: Replications.Progress? = nil
  ) -> TargetCheck {
    var series = KPISeries(file.kpis.map { KPI.named($0)! }, model: model)
    Replications.run(model, seed: seed, count: count, threads: threads, into: &series, progress: progress)
    return TargetCheck(file, perKPI: series.values)
  }
}
