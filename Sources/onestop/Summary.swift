import DESKernel
import OneStopModel
import OneStopScenario
import OneStopSweep

/// KPIs of a scenario over its replications: means with 95 % confidence intervals, in
/// the definitions of the provincial reports (Tuyên Quang 2022). Names match `docs/results.md`.
struct Summary {
  struct Estimate {
    let mean: Double
    let halfWidth: Double
    init(_ xs: [Double]) {
      var t = Tally()
      xs.forEach { t.add($0) }
      mean = t.mean
      halfWidth = StudentT.halfWidth(sd: t.standardDeviation, count: xs.count)
    }
    /// The 95 % interval written to files: mean ± half-width, cut at 0 below (no KPI,
    /// count, rate or duration can be negative; docs/results.md).
    var low: Double { SweepMerge.interval(mean, halfWidth).0 }
    var high: Double { SweepMerge.interval(mean, halfWidth).1 }
  }

  /// One row of a breakdown table.
  struct Row {
    let key: String
    let received, onTime, overdue, inProgress, onTimeOfReceived, overdueOfReceived, onTimeOfResolved: Estimate
  }

  let scenario: Scenario
  let model: CompiledModel
  let results: [RunResult]
  let seed: UInt64
  let seconds: Double
  /// Ordered (name, unit, estimate).
  var kpis: [(String, String, Estimate)] = []
  /// Ordered (name, value of each replication), for baselines.
  var perReplication: [(String, [Double])] = []
  var byLevel: [Row] = []
  var byAgency: [Row] = []
  var byField: [Row] = []
  var byProcedure: [Row] = []
  var byChannel: [Row] = []
  var unitWaits: [(unit: String, level: String, mean: Estimate, p90: Estimate)] = []
  /// Desk waits by level: each level's own quantiles (a pooled p90 over many quiet
  /// communes hides the provincial centre's queue).
  struct LevelWaits {
    let level: String
    let mean, p50, p90, p99, servedSameDay, tickets: Estimate
  }
  var levelWaits: [LevelWaits] = []
  /// The monthly series (`months.csv`): per month of the statistics period, each level
  /// then "all".
  struct MonthRow {
    let month, level: String
    let receivedNew, onTime, overdue, apologies, inProgress, onlineIn, onlineShare, waitMean, tickets: Estimate
  }
  var months: [MonthRow] = []

  init(scenario: Scenario, model: CompiledModel, results: [RunResult], seed: UInt64, seconds: Double) {
    self.scenario = scenario
    self.model = model
    self.results = results
    self.seed = seed
    self.seconds = seconds
    func est(_ f: (RunResult) -> Double) -> Estimate { Estimate(results.map(f)) }
    func add(_ name: String, _ unit: String, _ f: (RunResult) -> Double) {
      let values = results.map(f)
      kpis.append((name, unit, Estimate(values)))
      perReplication.append((name, values))
    }
    for k in KPI.all { add(k.name, k.unit) { k.value($0, model) } }

    func rows(_ d: ReportDimension) -> [Row] {
      let per = results.map { $0.breakdown(by: d, model: model) }
      guard let keys = per.first?.map(\.key) else { return [] }
      return keys.indices.map { k in
        func e(_ f: (CellCounters) -> Double) -> Estimate { Estimate(per.map { f($0[k].counters) }) }
        return Row(key: keys[k], received: e { Double($0.received) }, onTime: e { Double($0.resolvedOnTime) },
          overdue: e { Double($0.resolvedOverdue) }, inProgress: e { Double($0.inProgressEnd) },
          onTimeOfReceived: e { 100 * $0.onTimeRateOfReceived }, overdueOfReceived: e { 100 * $0.overdueRateOfReceived },
          onTimeOfResolved: e { 100 * $0.onTimeRateOfResolved })
      }
    }
    byLevel = rows(.level)
    byAgency = rows(.agency).filter { $0.received.mean > 0 }
    byField = rows(.field).filter { $0.received.mean > 0 }
    byProcedure = rows(.procedure).filter { $0.received.mean > 0 }
    byChannel = rows(.channel)
    levelWaits = model.levels.indices.map { l in
      LevelWaits(level: model.levels[l], mean: est { $0.levelWaits[l].mean / 60 }, p50: est { $0.levelWaits[l].p50 / 60 },
        p90: est { $0.levelWaits[l].p90 / 60 }, p99: est { $0.levelWaits[l].p99 / 60 },
        servedSameDay: est { 100 * $0.servedSameDay { model.units[$0].level == l } },
        tickets: est { Double($0.tickets(level: l, model: model)) })
    }
    let runMonths = RunMonths(model)
    let labels = runMonths.labels
    let series = (model.levels.indices.map { Optional($0) } + [nil]).map { l in results.map { $0.monthly(level: l, model: model) } }
    for m in runMonths.firstReported(model)..<runMonths.count {
      for (k, perRep) in series.enumerated() {
        func e(_ f: (MonthCounters) -> Double) -> Estimate { Estimate(perRep.map { f($0[m]) }) }
        months.append(MonthRow(month: labels[m], level: k < model.levels.count ? model.levels[k] : "all",
          receivedNew: e { Double($0.receivedNew) }, onTime: e { Double($0.resolvedOnTime) }, overdue: e { Double($0.resolvedOverdue) },
          apologies: e { Double($0.apologies) }, inProgress: e { Double($0.inProgressEnd) }, onlineIn: e { Double($0.onlineIn) },
          onlineShare: e { 100 * $0.onlineShare }, waitMean: e { $0.waits.mean / 60 }, tickets: e { Double($0.tickets) }))
      }
    }
    unitWaits = model.units.indices.map { u in
      (model.units[u].id, model.levels[model.units[u].level],
        Estimate(results.map { $0.unitWaits[u].mean / 60 }), Estimate(results.map { $0.unitWaits[u].quantile(0.9) / 60 }))
    }
  }

