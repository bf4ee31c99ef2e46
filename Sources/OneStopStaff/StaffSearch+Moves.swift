/// A move of the search: variable `variable` set to `to` (a count one higher or lower, or
/// an option's other value).
struct StaffMove: Hashable {
  let variable: Int
  let to: Int
}

/// How good a move is: a free move (an option whose value costs nothing more, or saves)
/// that reduces the targets' shortfall ranks above every move that costs, by its
/// reduction; moves that cost rank by shortfall reduction per unit of cost, then by the
/// targets' KPIs' improvement (relative to their limits) per unit of cost.
struct StaffScore {
  let tier: Int
  let reduction: Double
  let improvement: Double

  init(reduction: Double, improvement: Double, cost: Double) {
    if cost > 1e-12 {
      self.tier = 0
      self.reduction = reduction / cost
      self.improvement = improvement / cost
    } else if reduction > 1e-12 {
      self.tier = 1
      self.reduction = reduction - cost
      self.improvement = improvement
    } else {
      // Free but no reduction: level with a paid move that reduces nothing, or below.
      self.tier = 0
      self.reduction = reduction < -1e-12 ? -.infinity : 0
      self.improvement = improvement
    }
  }

  init(tier: Int, reduction: Double, improvement: Double) {
    self.tier = tier
    self.reduction = reduction
    self.improvement = improvement
  }

  static let worst = StaffScore(tier: -1, reduction: -.infinity, improvement: -.infinity)

  func isBetter(than b: StaffScore) -> Bool {
    if tier != b.tier { return tier > b.tier }
    return reduction > b.reduction + 1e-12 || (abs(reduction - b.reduction) <= 1e-12 && improvement > b.improvement)
  }
}

extension StaffSearch {
  /// The moves from plan `x`: each count one higher (below its upper bound), each option
  /// to each of its other values.
  func moves(from x: [Int]) -> [StaffMove] {
    var out: [StaffMove] = []
    for (i, v) in variables.enumerated() {
      if v.isOption {
        for j in v.low...v.high where j != x[i] { out.append(StaffMove(variable: i, to: j)) }
      } else if x[i] < v.high {
        out.append(StaffMove(variable: i, to: x[i] + 1))
      }
    }
    return out
  }

  func applying(_ m: StaffMove, to x: [Int]) -> [Int] {
    var y = x
    y[m.variable] = m.to
    return y
  }

  /// The cost of going from `x` to `y`.
  func cost(from x: [Int], to y: [Int]) -> Double { people(y).1 - people(x).1 }

  /// A log line's account of a move.
  func describe(_ m: StaffMove, from x: [Int]) -> String {
    let v = variables[m.variable]
    if v.isOption {
      let c = v.addedCost(m.to) - v.addedCost(x[m.variable])
      return "set \(evaluator.short(v.key)) = \(v.text(m.to))" + (c == 0 ? "" : " (cost \(StaffFormat.number(c)))")
    }
    let verb = m.to > x[m.variable] ? "add" : "remove"
    return "\(verb) \(evaluator.short(v.key)) -> \(m.to)"
  }

  /// The most steps a minimum-cost search can still take from `x`: every count up to its
  /// upper bound, every option through each of its other values once, then the take-back
  /// phase: every count from its upper bound down to its lower bound, every option once.
  public static func stepsLeft(minimumCost x: [Int], variables: [StaffVariable]) -> Int {
    zip(variables, x).reduce(0) { n, vx in
      let (v, value) = vx
      return n + (v.isOption ? 2 * (v.high - v.low) : (v.high - value) + (v.high - v.low))
    }
  }

  /// The most steps a budget search can still take from `x` with `left` to spend: counts
  /// up to their bounds, but no more steps than the budget pays for at the cheapest step,
  /// and every option through each of its other values once.
  public static func stepsLeft(budget x: [Int], variables: [StaffVariable], left: Double) -> Int {
    var counts = 0, options = 0
    var cheapest = Double.infinity
    for (v, value) in zip(variables, x) {
      if v.isOption {
        options += v.high - v.low
      } else {
        counts += v.high - value
        if v.high > value && v.stepCost > 0 { cheapest = Swift.min(cheapest, v.stepCost) }
      }
    }
    let paid = cheapest.isFinite ? Int(((Swift.max(0, left) + 1e-9) / cheapest).rounded(.down)) : counts
    return Swift.min(counts, paid) + options
  }

  /// Seconds left at most: steps left times plans per step times seconds per plan.
  public static func secondsLeft(steps: Int, plansPerStep: Double, secondsPerPlan: Double) -> Double {
    Double(steps) * plansPerStep * secondsPerPlan
  }

  /// Takes `move` (evaluated as `next`) from plan `x`: `x` and `e` become the new plan and
  /// its evaluation, which is visited and becomes the evaluator's reference (both searches
  /// step this way). Returns the move in words and its direction (+1 or -1).
  func take(
    _ move: StaffMove, _ next: StaffEvaluation, x: inout [Int], e: inout StaffEvaluation, visited: inout Set<[Int]>
  ) -> (what: String, delta: Int) {
    let what = describe(move, from: x)
    let delta = move.to > x[move.variable] ? 1 : -1
    x[move.variable] = move.to
    visited.insert(x)
    evaluator.reference = x
    e = next
    return (what, delta)
  }
}
