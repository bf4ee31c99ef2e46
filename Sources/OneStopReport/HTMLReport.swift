import Foundation

/// One self-contained HTML page from a run's results: no script, no external style, font
/// or image, so it opens from a USB stick and prints as it shows. Every chart is followed
/// by a table of its numbers.
public enum HTMLReport {
  /// One page for all `inputs` (run results, comparisons, staffing plans, sweeps, sensitivity
  /// studies), in order.
  public static func page(_ inputs: [ReportInput], language l: ReportLanguage) -> String {
    var body = ["<header><h1>\(esc(l.label("title")))</h1><p class=\"sub\">\(esc(l.label("subtitle")))</p></header>"]
    var name = ""
    let names = self.names(inputs)
    for input in inputs {
      switch input {
      case .run(let d): body += runSections(d, l); name = name.isEmpty ? d.title(l) : name
      case .compare(let c): body += compareSections(c, l, names: names); name = name.isEmpty ? l.label("compare") : name
      case .staff(let s): body += staffSections(s, l, names: names)
      case .sweep(let w): body += sweepSections(w, l, names: names); name = name.isEmpty ? w.heading(l) : name
      case .sensitivity(let s): body += sensitivitySections(s, l); name = name.isEmpty ? l.label("sensitivity") : name
      }
    }
    return """
      <!DOCTYPE html>
      <html lang="\(l.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(l.label("title"))) – \(esc(name))</title>
      <style>\(style)</style>
      </head>
      <body>
      \(keepHeadingsWithCharts(body.joined(separator: "\n")))
      </body>
      </html>

      """
  }

  /// The names of units and agencies: from the runs on the page and the comparisons (A's units).
  static func names(_ inputs: [ReportInput]) -> ReportNames {
    var names = ReportNames()
    for case .run(let d) in inputs {
      names.units.merge(d.names.units) { a, _ in a }
      names.stations.merge(d.names.stations) { a, _ in a }
      names.procedures.merge(d.names.procedures) { a, _ in a }
      names.localized.merge(d.names.localized) { a, b in a.merging(b) { x, _ in x } }
    }
    // A comparison names its scenario A's units itself.
    for case .compare(let c) in inputs { names.units.merge(c.units) { a, _ in a } }
    // A sweep names its base scenario's units, agencies and desk groups.
    for case .sweep(let w) in inputs {
      names.units.merge(w.units) { a, _ in a }
      names.localized.merge(w.localized) { a, b in a.merging(b) { x, _ in x } }
    }
    return names
  }

  /// Wraps each heading with the chart that follows it in `<div class="keep">`, which the
  /// print style never breaks (a heading never ends a page without its chart).
  static func keepHeadingsWithCharts(_ html: String) -> String {
    html.replacingOccurrences(
      of: #"(<h[23][^>]*>[^<]*</h[23]>(?:<p class="(?:rests|provenance|lead)"[^>]*>[^<]*</p>)?)"#
        + #"(<svg class="chart"[\s\S]*?</svg>)"#,
      with: "<div class=\"keep\">$1$2</div>", options: .regularExpression)
  }

  /// The page of one run's results.
  public static func html(_ d: ReportData, language l: ReportLanguage) -> String { page([.run(d)], language: l) }

