import Foundation

extension SweepData {
  /// A chart of one KPI over the most varied parameter: its title, the x values in words,
  /// at most four series (one per combination of the other parameters), the axis label and
  /// the decimals of its values.
  public struct Chart: Sendable {
    public let title: String
    public let xs: [String]
    public let series: [(name: String, values: [Double])]
    public let axis: String
    public let decimals: Int
  }

  /// What the study is: its period and replications ("Kỳ 01/01/2022 - 04/01/2022 · 2 lần
  /// chạy lặp"), whatever the file holds of them.
  public func about(_ l: ReportLanguage) -> String {
    var parts: [String] = []
    if let p = period { parts.append("\(l.label("period")) \(l.period(p.start, p.end))") }
    if let r = replications { parts.append("\(r) \(l.label("replications"))") }
    return parts.joined(separator: " · ")
  }

  /// A parameter's value at a row, in words.
  func shown(_ p: Parameter, _ row: [String: String], _ l: ReportLanguage) -> String { l.value(value(p, row)) }

  /// The charts, one per KPI, over the parameter with the most values.
  public func charts(_ names: ReportNames, _ l: ReportLanguage) -> [Chart] {
    guard
      let x = parameters.max(by: { a, b in
        Set(rows.map { value(a, $0) }).count < Set(rows.map { value(b, $0) }).count
      })
    else { return [] }
    let others = parameters.filter { $0.key != x.key }
    let xs = Array(Set(rows.map { value(x, $0) })).sorted {
      (ReportLanguage.leadingNumber($0) ?? 0, $0) < (ReportLanguage.leadingNumber($1) ?? 0, $1)
    }
    let groups = Dictionary(grouping: rows) { r in
      others.map { "\(names.parameter($0.key, l)) = \(shown($0, r, l))" }.joined(separator: "; ")
    }
    let xName = names.parameter(x.key, l)
    return kpis.map { k in
      let name = header(k, names, l)
      let series = groups.keys.sorted().prefix(4).map { g in
        (
          name: g.isEmpty ? name : g,
          values: xs.map { v in groups[g]!.first { value(x, $0) == v }.flatMap { Double($0[k.column] ?? "") } ?? .nan }
        )
      }
      let unit = k.unit.isEmpty ? "" : l.unit(k.unit)
      return Chart(
        title: "\(k.named ? names.kpi(k.kpi, l) : name) \(l.label("sweep_chart")) \(xName)",
        xs: xs.map { l.value($0) }, series: Array(series), axis: unit.isEmpty ? xName : "\(xName) → \(unit)",
        decimals: k.unit.isEmpty ? 2 : l.decimals(kpi: k.kpi, unit: k.unit))
    }
  }

  /// The points' table: the point's number (1..N), each swept parameter's value and each
  /// KPI's mean, every header in words.
  public func table(_ names: ReportNames, _ l: ReportLanguage) -> (header: [String], rows: [[String]]) {
    let head = [l.label("point")] + parameters.map { names.parameter($0.key, l) } + kpis.map { header($0, names, l) }
    let cells = rows.enumerated().map { n, r in
      ["\(n + 1)"] + parameters.map { shown($0, r, l) } + kpis.map { mean($0, r, l) }
    }
    return (head, cells)
  }

  /// The footer's small print: the sweep's id, its base file and the point ids by number,
  /// each a label and a code span.
  public func footer(_ l: ReportLanguage) -> [(text: String, code: String)] {
    let ids = rows.enumerated().map { "\($0.offset + 1) = \($0.element["id"] ?? "")" }.joined(separator: ", ")
    return [(l.label("sweep_id"), name)] + (base.isEmpty ? [] : [(l.label("base_file"), base)])
      + [(l.label("point_ids"), ids)]
  }
}
