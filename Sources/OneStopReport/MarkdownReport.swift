import OneStopModel

/// The report as Markdown, for pasting into a document: the same numbers as the HTML page,
/// as tables (no charts).
public enum MarkdownReport {
  public static func page(_ inputs: [ReportInput], language l: ReportLanguage) -> String {
    var out = ["# \(l.label("title"))", ""]
    for input in inputs {
      switch input {
      case .run(let d): out += run(d, l)
      case .compare(let c): out += compare(c, l)
      case .staff(let s): out += staff(s, l)
      case .sensitivity(let s):
        out += ["## \(l.label("sensitivity")): \(s.scenario)", ""]
        for kpi in s.kpis where !s.ranked(kpi).isEmpty {
          let t = s.table(kpi, l)
          out += ["### \(SensitivityData.subject(kpi, l))", "", s.sentence(kpi, l), ""] + table(t.header, t.rows)
        }
      case .sweep(let w):
        out += ["## \(l.label("sweep")): \(w.name)", ""]
        let columns = ["id"] + w.parameters + w.kpis
        out += table(
          columns,
          w.rows.map { r in columns.map { c in Double(r[c] ?? "").map { l.number($0, decimals: 2) } ?? (r[c] ?? "") } })
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
    var out = ["| " + header.joined(separator: " | ") + " |"]
    out.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
    for r in rows { out.append("| " + r.map(cell).joined(separator: " | ") + " |") }
    out.append("")
    return out
  }

  /// The rows of a breakdown table (level, agency).
  static func rows(_ rs: [ReportData.Row], _ l: ReportLanguage, translate: Bool = false) -> [[String]] {
    rs.map {
      [
        translate ? l.label($0.key) : $0.key, l.number($0.received.mean), l.number($0.onTime.mean),
        l.number($0.overdue.mean), l.number($0.inProgress.mean),
        l.number($0.onTimeRate.mean, decimals: 2), l.number($0.overdueRate.mean, decimals: 2),
      ]
    }
  }

  /// The header of a breakdown table whose first column is `first`.
  static func rowHeader(_ first: String, _ l: ReportLanguage) -> [String] {
    [
      first, l.label("received"), l.label("resolved_on_time"), l.label("resolved_overdue"), l.label("in_progress"),
      l.label("on_time_pct"), l.label("overdue_pct"),
    ]
  }

  /// A run's section: headline KPIs, by level, by agency, the months and the footer.
  static func run(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var out = ["## \(d.scenario) · \(l.label("period")) \(l.date(d.start)) – \(l.date(d.end))", ""]
    if let c = d.calibration { out += [c.sentence(l), ""] }
    let cards = [Measure.onTimeRateOfReceived, .overdueRateOfReceived, .inProgressEnd, .apologies, .received]
      .map(\.name)
    let u = d.uncertainty
    out += table(
      [l.label("indicator"), l.label("mean"), l.label("ci")] + (u == nil ? [] : [l.label("ci_total")]),
      cards.compactMap { k in
        d.kpis[k].map { e in
          let pct = k.hasSuffix("_rate_of_received")
          let f = { (x: Double) in pct ? l.percent(x) : l.number(x) }
          let total = u.map { u in [u.kpis[k]?.total.map { "\(f($0.low)) – \(f($0.high))" } ?? "–"] } ?? []
          return [l.label(k), f(e.mean), "\(f(e.low)) – \(f(e.high))"] + total
        }
      })
    if let u { out += HTMLReport.uncertaintyHeadline.compactMap { u.sentence($0, l) }.flatMap { [$0, ""] } }
    out += ["### \(l.label("by_level"))", ""]
    out += table(rowHeader(l.label("level"), l), rows(d.byLevel, l, translate: true))
    out += ["### \(l.label("by_agency"))", ""]
    out += table(rowHeader(l.label("agency"), l), rows(d.byAgency.sorted { $0.overdue.mean > $1.overdue.mean }, l))
    out += unitWaits(d, l)
    let all = d.months.filter { $0.level == "all" }
    if !all.isEmpty {
      out += ["### \(l.label("months"))", ""]
      out += table(
        [
          l.label("month"), l.label("received_new"), l.label("resolved_on_time"), l.label("resolved_overdue"),
          l.label("in_progress"), l.label("online_share"),
        ],
        all.map {
          [
            l.date($0.month), l.number($0.receivedNew.mean), l.number($0.onTime.mean), l.number($0.overdue.mean),
            l.number($0.inProgress.mean), l.number($0.onlineShare.mean, decimals: 1),
          ]
        })
    }
    out += poolMonths(d, l)
    out += index766(d, l)
    out += [
      """
        \(l.label("footer")) `\(d.file)` · \(d.replications) \(l.label("replications")) · \(l.label("seed")) \
        \(d.seed) · \(l.label("version")) \(d.version) · \(l.label("hash")) \(d.hash)
        """,
      "",
    ]
    return out
  }

  /// The units with the longest desk waits, as the HTML page lists them, with their names.
  static func unitWaits(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    let waits = d.longestWaits
    guard !waits.isEmpty else { return [] }
    let header = ["unit", "unit_name", "level", "mean", "ci", "p90"].map { l.label($0) }
    return ["### \(l.label("desk_waits"))", ""]
      + table(
        header,
        waits.map { w in
          let (mean, low, high) = (w.mean.mean, w.mean.low, w.mean.high)
          return [
            w.unit, w.name, l.label(w.level), l.number(mean, decimals: 1),
            "\(l.number(low, decimals: 1)) – \(l.number(high, decimals: 1))", l.number(w.p90.mean, decimals: 1),
          ]
        })
  }

  /// A comparison's section: the paired differences.
  static func compare(_ c: CompareData, _ l: ReportLanguage) -> [String] {
    let u = c.uncertaintySets != nil
    let sentences = HTMLReport.headline.compactMap { k in
      c.differences.first { $0.kpi == k }.flatMap { d in
        d.shareBetter.map { HTMLReport.betterSentence(kpi: k, share: $0, l) }
      }
    }
    return [
      "## \(l.label("compare"))", "",
      "A: \(c.a) (`\(c.aFile)`) · B: \(c.b) (`\(c.bFile)`) · \(c.replications) \(l.label("replications"))", "",
    ] + sentences.flatMap { [$0, ""] }
      + table(
        [l.label("indicator"), "A", "B", l.label("difference"), l.label("ci")]
          + (u ? [l.label("ci_total"), "B \(l.label("better_share"))"] : []),
        c.differences.map { d in
          [
            d.kpi, l.number(d.a, decimals: 2), l.number(d.b, decimals: 2), l.number(d.difference, decimals: 2),
            "± " + l.number(d.halfWidth, decimals: 2),
          ]
            + (u
              ? [
                d.total.map { "\(l.number($0.low, decimals: 2)) – \(l.number($0.high, decimals: 2))" } ?? "–",
                d.sameInEverySet ? "=" : d.shareBetter.map { l.percent(100 * $0, decimals: 0) } ?? "–",
              ] : [])
        })
  }

  /// A staffing plan's section: the changes and the targets.
  static func staff(_ s: StaffData, _ l: ReportLanguage) -> [String] {
    ["## \(l.label("staff"))", ""]
      + table(
        [l.label("key"), l.label("today"), l.label("plan"), l.label("persons")],
        s.changes.map {
          ["`\($0.key)`", "\($0.current)", "\($0.plan)", ($0.persons > 0 ? "+" : "") + "\($0.persons)"]
        })
      + table(
        [l.label("target"), l.label("today"), l.label("plan"), l.label("ci"), l.label("met")],
        s.targets.map {
          [
            $0.target, l.number($0.now, decimals: 2), l.number($0.plan, decimals: 2),
            "\(l.number($0.planLow, decimals: 2)) – \(l.number($0.planHigh, decimals: 2))",
            l.label($0.met ? "yes" : "no"),
          ]
        })
  }
}
