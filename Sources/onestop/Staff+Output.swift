import Foundation
import OneStopModel
import OneStopStaff

extension Staff {
  func write(_ r: StaffPlan, variables: [StaffVariable], targets: [StaffTarget], to dir: String, name: String) throws {
    let planPath = (dir as NSString).appendingPathComponent("plan.yaml")
    let changed = variables.indices.filter { r.values[$0] != variables[$0].current }
    let text = StaffVariant.text(
      base: relativePath(from: dir, to: scenario), name: "\(name)-staff",
      comment: [
        "Staffing plan from: onestop staff \(scenario) "
          + targets.map { "--target '\($0.text)'" }.joined(separator: " ")
          + (budget.map { " --budget \($0)" } ?? ""),
        r.met
          ? "Meets every target with 95 % confidence on the search's replications."
          : "Does not meet every target (see targets.csv).",
      ],
      assignments: changed.compactMap { i in variables[i].yaml(r.values[i]).map { (variables[i].key, $0) } })
    try text.write(toFile: planPath, atomically: true, encoding: .utf8)
    var changes = "key,current,plan,persons_per_step,persons_added,cost_added\n"
    for i in changed {
      let v = variables[i]
      changes +=
        """
        \(csv(v.key)),\(csv(v.text(v.current))),\(csv(v.text(r.values[i]))),\(v.people),\
        \(v.addedPeople(r.values[i])),\(StaffFormat.number(v.addedCost(r.values[i])))\n
        """
    }
    try put(changes, "changes.csv", dir)
    var tt =
      """
      target,kpi,sense,limit,unit,now_mean,now_ci_low,now_ci_high,plan_mean,plan_ci_low,plan_ci_high,plan_bound_95,m\
      et\n
      """
    for (k, t) in targets.enumerated() {
      let a = Estimate(r.base.kpis[k]), b = Estimate(r.plan.kpis[k])
      tt +=
        [
          csv(t.text), t.kpi.name, t.sense.rawValue, StaffFormat.number(t.limit), t.kpi.unit.symbol,
          StaffFormat.number(a.mean), StaffFormat.number(a.low), StaffFormat.number(a.high),
          StaffFormat.number(b.mean), StaffFormat.number(b.low), StaffFormat.number(b.high),
          StaffFormat.number(t.bound(r.plan.kpis[k])), t.isMet(r.plan.kpis[k]) ? "true" : "false",
        ].joined(separator: ",") + "\n"
    }
    try put(tt, "targets.csv", dir)
    var curve =
      "step,key,change,persons_added,cost_added,"
      + targets.map { "\(csvName($0.kpi.name))_mean,\(csvName($0.kpi.name))_ci_low,\(csvName($0.kpi.name))_ci_high" }
      .joined(separator: ",") + "\n"
    func row(
      _ step: Int, _ key: String, _ change: String, _ persons: Int, _ cost: Double, _ e: StaffEvaluation
    ) -> String {
      "\(step),\(csv(key)),\(change),\(persons),\(StaffFormat.number(cost)),"
        + targets.indices.map { k in
          let est = Estimate(e.kpis[k])
          return "\(StaffFormat.number(est.mean)),\(StaffFormat.number(est.low)),\(StaffFormat.number(est.high))"
        }.joined(separator: ",") + "\n"
    }
    curve += row(0, "", "base", 0, 0, r.base)
    for (n, s) in r.steps.enumerated() {
      let v = variables[s.variable]
      // A count's step is +1 or -1; an option's is the value it was set to.
      let change = v.isOption ? csv("=" + v.text(s.to)) : (s.delta > 0 ? "+1" : "-1")
      curve += row(n + 1, v.key, change, s.addedPeople, s.addedCost, s.evaluation)
    }
    try put(curve, "tradeoff.csv", dir)
    try workbook.write(scenarioLanguage: nil) { _ in [("changes", changes), ("targets", tt), ("tradeoff", curve)] }
    print("wrote \(planPath) (run it: onestop run \(planPath)), changes.csv, targets.csv, tradeoff.csv")
  }

}
