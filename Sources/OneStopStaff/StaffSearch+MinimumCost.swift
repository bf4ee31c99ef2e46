import OneStopModel

extension StaffSearch {
  // MARK: - Minimum cost

  /// Throws when no plan within the bounds can meet every target (every count at its upper
  /// bound, and each option at the value that leaves the least shortfall, still misses
  /// one), naming the targets, before any search.
  func requireFeasible() throws(StaffError) {
    var top = variables.map { $0.isOption ? $0.current : $0.high }
    var best = try evaluate(top)
    // Options: one pass, each set to the value with the least shortfall given the others.
    for i in variables.indices where variables[i].isOption && !isMet(best) {
      for j in variables[i].low...variables[i].high where j != top[i] {
        var y = top
        y[i] = j
        let ey = try evaluate(y)
        if shortfall(ey) < shortfall(best) - 1e-12 || isMet(ey) {
          top = y
          best = ey
        }
      }
    }
    if !isMet(best) {
      let failing = targets.indices.filter { !targets[$0].isMet(best.kpis[$0]) }.map { k -> String in
        let est = Estimate(best.kpis[k])
        return
          """
            \(targets[k].text): with every variable at its upper bound the mean is \(StaffFormat.number(est.mean)) \
          \(targets[k].kpi.unit) and its one-sided 95 % bound \(StaffFormat.number(targets[k].bound(best.kpis[k])))
          """
      }
      let options = variables.contains(where: \.isOption) ? " (options at their best values)" : ""
      throw StaffError(
        """
        no plan within the bounds meets every target\(options):\n\(failing.joined(separator: "\n"))\nRaise the upper \
        bounds (--vary KEY=LOW..HIGH) or relax the target.
        """
      )
    }
  }

  /// Lazy ("accelerated") greedy from `start`: each move keeps the gain it had when last
  /// evaluated; under diminishing returns a count's gain can only shrink as the plan grows,
  /// so the candidate on top after re-evaluation at the current plan is the best one, and
  /// most candidates need no new run (Minoux 1978). Gains are (shortfall, then the targets'
  /// KPIs relative to their limits) per unit of cost; a free option move that reduces the
  /// shortfall comes first. Options have no diminishing returns, so their gains are
  /// measured again after every step. A plan already stood on is never returned to.
  public func minimumCost(start: [Int]) throws(StaffError) -> StaffPlan {
    let base = try evaluate(variables.map(\.current))
    try requireFeasible()
    var x = start
    evaluator.reference = x
    var e = try evaluate(x)
    var steps: [StaffStep] = []
    var visited: Set<[Int]> = [x]
    let firstEvaluation = evaluator.evaluations
    func record(_ i: Int, _ delta: Int, _ x: [Int], _ e: StaffEvaluation) {
      let (p, c) = people(x)
      steps.append(StaffStep(variable: i, delta: delta, to: x[i], addedPeople: p, addedCost: c, evaluation: e))
    }
    func reportStep() {
      let perStep =
        steps.isEmpty
        ? Double(moves(from: x).count + 1) : Double(evaluator.evaluations - firstEvaluation) / Double(steps.count)
      onStep?(Self.stepsLeft(minimumCost: x, variables: variables), perStep)
    }
    log("start: \(evaluator.describe(x)); shortfall \(StaffFormat.number(shortfall(e)))")
    var gains: [StaffMove: StaffScore] = [:]
    func gain(_ m: StaffMove) throws(StaffError) -> StaffScore {
      let ey = try evaluate(applying(m, to: x))
      return StaffScore(
        reduction: shortfall(e) - shortfall(ey), improvement: badness(e) - badness(ey),
        cost: cost(from: x, to: applying(m, to: x)))
    }
    while !isMet(e) {
      reportStep()
      var fresh = Set<StaffMove>()
      var chosen: (StaffMove, StaffEvaluation)?
      let open = moves(from: x).filter { !visited.contains(applying($0, to: x)) }
      while !open.isEmpty {
        // Unknown gains first, then the largest stored gain.
        let top = open.max { a, b in
          guard let ga = gains[a] else { return false }
          guard let gb = gains[b] else { return true }
          return gb.isBetter(than: ga)
        }!
        if fresh.contains(top) {
          chosen = (top, try evaluate(applying(top, to: x)))
          break
        }
        gains[top] = try gain(top)
        fresh.insert(top)
      }
      guard let (move, next) = chosen else { break }
      let (what, delta) = take(move, next, x: &x, e: &e, visited: &visited), i = move.variable
      // Gains stored for this key's moves, and every option's, are measured again.
      gains = gains.filter { $0.key.variable != i && !variables[$0.key.variable].isOption }
      if variables[i].isOption { gains = [:] }
      record(i, delta, x, e)
      let persons = variables[i].people
      log(
        what + (variables[i].isOption ? "" : " (+\(persons) person\(persons == 1 ? "" : "s"))")
          + "; shortfall \(StaffFormat.number(shortfall(e)))")
    }
    try takeBack(&x, &e, record: record)
    try exchange(&x, &e, record: record)
    return StaffPlan(values: x, base: base, plan: e, met: isMet(e), steps: steps)
  }

