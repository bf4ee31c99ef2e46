extension StaffSearch {
  // MARK: - Budget

  /// Spends `budget` (in cost units; persons when every cost is 1) from the base scenario:
  /// at each step every affordable move is run and the best one taken (targets not yet met
  /// first, by shortfall reduction per unit of cost, then every target's mean relative to
  /// its limit); a free option move that reduces the shortfall comes before any paid one.
  public func spend(budget: Double) throws(StaffError) -> StaffPlan {
    var x = variables.map(\.current)
    evaluator.reference = x
    let dear = variables.filter { !$0.isOption && $0.stepCost > budget + 1e-9 }
    if !dear.isEmpty {
      log(
        "one step of these costs more than the budget: "
          + dear.map { "\(evaluator.short($0.key)) (\(StaffFormat.number($0.stepCost)))" }.joined(separator: ", "))
    }
    let base = try evaluate(x)
    var e = base
    var steps: [StaffStep] = []
    var visited: Set<[Int]> = [x]
    while true {
      let spent = people(x).1
      var best: (move: StaffMove, score: StaffScore, evaluation: StaffEvaluation)?
      let s0 = shortfall(e), b0 = badness(e)
      let candidates = moves(from: x).filter { m in
        let y = applying(m, to: x)
        return !visited.contains(y) && people(y).1 <= budget + 1e-9
      }
      onStep?(Self.stepsLeft(budget: x, variables: variables, left: budget - spent), Double(candidates.count))
      for m in candidates {
        let y = applying(m, to: x)
        let ey = try evaluate(y)
        // A step that widens a bound a little (noise) counts as no reduction, not a loss.
        let score = StaffScore(
          reduction: Swift.max(0, s0 - shortfall(ey)), improvement: b0 - badness(ey), cost: cost(from: x, to: y))
        if score.isBetter(than: best?.score ?? .worst) { best = (m, score, ey) }
      }
      guard let (move, score, next) = best else { break }
      guard score.reduction > 1e-12 || score.improvement > 0 else {
        log(
          "no further step improves the targets' KPIs; \(StaffFormat.number(budget - spent)) of the budget left unspent"
        )
        break
      }
      let (what, delta) = take(move, next, x: &x, e: &e, visited: &visited), i = move.variable
      let (p, c) = people(x)
      steps.append(StaffStep(variable: i, delta: delta, to: x[i], addedPeople: p, addedCost: c, evaluation: e))
      log("\(what); spent \(StaffFormat.number(c)) of \(StaffFormat.number(budget))")
    }
    return StaffPlan(values: x, base: base, plan: e, met: isMet(e), steps: steps)
  }
}
