import Foundation
import OneStopModel

extension CompareData {
  /// The decision in one sentence: the changes of B against A that are significant at 5 %
  /// (those of the headline indicators first, then the largest relative to A's value: a
  /// change of 0,02 points in a utilisation of 40 % is not news even when its interval is
  /// narrow); at most two, each with its interval and whom it
  /// is measured over; or that B changes none of them.
  public func leadSentence(_ l: ReportLanguage, _ names: ReportNames) -> String {
    let ranked = differences.filter {
      !$0.kpi.hasPrefix(Measure.events.name) && $0.halfWidth.isFinite && abs($0.difference) > $0.halfWidth
    }.sorted { x, y in
      // The decision's indicators first (the headline list), then by size.
      let hx = HTMLReport.headline.contains(String(x.kpi.prefix { $0 != "@" }))
      let hy = HTMLReport.headline.contains(String(y.kpi.prefix { $0 != "@" }))
      return hx != hy ? hx : relative(x) > relative(y)
    }
    guard !ranked.isEmpty else { return l.label("lead_no_change") + "." }
    let parts = ranked.prefix(2).map { d -> String in
      let places = l.decimals(kpi: String(d.kpi.prefix { $0 != "@" }), unit: d.unit)
      let change = l.measure(abs(d.difference), unit: d.unit, decimals: places)
      let interval = l.number(d.halfWidth, decimals: places)
      let whom = d.kpi.contains("@") ? "" : " " + l.label("for_all")
      let name = names.kpi(d.kpi, l)
      if l == .vi {
        let way = d.difference < 0 ? "giảm" : "tăng"
        let to = d.difference < 0 ? "xuống còn" : "lên"
        return "\(name)\(whom) \(way) \(change) (từ \(l.measure(d.a, unit: d.unit, decimals: places)) "
          + "\(to) \(l.measure(d.b, unit: d.unit, decimals: places)); khoảng tin cậy 95 %: ± \(interval))"
      }
      let way = d.difference < 0 ? "falls" : "rises"
      return "\(name)\(whom) \(way) by \(change) (from \(l.measure(d.a, unit: d.unit, decimals: places)) to "
        + "\(l.measure(d.b, unit: d.unit, decimals: places)); 95 % interval ± \(interval))"
    }
    return sentence(parts, l)
  }

  /// The size of a change relative to A's value (the change itself when A is 0).
  func relative(_ d: Difference) -> Double { abs(d.difference) / (d.a != 0 ? abs(d.a) : 1) }

  func sentence(_ parts: [String], _ l: ReportLanguage) -> String {
    let joined = parts.joined(separator: "; ")
    return l == .vi
      ? "So với phương án A (\(a)), phương án B (\(b)): \(joined)."
      : "Against A (\(a)), B (\(b)): \(joined)."
  }
}