  /// The removal pass: take back what is not needed, the most expensive steps first: a
  /// count down while the targets stay met, an option to a cheaper value (or, at equal cost,
  /// back to the base scenario's) when the targets stay met.
  func takeBack(
    _ x: inout [Int], _ e: inout StaffEvaluation, countsOnly: Bool = false,
    record: (Int, Int, [Int], StaffEvaluation) -> Void
  ) throws(StaffError) {
    func saving(_ i: Int) -> Double {
      let v = variables[i]
      guard v.isOption else { return v.stepCost }
      return (v.low...v.high).map { v.addedCost(x[i]) - v.addedCost($0) }.max() ?? 0
    }
    let savings = variables.indices.map(saving)
    for i in variables.indices.sorted(by: { savings[$0] > savings[$1] }) {
      let v = variables[i]
      if v.isOption {
        if countsOnly { continue }
        let now = v.addedCost(x[i])
        let cheaper = (v.low...v.high).filter { j in
          j != x[i] && (v.addedCost(j) < now - 1e-12 || (j == v.current && v.addedCost(j) <= now + 1e-12))
        }.sorted { (v.addedCost($0), $0 == v.current ? 0 : 1) < (v.addedCost($1), $1 == v.current ? 0 : 1) }
        for j in cheaper {
          var y = x
          y[i] = j
          let ey = try evaluate(y)
          guard isMet(ey) else { continue }
          let delta = j > x[i] ? 1 : -1
          x = y
          evaluator.reference = x
          e = ey
          record(i, delta, x, e)
          log("set \(evaluator.short(v.key)) = \(v.text(j)): targets still met")
          break
        }
        continue
      }
      while x[i] > v.low {
        var y = x
        y[i] -= 1
        let ey = try evaluate(y)
        guard isMet(ey) else { break }
        x = y
        evaluator.reference = x
        e = ey
        record(i, -1, x, e)
        log("remove \(evaluator.short(v.key)) -> \(x[i]): targets still met")
      }
    }
  }
}

extension StaffSearch {
  /// The exchange pass, when there are options: the greedy start gives every pool the
  /// persons its offered load needs at today's option values, so an option that lowers
  /// the load (a faster desk, a Saturday opening) is worth taking only with the persons it
  /// saves. For each option and each other value, the plan with that value, if it meets
  /// every target, has its counts taken back; it replaces the plan when it costs less.
  func exchange(
    _ x: inout [Int], _ e: inout StaffEvaluation, record: (Int, Int, [Int], StaffEvaluation) -> Void
  ) throws(StaffError) {
    for i in variables.indices where variables[i].isOption {
      for j in variables[i].low...variables[i].high where j != x[i] {
        var y = x
        y[i] = j
        var ey = try evaluate(y)
        guard isMet(ey) else { continue }
        log("exchange: trying \(evaluator.short(variables[i].key)) = \(variables[i].text(j)), counts taken back")
        var trial: [(Int, Int, [Int], StaffEvaluation)] = [(i, j > x[i] ? 1 : -1, y, ey)]
        try takeBack(&y, &ey, countsOnly: true) { trial.append(($0, $1, $2, $3)) }
        guard people(y).1 < people(x).1 - 1e-12 else { continue }
        log(
          """
          exchange: \(evaluator.short(variables[i].key)) = \(variables[i].text(j)) with \(trial.count - 1) \
          step\(trial.count == 2 ? "" : "s") taken back costs \(StaffFormat.number(people(x).1 - people(y).1)) less
          """)
        for t in trial { record(t.0, t.1, t.2, t.3) }
        x = y
        e = ey
        evaluator.reference = x
      }
    }
  }
}
