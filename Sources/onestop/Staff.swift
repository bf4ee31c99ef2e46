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
      not given); a key without bounds only grows from today's value unless --allow-cuts. Beside counts, any key \
      --set can set may be an option taking one of a list of values (--vary KEY=V1,V2,... or KEY=LOW..HIGH:STEP): a \
      desk group's quota, its opening hours (a Saturday opening), its lunch_stagger; an option costs 0 unless --cost \
      gives a cost per step along the list or one per value (KEY=C1,C2,...). The search starts where no pool has \
      fewer persons than the work it is offered, adds the step (a count +1, an option to another value) that most \
      reduces the targets' shortfall per unit of cost until every target is met (a free option that reduces it \
      first), then takes back every step not needed and tries each option's other values with counts taken back. \
      With --budget it instead adds up to N persons where they improve the targets' KPIs most. On a terminal the \
      progress line shows the plans run, the replications and the time left at most: the most steps the search can \
      still take (each key within its bounds or values) times the plans per step so far times the mean time of a \
      plan. Method and guarantees: docs/staffing.md.

      Examples:
        onestop staff scenarios/tuyen-quang-2022.yaml \\
          --target 'desk_wait_p90@pasc<=15m' --target 'overdue_rate_of_received<=1' \\
          --out runs/tq-staff
        onestop staff scenarios/tuyen-quang-2022.yaml --budget 5 \\
          --target 'overdue_rate_of_received<=1' --out runs/tq-plus5
        onestop staff scenarios/mmc.yaml --target 'desk_wait_mean<=2m' \\
          --vary 'units[desk-hall].desks[desks].count=1..20'
        onestop staff scenarios/mmc.yaml --target 'desk_wait_mean<=0.2m' \\
          --set end=2022-01-10 --vary 'units[desk-hall].desks[desks].count=1..14' \\
          --vary 'units[desk-hall].desks[desks].service_time_factor=1,0.8' \\
          --cost 'units[desk-hall].desks[desks].service_time_factor=0,1.5'
        onestop staff scenarios/tuyen-quang-2022.yaml \\
          --target 'desk_wait_p90@pasc<=25m' \\
          --set 'units[pasc].desks[transport].hours=office' \\
          --vary 'units[pasc].desks[transport].count=3..6' \\
          --vary 'units[pasc].desks[transport].hours=office,pasc-saturday-full' \\
          --cost 'units[pasc].desks[transport].hours=0,0.6'

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
      A key to vary, with bounds: KEY=LOW..HIGH, or KEY for current .. 2 x current + 2; or an option: KEY=V1,V2,... \
      (values as --set takes them) or KEY=LOW..HIGH:STEP (repeatable; default: every desk group and agency).
      """,
      valueName: "key=low..high"))
  var vary: [String] = []

  @Option(
    name: .customLong("cost"),
    help: ArgumentHelp(
      """
      Cost of one person of a key (default 1), or of one step along an option's values, or one cost per value \
      (KEY=C1,C2,...; options default to 0) (repeatable).
      """, valueName: "key=cost"))
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
    try checkOptions(variables, evaluator: probe)
    for (i, p) in try StaffSearch.people(of: variables, evaluator: probe).enumerated() { variables[i].people = p }
    let progress = StaffProgress()
    let evaluator = StaffEvaluator(
      path: scenario, overrides: overrides, variables: variables, targets: parsedTargets, seed: s,
      threads: threads, journal: journal
    ) { progress.line($0) }
    evaluator.replicationProgress = { progress.replication($0, of: $1) }
    var search = StaffSearch(evaluator: evaluator, replications: reps, maxReplications: maxReplications ?? 4 * reps) {
      progress.line($0)
    }
    search.onStep = { progress.bound(steps: $0, plansPerStep: $1, replications: reps) }
    let options = variables.filter(\.isOption).count
    let optionNote = options > 0 ? " (\(options) option\(options == 1 ? "" : "s"))" : ""
    printError(
      """
      \(variables.count) variable\(variables.count == 1 ? "" : "s")\(optionNote), \
      \(parsedTargets.count) \
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

  // MARK: - Output

  func report(
    _ r: StaffPlan, variables: [StaffVariable], targets: [StaffTarget], evaluator: StaffEvaluator, seconds: Double
  ) {
    print(
      budget == nil
        ? (r.met ? "A plan that meets every target with 95 % confidence:" : "No plan found that meets every target:")
        : "Best use of \(budget!.hasPrefix("+") ? budget! : "+" + budget!) persons:")
    print("")
    // Option values (`pasc-saturday-full`) are wider than counts.
    let changed = variables.indices.filter { r.values[$0] != variables[$0].current }
    let w =
      changed.reduce(5) { m, i in
        max(m, variables[i].text(variables[i].current).count, variables[i].text(r.values[i]).count)
      } + 1
    print(pad("key", 44) + lpad("now", w) + lpad("plan", w) + lpad("persons", 9) + lpad("cost", 8))
    var totalPeople = 0, totalCost = 0.0
    for (i, v) in variables.enumerated() where r.values[i] != v.current {
      let dp = v.addedPeople(r.values[i]), dc = v.addedCost(r.values[i])
      totalPeople += dp
      totalCost += dc
      print(
        pad(v.key, 44) + lpad(v.text(v.current), w) + lpad(v.text(r.values[i]), w) + lpad(signed(dp), 9)
          + lpad(signed(dc), 8))
    }
    if totalPeople == 0 && totalCost == 0 { print("(no change)") }
    print(pad("total", 44 + 2 * w) + lpad(signed(totalPeople), 9) + lpad(signed(totalCost), 8))
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
