import DESKernel
import OneStopIO
import OneStopModel
import OneStopResults
import OneStopScenario

/// KPIs of a scenario over its replications: means with 95 % confidence intervals, in
/// the definitions of the provincial reports (Tuyên Quang 2022). Names match
/// `docs/results.md`. Built from a `ReplicationSummary` (the replications folded as they
/// finished), never from the replications' results.
struct Summary {
  /// One row of a breakdown table.
  typealias Row = BreakdownRow<Estimate>

  let scenario: Scenario
  let stats: ReplicationSummary
  let seed: UInt64
  let seconds: Double
  /// `summary.json`: the KPIs and every table the text prints, as the file holds them.
  var file: SummaryFile
  /// Ordered (name, unit, estimate).
  let kpis: [(String, KPIUnit, Estimate)]
  /// Ordered (name, value of each replication), for baselines.
  let perReplication: [(String, [Double])]

  var byLevel: [Row] { file.byLevel }
  var byAgency: [Row] { file.byAgency }
  var byField: [Row] { file.byField }
  var byProcedure: [Row] { file.byProcedure }
  var byChannel: [Row] { file.byChannel }
  /// Desk waits by level: each level's own quantiles (a pooled p90 over many quiet
  /// communes hides the provincial centre's queue).
  var levelWaits: [LevelWaitsRow<Estimate>] { file.levelWaits }
  var unitWaits: [UnitWaitsRow<Estimate>] { file.unitWaits }
  var model: CompiledModel { stats.model }
  /// Replications summarised.
  var replications: Int { stats.count }

  /// The `--set` overrides the run applied (header line, `summary.json`).
  var overrides: [String] { file.overrides ?? [] }

  init(scenario: Scenario, stats: ReplicationSummary, seed: UInt64, seconds: Double, overrides: [String] = []) {
    self.scenario = scenario
    self.stats = stats
    self.seed = seed
    self.seconds = seconds
    let c = scenario.configuration
    var summaryFile = SummaryFile(
      scenario: c.name, file: scenario.file, scenarioHash: scenario.hash, reportLanguage: scenario.reportLanguage,
      version: OneStopVersion.string, start: c.start.description, end: c.end.description, seed: seed, stats: stats,
      priors: c.priors().map { SummaryPrior(key: $0.key, value: plainNumbers($0.value), note: $0.note) })
    summaryFile.description = scenario.description
    if !overrides.isEmpty { summaryFile.overrides = overrides }
    file = summaryFile
    kpis = file.kpis.map { ($0.name, $0.unit, $0.estimate) }
    let series = stats.kpis
    perReplication = series.kpis.indices.map { (series.kpis[$0].name, series.values[$0]) }
  }

  /// Headline KPIs that pool every unit's citizens (labelled so in the table).
  static let pooled = Set([Measure.deskWaitMean, .deskWaitP50, .deskWaitP90, .deskWaitP99, .servedSameDay].map(\.name))

  func value(_ name: String) -> Estimate? { kpis.first { $0.0 == name }?.2 }

  // MARK: - Text

  func text() -> String {
    let c = scenario.configuration
    var lines: [String] = []
    lines.append("Scenario \(c.name) (\(scenario.file))" + overrides.map { " --set \($0)" }.joined())
    if !scenario.description.isEmpty { lines.append(scenario.description) }
    lines.append(
      """
      \(c.start) to \(c.end), \(plural(model.units.count, "unit")) on \(plural(c.levels.count, "level")), \
      \(plural(replications, "replication")), seed \(seed), \(fmt(seconds, 2)) s
      """
    )
    lines.append("")
    lines.append(pad("indicator", 36) + lpad("mean", 12) + lpad("95% CI ±", 11) + "  unit")
    for (name, unit, e) in kpis where name != Measure.events.name {
      let label = Summary.pooled.contains(name) ? "\(name) (all units pooled)" : name
      lines.append(
        pad(label, 36) + lpad(number(e.mean, unit), 12) + lpad(replications > 1 ? number(e.halfWidth, unit) : "-", 11)
          + "  \(unit)")
    }
    lines += poolEdgeLines()
    if !levelWaits.isEmpty {
      func ci(_ e: Estimate) -> String { replications > 1 ? "±" + fmt(e.halfWidth, 2) : "" }
      lines.append("")
      lines.append("Desk waits by level (minutes; ± is the 95% CI half-width over replications)")
      lines.append(
        pad("", 16) + lpad("mean", 8) + lpad("", 8) + lpad("p50", 8) + lpad("p90", 8) + lpad("", 8) + lpad("p99", 8)
          + lpad("same day %", 12) + lpad(Measure.tickets.name, 10))
      for w in levelWaits {
        lines.append(
          pad(w.level, 16) + lpad(fmt(w[.mean].mean, 2), 8) + lpad(ci(w[.mean]), 8)
            + lpad(fmt(w[.p50].mean, 1), 8) + lpad(fmt(w[.p90].mean, 1), 8) + lpad(ci(w[.p90]), 8)
            + lpad(fmt(w[.p99].mean, 1), 8)
            + lpad(fmt(w[.servedSameDay].mean, 2), 12) + lpad(fmt(w[.tickets].mean, 0), 10))
      }
    }
    func table(_ title: String, _ rows: [Row], limit: Int = 99) {
      guard !rows.isEmpty else { return }
      lines.append("")
      lines.append(title)
      lines.append(
        pad("", 24) + lpad(Measure.received.name, 10) + lpad("on time", 10) + lpad("overdue", 9) + lpad("in prog.", 9)
          + lpad("on time %", 11) + lpad("overdue %", 11) + lpad("of resolved %", 15))
      for r in rows.prefix(limit) {
        lines.append(
          pad(r.key, 24) + lpad(fmt(r[.received].mean, 0), 10) + lpad(fmt(r[.resolvedOnTime].mean, 0), 10)
            + lpad(fmt(r[.resolvedOverdue].mean, 0), 9) + lpad(fmt(r[.inProgressEnd].mean, 0), 9)
            + lpad(fmt(r[.onTimeRateOfReceived].mean, 2), 11) + lpad(fmt(r[.overdueRateOfReceived].mean, 2), 11)
            + lpad(fmt(r[.onTimeRateOfResolved].mean, 2), 15))
      }
      if rows.count > limit { lines.append("  ... \(rows.count - limit) more (see --json)") }
    }
    table("By level", byLevel)
    func mostOverdue(_ rows: [Row]) -> [Row] { rows.sorted { $0[.resolvedOverdue].mean > $1[.resolvedOverdue].mean } }
    table("By deciding agency (most overdue first)", mostOverdue(byAgency), limit: 10)
    table("By field", byField)
    table("By procedure (most overdue first)", mostOverdue(byProcedure), limit: 10)
    table("By channel", byChannel)
    lines.append("")
    lines.append("Longest desk waits (units)")
    lines.append(pad("", 24) + pad("name", 26) + lpad("level", 10) + lpad("mean min", 10) + lpad("p90 min", 10))
    for w in unitWaits.sorted(by: { $0.mean.mean > $1.mean.mean }).prefix(8) {
      let name = w.name.count > 25 ? w.name.prefix(24) + "…" : w.name
      lines.append(
        pad(w.unit, 24) + pad(name, 26) + lpad(w.level, 10) + lpad(fmt(w.mean.mean, 1), 10)
          + lpad(fmt(w.p90.mean, 1), 10))
    }
    let priors = c.priors()
    lines.append("")
    lines.append("Assumptions this answer rests on (priors; change them in the scenario):")
    for p in priors { lines.append("  \(p.key) = \(plainNumbers(p.value))  [\(p.note)]") }
    return lines.joined(separator: "\n")
  }

