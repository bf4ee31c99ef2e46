import Foundation
import OneStopModel

/// The decision views: a comparison of two scenarios, a staffing plan, a sweep.
extension HTMLReport {
  /// Headline indicators of a comparison, in this order when present.
  static let headline = [
    Measure.onTimeRateOfReceived, .overdueRateOfReceived, .resolvedOverdue, .inProgressEnd, .apologies, .deskWaitMean,
    .deskWaitP90, .servedSameDay, .turnedAway, .officerUtilisation, .deskUtilisation,
  ].map(\.name)

  static func compareSections(_ c: CompareData, _ l: ReportLanguage, names: ReportNames = ReportNames()) -> [String] {
    let rows = headline.compactMap { k in c.differences.first { $0.kpi == k } }
    // Rows grouped by unit of measure, so that each group's bars share a scale.
    let units = rows.reduce(into: [String]()) { if !$0.contains($1.unit) { $0.append($1.unit) } }
    let ordered = units.flatMap { u in rows.filter { $0.unit == u } }
    let chart = ReportCharts.differences(
      title: l.label("compare_chart") + " (" + l.label("common_scale") + ")",
      items: ordered.map { (names.kpi($0.kpi, l), $0.difference, $0.halfWidth, l.unit($0.unit)) },
      format: { l.number($0, decimals: 2) })
    var t =
      """
      <table><caption>\(esc(l.label("table")))</caption><thead><tr><th>\(esc(l.label("indicator")))</th><th \
      class="n">A</th><th class="n">B</th><th class="n">\(esc(l.label("difference")))</th><th \
      class="n">\(esc(l.label("ci")))</th><th class="n">\(esc(l.label("unpaired")))</th><th>\
      \(esc(l.label("significant")))</th></tr></thead><tbody>
      """
    if c.uncertaintySets != nil {
      t = t.replacingOccurrences(
        of: "</tr></thead>",
        with: "<th>\(esc(l.label("ci_total")))</th><th>B \(esc(l.label("better_share")))</th></tr></thead>")
    }
    for d in c.differences {
      let significant = d.halfWidth.isFinite && abs(d.difference) > d.halfWidth
      let places = l.decimals(kpi: String(d.kpi.prefix { $0 != "@" }), unit: d.unit)
      t +=
        """
        <tr data-kpi=\"\(esc(d.kpi))\"><td>\(esc(names.kpi(d.kpi, l)))</td><td \
        class=\"n\">\(l.measure(d.a, unit: d.unit, decimals: places))</td><td \
        class=\"n\">\(l.measure(d.b, unit: d.unit, decimals: places))</td><td \
        class=\"n\">\(l.number(d.difference, decimals: places + 1))</td><td class=\"n\">± \
        \(l.number(d.halfWidth, decimals: places + 1))</td><td class=\"n\">± \
        \(l.number(d.unpairedHalfWidth, decimals: places + 1))</td><td>\(esc(l.label(significant ? "yes" : "no")))</td>
        """
      if c.uncertaintySets != nil {
        let total = d.total.map { "\(l.number($0.low, decimals: 2)) – \(l.number($0.high, decimals: 2))" } ?? "–"
        let share = d.sameInEverySet ? "=" : d.shareBetter.map { l.percent(100 * $0, decimals: 0) } ?? "–"
        t += "<td class=\"n\">\(total)</td><td class=\"n\">\(share)</td>"
      }
      t += "</tr>"
    }
    // The overrides of a side (`compare --set-b`) in words, each as written in its title.
    func sets(_ o: [String]) -> String {
      let words = o.map {
        "<span class=\"set\" title=\"--set \(esc($0))\">\(esc(CompareData.override($0, names, l)))</span>"
      }
      return o.isEmpty ? "" : " \(esc(l.label("overrides"))) " + words.joined(separator: "; ")
    }
    // The sides by their titles; their ids and files in the footer's small print.
    let side = l.label("side")
    let footer = [(c.a, c.aFile), (c.b, c.bFile)].enumerated().map { i, s in
      "\(i == 0 ? "A" : "B"): \(esc(l.label("scenario_id"))) <code class=\"id\">\(esc(s.0))</code> "
        + "(<code>\(esc(s.1))</code>)"
    }.joined(separator: " · ")
    return [
      """
      <section id=\"compare\"><h2>\(esc(l.label("compare")))</h2><p>\(esc(side)) A: <strong>\
      \(esc(c.name(.a, l)))</strong>\(sets(c.aOverrides)) · \(esc(side)) B: <strong>\(esc(c.name(.b, l)))</strong>\
      \(sets(c.bOverrides)) · \(c.replications) \(esc(l.label("replications"))) · \(esc(l.label("seed"))) \
      \(esc(c.seed))</p><p \
      class=\"lead\">\(esc(c.leadSentence(l, names)))</p>\(centreWaits(c, l, names))\(betterSentences(c, l))\
      \(chart)\(t)</tbody></table><p class=\"provenance\">\(footer) · \(esc(l.label("version"))) \
      \(esc(c.version))</p></section>
      """
    ]
  }

