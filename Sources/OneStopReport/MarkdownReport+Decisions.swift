import OneStopModel

/// The decision views in Markdown: a comparison, a staffing plan, a sweep, in the HTML
/// page's words (KPIs and scenario keys by their catalogue names, units by their names).
extension MarkdownReport {
  /// A comparison's section: what A and B are, the decision in one sentence, the busiest
  /// centre's desk waits, then every paired difference with its unit's decimals.
  static func compare(_ c: CompareData, _ l: ReportLanguage, _ names: ReportNames) -> [String] {
    let u = c.uncertaintySets != nil
    let sentences = HTMLReport.headline.compactMap { k in
      c.differences.first { $0.kpi == k }.flatMap { d in
        d.shareBetter.map { HTMLReport.betterSentence(kpi: k, share: $0, l) }
      }
    }
    func sets(_ o: [String]) -> String {
      o.isEmpty
        ? "" : " \(l.label("overrides")) " + o.map { CompareData.override($0, names, l) }.joined(separator: "; ")
    }
    let side = l.label("side")
    var out = [
      "## \(l.label("compare"))", "",
      """
      \(side) A: **\(c.name(.a, l))**\(sets(c.aOverrides)) · \(side) B: **\(c.name(.b, l))**\(sets(c.bOverrides)) · \
      \(c.replications) \(l.label("replications")) · \(l.label("seed")) \(c.seed)
      """,
      "", c.leadSentence(l, names), "",
    ]
    if !c.centreWaits.isEmpty {
      out += ["### \(l.label("centre_waits"))", ""]
      out += table(
        [l.label("indicator"), "A", "B", l.label("difference"), l.label("ci")],
        c.centreWaits.map { d in
          [
            names.kpi(d.kpi, l), l.measure(d.a, unit: d.unit, decimals: 1), l.measure(d.b, unit: d.unit, decimals: 1),
            l.number(d.difference, decimals: 1), "± " + l.number(d.halfWidth, decimals: 1),
          ]
        })
    }
    out += sentences.flatMap { [$0, ""] }
    let header = [l.label("indicator"), "A", "B", l.label("difference"), l.label("ci"), l.label("significant")]
    return out
      + table(
        header + (u ? [l.label("ci_total"), "B \(l.label("better_share"))"] : []),
        c.differences.map { d in
          let places = l.decimals(kpi: String(d.kpi.prefix { $0 != "@" }), unit: d.unit)
          let significant = d.halfWidth.isFinite && abs(d.difference) > d.halfWidth
          return [
            names.kpi(d.kpi, l), l.measure(d.a, unit: d.unit, decimals: places),
            l.measure(d.b, unit: d.unit, decimals: places), l.number(d.difference, decimals: places + 1),
            "± " + l.number(d.halfWidth, decimals: places + 1), l.label(significant ? "yes" : "no"),
          ]
            + (u
              ? [
                d.total.map { "\(l.number($0.low, decimals: 2)) – \(l.number($0.high, decimals: 2))" } ?? "–",
                d.sameInEverySet ? "=" : d.shareBetter.map { l.percent(100 * $0, decimals: 0) } ?? "–",
              ] : [])
        })
      + [
        "",
        "A: \(l.label("scenario_id")) `\(c.a)` (`\(c.aFile)`) · "
          + "B: \(l.label("scenario_id")) `\(c.b)` (`\(c.bFile)`) · \(l.label("version")) \(c.version)",
      ]
  }

  /// A staffing plan's section: the changes (scenario keys in words) and the targets.
  static func staff(_ s: StaffData, _ l: ReportLanguage, _ names: ReportNames) -> [String] {
    ["## \(l.label("staff"))", ""]
      + table(
        [l.label("key"), l.label("today"), l.label("plan"), l.label("persons")],
        s.changes.map {
          [names.parameter($0.key, l), "\($0.current)", "\($0.plan)", ($0.persons > 0 ? "+" : "") + "\($0.persons)"]
        })
      + table(
        [l.label("target"), l.label("today"), l.label("plan"), l.label("ci"), l.label("met")],
        s.targets.map {
          [
            $0.target.replacingOccurrences(of: $0.kpi, with: names.kpi($0.kpi, l)), l.number($0.now, decimals: 2),
            l.number($0.plan, decimals: 2),
            "\(l.number($0.planLow, decimals: 2)) – \(l.number($0.planHigh, decimals: 2))",
            l.label($0.met ? "yes" : "no"),
          ]
        })
  }

  /// A sweep's section: the study in words, its points numbered 1..N with the swept keys
  /// and KPIs in words, then the sweep's id, base file and point ids in code spans.
  static func sweep(_ w: SweepData, _ l: ReportLanguage, _ names: ReportNames) -> [String] {
    var out = ["## \(w.heading(l))", ""]
    if !w.about(l).isEmpty { out += [w.about(l), ""] }
    if !w.description(l).isEmpty { out += ["*\(w.description(l))*", ""] }
    let t = w.table(names, l)
    return out + table(t.header, t.rows)
      + [w.footer(l).map { "\($0.text) `\($0.code)`" }.joined(separator: " · "), ""]
  }
}