  /// The pool-months at or above `PoolMonthColumn.edge` of the officers at work, with the
  /// overtime each worked (or "none"): the 20 highest, in pool and month order.
  func poolEdgeLines(limit: Int = 20) -> [String] {
    let edges = PoolEdge.all(stats)
    guard !edges.isEmpty else { return [] }
    let shown = Set(edges.indices.sorted { edges[$0].utilisation.mean > edges[$1].utilisation.mean }.prefix(limit))
    var lines = [
      "",
      "Pools at or above \(fmt(PoolMonthColumn.edge, 0)) % of the officers present (busy over present and overtime "
        + "officer hours, per month)",
      pad("pool", 32) + lpad("month", 9) + lpad("use %", 8) + lpad("overtime h", 12),
    ]
    for (k, e) in edges.enumerated() where shown.contains(k) {
      let overtime = e.overtimeHours.mean > 0 ? fmt(e.overtimeHours.mean, 0) : "none"
      lines.append(pad(e.pool, 32) + lpad(e.month, 9) + lpad(fmt(e.utilisation.mean, 1), 8) + lpad(overtime, 12))
    }
    if edges.count > limit { lines.append("  ... \(edges.count - limit) more (pools-months.csv)") }
    return lines
  }

  // MARK: - JSON

  /// `summary.json` (and `--json`): the document of `SummaryFile`, with both intervals of
  /// every KPI when the run propagated parameter uncertainty.
  func json(uncertainty: UncertaintySummary? = nil) -> String {
    guard let uncertainty else { return JSONText.encode(file) }
    var f = file
    f.uncertainty = uncertainty
    return JSONText.encode(f)
  }
}

func jstr(_ s: String) -> String { JSONText.string(s) }

/// The one number format of every file (JSON and CSV; `JSONText.number`): integers
/// plainly, others as the shortest text that reads back as the same double.
func jnum(_ x: Double) -> String { JSONText.number(x) }

/// "1 unit", "3 units".
func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

/// Numbers in a text (a prior's value) without binary float noise:
/// `lognormal(mean: 360.00000000000006, cv: 0.4000000000000001)` ->
/// `lognormal(mean: 360, cv: 0.4)`. Numbers with at most 12 significant digits are left alone.
func plainNumbers(_ text: String) -> String {
  var out = "", token = ""
  func flush() {
    defer { token = "" }
    guard !token.isEmpty else { return }
    let digits = token.filter(\.isNumber).count
    guard digits > 12, let x = Double(token), x.isFinite else { out += token; return }
    var t = String(format: "%.12g", x)
    if t.contains("."), !t.contains("e") {
      while t.hasSuffix("0") { t.removeLast() }
      if t.hasSuffix(".") { t.removeLast() }
    }
    out += t
  }
  for ch in text {
    if ch.isASCII
      && (ch.isNumber || ch == "." || (token.isEmpty ? false : (ch == "e" || ch == "-" && token.last == "e")))
    {
      token.append(ch)
    } else {
      flush()
      out.append(ch)
    }
  }
  flush()
  return out
}

func fmt(_ x: Double, _ digits: Int) -> String {
  var s = x.formatted(digits: digits)
  if digits > 0 && s.contains(".") && digits == 6 {
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
  }
  return s
}

/// A KPI's number as tables print it: the unit's decimals.
func number(_ x: Double, _ unit: KPIUnit?) -> String { fmt(x, unit?.decimals ?? 0) }

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