  /// Headline KPIs that pool every unit's citizens (labelled so in the table).
  static let pooled: Set<String> = ["desk_wait_mean", "desk_wait_p50", "desk_wait_p90", "desk_wait_p99", "served_same_day"]

  func value(_ name: String) -> Estimate? { kpis.first { $0.0 == name }?.2 }

  // MARK: - Text

  func text() -> String {
    let c = scenario.configuration
    var lines: [String] = []
    lines.append("Scenario \(c.name) (\(scenario.file))")
    if !scenario.description.isEmpty { lines.append(scenario.description) }
    lines.append("\(c.start) to \(c.end), \(plural(model.units.count, "unit")) on \(plural(c.levels.count, "level")), \(plural(results.count, "replication")), seed \(seed), \(fmt(seconds, 2)) s")
    lines.append("")
    lines.append(pad("indicator", 36) + lpad("mean", 12) + lpad("95% CI ±", 11) + "  unit")
    for (name, unit, e) in kpis where name != "events" {
      let label = Summary.pooled.contains(name) ? "\(name) (all units pooled)" : name
      lines.append(pad(label, 36) + lpad(number(e.mean, unit), 12) + lpad(results.count > 1 ? number(e.halfWidth, unit) : "-", 11) + "  \(unit)")
    }
    if !levelWaits.isEmpty {
      func ci(_ e: Estimate) -> String { results.count > 1 ? "±" + fmt(e.halfWidth, 2) : "" }
      lines.append("")
      lines.append("Desk waits by level (minutes; ± is the 95% CI half-width over replications)")
      lines.append(pad("", 16) + lpad("mean", 8) + lpad("", 8) + lpad("p50", 8) + lpad("p90", 8) + lpad("", 8) + lpad("p99", 8)
        + lpad("same day %", 12) + lpad("tickets", 10))
      for w in levelWaits {
        lines.append(pad(w.level, 16) + lpad(fmt(w.mean.mean, 2), 8) + lpad(ci(w.mean), 8) + lpad(fmt(w.p50.mean, 1), 8)
          + lpad(fmt(w.p90.mean, 1), 8) + lpad(ci(w.p90), 8) + lpad(fmt(w.p99.mean, 1), 8)
          + lpad(fmt(w.servedSameDay.mean, 2), 12) + lpad(fmt(w.tickets.mean, 0), 10))
      }
    }
    func table(_ title: String, _ rows: [Row], limit: Int = 99) {
      guard !rows.isEmpty else { return }
      lines.append("")
      lines.append(title)
      lines.append(pad("", 24) + lpad("received", 10) + lpad("on time", 10) + lpad("overdue", 9) + lpad("in prog.", 9) + lpad("on time %", 11) + lpad("overdue %", 11) + lpad("of resolved %", 15))
      for r in rows.prefix(limit) {
        lines.append(pad(r.key, 24) + lpad(fmt(r.received.mean, 0), 10) + lpad(fmt(r.onTime.mean, 0), 10) + lpad(fmt(r.overdue.mean, 0), 9)
          + lpad(fmt(r.inProgress.mean, 0), 9) + lpad(fmt(r.onTimeOfReceived.mean, 2), 11) + lpad(fmt(r.overdueOfReceived.mean, 2), 11)
          + lpad(fmt(r.onTimeOfResolved.mean, 2), 15))
      }
      if rows.count > limit { lines.append("  ... \(rows.count - limit) more (see --json)") }
    }
    table("By level", byLevel)
    table("By deciding agency (most overdue first)", byAgency.sorted { $0.overdue.mean > $1.overdue.mean }, limit: 10)
    table("By field", byField)
    table("By procedure (most overdue first)", byProcedure.sorted { $0.overdue.mean > $1.overdue.mean }, limit: 10)
    table("By channel", byChannel)
    lines.append("")
    lines.append("Longest desk waits (units)")
    lines.append(pad("", 24) + lpad("level", 10) + lpad("mean min", 10) + lpad("p90 min", 10))
    for w in unitWaits.sorted(by: { $0.mean.mean > $1.mean.mean }).prefix(8) {
      lines.append(pad(w.unit, 24) + lpad(w.level, 10) + lpad(fmt(w.mean.mean, 1), 10) + lpad(fmt(w.p90.mean, 1), 10))
    }
    let priors = c.priors()
    lines.append("")
    lines.append("Assumptions this answer rests on (priors; change them in the scenario):")
    for p in priors { lines.append("  \(p.key) = \(plainNumbers(p.value))  [\(p.note)]") }
    return lines.joined(separator: "\n")
  }

