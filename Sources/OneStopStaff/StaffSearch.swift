import OneStopModel
import OneStopScenario

/// One move of the search: a key raised (or lowered) by one step, or an option set to
/// another value, and the plan's KPIs after it.
public struct StaffStep: Sendable {
  public let variable: Int
  public let delta: Int
  /// The key's value after the move (an option's index into its values).
  public let to: Int
  /// Persons added so far relative to the base scenario, and their cost.
  public let addedPeople: Int
  public let addedCost: Double
  public let evaluation: StaffEvaluation
}

/// The outcome of a search: the plan, whether it meets every target with 95 % confidence,
/// the KPIs of the base scenario and of the plan, and the path the search took (the
/// trade-off curve).
public struct StaffPlan: Sendable {
  public let values: [Int]
  public let base: StaffEvaluation
  public let plan: StaffEvaluation
  public let met: Bool
  public let steps: [StaffStep]
}

/// Greedy marginal allocation on common random numbers.
///
/// *Minimum cost.* Start from a warm start (no pool below its offered load: a pool with
/// fewer persons than the work it is offered cannot keep up, whatever the target), then
/// repeatedly add the one step that most reduces the targets' shortfall per unit of cost,
/// until every target is met with 95 % confidence; then a removal pass takes back every step
/// that is not needed (the most expensive first). Each candidate is run on the same
/// replications, so the comparison of two candidates is paired. A candidate whose means meet
/// the targets but whose confidence bounds do not gets more replications (up to the maximum)
/// before it is judged.
///
/// *Best use of a budget.* From the base scenario, add the step that most improves the
/// targets' KPIs (relative to their limits) per unit of cost, until the budget is spent;
/// each step's marginal value is recorded.
///
/// Greedy allocation is optimal when the KPIs are separable and have diminishing returns
/// in each pool (the classic result for marginal allocation); a province's pools interact
/// only through the dossiers they pass on, so it is a heuristic there, checked against an
/// exhaustive grid in the tests. See docs/staffing.md.
public struct StaffSearch {
  public let evaluator: StaffEvaluator
  public let replications: Int
  public let maxReplications: Int
  let log: (String) -> Void

  /// Called before each step with the most steps the search can still take and the plans
  /// it evaluates per step (the mean so far): the progress line's time left.
  public var onStep: ((_ stepsLeft: Int, _ plansPerStep: Double) -> Void)?

  public init(
    evaluator: StaffEvaluator, replications: Int, maxReplications: Int, log: @escaping (String) -> Void = { _ in }
  ) {
    self.evaluator = evaluator
    self.replications = replications
    self.maxReplications = Swift.max(replications, maxReplications)
    self.log = log
  }

  var variables: [StaffVariable] { evaluator.variables }
  var targets: [StaffTarget] { evaluator.targets }

  public func isMet(_ e: StaffEvaluation) -> Bool { targets.indices.allSatisfy { targets[$0].isMet(e.kpis[$0]) } }

  func shortfall(_ e: StaffEvaluation) -> Double {
    targets.indices.reduce(0) { $0 + targets[$1].shortfall(e.kpis[$1]) }
  }

  func badness(_ e: StaffEvaluation) -> Double { targets.indices.reduce(0) { $0 + targets[$1].badness(e.kpis[$1]) } }

  /// Evaluates `x`, adding replications while its means meet every target but a bound does not.
  public func evaluate(_ x: [Int]) throws(StaffError) -> StaffEvaluation {
    var e = try evaluator.evaluate(x, replications: replications)
    while !isMet(e) && e.replications < maxReplications && meansMeet(e) {
      e = try evaluator.evaluate(x, replications: Swift.min(maxReplications, 2 * e.replications))
    }
    return e
  }

  func meansMeet(_ e: StaffEvaluation) -> Bool {
    targets.indices.allSatisfy { k in
      let m = Estimate(e.kpis[k]).mean
      return targets[k].sense == .atMost ? m <= targets[k].limit : m >= targets[k].limit
    }
  }

