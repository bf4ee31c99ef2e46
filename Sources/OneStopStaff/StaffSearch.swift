import OneStopModel
import OneStopScenario

/// One move of the search: a key raised (or lowered) by one step, and the plan's KPIs after it.
public struct StaffStep: Sendable {
  public let variable: Int
  public let delta: Int
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
      p += (value - v.current) * v.people
      c += Double(value - v.current) * v.stepCost
    }
    return (p, c)
  }

  // MARK: - Minimum cost

  /// Throws when no plan within the bounds can meet every target (every variable at its
  /// upper bound still misses one), naming the targets, before any search.
  func requireFeasible() throws(StaffError) {
    let top = variables.map(\.high)
    let best = try evaluate(top)
    if !isMet(best) {
      let failing = targets.indices.filter { !targets[$0].isMet(best.kpis[$0]) }.map { k -> String in
        let est = Estimate(best.kpis[k])
        return
          """
              \(targets[k].text): with every variable at its upper bound the mean is \(StaffFormat.number(est.mean)) \
            \(targets[k].kpi.unit) and its one-sided 95 % bound \(StaffFormat.number(targets[k].bound(best.kpis[k])))
            """
      }
      throw StaffError(
        """
          no plan within the bounds meets every target:\n\(failing.joined(separator: "\n"))\nRaise the upper bounds \
          (--vary KEY=LOW..HIGH) or relax the target.
          """
      )
    }
  }

  public func minimumCost(start: [Int]) throws(StaffError) -> StaffPlan {
    let base = try evaluate(variables.map(\.current))
    try requireFeasible()
    var x = start
    evaluator.reference = x
    var e = try evaluate(x)
    var steps: [StaffStep] = []
    func record(_ i: Int, _ delta: Int) {
      let (p, c) = people(x)
      steps.append(StaffStep(variable: i, delta: delta, addedPeople: p, addedCost: c, evaluation: e))
    }
    log("start: \(evaluator.describe(x)); shortfall \(StaffFormat.number(shortfall(e)))")
    // Lazy ("accelerated") greedy: each variable keeps the gain it had when last
    // evaluated; under diminishing returns a gain can only shrink as the plan grows, so the
    // candidate on top after re-evaluation at the current plan is the best one, and most
    // candidates need no new run (Minoux 1978). Gains are (shortfall, then the targets'
    // KPIs relative to their limits) per unit of cost.
    var gains: [(Double, Double)?] = Array(repeating: nil, count: variables.count)
    func gain(_ i: Int) throws(StaffError) -> ((Double, Double), StaffEvaluation) {
      var y = x
      y[i] += 1
      let ey = try evaluate(y)
      return (
        ((shortfall(e) - shortfall(ey)) / variables[i].stepCost, (badness(e) - badness(ey)) / variables[i].stepCost), ey
      )
    }
    func better(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
      a.0 > b.0 + 1e-12 || (abs(a.0 - b.0) <= 1e-12 && a.1 > b.1)
    }
    while !isMet(e) {
      var fresh = Set<Int>()
      var chosen: (Int, StaffEvaluation)?
      while true {
        let open = variables.indices.filter { x[$0] < variables[$0].high }
        guard !open.isEmpty else { break }
        // Unknown gains first, then the largest stored gain.
        let top = open.max { a, b in
          guard let ga = gains[a] else { return false }
          guard let gb = gains[b] else { return true }
          return better(gb, ga)
        }!
        if fresh.contains(top) {
          var y = x
          y[top] += 1
          chosen = (top, try evaluate(y))
          break
        }
        let (g, _) = try gain(top)
        gains[top] = g
        fresh.insert(top)
      }
      guard let (bestIndex, next) = chosen else { break }
      x[bestIndex] += 1
      evaluator.reference = x
      e = next
      gains[bestIndex] = nil
      record(bestIndex, 1)
      log(
        """
          add \(evaluator.short(variables[bestIndex].key)) -> \(x[bestIndex]) (+\(variables[bestIndex].people) \
          person\(variables[bestIndex].people == 1 ? "" : "s")); shortfall \(StaffFormat.number(shortfall(e)))
          """
      )
    }
    // Removal pass: take back what is not needed, the most expensive steps first.
    for i in variables.indices.sorted(by: { variables[$0].stepCost > variables[$1].stepCost }) {
      while x[i] > variables[i].low {
        var y = x
        y[i] -= 1
        let ey = try evaluate(y)
        guard isMet(ey) else { break }
        x = y
        evaluator.reference = x
        e = ey
        record(i, -1)
        log("remove \(evaluator.short(variables[i].key)) -> \(x[i]): targets still met")
      }
    }
    return StaffPlan(values: x, base: base, plan: e, met: isMet(e), steps: steps)
  }

  // MARK: - Budget

  /// Spends `budget` (in cost units; persons when every cost is 1) from the base scenario.
  public func spend(budget: Double) throws(StaffError) -> StaffPlan {
    var x = variables.map(\.current)
    evaluator.reference = x
    let dear = variables.filter { $0.stepCost > budget + 1e-9 }
    if !dear.isEmpty {
      log(
        "one step of these costs more than the budget: "
          + dear.map { "\(evaluator.short($0.key)) (\(StaffFormat.number($0.stepCost)))" }.joined(separator: ", "))
    }
    let base = try evaluate(x)
    var e = base
    var steps: [StaffStep] = []
    var spent = 0.0
    while true {
      var bestIndex = -1, bestScore = (-Double.infinity, -Double.infinity)
      var bestEval: StaffEvaluation?
      let s0 = shortfall(e), b0 = badness(e)
      for i in variables.indices where x[i] < variables[i].high && spent + variables[i].stepCost <= budget + 1e-9 {
        var y = x
        y[i] += 1
        let ey = try evaluate(y)
        // Targets not yet met come first (their shortfall), then every target's mean
        // relative to its limit: a person is not spent on a target already met while
        // another one misses.
        // A step that widens a bound a little (noise) counts as no reduction, not a loss.
        let score = (
          Swift.max(0, s0 - shortfall(ey)) / variables[i].stepCost, (b0 - badness(ey)) / variables[i].stepCost
        )
        if score.0 > bestScore.0 + 1e-12 || (abs(score.0 - bestScore.0) <= 1e-12 && score.1 > bestScore.1) {
          bestIndex = i
          bestScore = score
          bestEval = ey
        }
      }
      guard bestIndex >= 0, let next = bestEval else { break }
      guard bestScore.0 > 1e-12 || bestScore.1 > 0 else {
        log(
          "no further step improves the targets' KPIs; \(StaffFormat.number(budget - spent)) of the budget left unspent"
        )
        break
      }
      x[bestIndex] += 1
      evaluator.reference = x
      spent += variables[bestIndex].stepCost
      e = next
      let (p, c) = people(x)
      steps.append(StaffStep(variable: bestIndex, delta: 1, addedPeople: p, addedCost: c, evaluation: e))
      log(
        """
          add \(evaluator.short(variables[bestIndex].key)) -> \(x[bestIndex]); spent \(StaffFormat.number(spent)) of \
          \(StaffFormat.number(budget))
          """
      )
    }
    return StaffPlan(values: x, base: base, plan: e, met: isMet(e), steps: steps)
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
    for i in variables.indices {
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
  /// variable one higher.
  public static func people(of variables: [StaffVariable], evaluator: StaffEvaluator) throws(StaffError) -> [Int] {
    let current = variables.map(\.current)
    let (_, base) = try evaluator.model(current)
    let total = { (m: CompiledModel) in
      m.deskGroups.reduce(0) { $0 + $1.count } + m.stations.filter { !$0.isOnlineIntake }.reduce(0) { $0 + $1.officers }
    }
    var out: [Int] = []
    for i in variables.indices {
      var up = current
      up[i] += 1
      let (_, m) = try evaluator.model(up)
      out.append(Swift.max(1, total(m) - total(base)))
    }
    return out
  }
}
