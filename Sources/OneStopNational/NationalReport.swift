import Foundation
import OneStopIO
import OneStopModel

/// `report.html` of a merged study: the national totals with their intervals and a
/// ranked chart of the provinces on one KPI (a bar per province, its 95 % interval as a
/// whisker). A self-contained page: no script, no external file.
public enum NationalReport {
  /// KPIs of the national table, when the study has them.
  static let headline = [
    Measure.received, .onlineShareOfReceived, .onTimeRateOfReceived, .overdueRateOfReceived,
    .resolvedOverdue, .inProgressEnd, .deskWaitMean, .officerUtilisation,
  ].map(\.name)

  public static func html(
    _ merge: NationalMerge, rankBy: String, higherIsBetter: Bool
  )
    -> String
  {
    let s = merge.study
    var rows = ""
    for name in headline {
      guard let k = s.kpis.firstIndex(of: name) else { continue }
      let e = Estimate(merge.national[k]), unit = KPI.named(name)?.unit
      let d = unit?.decimals ?? 2
      let h = e.count > 1 ? " ± " + fixed(e.halfWidth, d) : ""
      rows +=
        "<tr><td>\(escape(name))</td><td class=n>\(fixed(e.mean, d))\(h)</td><td>\(unit?.symbol ?? "")</td></tr>\n"
    }
    let names = Dictionary(uniqueKeysWithValues: s.provinces.map { ($0.id, $0.name) })
    let chart = merge.ranking(by: rankBy, higherIsBetter: higherIsBetter).map { svg($0, names: names, kpi: rankBy) }
    return """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>National study</title>
      <style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td.n{text-align:right}
      table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd}</style></head><body>
      <h1>National study: \(s.provinces.count) provinces</h1>
      <p>\(s.replications) replications (seed \(s.seed)); replication r of the nation is replication r of every \
      province. Intervals are 95 %.\(s.sets.isEmpty ? "" : " What-if: " + escape(s.sets.joined(separator: "; ")))</p>
      <h2>The nation</h2>
      <table><tr><th>KPI</th><th>mean ± 95 %</th><th>unit</th></tr>
      \(rows)</table>
      <h2>Provinces ranked by \(escape(rankBy)) (\(higherIsBetter ? "highest" : "lowest") first)</h2>
      \(chart ?? "<p>The study has no KPI \(escape(rankBy)).</p>")
      </body></html>

      """
  }

  /// A horizontal bar chart, best province on top.
  static func svg(_ rows: [(province: String, estimate: Estimate)], names: [String: String], kpi: String) -> String {
    let finite = rows.flatMap { r in
      [r.estimate.mean, r.estimate.mean + (r.estimate.count > 1 ? r.estimate.halfWidth : 0)]
    }
    .filter(\.isFinite)
    let top = max(finite.max() ?? 1, 1e-9), width = 420.0, left = 150.0, barH = 16.0
    let d = KPI.named(kpi)?.unit.decimals ?? 2
    var body = ""
    for (i, r) in rows.enumerated() {
      let y = Double(i) * (barH + 4) + 4, e = r.estimate
      let w = e.mean.isFinite ? max(0, e.mean) / top * width : 0
      let label = escape(names[r.province] ?? r.province)
      body += "<text x=\"\(left - 6)\" y=\"\(y + 12)\" text-anchor=\"end\" font-size=\"12\">\(i + 1). \(label)</text>"
      body += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(fixed(w, 1))\" height=\"\(barH)\" fill=\"#4a7ab5\"/>"
      if e.count > 1, e.halfWidth.isFinite {
        let lo = max(0, e.mean - e.halfWidth) / top * width, hi = (e.mean + e.halfWidth) / top * width
        body += "<line x1=\"\(fixed(left + lo, 1))\" x2=\"\(fixed(left + hi, 1))\" y1=\"\(y + 8)\" y2=\"\(y + 8)\" "
        body += "stroke=\"#000\"/>"
      }
      body += "<text x=\"\(fixed(left + w + 4, 1))\" y=\"\(y + 12)\" font-size=\"11\">\(fixed(e.mean, d))</text>\n"
    }
    let height = Double(rows.count) * (barH + 4) + 8
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(left + width + 80))\" height=\"\(Int(height))\" "
      + "role=\"img\" aria-label=\"provinces ranked by \(escape(kpi))\">\n\(body)</svg>"
  }

  static func fixed(_ x: Double, _ decimals: Int) -> String {
    x.isFinite ? String(format: "%.\(decimals)f", x) : "–"
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
