/// The range of every count, volume and duration a model accepts
/// (`docs/scenario-format.md`, "Ranges").
///
/// Why bounds at all: a scenario file is data, and a typo (`officers: 1e8`, `end:
/// 3022-01-01`, a lognormal `cv: 1e308`) must give a located error, not a trap, an
/// infinite duration or a run that fills the memory. The bounds are generous for real
/// use (a province has a few hundred units, desks up to hundreds per unit, thousands of
/// officers, up to ten million dossiers a year per source, deadlines of a few hundred
/// working days, horizons up to ten years) and low enough that every product the model
/// forms (desks × days, officers, units × procedures, durations in seconds) stays far
/// from overflow and within a few hundred megabytes.
public enum ModelLimits {
  /// Longest run, start to end, in days (ten years with their leap days).
  public static let horizonDays = 3_653
  /// Carried-over dossiers may have been received at most this many days before the run.
  public static let backlogAgeDays = 3_653
  /// Administrative levels, and the depth of the unit hierarchy.
  public static let levels = 16
  /// Units after `count` templates are expanded.
  public static let units = 5_000
  /// Desks in one desk group, and in the whole model.
  public static let desksPerGroup = 1_000
  public static let desks = 50_000
  /// Officers of one agency (or one unit's online intake), and in the whole model.
  public static let officersPerStation = 10_000
  public static let officers = 500_000
  /// Agencies after `at_level` is expanded.
  public static let agencies = 20_000
  /// Procedures, steps per procedure, and units × procedures (the route and result
  /// tables hold one entry per pair).
  public static let procedures = 2_000
  public static let stepsPerProcedure = 50
  public static let unitProcedurePairs = 500_000
  /// Demand entries after `at_level` / `units` are expanded.
  public static let demandEntries = 10_000
  /// New dossiers a year of one demand entry (before it is shared over units), and of
  /// the whole model.
  public static let annualVolume = 1e7
  public static let totalAnnualVolume = 5e7
  /// Carried-over dossiers of one backlog entry, and in total.
  public static let backlogCount = 1_000_000
  public static let totalBacklog = 10_000_000
  /// Deadlines: working days, and working hours.
  public static let deadlineWorkingDays = 1_000
  public static let deadlineWorkingHours = 10_000.0
  /// Longest duration of each kind: desk times (seconds), officer work (hours), delays
  /// and lead times (working days).
  public static let deskSeconds = 86_400.0
  public static let workHours = 10_000.0
  public static let delayWorkingDays = 1_000.0
  /// Month, weekday and hour factors and mix weights: 0, or within these (a subnormal
  /// factor such as 1e-320 would divide a volume into infinity).
  public static let factorRange: ClosedRange<Double> = 0.001...1_000
  public static let weightRange: ClosedRange<Double> = 1e-6...1e6
  /// Coefficient of variation of a distribution, gamma shape, Erlang phases.
  public static let cv = 10.0
  public static let gammaShape: ClosedRange<Double> = 0.001...10_000
  public static let erlangPhases = 1_000
  /// Supplement requests per dossier.
  public static let supplementRequests = 20
  /// Opening hours: intervals per day, seasons per schedule.
  public static let intervalsPerDay = 24
  public static let seasons = 24
  /// Replications a scenario may ask for.
  public static let replications = 10_000
  /// Dates in one calendar list (extra days off, extra working days).
  public static let datedEntries = 10_000
  /// Points of a share ramp and weekday-factor periods of one demand entry: each is
  /// searched for every simulated day of every stream, so the lists stay short.
  public static let rampPoints = 100
}
