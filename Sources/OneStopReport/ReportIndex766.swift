import OneStopModel
import OneStopResults

/// One row of `index766.csv` as the report reads it: scope, id, name, month (`YYYY-MM` or
/// `period`), rank, and the mean of each part (`Index766Column` order).
public struct ReportIndexCard: Sendable {
  public let scope, id, name, month: String
  public let rank: Int?
  public let values: [Double]

  public subscript(_ c: Index766Column) -> Double { values[c.rawValue] }
}

extension ReportData {
  /// The cards of `index766.csv` in `dir`'s rows, empty when the run has no index.
  static func index766Cards(_ rows: [[String: String]]) -> [ReportIndexCard] {
    let k = Index766Table.keyColumns
    return rows.map { r in
      ReportIndexCard(
        scope: r[k[0]] ?? "", id: r[k[1]] ?? "", name: r[k[2]] ?? "", month: r[k[4]] ?? "",
        rank: r[k[5]].flatMap { Int($0) },
        values: Index766Column.allCases.map { Double(r[$0.header] ?? "") ?? .nan })
    }
  }

  /// The score card's table: the province per month and over the period, then the five
  /// best and five worst units over the period (header, rows).
  func index766Tables(_ l: ReportLanguage) -> (header: [String], province: [[String]], units: [[String]])? {
    guard !index766.isEmpty else { return nil }
    let parts: [Index766Column] = [
      .total, .transparency, .timeliness, .online, .payment, .digitisation, .satisfaction, .onTime, .trueOnTime,
    ]
    let header =
      [l.label("month")] + ["index_total", "CKMB", "TDGQ", "DVCTT", "TTTT", "MDSH", "MDHL"].map { l.label($0) }
      + [l.label("index_on_time"), l.label("true_on_time")]
    func cells(_ c: ReportIndexCard) -> [String] {
      parts.map { p in p == .onTime || p == .trueOnTime ? l.percent(c[p]) : l.number(c[p], decimals: 2) }
    }
    let province = index766.filter { $0.scope == "all" }.map { c in
      [c.month == "period" ? l.label("index_period") : l.date(c.month)] + cells(c)
    }
    let ranked = index766.filter { $0.scope == "unit" && $0.month == "period" && $0.rank != nil }.sorted {
      ($0.rank ?? .max, $0.id) < ($1.rank ?? .max, $1.id)
    }
    let shown = ranked.count <= 10 ? ranked : Array(ranked.prefix(5) + ranked.suffix(5))
    let units = shown.map { c in ["\(c.rank.map(String.init) ?? "–"). \(c.name.isEmpty ? c.id : c.name)"] + cells(c) }
    return (header, province, units)
  }
}

extension MarkdownReport {
  /// The service index (Decision 766): the province's score card per month, and the units
  /// ranked over the period; nothing when the run has no `index766.csv`.
  static func index766(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    guard let t = d.index766Tables(l) else { return [] }
    var unitHeader = t.header
    unitHeader[0] = l.label("index_rank")
    return ["### \(l.label("index766"))", "", l.label("index766_note"), ""] + table(t.header, t.province)
      + table(unitHeader, t.units)
  }
}

extension HTMLReport {
  /// The service index's score card as HTML tables; nil without `index766.csv`.
  static func index766Section(_ d: ReportData, _ l: ReportLanguage) -> String? {
    guard let t = d.index766Tables(l) else { return nil }
    func table(_ header: [String], _ rows: [[String]]) -> String {
      "<table><thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        + rows.map { r in
          "<tr>"
            + r.enumerated().map { $0 == 0 ? "<td>\(esc($1))</td>" : "<td class=\"n\">\(esc($1))</td>" }
            .joined() + "</tr>"
        }.joined() + "</tbody></table>"
    }
    var unitHeader = t.header
    unitHeader[0] = l.label("index_rank")
    return "<section id=\"index766\"><h2>\(esc(l.label("index766")))</h2><p>\(esc(l.label("index766_note")))</p>"
      + table(t.header, t.province) + table(unitHeader, t.units) + "</section>"
  }
}