  static func runSections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    headlineSections(d, l) + uncertaintySections(d, l) + breakdownSections(d, l) + monthSections(d, l)
      + capacitySections(d, l)
      + detailSections(d, l)
  }

  /// A bar chart of utilisation (%) and its table: one row per pool, named by its first
  /// cell, with the other cells as written.
  static func utilisationSection(
    id: String, title: String, headers: [String], rows: [([String], Double)], _ l: ReportLanguage
  ) -> String {
    let chart = ReportCharts.bars(
      title: title, items: rows.map { ($0.0[0], $0.1, nil, nil) }, format: { l.number($0, decimals: 1) }, unit: "%")
    var t =
      "<table><caption>\(esc(l.label("table")))</caption><thead><tr>"
      + (headers + [l.label("utilisation_pct")]).map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
    for (cells, value) in rows {
      t +=
        "<tr>" + cells.map { "<td>\(esc($0))</td>" }.joined()
        + "<td class=\"n\">\(l.number(value, decimals: 1))</td></tr>"
    }
    return "<section id=\"\(id)\"><h2>\(esc(title))</h2>\(chart)\(t)</tbody></table></section>"
  }

  /// `name`: what each row's key shows as (a level's word, an agency's or procedure's name);
  /// the key itself stays in the row's `data-key`.
  static func table(rows: [ReportData.Row], first: String, _ l: ReportLanguage, name: (String) -> String) -> String {
    var t =
      """
      <table><thead><tr><th>\(esc(first))</th><th class="n">\(esc(l.label("received")))</th><th class="n">\
      \(esc(l.label("resolved_on_time")))</th><th class="n">\(esc(l.label("resolved_overdue")))</th><th class="n">\
      \(esc(l.label("in_progress")))</th><th class="n">\(esc(l.label("on_time_pct")))</th><th \
      class="n">\(esc(l.label("overdue_pct")))</th></tr></thead><tbody>
      """
    for r in rows {
      t +=
        """
        <tr data-key=\"\(esc(r.key))\"><td>\(esc(name(r.key)))</td><td \
          class=\"n\">\(l.number(r.received.mean))</td><td \
        class=\"n\">\(l.number(r.onTime.mean))</td><td class=\"n\">\(l.number(r.overdue.mean))</td><td \
        class=\"n\">\(l.number(r.inProgress.mean))</td><td \
        class=\"n\">\(l.number(r.onTimeRate.mean, decimals: 2))</td><td \
        class=\"n\">\(l.number(r.overdueRate.mean, decimals: 2))</td></tr>
        """
    }
    return t + "</tbody></table>"
  }

  /// System fonts only (Vietnamese diacritics come from the reader's own fonts).
  static let style = """
    body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:2em \
    auto;max-width:960px;color:#1b1b1b;line-height:1.4}
    header h1{margin:0;font-size:1.7em}.sub{color:#555;margin-top:.2em}
    h2{font-size:1.2em;border-bottom:2px solid #b22;padding-bottom:.2em;margin-top:1.8em}
    h3{font-size:1em;margin:1.2em 0 0}
    .cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:1.2em}
    .card{flex:1 1 160px;border:1px solid #ddd;border-radius:8px;padding:10px 12px;background:#fafafa}
    .card .big{font-size:1.7em;font-weight:700}.card .report{font-size:.8em;color:#1a5276;margin-top:.2em}.card \
    .what{font-size:.9em}.card .ci{font-size:.75em;color:#666}
    table{border-collapse:collapse;width:100%;margin:.8em \
    0;font-size:.88em}caption{text-align:left;color:#666;font-size:.85em}
    th,td{border-bottom:1px solid #e3e3e3;padding:3px \
    6px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
    svg.chart{width:100%;height:auto;max-width:720px;display:block;margin:.6em 0}
    .bar{fill:#c0392b}.whisker{stroke:#333;stroke-width:1.2;fill:none}.axis,.grid{stroke:#bbb;stroke-width:1}
    .label,.value,.tick{font-size:12px;fill:#333}.series{fill:none;stroke-width:2.2}
    \
    .s0{stroke:#2c7fb8;fill:#2c7fb8}.s1{stroke:#2ca25f;fill:#2ca25f}.s2{stroke:#c0392b;fill:#c0392b}.s3{stroke:#888;fil\
    l:#888}
    \
    polyline.series{fill:none}.provenance{margin-top:1.2em;font-size:.8em;color:#555}h2.run{border:none;font-size:1.35e\
    m;margin-top:2.2em}
    .met{color:#1a7f37;font-weight:600}.notmet{color:#b22;font-weight:600}
    table.heat td.edge{font-weight:700;outline:2px solid #b22;outline-offset:-2px}.ot{display:block;font-size:.75em;\
    color:#1a5276}
    th.n{text-align:right}.lead{font-size:1.05em;font-weight:600}.description{color:#333;margin:.3em 0}
    @page{size:A4;margin:14mm 12mm}
    @media print{body{margin:0;max-width:none;font-size:10pt}section{break-inside:auto}\
    h1,h2,h3{break-after:avoid;page-break-after:avoid}\
    .keep,.cards,.card,svg.chart,tr,.lead{break-inside:avoid;page-break-inside:avoid}\
    thead{display:table-header-group}h2{margin-top:1.2em}}
    """
}
