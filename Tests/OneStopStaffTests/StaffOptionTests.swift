import Foundation
import OneStopModel
import OneStopScenario
import OneStopStaff
import ReferenceModels
import Testing

/// Options as decisions of `staff`: values parsed from `--vary`, the scenario's value found
/// among them, costs per step and per value, the search against Erlang C with a
/// faster-desk option that competes with desks, the journal read back by value, and the
/// arithmetic of the time left.
@Suite struct StaffOptionTests {
  static let mmc = StaffTests.mmc

  @Test func optionValuesParseListsRangesAndRefuseMistakes() throws {
    #expect(try StaffVariable.optionValues("40,60,80,null") == ["40", "60", "80", "null"])
    #expect(try StaffVariable.optionValues("0..0.3:0.1") == ["0", "0.1", "0.2", "0.3"])
    #expect(try StaffVariable.optionValues("0..1:0.4") == ["0", "0.4", "0.8"])
    #expect(
      try StaffVariable.optionValues(#"closed, ["07:00-11:30", "13:30-17:00"]"#)
        == ["closed", #"["07:00-11:30", "13:30-17:00"]"#])
    #expect(try StaffVariable.optionValues("office,pasc-saturday-full") == ["office", "pasc-saturday-full"])
    // A count range and a single value are not options.
    #expect(try StaffVariable.optionValues("3..9") == nil)
    #expect(try StaffVariable.optionValues("5") == nil)
    #expect(throws: StaffError.self) { try StaffVariable.optionValues("0..0.5") }
    #expect(throws: StaffError.self) { try StaffVariable.optionValues("0..1:0") }
    #expect(throws: StaffError.self) { try StaffVariable.optionValues("0..1e9:1") }
    #expect(throws: StaffError.self) { try StaffVariable.optionValues("40,,60") }
    #expect(throws: StaffError.self) { try StaffVariable.optionValues("40,60,40") }
  }

  /// The scenario's value is found among the listed ones (as text, the same number, or the
  /// key's default when the file does not write it), or added where it sorts.
  @Test func theCurrentValueIsFoundOrAddedInOrder() throws {
    let root = try ScenarioLoader.load(path: Self.mmc)
    let desks = "units[desk-hall].desks[desks]"
    // Written in the file: count 8.
    let count = StaffVariable.option(key: "\(desks).count", values: ["7", "9", "10"], in: root)
    #expect(count.choices! == ["7", nil, "9", "10"] && count.current == 1 && count.text(1) == "8")
    // Not written: the key reference's default (`1` for service_time_factor, `null` for quota).
    let factor = StaffVariable.option(key: "\(desks).service_time_factor", values: ["0.8", "1.0"], in: root)
    #expect(factor.choices! == ["0.8", "1.0"] && factor.current == 1)
    let quota = StaffVariable.option(key: "\(desks).quota", values: ["40", "null"], in: root)
    #expect(quota.current == 1 && quota.yaml(quota.current) == "null")
    let stagger = StaffVariable.option(key: "\(desks).lunch_stagger", values: ["30m", "1h"], in: root)
    #expect(stagger.choices! == [nil, "30m", "1h"] && stagger.current == 0 && stagger.yaml(0) == nil)
    #expect(ConfigurationSchema.defaultText(at: "behaviour.p_return_after_quota") == "0.95")
    #expect(ConfigurationSchema.defaultText(at: "unit_defaults.district.desks[land].quota") == "null")
    #expect(ConfigurationSchema.defaultText(at: "units[x].desks[y].no_such_key") == nil)
  }

  @Test func costsPerStepAndPerValueAreRelativeToTheCurrentValue() {
    var v = StaffVariable(key: "k", choices: ["a", nil, "c", "d"], current: 1, currentText: "b", cost: 2)
    #expect((0...3).map(v.addedCost) == [-2, 0, 2, 4])
    #expect(v.addedPeople(3) == 0 && v.stepCost == 2)
    // Per value: one cost per listed value; the scenario's own value (added) costs 0.
    v.choiceCosts = [5, 1, 3]
    #expect((0...3).map(v.addedCost) == [5, 0, 1, 3])
    let listedCurrent = StaffVariable(key: "k", choices: ["x", "y"], current: 1, currentText: "y")
    var w = listedCurrent
    w.choiceCosts = [0, 1.5]
    #expect(w.addedCost(0) == -1.5 && w.addedCost(1) == 0)
    #expect(listedCurrent.addedCost(0) == 0)  // options cost 0 by default
  }

  /// M/M/c with a faster-desk option (service_time_factor 0.8, at a cost) competing with
  /// desks: by Erlang C (λ = 7.2/min, μ = 1/min) a mean wait of 0.2 min needs 10 desks at
  /// factor 1 (Wq(9) = 0.240, Wq(10) = 0.091) and 8 at factor 0.8 (Wq(7) = 0.345, Wq(8) =
  /// 0.108). Two extra desks cost 2: the option at 1.5 is the cheaper plan, at 2.5 it is not.
  @Test(arguments: [(1.5, true), (2.5, false)])
  func aFasterDeskOptionCompetesWithDesksAsErlangCSays(optionCost: Double, faster: Bool) throws {
    let lambda = 7.2
    let w9 = try #require(QueueingTheory.mmc(servers: 9, arrivalRate: lambda, serviceRate: 1)).meanWait
    let w10 = try #require(QueueingTheory.mmc(servers: 10, arrivalRate: lambda, serviceRate: 1)).meanWait
    let w7 = try #require(QueueingTheory.mmc(servers: 7, arrivalRate: lambda, serviceRate: 1.25)).meanWait
    let w8 = try #require(QueueingTheory.mmc(servers: 8, arrivalRate: lambda, serviceRate: 1.25)).meanWait
    #expect(w10 < 0.2 && 0.2 < w9 && w8 < 0.2 && 0.2 < w7)
    let root = try ScenarioLoader.load(path: Self.mmc)
    let desks = StaffVariable(key: "units[desk-hall].desks[desks].count", low: 1, high: 14, current: 8)
    var option = StaffVariable.option(
      key: "units[desk-hall].desks[desks].service_time_factor", values: ["1", "0.8"], in: root)
    option.choiceCosts = [0, optionCost]
    let target = try StaffTarget.parse("desk_wait_mean<=0.2")
    let s = StaffTests.search(Self.mmc, [desks, option], [target], replications: 4, overrides: ["end=2022-01-10"])
    let plan = try s.minimumCost(start: try s.warmStart())
    #expect(plan.met)
    #expect(plan.values == (faster ? [8, 1] : [10, 0]), "plan \(plan.values)")
  }

  /// A free option that reduces the shortfall is the first step, before any desk.
  @Test func aFreeOptionThatHelpsIsTakenFirst() throws {
    let root = try ScenarioLoader.load(path: Self.mmc)
    let desks = StaffVariable(key: "units[desk-hall].desks[desks].count", low: 1, high: 14, current: 8)
    let option = StaffVariable.option(
      key: "units[desk-hall].desks[desks].service_time_factor", values: ["1", "0.8"], in: root)
    let target = try StaffTarget.parse("desk_wait_mean<=0.2")
    let s = StaffTests.search(Self.mmc, [desks, option], [target], replications: 4, overrides: ["end=2022-01-10"])
    let plan = try s.minimumCost(start: [8, 0])
    let first = try #require(plan.steps.first)
    #expect(first.variable == 1 && first.to == 1 && first.addedCost == 0)
    #expect(plan.values == [8, 1] && plan.met)
    // The budget search takes it too, and spends nothing on it.
    let spent = try s.spend(budget: 1)
    #expect(spent.steps.first?.variable == 1 && spent.steps.first?.addedCost == 0)
  }

  /// The journal records options by value: a search that lists them in another order
  /// reads every plan back from it and runs nothing again.
  @Test func theJournalReadsOptionsBackByValue() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-staff-opt-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let journal = (dir as NSString).appendingPathComponent("evaluations.jsonl")
    try? FileManager.default.removeItem(atPath: journal)
    let root = try ScenarioLoader.load(path: Self.mmc)
    let key = "units[desk-hall].desks[desks].service_time_factor"
    let target = try StaffTarget.parse("desk_wait_mean<=0.2")
    func evaluator(_ values: [String]) -> StaffEvaluator {
      StaffEvaluator(
        path: Self.mmc, overrides: ["end=2022-01-05"],
        variables: [StaffVariable.option(key: key, values: values, in: root)],
        targets: [target], seed: 3, threads: nil, journal: journal)
    }
    let first = evaluator(["1", "0.8", "0.9"])
    let a = try first.evaluate([1], replications: 2)  // 0.8
    let b = try first.evaluate([2], replications: 2)  // 0.9
    let again = evaluator(["0.9", "0.8", "1"])
    #expect(try again.evaluate([1], replications: 2).kpis == a.kpis)
    #expect(try again.evaluate([0], replications: 2).kpis == b.kpis)
    #expect(again.replicationsRun == 0 && again.cacheHits == 2)
  }

  /// The time left: steps left bounded by the keys' ranges (and the budget), times plans
  /// per step, times seconds per plan; by hand.
  @Test func theTimeLeftIsStepsTimesPlansTimesSeconds() throws {
    let count = StaffVariable(key: "a", low: 1, high: 5, cost: 1.5, current: 2)
    let other = StaffVariable(key: "b", low: 0, high: 4, cost: 2, current: 0)
    let option = StaffVariable(key: "c", choices: ["x", "y", "z"], current: 0, currentText: "x")
    // Up: 5 - 3 = 2; take-back: 5 - 1 = 4; option: 2 other values, up and back: 4.
    #expect(StaffSearch.stepsLeft(minimumCost: [3, 0, 1], variables: [count, option]) == 10)
    // Counts: 2 + 4 = 6 steps in range, but 4 / 1.5 pays for 2; the option adds 2.
    #expect(StaffSearch.stepsLeft(budget: [3, 0, 0], variables: [count, other, option], left: 4) == 4)
    #expect(StaffSearch.stepsLeft(budget: [3, 0, 0], variables: [count, other, option], left: 100) == 8)
    #expect(StaffSearch.stepsLeft(budget: [5, 4, 0], variables: [count, other, option], left: 0) == 2)
    #expect(StaffSearch.secondsLeft(steps: 4, plansPerStep: 2.5, secondsPerPlan: 3) == 30)
    // The progress line's estimate: 8 replications in 20 s and 2 of the running plan in
    // 4 s are 2.4 s each, 9.6 s for a plan of 4; 6 steps of 2.5 plans: 144 s.
    var estimate = StaffTimeLeft()
    #expect(estimate.secondsLeft(done: 2, running: 4) == nil)  // the search has not said
    estimate.stepsLeft = 6
    estimate.plansPerStep = 2.5
    estimate.replicationsPerPlan = 4
    #expect(estimate.secondsLeft() == nil)  // nothing measured yet
    estimate.replications = 8
    estimate.seconds = 20
    let left = try #require(estimate.secondsLeft(done: 2, running: 4))
    #expect(abs(left - 144) < 1e-9)
    #expect(StaffTimeLeft.duration(left) == "2 min")
    #expect(StaffTimeLeft.duration(45.4) == "45 s" && StaffTimeLeft.duration(7_500) == "2 h 5 min")
  }
}
