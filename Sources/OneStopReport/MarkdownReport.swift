import OneStopModel

/// The report as Markdown, for pasting into a document: the same numbers and the same words
/// as the HTML page (every label from the catalogue, names from the scenario, numbers
/// formatted per language), as tables (no charts).
public enum MarkdownReport {
  public static func page(_ inputs: [ReportInput], language l: ReportLanguage) -> String {
    var out = ["# \(l.label("title"))", ""]
    let names = HTMLReport.names(inputs)
    for input in inputs {
      switch input {
      case .run(let d): out += run(d, l)
      case .compare(let c): out += compare(c, l, names)
      case .staff(let s): out += staff(s, l, names)
      case .sensitivity(let s):
        out += ["## \(s.heading(l))", ""]
        for kpi in s.kpis where !s.ranked(kpi).isEmpty {
          let t = s.table(kpi, l)
          out += ["### \(SensitivityData.subject(kpi, l))", "", s.sentence(kpi, l), ""] + table(t.header, t.rows)
        }
        out += ["\(l.label("scenario_id")) `\(s.scenario)`", ""]
      case .sweep(let w): out += sweep(w, l, names)
      }
    }
    return out.joined(separator: "\n")
  }

  /// A Markdown table and the blank line after it.
  static func table(_ header: [String], _ rows: [[String]]) -> [String] {
    // A cell is text: a pipe would end it and a tag would render.
    func cell(_ s: String) -> String {
      s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
        of: ">", with: "&gt;")
    }
    var out = ["| " + header.map(cell).joined(separator: " | ") + " |"]
    out.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
    for r in rows { out.append("| " + r.map(cell).joined(separator: " | ") + " |") }
    out.append("")
    return out
  }

  /// A breakdown table (level, agency, field, procedure) whose rows `name` names.
  static func breakdown(
    _ title: String, first: String, _ rs: [ReportData.Row], _ l: ReportLanguage, name: (String) -> String
  ) -> [String] {
    guard !rs.isEmpty else { return [] }
    let header = [
      first, l.label("received"), l.label("resolved_on_time"), l.label("resolved_overdue"), l.label("in_progress"),
      l.label("on_time_pct"), l.label("overdue_pct"),
    ]
    let rows = rs.map {
      [
        name($0.key), l.number($0.received.mean), l.number($0.onTime.mean), l.number($0.overdue.mean),
        l.number($0.inProgress.mean), l.number($0.onTimeRate.mean, decimals: 2),
        l.number($0.overdueRate.mean, decimals: 2),
      ]
    }
    return ["### \(title)", ""] + table(header, rows)
  }

  /// A run's section: the title and period, the description and the sentence of the
  /// result, the headline KPIs (with the busiest centre's desk wait), the fit against the
  /// source report, the breakdowns, the months, the pools and the footer.
  static func run(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var out = ["## \(d.title(l)) · \(l.label("period")) \(l.period(d.start, d.end))", ""]
    if !d.description(l).isEmpty { out += ["*\(d.description(l))*", ""] }
    let lead = d.leadSentence(l)
    if !lead.isEmpty { out += [lead, ""] }
    if let c = d.calibration { out += [c.sentence(l), ""] }
    out += cards(d, l) + fit(d, l)
    let byOverdue = { (rs: [ReportData.Row]) in rs.sorted { $0.overdue.mean > $1.overdue.mean } }
    out += breakdown(l.label("by_level"), first: l.label("level"), d.byLevel, l) { l.word($0) }
    out += breakdown(l.label("by_agency"), first: l.label("agency"), byOverdue(d.byAgency), l) {
      d.names.agency($0, l)
    }
    out += unitWaits(d, l)
    out += months(d, l)
    out += poolMonths(d, l)
    out += index766(d, l)
    out += breakdown(l.label("by_field_t"), first: l.label("field"), byOverdue(d.byField), l) {
      d.names.field($0, l)
    }
    out += breakdown(l.label("by_procedure"), first: l.label("procedure"), byOverdue(d.byProcedure), l) {
      d.names.procedure($0, l)
    }
    out += [
      """
      \(l.label("footer")) `\(d.file)` · \(l.label("scenario_id")) `\(d.scenario)` · \(d.replications) \
      \(l.label("replications")) · \(l.label("seed")) \(d.seed) · \(l.label("version")) \(d.version) · \
      \(l.label("hash")) \(d.hash)
      """,
      "",
    ]
    return out
  }

  /// The headline KPIs as the HTML cards show them: the mean, the 95 % interval (and the
  /// interval of noise and parameters with `--uncertainty`), the busiest centre's wait.
  static func cards(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    let u = d.uncertainty
    func row(_ k: String, _ f: (Double) -> String) -> [String]? {
      d.kpis[k].map { e in
        let total = u.map { u in [u.kpis[k]?.total.map { "\(f($0.low)) – \(f($0.high))" } ?? "–"] } ?? []
        return [l.label(k), f(e.mean), "\(f(e.low)) – \(f(e.high))"] + total
      }
    }
    let pct = { (x: Double) in l.percent(x) }, count = { (x: Double) in l.number(x) }
    var rows = [row(Measure.onTimeRateOfReceived.name, pct), row(Measure.overdueRateOfReceived.name, pct)]
    if let w = d.busiestCentre {
      let minutes = { (x: Double) in l.measure(x, unit: "min") }
      let mean = d.names.kpi("\(Measure.deskWaitMean.name)@unit:\(w.unit)", l)
      let p90 = d.names.kpi("\(Measure.deskWaitP90.name)@unit:\(w.unit)", l)
      let none = u == nil ? [] : ["–"]
      rows.append([mean, minutes(w.mean.mean), "\(minutes(w.mean.low)) – \(minutes(w.mean.high))"] + none)
      rows.append([p90, minutes(w.p90.mean), "–"] + none)
    }
    rows += [Measure.inProgressEnd, .apologies, .received].map { row($0.name, count) }
    var out = table(
      [l.label("indicator"), l.label("mean"), l.label("ci")] + (u == nil ? [] : [l.label("ci_total")]),
      rows.compactMap { $0 })
    if let u { out += HTMLReport.uncertaintyHeadline.compactMap { u.sentence($0, l) }.flatMap { [$0, ""] } }
    return out
  }

  /// The simulated figures against the source report's, each with its unit's decimals.
  static func fit(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    let fit = d.targets.compactMap { t in d.estimate(t.kpi).map { (t, $0) } }
    guard !fit.isEmpty else { return [] }
    let header = ["indicator", "role", "report_figure", "simulated", "ci", "tolerance", "within", "note"].map {
      l.label($0)
    }
    let rows = fit.map { target, e -> [String] in
      let base = String(target.kpi.prefix { $0 != "@" })
      let n = { (x: Double) in l.number(x, decimals: l.decimals(kpi: base, unit: d.kpiUnits[base] ?? "dossiers")) }
      return [
        d.names.kpi(target.kpi, l), l.label("role." + target.role), target.written(n), n(e.mean),
        "\(n(e.low)) – \(n(e.high))", "± " + n(target.tolerance), l.label(target.within(e) ? "yes" : "no"),
        target.source(l),
      ]
    }
    return ["### \(l.label("against_report"))", ""] + table(header, rows)
  }

  /// The units with the longest desk waits, as the HTML page lists them, by name.
  static func unitWaits(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    let waits = d.longestWaits
    guard !waits.isEmpty else { return [] }
    let header = ["unit", "level", "mean", "ci", "p90"].map { l.label($0) }
    return ["### \(l.label("desk_waits"))", ""]
      + table(
        header,
        waits.map { w in
          [
            d.names.unit(w.unit, l), l.word(w.level), l.number(w.mean.mean, decimals: 1),
            "\(l.number(w.mean.low, decimals: 1)) – \(l.number(w.mean.high, decimals: 1))",
            l.number(w.p90.mean, decimals: 1),
          ]
        })
  }

  /// The monthly series, all levels together.
  static func months(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    let all = d.months.filter { $0.level == "all" }
    guard !all.isEmpty else { return [] }
    let header = [
      l.label("month"), l.label("received_new"), l.label("resolved_on_time"), l.label("resolved_overdue"),
      l.label("in_progress"), l.label("online_share"),
    ]
    return ["### \(l.label("months"))", ""]
      + table(
        header,
        all.map {
          [
            l.date($0.month), l.number($0.receivedNew.mean), l.number($0.onTime.mean), l.number($0.overdue.mean),
            l.number($0.inProgress.mean), l.number($0.onlineShare.mean, decimals: 1),
          ]
        })
  }
}
