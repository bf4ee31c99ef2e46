import Foundation
import OneStopModel

extension ReportData {
  /// The pools x months grid of the report: the agencies' pools with a month at or above
  /// `PoolMonthColumn.edge` of their officers at work, then the busiest others, at most
  /// `limit`; each cell the month's utilisation (NaN: nobody at work) and overtime hours.
  public func poolGrid(limit: Int = 30) -> (months: [String], rows: [(name: String, pool: String, cells: [PoolMonth?])])
  {
    var months: [String] = []
    var byPool: [String: [PoolMonth]] = [:]
    var order: [String] = []
    for p in poolMonths where p.kind == "agency" {
      if !months.contains(p.month) { months.append(p.month) }
      if byPool[p.pool] == nil { order.append(p.pool) }
      byPool[p.pool, default: []].append(p)
    }
    func peak(_ pool: String) -> Double {
      byPool[pool]?.map(\.utilisation).filter(\.isFinite).max() ?? -1
    }
    // The marked pools come first in this order: show them all (up to the limit), and
    // at least half the limit.
    let ranked = order.filter { peak($0) >= 0 }.sorted { peak($0) > peak($1) }
    let marked = ranked.filter { peak($0) >= PoolMonthColumn.edge }.count
    let shown = ranked.prefix(Swift.min(limit, Swift.max(limit / 2, marked)))
    // A pool is named by its name, or by its id where several pools share the name.
    let names = shown.map { byPool[$0]?.first?.name ?? $0 }
    let rows = shown.enumerated().map { k, pool in
      let cells = byPool[pool] ?? []
      let name = names.filter { $0 == names[k] }.count > 1 ? pool : names[k]
      return (name: name, pool: pool, cells: months.map { m in cells.first { $0.month == m } })
    }
    return (months, rows)
  }
}

extension HTMLReport {
  /// Pools x months: utilisation of the officers at work as a heat strip, the months at
  /// the edge marked, the overtime worked beside.
  static func poolMonthsSection(_ d: ReportData, _ l: ReportLanguage) -> String? {
    let grid = d.poolGrid()
    guard !grid.rows.isEmpty else { return nil }
    var t =
      "<table class=\"heat\"><caption>\(esc(l.label("pools_months_note")))</caption><thead><tr><th>"
      + esc(l.label("pool")) + "</th>" + grid.months.map { "<th>\(esc(l.date($0)))</th>" }.joined()
      + "</tr></thead><tbody>"
    for row in grid.rows {
      t += "<tr data-key=\"\(esc(row.pool))\"><td>\(esc(d.names.agency(row.pool, l)))</td>"
      for cell in row.cells {
        guard let cell, cell.utilisation.isFinite else {
          t += "<td class=\"n\">–</td>"
          continue
        }
        let u = cell.utilisation
        let shade = Swift.min(1, Swift.max(0, (u - 50) / 50)) * 0.55
        let mark = u >= PoolMonthColumn.edge ? " edge" : ""
        let overtime = cell.overtime > 0 ? "<span class=\"ot\">+\(l.number(cell.overtime)) h</span>" : ""
        t +=
          "<td class=\"n\(mark)\" style=\"background:rgba(192,57,43,\(String(format: "%.2f", shade)))\">"
          + "\(l.number(u))\(overtime)</td>"
      }
      t += "</tr>"
    }
    return "<section id=\"pools-months\"><h2>\(esc(l.label("pools_months")))</h2>\(t)</tbody></table></section>"
  }
}

extension MarkdownReport {
  /// Pools x months as a table: utilisation of the officers at work, the months at the
  /// edge in bold, the overtime worked beside.
  static func poolMonths(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    let grid = d.poolGrid()
    guard !grid.rows.isEmpty else { return [] }
    let rows = grid.rows.map { row in
      [d.names.agency(row.pool, l)]
        + row.cells.map { cell -> String in
          guard let cell, cell.utilisation.isFinite else { return "–" }
          let u = l.number(cell.utilisation)
          let overtime = cell.overtime > 0 ? " +\(l.number(cell.overtime)) h" : ""
          return (cell.utilisation >= PoolMonthColumn.edge ? "**\(u)**" : u) + overtime
        }
    }
    return ["### \(l.label("pools_months"))", "", l.label("pools_months_note"), ""]
      + table([l.label("pool")] + grid.months.map { l.date($0) }, rows)
  }
}