  /// The busiest centre's desk waits and its desk groups', on the comparison's first screen:
  /// a desk change is decided on them, not on waits pooled over every unit.
  static func centreWaits(_ c: CompareData, _ l: ReportLanguage, _ names: ReportNames) -> String {
    guard !c.centreWaits.isEmpty else { return "" }
    var t =
      """
      <table class=\"centre\"><caption>\(esc(l.label("centre_waits")))</caption><thead><tr><th>\
      \(esc(l.label("indicator")))</th><th class=\"n\">A</th><th class=\"n\">B</th><th \
      class=\"n\">\(esc(l.label("difference")))</th><th class=\"n\">\(esc(l.label("ci")))</th></tr></thead><tbody>
      """
    for d in c.centreWaits {
      t +=
        """
        <tr data-kpi=\"\(esc(d.kpi))\"><td>\(esc(names.kpi(d.kpi, l)))</td><td \
        class=\"n\">\(l.measure(d.a, unit: d.unit, decimals: 1))</td><td \
        class=\"n\">\(l.measure(d.b, unit: d.unit, decimals: 1))</td><td \
        class=\"n\">\(l.number(d.difference, decimals: 1))</td><td class=\"n\">± \
        \(l.number(d.halfWidth, decimals: 1))</td></tr>
        """
    }
    return t + "</tbody></table>"
  }

  static func staffSections(_ s: StaffData, _ l: ReportLanguage, names: ReportNames = ReportNames()) -> [String] {
    // A target as written, its KPI named ("Desk wait, mean <= 1m").
    func target(_ t: StaffData.Target) -> String { t.target.replacingOccurrences(of: t.kpi, with: names.kpi(t.kpi, l)) }
    var out = "<section id=\"staff\"><h2>\(esc(l.label("staff")))</h2><h3>\(esc(l.label("changes")))</h3>"
    out +=
      """
      <table><thead><tr><th>\(esc(l.label("key")))</th><th>\(esc(l.label("today")))</th><th>\(esc(l.label("plan")))<\
      /th><th>\(esc(l.label("persons")))</th></tr></thead><tbody>
      """
    for c in s.changes {
      out +=
        """
        <tr title=\"\(esc(c.key))\"><td>\(esc(names.parameter(c.key, l)))</td><td \
        class=\"n\">\(esc(c.current))</td><td class=\"n\">\(esc(c.plan))</td><td \
        class=\"n\">\(c.persons > 0 ? "+" : "")\(c.persons)</td></tr>
        """
    }
    out +=
      """
      </tbody></table><table><thead><tr><th>\(esc(l.label("target")))</th><th>\(esc(l.label("today")))</th><th>\
      \(esc(l.label("plan")))</th><th>\(esc(l.label("ci")))</th><th>\(esc(l.label("met")))</th></tr></thead><tbody>
      """
    for t in s.targets {
      out +=
        """
        <tr title=\"\(esc(t.target))\"><td>\(esc(target(t)))</td><td \
        class=\"n\">\(l.number(t.now, decimals: 2))</td><td \
        class=\"n\">\(l.number(t.plan, decimals: 2))</td><td class=\"n\">\(l.number(t.planLow, decimals: 2)) – \
        \(l.number(t.planHigh, decimals: 2))</td><td \
        class=\"\(t.met ? "met" : "notmet")\">\(esc(l.label(t.met ? "yes" : "no")))</td></tr>
        """
    }
    out += "</tbody></table>"
    for (k, t) in s.targets.enumerated() where !s.steps.isEmpty {
      let chart = ReportCharts.lines(
        title: "\(l.label("tradeoff")) \(names.kpi(t.kpi, l))",
        months: s.steps.map { "\($0.persons > 0 ? "+" : "")\($0.persons)" },
        series: [
          (names.kpi(t.kpi, l), s.steps.map { k < $0.means.count ? $0.means[k] : .nan }),
          (l.label("limit"), s.steps.map { _ in t.limit }),
        ],
        format: { l.number($0, decimals: 1) }, unit: "\(l.label("persons")) → \(t.unit)")
      out += "<h3>\(esc(l.label("tradeoff"))) \(esc(names.kpi(t.kpi, l)))</h3>\(chart)"
    }
    if !s.steps.isEmpty {
      out +=
        """
        <table><caption>\(esc(l.label("table")))</caption><thead><tr><th>\(esc(l.label("persons")))</th><th>\
        \(esc(l.label("key")))</th>
        """
        + s.targets.map { "<th>\(esc(names.kpi($0.kpi, l)))</th>" }.joined() + "</tr></thead><tbody>"
      for step in s.steps {
        out +=
          "<tr title=\"\(esc(step.key))\"><td class=\"n\">\(step.persons)</td>"
          + "<td>\(esc(names.parameter(step.key, l)))</td>"
          + step.means.map { "<td class=\"n\">\(l.number($0, decimals: 2))</td>" }.joined() + "</tr>"
      }
      out += "</tbody></table>"
    }
    return [out + "</section>"]
  }
}