  // MARK: - JSON

  func json() -> String {
    let c = scenario.configuration
    func est(_ e: Estimate) -> String { "{\"mean\": \(jnum(e.mean)), \"ci95\": [\(jnum(e.low)), \(jnum(e.high))]}" }
    func rows(_ rs: [Row]) -> String {
      "[" + rs.map { r in
        "{\"key\": \(jstr(r.key)), \"received\": \(est(r.received)), \"resolved_on_time\": \(est(r.onTime)), \"resolved_overdue\": \(est(r.overdue)), \"in_progress_end\": \(est(r.inProgress)), \"on_time_rate_of_received\": \(est(r.onTimeOfReceived)), \"overdue_rate_of_received\": \(est(r.overdueOfReceived)), \"on_time_rate_of_resolved\": \(est(r.onTimeOfResolved))}"
      }.joined(separator: ", ") + "]"
    }
    var parts: [String] = []
    parts.append("\"scenario\": \(jstr(c.name))")
    parts.append("\"file\": \(jstr(scenario.file))")
    parts.append("\"scenario_hash\": \(jstr(String(StreamKey.fnv1a(String(describing: c)), radix: 16)))")
    if let language = scenario.reportLanguage { parts.append("\"report_language\": \(jstr(language))") }
    parts.append("\"onestop_version\": \(jstr(OneStopVersion.string))")
    parts.append("\"start\": \(jstr(c.start.description)), \"end\": \(jstr(c.end.description))")
    parts.append("\"seed\": \(seed), \"replications\": \(results.count)")
    parts.append("\"kpis\": {" + kpis.map { "\(jstr($0.0)): \(est($0.2))" }.joined(separator: ", ") + "}")
    parts.append("\"units_of_kpis\": {" + kpis.map { "\(jstr($0.0)): \(jstr($0.1))" }.joined(separator: ", ") + "}")
    parts.append("\"by_level\": \(rows(byLevel))")
    parts.append("\"by_agency\": \(rows(byAgency))")
    parts.append("\"by_field\": \(rows(byField))")
    parts.append("\"by_procedure\": \(rows(byProcedure))")
    parts.append("\"by_channel\": \(rows(byChannel))")
    parts.append("\"desk_waits_by_level\": [" + levelWaits.map {
      "{\"level\": \(jstr($0.level)), \"mean_min\": \(est($0.mean)), \"p50_min\": \(est($0.p50)), \"p90_min\": \(est($0.p90)), \"p99_min\": \(est($0.p99)), \"served_same_day\": \(est($0.servedSameDay)), \"tickets\": \(est($0.tickets))}"
    }.joined(separator: ", ") + "]")
    parts.append("\"months\": [" + months.map {
      "{\"month\": \(jstr($0.month)), \"level\": \(jstr($0.level)), \"received_new\": \(est($0.receivedNew)), \"resolved_on_time\": \(est($0.onTime)), \"resolved_overdue\": \(est($0.overdue)), \"apologies\": \(est($0.apologies)), \"in_progress_end\": \(est($0.inProgress)), \"online_in\": \(est($0.onlineIn)), \"online_share\": \(est($0.onlineShare)), \"desk_wait_mean_min\": \(est($0.waitMean)), \"tickets\": \(est($0.tickets))}"
    }.joined(separator: ", ") + "]")
    parts.append("\"desk_waits_by_unit\": [" + unitWaits.map { "{\"unit\": \(jstr($0.unit)), \"level\": \(jstr($0.level)), \"mean_min\": \(est($0.mean)), \"p90_min\": \(est($0.p90))}" }.joined(separator: ", ") + "]")
    parts.append("\"priors\": [" + c.priors().map { "{\"key\": \(jstr($0.key)), \"value\": \(jstr(plainNumbers($0.value))), \"note\": \(jstr($0.note))}" }.joined(separator: ", ") + "]")
    return "{\n  " + parts.joined(separator: ",\n  ") + "\n}"
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
    if ch.isASCII && (ch.isNumber || ch == "." || (token.isEmpty ? false : (ch == "e" || ch == "-" && token.last == "e"))) {
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

func number(_ x: Double, _ unit: String) -> String {
  ["%", "min", "hours", "days", "visits", "citizens", "staff", "officers"].contains(unit) ? fmt(x, 2) : fmt(x, 0)
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
