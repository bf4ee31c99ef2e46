import Foundation
import OneStopModel

extension ReportData {
  /// The run's title in `l`: the scenario's `title_vi` or `title` (either when the other is
  /// missing), else one from the catalogue and the period's years ("Mô phỏng năm 2022");
  /// never the scenario's id, which the footer keeps in small print.
  public func title(_ l: ReportLanguage) -> String {
    if let own = names.local("title", l) ?? names.local("title", l == .vi ? .en : .vi) { return own }
    return l.runTitle(start, end)
  }

  /// The scenario's description in `l` (`description_vi` in Vietnamese), else as written.
  public func description(_ l: ReportLanguage) -> String { names.local("description", l) ?? description }

  /// The centre the report's headline wait is about: the unit with the most desk tickets
  /// (`units.csv`), else the one with the longest mean wait.
  public var busiestCentre: UnitWait? {
    let finite = unitWaits.filter { $0.mean.mean.isFinite }
    if !unitTickets.isEmpty {
      return finite.max { (unitTickets[$0.unit] ?? 0) < (unitTickets[$1.unit] ?? 0) }
    }
    return finite.max { $0.mean.mean < $1.mean.mean }
  }

  /// The sentence that states the result: on time and overdue of received, with the
  /// interval, and how long people wait at the busiest centre.
  public func leadSentence(_ l: ReportLanguage) -> String {
    guard let onTime = kpis[Measure.onTimeRateOfReceived.name], let overdue = kpis[Measure.overdueRateOfReceived.name]
    else { return "" }
    let period = l.period(start, end)
    var out =
      l == .vi
      ? "Trong kỳ \(period), mô hình ước tính \(l.percent(onTime.mean)) hồ sơ tiếp nhận "
        + "được giải quyết đúng hạn "
        + "(khoảng tin cậy 95 %: \(l.percent(onTime.low)) – \(l.percent(onTime.high))) và "
        + "\(l.percent(overdue.mean)) quá hạn"
      : "Over \(period), the model estimates that \(l.percent(onTime.mean)) of received dossiers are resolved on "
        + "time (95 % interval \(l.percent(onTime.low)) – \(l.percent(onTime.high))) and "
        + "\(l.percent(overdue.mean)) overdue"
    if let w = busiestCentre, w.p90.mean.isFinite {
      let name = names.unit(w.unit, l)
      out +=
        l == .vi
        ? "; tại \(name), người dân chờ trước quầy trung bình \(l.measure(w.mean.mean, unit: "min")), "
          + "cứ 10 người thì 1 người chờ quá \(l.measure(w.p90.mean, unit: "min"))"
        : "; at \(name), people wait \(l.measure(w.mean.mean, unit: "min")) at the desk on average, and one in "
          + "ten waits longer than \(l.measure(w.p90.mean, unit: "min"))"
    }
    return out + "."
  }
}

extension ReportLanguage {
  /// The catalogue's title of a run that gives none, from its period's years ("Mô phỏng
  /// năm 2022", "Mô phỏng năm 2021–2022"); `end` is exclusive.
  public func runTitle(_ start: String, _ end: String) -> String {
    let first = start.prefix(4)
    let last = Self.dayBefore(end).prefix(4)
    return "\(label("run_title")) \(first == last ? first : first + "–" + last)"
  }

  /// A scenario's title in `self` from its titles by language (`en`, `vi`): this language's,
  /// else the other's, else the catalogue's from the period; nil when neither is known (a
  /// file of an older version).
  public func scenarioTitle(_ titles: [String: String], period: (start: String, end: String)?) -> String? {
    titles[rawValue] ?? titles[self == .vi ? "en" : "vi"] ?? period.map { runTitle($0.start, $0.end) }
  }

  /// A period from `start` to the exclusive `end` (both yyyy-mm-dd), shown with its last
  /// day: "01/01/2022 - 31/12/2022".
  public func period(_ start: String, _ end: String) -> String {
    "\(date(start)) - \(date(Self.dayBefore(end)))"
  }

  /// The day before an ISO date (the date itself when it does not parse).
  static func dayBefore(_ iso: String) -> String {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    guard p.count == 3 else { return iso }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    guard let day = calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2])),
      let before = calendar.date(byAdding: .day, value: -1, to: day)
    else { return iso }
    let c = calendar.dateComponents([.year, .month, .day], from: before)
    return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
  }

  /// Decimals of a KPI: per unit of measure, two for visits per dossier.
  public func decimals(kpi: String, unit: String) -> Int {
    kpi.hasSuffix("per_dossier") ? 2 : decimals(unit: unit)
  }
}
