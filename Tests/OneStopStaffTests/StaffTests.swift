import Foundation
import OneStopModel
import OneStopScenario
import OneStopStaff
import ReferenceModels
import Testing

/// `onestop staff`: the search against queueing theory, against an exhaustive grid, on
/// infeasible bounds, and its plan on fresh seeds.
@Suite struct StaffTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let mmc = root.appendingPathComponent("scenarios/mmc.yaml").path

  /// One centre, two desk groups, one back office: small enough for an exhaustive grid.
  static let small = """
    scenario: small-staff
    start: 2022-01-03
    end: 2022-02-28
    warmup_until: 2022-01-10
    seed: 7
    replications: 3
    calendar:
      vietnam: false
    levels: [only]
    fields: [land, civil]
    hours:
      office:
        weekdays: ["07:00-11:30", "13:30-17:00"]
    units:
      - id: centre
        level: only
        hours: office
        ticket_cutoff: "16:30"
        closing_rule: serve-all
        online_intake_officers: 0
        desks:
          - {id: land, count: 2, fields: [land]}
          - {id: civil, count: 2, fields: [civil]}
    agencies:
      - {id: BACK@centre, unit: centre, officers: 3, discipline: edf}
    procedures:
      - {id: land-p, field: land, deadline: 5wd, online: none, intake_time: {exponential: 12m}, p_incomplete: 0, \
    p_refused: 0,
         p_guidance_only: 0, p_supplement: 0, steps: [{agency: BACK@centre, work: {exponential: 2h}}]}
      - {id: civil-p, field: civil, deadline: 2wd, online: none, intake_time: {exponential: 8m}, p_incomplete: 0, \
    p_refused: 0,
         p_guidance_only: 0, p_supplement: 0, steps: [{agency: BACK@centre, work: {exponential: 30m}}]}
    demand:
      - unit: centre
        annual_volume: 9000
        mix: {land-p: 1, civil-p: 2}
        online_share: 0
        postal_share: 0
    """

  static func smallFile() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-staff-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("small.yaml").path
    try small.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let smallVariables = [
    StaffVariable(key: "units[centre].desks[land].count", low: 1, high: 4, current: 2),
    StaffVariable(key: "units[centre].desks[civil].count", low: 1, high: 4, current: 2),
    StaffVariable(key: "agencies[BACK@centre].officers", low: 3, high: 7, cost: 1.5, current: 3),
  ]

  static let smallTargets = [
    try! StaffTarget.parse("desk_wait_mean<=2m"),
    try! StaffTarget.parse("overdue_rate_of_received<=2"),
  ]

  static func search(
    _ path: String, _ variables: [StaffVariable], _ targets: [StaffTarget], seed: UInt64 = 11,
    replications: Int = 4, overrides: [String] = []
  ) -> StaffSearch {
    let evaluator = StaffEvaluator(
      path: path, overrides: overrides, variables: variables, targets: targets, seed: seed, threads: nil)
    // No adaptive replications: every plan is judged on the same replications as the grid.
    return StaffSearch(evaluator: evaluator, replications: replications, maxReplications: replications)
  }

  /// Every point of the grid of `variables`.
  static func grid(_ variables: [StaffVariable]) -> [[Int]] {
    var points: [[Int]] = [[]]
    for v in variables { points = points.flatMap { p in (v.low...v.high).map { p + [$0] } } }
    return points
  }

  @Test func targetsParseWithUnitsAndSuggestKPIs() throws {
    let t = try StaffTarget.parse("desk_wait_p90@pasc<=0.25h")
    #expect(t.limit == 15 && t.sense == .atMost && t.kpi.name == "desk_wait_p90@pasc")
    #expect(try StaffTarget.parse("on_time_rate_of_received>=95%").sense == .atLeast)
    #expect(throws: StaffError.self) { try StaffTarget.parse("on_time_rate_of_received<=15m") }
    do {
      _ = try StaffTarget.parse("desk_wiat_mean<=2")
      Issue.record("an unknown KPI was accepted")
    } catch {
      #expect(error.description.contains("did you mean 'desk_wait_mean'"))
    }
  }

  /// On the M/M/c reference queue, the fewest desks for a mean-wait target are the Erlang C
  /// answer. The limit sits between Erlang C's mean waits with c - 1 and c desks (their
  /// geometric mean), so the answer is unambiguous at the simulation's precision.
  @Test(arguments: [9, 10])
  func minimumDesksForAMeanWaitAreErlangC(answer: Int) throws {
    // scenarios/mmc.yaml: λ = 7.2 per minute, μ = 1 per minute.
    let lambda = 7.2, mu = 1.0
    let above = try #require(QueueingTheory.mmc(servers: answer - 1, arrivalRate: lambda, serviceRate: mu)).meanWait
    let at = try #require(QueueingTheory.mmc(servers: answer, arrivalRate: lambda, serviceRate: mu)).meanWait
    let limit = (above * at).squareRoot()
    let target = try StaffTarget.parse("desk_wait_mean<=\(limit)")
    let v = StaffVariable(key: "units[desk-hall].desks[desks].count", low: 1, high: 16, current: 8)
    let s = Self.search(Self.mmc, [v], [target], replications: 4, overrides: ["end=2022-01-08"])
    let plan = try s.minimumCost(start: try s.warmStart())
    #expect(plan.met)
    #expect(
      plan.values == [answer], "Erlang C: Wq(\(answer - 1)) = \(above) min, Wq(\(answer)) = \(at) min, limit \(limit)")
  }

  /// The plan's cost equals the cheapest feasible point of the exhaustive grid (on the
  /// same replications), and the budget mode's first pick is the grid's best single step.
  @Test func thePlanIsTheGridOptimumAndTheFirstBudgetPickItsBestStep() throws {
    let path = try Self.smallFile()
    let s = Self.search(path, Self.smallVariables, Self.smallTargets)
    let plan = try s.minimumCost(start: try s.warmStart())
    #expect(plan.met)
    func cost(_ x: [Int]) -> Double {
      zip(Self.smallVariables, x).reduce(0) { $0 + Double($1.1 - $1.0.current) * $1.0.stepCost }
    }
    var best = Double.infinity
    var evaluated = 0
    for x in Self.grid(Self.smallVariables) {
      let e = try s.evaluate(x)
      evaluated += 1
      if s.isMet(e) { best = min(best, cost(x)) }
    }
    #expect(evaluated == 4 * 4 * 5)
    #expect(
      cost(plan.values) == best,
      "plan \(plan.values) costs \(cost(plan.values)); the grid's cheapest feasible point costs \(best)")

    // Budget: the first step taken is the single step with the largest improvement per cost.
    let spent = try s.spend(budget: 3)
    let first = try #require(spent.steps.first)
    // Gains as docs/staffing.md defines them: the shortfall of unmet targets first, then
    // the means relative to the limits, per unit of cost.
    let base = Self.smallVariables.map(\.current)
    func measures(_ x: [Int]) throws -> (Double, Double) {
      let e = try s.evaluate(x)
      return (
        Self.smallTargets.indices.reduce(0) { $0 + Self.smallTargets[$1].shortfall(e.kpis[$1]) },
        Self.smallTargets.indices.reduce(0) { $0 + Self.smallTargets[$1].badness(e.kpis[$1]) }
      )
    }
    let m0 = try measures(base)
    let gains = try Self.smallVariables.indices.map { i -> (Double, Double) in
      var y = base
      y[i] += 1
      let m = try measures(y)
      return ((m0.0 - m.0) / Self.smallVariables[i].stepCost, (m0.1 - m.1) / Self.smallVariables[i].stepCost)
    }
    #expect(
      first.variable
        == gains.indices.max { gains[$0].0 < gains[$1].0 || (gains[$0].0 == gains[$1].0 && gains[$0].1 < gains[$1].1) })
    #expect(spent.steps.last!.addedCost <= 3)
  }

  /// Bounds too low: the error names the target that cannot be met.
  @Test func infeasibleBoundsNameTheTarget() throws {
    let path = try Self.smallFile()
    var variables = Self.smallVariables
    variables[2].high = 3  // three officers cannot keep up with the back office's work
    let s = Self.search(path, variables, Self.smallTargets)
    do {
      _ = try s.minimumCost(start: variables.map(\.low))
      Issue.record("an infeasible search returned a plan")
    } catch {
      #expect(error.description.contains("overdue_rate_of_received<=2"))
      #expect(!error.description.contains("desk_wait_mean<=2m:"))
    }
  }

  /// The plan, run again on other seeds (8 replications), still meets every target with
  /// 95 % confidence.
  @Test func thePlanMeetsTheTargetsOnFreshSeeds() throws {
    let path = try Self.smallFile()
    let s = Self.search(path, Self.smallVariables, Self.smallTargets)
    let plan = try s.minimumCost(start: try s.warmStart())
    let fresh = Self.search(path, Self.smallVariables, Self.smallTargets, seed: 9_001, replications: 8)
    let e = try fresh.evaluate(plan.values)
    for (k, t) in Self.smallTargets.enumerated() {
      #expect(t.isMet(e.kpis[k]), "\(t.text): one-sided 95 % bound \(t.bound(e.kpis[k])) on fresh seeds")
    }
  }

  /// The variant file extends the base and, run, reproduces the plan's values.
  @Test func thePlanVariantRunsAsWritten() throws {
    let path = try Self.smallFile()
    let dir = (path as NSString).deletingLastPathComponent
    let text = StaffVariant.text(
      base: "small.yaml", name: "small-plan", comment: ["test"],
      assignments: [("units[centre].desks[land].count", "3"), ("agencies[BACK@centre].officers", "6")])
    let variant = (dir as NSString).appendingPathComponent("plan.yaml")
    try text.write(toFile: variant, atomically: true, encoding: .utf8)
    let (_, model) = try Scenario.load(path: variant)
    #expect(model.deskGroups.map(\.count) == [3, 2])
    #expect(model.stations.filter { !$0.isOnlineIntake }.map(\.officers) == [6])
  }

  @Test func discoveryFindsDeskGroupsAndAgencies() throws {
    let root = try ScenarioLoader.load(path: Self.root.appendingPathComponent("scenarios/tuyen-quang-2022.yaml").path)
    let keys = StaffVariable.discover(in: root)
    #expect(keys.contains("unit_defaults.district.desks[land].count"))
    #expect(keys.contains("units[pasc].desks[transport].count"))
    #expect(keys.contains("agencies[TNMT@{unit}].officers"))
    for k in keys { #expect(StaffKeyPath.integer(k, in: root) != nil, "\(k)") }
  }
}
