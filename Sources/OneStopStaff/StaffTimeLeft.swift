/// The time a staffing search has left at most, as its progress line shows it.
///
/// An upper estimate: the most steps the search can still take (each count up to its
/// bound, each option through its values; `StaffSearch.stepsLeft`), times the plans it
/// evaluates per step (the mean so far; in the budget mode, the moves it can afford), times
/// the time of one plan (the mean time per replication so far times the replications per
/// plan). Plans found in the cache take no time, and the search stops as soon as every
/// target is met, so it usually ends sooner.
public struct StaffTimeLeft: Sendable {
  /// The most steps left, when the search has said.
  public var stepsLeft: Int?
  public var plansPerStep = 1.0
  public var replicationsPerPlan = 1
  /// Replications run so far and the seconds they took.
  public var replications = 0
  public var seconds = 0.0

  public init() {}

  /// Seconds left at most, counting the replications of the plan being run (`done`, in
  /// `running` seconds); nil before the search has said how many steps are left or
  /// before any replication has finished.
  public func secondsLeft(done: Int = 0, running: Double = 0) -> Double? {
    let runs = replications + done
    guard let stepsLeft, runs > 0 else { return nil }
    let perPlan = (seconds + running) / Double(runs) * Double(replicationsPerPlan)
    return StaffSearch.secondsLeft(steps: stepsLeft, plansPerStep: plansPerStep, secondsPerPlan: perPlan)
  }

  /// `45 s`, `12 min`, `2 h 5 min`.
  public static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    if s < 120 { return "\(s) s" }
    let m = (s + 30) / 60
    return m < 120 ? "\(m) min" : "\(m / 60) h \(m % 60) min"
  }
}
