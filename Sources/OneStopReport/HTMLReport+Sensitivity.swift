extension HTMLReport {
  /// A sensitivity study: per KPI, the sentence naming the three parameters it depends on
  /// most, a tornado chart of mu* (with its interval) when the screening ran, one of the
  /// total Sobol index (with its interval) where computed, and the index table.
  static func sensitivitySections(_ s: SensitivityData, _ l: ReportLanguage) -> [String] {
    var out = [
      """
      <h2 class="run">\(esc(s.heading(l)))</h2><p class="provenance">\
      \(s.replications) \(esc(l.label("replications"))), \(esc(l.label("seed"))) \(s.seed)</p>
      """
    ]
    for kpi in s.kpis {
      let rows = s.ranked(kpi)
      guard !rows.isEmpty else { continue }
      let name = SensitivityData.subject(kpi, l)
      var html = """
        <section class="sensitivity" id="sens-\(ReportCharts.id(kpi))" data-kpi="\(esc(kpi))"><h2>\(esc(name))</h2>\
        <p class="rests" \
        data-params="\(esc(s.topParameters(kpi).joined(separator: ",")))">\(esc(s.sentence(kpi, l)))</p>
        """
      let screened = rows.compactMap { r in r.muStar.map { (label: r.param, value: $0, ci: r.muStarCI) } }
      if !screened.isEmpty {
        html += tornado(title: "\(l.label("tornado_mu")): \(name)", screened, l)
      }
      let sobol = rows.compactMap { r in r.total.map { (label: r.param, value: $0, ci: r.totalCI) } }
        .sorted { $0.value > $1.value }
      if !sobol.isEmpty {
        html += tornado(title: "\(l.label("tornado_total")): \(name)", sobol, l)
      }
      let t = s.table(kpi, l)
      html +=
        "<table><caption>\(esc(l.label("table")))</caption><thead><tr>"
        + t.header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        + t.rows.map { r in
          "<tr>" + r.enumerated().map { "<td\($0.offset < 3 ? "" : " class=\"n\"")>\(esc($0.element))</td>" }.joined()
            + "</tr>"
        }.joined() + "</tbody></table>"
      out.append(html + "</section>")
    }
    // The scenario's file in the footer's small print (the heading names it in words).
    return out + ["<p class=\"provenance\">\(esc(l.label("scenario_id"))) <code>\(esc(s.scenario))</code></p>"]
  }

  /// Horizontal bars under a visible title, largest first as given, each with its interval
  /// where there is one.
  static func tornado(
    title: String, _ items: [(label: String, value: Double, ci: (low: Double, high: Double)?)], _ l: ReportLanguage
  ) -> String {
    let d = SensitivityData.decimals(items.map(\.value))
    return "<h3>\(esc(title))</h3>"
      + ReportCharts.bars(
        title: title, items: items.map { (l.prior($0.label), $0.value, $0.ci?.low, $0.ci?.high) },
        format: { l.number($0, decimals: d) }, unit: "", wideLabels: true)
  }
}