  func people(_ x: [Int]) -> (Int, Double) {
    var p = 0, c = 0.0
    for (v, value) in zip(variables, x) {
      p += v.addedPeople(value)
      c += v.addedCost(value)
    }
    return (p, c)
  }

  // MARK: - Warm start

  /// Where the minimum-cost search starts: for each variable, the persons that carry the
  /// work its pools are offered in the base scenario (busy time over one person's open
  /// time, from two runs of the base) at `utilisation` (default 85 %), and never fewer than
  /// the stability bound: more persons than the offered load, the condition of Erlang C
  /// (c > λ / μ) for desks and of offered work per working hour for back offices; a plan
  /// below that bound cannot keep up whatever the target. Starting near the answer saves
  /// greedy steps; the removal pass takes back what the start gave too much. Offered load
  /// is measured at the base's staffing: a pool saturated there is underestimated.
  public func warmStart(utilisation: Double = 0.85) throws(StaffError) -> [Int] {
    let current = variables.map(\.current)
    let (_, baseModel) = try evaluator.model(current)
    // Offered load per desk group and per station: busy time over one person's open time.
    let loads =
      baseModel.deskGroups.indices.map { g in
        KPI("desk_load_\(g)", .staff) { r, m in
          let perDesk = r.deskGroups[g].openSeconds / Double(m.deskGroups[g].count)
          return m.deskGroups[g].count > 0 && perDesk > 0 ? r.deskGroups[g].busySeconds / perDesk : 0
        }
      }
      + baseModel.stations.indices.map { s in
        KPI("station_load_\(s)", .officers) { r, m in
          let perOfficer = r.stations[s].availableSeconds / Double(m.stations[s].officers)
          return m.stations[s].officers > 0 && perOfficer > 0 ? r.stations[s].busySeconds / perOfficer : 0
        }
      }
    var series = KPISeries(loads, model: baseModel)
    Replications.run(
      baseModel, seed: evaluator.seed, count: Swift.min(2, replications), threads: evaluator.threads, into: &series)
    let peak = series.values.map { $0.reduce(0.0, Swift.max) }
    let deskLoad = Array(peak.prefix(baseModel.deskGroups.count))
    let stationLoad = Array(peak.dropFirst(baseModel.deskGroups.count))
    var start = current
    // An option keeps its value: offered load says nothing about it.
    for i in variables.indices where !variables[i].isOption {
      var up = current
      up[i] += 1
      guard let (_, upModel) = try? evaluator.model(up) else { continue }
      var need = 0
      func persons(_ load: Double) -> Int {
        Swift.max(Int(load.rounded(.down)) + 1, Int((load / utilisation).rounded(.up)))
      }
      for g in baseModel.deskGroups.indices where upModel.deskGroups[g].count != baseModel.deskGroups[g].count {
        need = Swift.max(need, persons(deskLoad[g]))
      }
      for s in baseModel.stations.indices where upModel.stations[s].officers != baseModel.stations[s].officers {
        need = Swift.max(need, persons(stationLoad[s]))
      }
      start[i] = Swift.min(variables[i].high, Swift.max(variables[i].low, need))
    }
    return start
  }

  /// Persons one step of each variable adds, found by compiling the scenario with the
  /// variable one higher (0 for an option).
  public static func people(of variables: [StaffVariable], evaluator: StaffEvaluator) throws(StaffError) -> [Int] {
    let current = variables.map(\.current)
    let (_, base) = try evaluator.model(current)
    let total = { (m: CompiledModel) in
      m.deskGroups.reduce(0) { $0 + $1.count } + m.stations.filter { !$0.isOnlineIntake }.reduce(0) { $0 + $1.officers }
    }
    var out: [Int] = []
    for i in variables.indices {
      guard !variables[i].isOption else {
        out.append(0)
        continue
      }
      var up = current
      up[i] += 1
      let (_, m) = try evaluator.model(up)
      out.append(Swift.max(1, total(m) - total(base)))
    }
    return out
  }
}
