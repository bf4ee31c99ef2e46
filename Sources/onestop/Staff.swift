import ArgumentParser
import Foundation
import OneStopModel
import OneStopScenario
import OneStopStaff

/// `onestop staff`: the staffing plan that meets KPI targets at least cost, or the best use
/// of a number of extra staff.
struct Staff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find the cheapest desks and officers that meet KPI targets, or where N extra staff help most.",
    discussion: """
      Each target is met with 95 % confidence (one-sided, over replications run on common random numbers). Decision \
      variables are integer keys of the scenario: desk group counts and agency officers (all of them when --vary is \
      not given); a key without bounds only grows from today's value unless --allow-cuts. The search starts where no \
      pool has fewer persons than the work it is offered, adds the step that most reduces the targets' shortfall per \
      unit of cost until every target is met, then takes back every step not needed. With --budget it instead adds up \
      to N persons where they improve the targets' KPIs most. Method and guarantees: docs/staffing.md.

      Examples:
        onestop staff scenarios/tuyen-quang-2022.yaml \\
          --target 'desk_wait_p90@pasc<=15m' --target 'overdue_rate_of_received<=1' \\
          --out runs/tq-staff
        onestop staff scenarios/tuyen-quang-2022.yaml --budget 5 \\
          --target 'overdue_rate_of_received<=1' --out runs/tq-plus5
        onestop staff scenarios/mmc.yaml --target 'desk_wait_mean<=2m' \\
          --vary 'units[desk-hall].desks[desks].count=1..20'

      With --out DIR it writes DIR/plan.yaml (a variant that extends the scenario: run it with onestop run), \
      DIR/changes.csv, DIR/targets.csv, DIR/tradeoff.csv and DIR/evaluations.jsonl; running again with the same DIR \
      resumes from the plans already evaluated.
      """
  )

  @Argument(help: "Scenario file.")
  var scenario: String

  @Option(
    name: .customLong("target"),
    help: ArgumentHelp(
      "A KPI target, KPI<=VALUE or KPI>=VALUE (repeatable), e.g. desk_wait_p90@pasc<=15m.", valueName: "kpi<=value"))
  var targets: [String] = []

  @Option(
    name: .customLong("vary"),
    help: ArgumentHelp(
      """
      A key to vary, with bounds: KEY=LOW..HIGH, or KEY for current .. 2 x current + 2 (repeatable; default: every \
      desk group and agency).
      """,
      valueName: "key=low..high"))
  var vary: [String] = []

  @Option(
    name: .customLong("cost"),
    help: ArgumentHelp("Cost of one person of a key (repeatable; default 1).", valueName: "key=cost"))
  var costs: [String] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Best use of this many extra persons (cost units) instead of the cheapest plan; '+5' or '5'.", valueName: "n"))
  var budget: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override a scenario key before planning (repeatable).", valueName: "key.path=value"))
  var overrides: [String] = []

  @Option(parsing: .unconditional, help: "Replications per candidate plan (default: the scenario's, at least 4).")
  var replications: Int?

  @Option(
    parsing: .unconditional,
    help: "Replications a candidate close to a target may be given (default: 4 x --replications).")
  var maxReplications: Int?

  @Option(parsing: .unconditional, help: "Master seed (default: the scenario's).", transform: parseSeed)
  var seed: UInt64?

  @Option(parsing: .unconditional, help: "Threads for replications (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Directory for the plan, the tables and the resumable journal.")
  var out: String?

  @Flag(help: "Begin the CSV tables (--out) with a UTF-8 byte-order mark, for Excel on Windows.")
  var csvBom = false

  @OptionGroup var workbook: WorkbookOptions

  @Flag(help: "Start the minimum-cost search from the current values instead of the offered-load bound.")
  var fromCurrent = false

  @Flag(help: "Let the plan go below today's staffing for keys given without bounds (default: it only adds).")
  var allowCuts = false

  func validate() throws {
    if targets.isEmpty {
      throw ValidationError("give at least one --target, e.g. --target 'overdue_rate_of_received<=1'")
    }
    if let replications { try checkReplications(replications, min: 2, why: " for a confidence bound") }
    if let maxReplications { try checkReplications(maxReplications, min: 2, option: "--max-replications") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let budget, budgetValue(budget) == nil {
      throw ValidationError("--budget expects a positive number of persons, e.g. 5 or +5, got '\(budget)'.")
    }
    if let seed, seed > maxSeed { throw ValidationError(seedRangeMessage("--seed", seed)) }
  }

  func budgetValue(_ text: String) -> Double? {
    let t = text.hasPrefix("+") ? String(text.dropFirst()) : text
    guard let v = Double(t), v > 0, v.isFinite else { return nil }
    return v
  }

  func run() throws {
    do {
      try plan()
    } catch let error as StaffError {
      printError("error: " + error.description)
      throw ExitCode(2)
    }
  }

  func plan() throws {
    let parsedTargets = try targets.map { (t: String) throws(StaffError) -> StaffTarget in try StaffTarget.parse(t) }
    let root: YNode
    let base: Scenario
    let baseModel: CompiledModel
    do {
      root = try ScenarioLoader.load(path: scenario, overrides: overrides)
      (base, baseModel) = try Scenario.build(root, file: scenario)
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    for t in parsedTargets {
      if let unit = KPI.unknownUnit(t.kpi.name, in: baseModel) {
        let units = baseModel.names.units.prefix(8).map(\.id).joined(separator: ", ")
        let more = baseModel.units.count > 8 ? ", ..." : ""
        throw StaffError("target '\(t.text)': the scenario has no unit '\(unit)' (units: \(units)\(more))")
      }
      if let message = KPI.unknownTarget(t.kpi.name, in: baseModel) {
        throw StaffError("target '\(t.text)': \(message)")
      }
    }
    var variables = try makeVariables(root)
    let reps = replications ?? max(4, base.replications)
    let s = seed ?? base.seed
    if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
    let journal = out.map { ($0 as NSString).appendingPathComponent("evaluations.jsonl") }
    let probe = StaffEvaluator(
      path: scenario, overrides: overrides, variables: variables, targets: parsedTargets, seed: s, threads: threads)
    for (i, p) in try StaffSearch.people(of: variables, evaluator: probe).enumerated() { variables[i].people = p }
    let progress = StaffProgress()
    let evaluator = StaffEvaluator(
      path: scenario, overrides: overrides, variables: variables, targets: parsedTargets, seed: s,
      threads: threads, journal: journal
    ) { progress.line($0) }
    evaluator.replicationProgress = { progress.replication($0, of: $1) }
    let search = StaffSearch(evaluator: evaluator, replications: reps, maxReplications: maxReplications ?? 4 * reps) {
      progress.line($0)
    }
    printError(
      """
      \(variables.count) variable\(variables.count == 1 ? "" : "s"), \(parsedTargets.count) \
      target\(parsedTargets.count == 1 ? "" : "s"), \(reps) replications per plan (seed \(s))
      """
    )
    let started = Date()
    let result: StaffPlan
    if let budget, let amount = budgetValue(budget) {
      result = try search.spend(budget: amount)
    } else {
      let start = fromCurrent ? variables.map(\.current) : try search.warmStart()
      result = try search.minimumCost(start: start)
    }
    let seconds = Date().timeIntervalSince(started)
    report(result, variables: variables, targets: parsedTargets, evaluator: evaluator, seconds: seconds)
    if let out {
      try write(result, variables: variables, targets: parsedTargets, to: out, name: base.configuration.name)
    }
    if budget == nil && !result.met { throw ExitCode(1) }
  }

  func makeVariables(_ root: YNode) throws(StaffError) -> [StaffVariable] {
    var specs: [(String, Int?, Int?)] = []
    if vary.isEmpty {
      specs = StaffVariable.discover(in: root).map { ($0, nil, nil) }
      if specs.isEmpty {
        throw StaffError("the scenario has no desk group counts or agency officers to vary; name keys with --vary")
      }
    } else {
      for v in vary {
        if let eq = v.lastIndex(of: "=") {
          let key = String(v[..<eq]), range = v[v.index(after: eq)...]
          let bounds = range.components(separatedBy: "..")
          guard bounds.count == 2, let lo = Int(bounds[0]), let hi = Int(bounds[1]), lo >= 0, hi >= lo else {
            throw StaffError(
              """
              --vary '\(v)': expected KEY=LOW..HIGH with integers 0 <= LOW <= HIGH, e.g. \
              agencies[TNMT@pasc].officers=5..20
              """
            )
          }
          specs.append((key, lo, hi))
        } else {
          specs.append((v, nil, nil))
        }
      }
    }
    var out: [StaffVariable] = []
    var seen = Set<String>()
    for (key, lo, hi) in specs {
      if let why = ScenarioOverride.keyProblem(key) { throw StaffError("--vary '\(key.prefix(120))': \(why)") }
      guard seen.insert(key).inserted else { throw StaffError("--vary '\(key)': given twice; give each key once") }
      guard let current = StaffKeyPath.integer(key, in: root) else {
        let known = StaffVariable.discover(in: root)
        let hint = suggestion(for: key, in: known)
        throw StaffError(
          "--vary '\(key)': the scenario has no integer at this key\(hint.map { " (did you mean '\($0)'?)" } ?? "")")
      }
      // Without bounds a key only grows: targets on some units would otherwise let the
      // cheapest plan cut every pool they do not watch (--allow-cuts lets it).
      let low = lo ?? (allowCuts ? 1 : current), high = hi ?? max(2 * current + 2, low)
      guard current >= 0 else { throw StaffError("--vary '\(key)': the current value \(current) is negative") }
      out.append(StaffVariable(key: key, low: low, high: high, cost: 1, current: current))
    }
    for c in costs {
      guard let eq = c.lastIndex(of: "="), let value = Double(c[c.index(after: eq)...]), value > 0, value.isFinite
      else {
        throw StaffError("--cost '\(c)': expected KEY=COST with a positive cost per person")
      }
      let key = String(c[..<eq])
      guard let i = out.firstIndex(where: { $0.key == key }) else {
        throw StaffError(
          """
          --cost '\(c)': '\(key)' is not a variable of this search (variables: \
          \(out.map(\.key).joined(separator: ", ")))
          """
        )
      }
      out[i].cost = value
    }
    return out
  }

  // MARK: - Output

  func report(
    _ r: StaffPlan, variables: [StaffVariable], targets: [StaffTarget], evaluator: StaffEvaluator, seconds: Double
  ) {
    print(
      budget == nil
        ? (r.met ? "A plan that meets every target with 95 % confidence:" : "No plan found that meets every target:")
        : "Best use of \(budget!.hasPrefix("+") ? budget! : "+" + budget!) persons:")
    print("")
    print(pad("key", 44) + lpad("now", 6) + lpad("plan", 6) + lpad("persons", 9) + lpad("cost", 8))
    var totalPeople = 0, totalCost = 0.0
    for (i, v) in variables.enumerated() where r.values[i] != v.current {
      let dp = (r.values[i] - v.current) * v.people
      totalPeople += dp
      totalCost += Double(r.values[i] - v.current) * v.stepCost
      print(
        pad(v.key, 44) + lpad(String(v.current), 6) + lpad(String(r.values[i]), 6) + lpad(signed(dp), 9)
          + lpad(signed(Double(r.values[i] - v.current) * v.stepCost), 8))
    }
    if totalPeople == 0 && totalCost == 0 { print("(no change)") }
    print(pad("total", 56) + lpad(signed(totalPeople), 9) + lpad(signed(totalCost), 8))
    print("")
    print(pad("target", 40) + lpad("now", 20) + lpad("plan", 20) + "  met")
    for (k, t) in targets.enumerated() {
      let a = Estimate(r.base.kpis[k]), b = Estimate(r.plan.kpis[k])
      print(
        pad(t.text, 40) + lpad(StaffFormat.pm(a), 20) + lpad(StaffFormat.pm(b), 20) + "  "
          + (t.isMet(r.plan.kpis[k]) ? "yes" : "no"))
    }
    print("")
    print(
      """
      \(evaluator.evaluations) plan evaluations (\(evaluator.cacheHits) from cache), \(evaluator.replicationsRun) \
      replications run, \(String(format: "%.1f", seconds)) s
      """
    )
  }

  func signed(_ x: Int) -> String { x > 0 ? "+\(x)" : "\(x)" }
  func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + StaffFormat.number(x) }

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
      assignments: changed.map { (variables[$0].key, r.values[$0]) })
    try text.write(toFile: planPath, atomically: true, encoding: .utf8)
    var changes = "key,current,plan,persons_per_step,persons_added,cost_added\n"
    for i in changed {
      let v = variables[i]
      changes +=
        """
        \(csv(v.key)),\(v.current),\(r.values[i]),\(v.people),\((r.values[i] - v.current) * v.people),\
        \(StaffFormat.number(Double(r.values[i] - v.current) * v.stepCost))\n
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
      curve += row(
        n + 1, variables[s.variable].key, s.delta > 0 ? "+1" : "-1", s.addedPeople, s.addedCost, s.evaluation)
    }
    try put(curve, "tradeoff.csv", dir)
    try workbook.write(scenarioLanguage: nil) { _ in [("changes", changes), ("targets", tt), ("tradeoff", curve)] }
    print("wrote \(planPath) (run it: onestop run \(planPath)), changes.csv, targets.csv, tradeoff.csv")
  }

  /// Writes a table into `dir`, after a byte-order mark with --csv-bom.
  func put(_ text: String, _ name: String, _ dir: String) throws {
    try ((csvBom ? "\u{FEFF}" : "") + text).write(
      toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  func csv(_ s: String) -> String {
    s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }

  func csvName(_ s: String) -> String {
    String(s.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
  }

  /// `target` relative to directory `dir` (both made absolute first).
  func relativePath(from dir: String, to target: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    func absolute(_ p: String) -> [String] {
      let full = p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p)
      return (full as NSString).standardizingPath.split(separator: "/").map(String.init)
    }
    let a = absolute(dir), b = absolute(target)
    var common = 0
    while common < min(a.count, b.count - 1) && a[common] == b[common] { common += 1 }
    // Nothing in common but the root: an absolute path reads better than ../../..
    if common == 0 { return "/" + b.joined(separator: "/") }
    return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
  }
}
