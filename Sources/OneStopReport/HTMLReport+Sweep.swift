import Foundation

extension HTMLReport {
  /// A sweep: the study named in words, then for each KPI its mean over the parameter with
  /// the most values, one line per combination of the other swept parameters (at most four),
  /// and the points' table (numbered 1..N); the sweep's id, base file and point ids in the
  /// footer's small print.
  static func sweepSections(_ w: SweepData, _ l: ReportLanguage, names: ReportNames = ReportNames()) -> [String] {
    var out = "<section id=\"sweep\"><h2 class=\"run\">\(esc(w.heading(l)))</h2>"
    let about = w.about(l)
    if !about.isEmpty { out += "<p class=\"provenance\">\(esc(about))</p>" }
    if !w.description(l).isEmpty { out += "<p class=\"description\">\(esc(w.description(l)))</p>" }
    for chart in w.charts(names, l) {
      out += "<h3>\(esc(chart.title))</h3>"
      out += ReportCharts.lines(
        title: chart.title, months: chart.xs, series: chart.series, format: { l.number($0, decimals: chart.decimals) },
        unit: chart.axis)
    }
    let t = w.table(names, l)
    out +=
      "<table><caption>\(esc(l.label("table")))</caption><thead><tr>"
      + t.header.enumerated().map {
        "<th\($0.offset == 0 || $0.offset > w.parameters.count ? " class=\"n\"" : "")>"
          + "\(esc($0.element))</th>"
      }.joined()
      + "</tr></thead><tbody>"
    for (r, cells) in zip(w.rows, t.rows) {
      out +=
        "<tr data-point=\"\(esc(r["id"] ?? ""))\">"
        + cells.enumerated().map { k, c in
          "<td\(k == 0 || k > w.parameters.count ? " class=\"n\"" : "")>\(esc(c))</td>"
        }.joined() + "</tr>"
    }
    let footer = w.footer(l).map { "\(esc($0.text)) <code>\(esc($0.code))</code>" }.joined(separator: " · ")
    return [out + "</tbody></table><p class=\"provenance\">\(footer)</p></section>"]
  }
}
