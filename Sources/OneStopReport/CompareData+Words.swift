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
    return sentence(parts, l, names)
  }

  /// The size of a change relative to A's value (the change itself when A is 0).
  func relative(_ d: Difference) -> Double { abs(d.difference) / (d.a != 0 ? abs(d.a) : 1) }

  func sentence(_ parts: [String], _ l: ReportLanguage, _ names: ReportNames) -> String {
    let joined = parts.joined(separator: "; ")
    var (na, nb) = (name(.a, l), name(.b, l))
    if na == nb {
      // One scenario on both sides: B is told apart by what it sets (and A by its own).
      func own(_ o: [String], _ other: [String]) -> String {
        o.filter { !other.contains($0) }.map { Self.override($0, names, l) }.joined(separator: "; ")
      }
      let (oa, ob) = (own(aOverrides, bOverrides), own(bOverrides, aOverrides))
      if !oa.isEmpty { na += ", " + oa }
      nb = l.label("same_scenario") + (ob.isEmpty ? "" : (l == .vi ? ", " : " with ") + ob)
    }
    return l == .vi
      ? "So với phương án A (\(na)), phương án B (\(nb)): \(joined)."
      : "Against A (\(na)), B (\(nb)): \(joined)."
  }

  /// A side of a comparison.
  public enum Side: Sendable { case a, b }

  /// A side's name in `l`: its scenario's title in `l` (`title_vi` on a Vietnamese page),
  /// else in the other language, else the catalogue's title from its period ("Mô phỏng năm
  /// 2022"); the scenario's id only in a file of an older version, which has neither.
  public func name(_ side: Side, _ l: ReportLanguage) -> String {
    side == .a ? l.scenarioTitle(aTitles, period: aPeriod) ?? a : l.scenarioTitle(bTitles, period: bPeriod) ?? b
  }

  /// An override (`KEY=VALUE`, as written) in words: the key's catalogue label and what its
  /// indices name, then the value.
  static func override(_ set: String, _ names: ReportNames, _ l: ReportLanguage) -> String {
    guard let eq = set.firstIndex(of: "=") else { return names.parameter(set, l) }
    return "\(names.parameter(String(set[..<eq]), l)) = \(set[set.index(after: eq)...])"
  }
}
