import Foundation
import OneStopResults

/// `sensitivity.json` of `onestop sensitivity --out`: per KPI, the parameters with their
/// Morris measures (mu*, sigma) and Sobol indices (first order, total), each with its
/// bootstrap 95 % interval where the stage ran.
public struct SensitivityData: Sendable {
  /// One parameter's measures for one KPI (nil where the stage did not run).
  public struct Row: Sendable {
    public let param, kpi, range: String
    /// Where the range comes from: `scenario`, `fitted`, `default` or `param` (nil in an
    /// older file).
    public let origin: String?
    public let muStar, sigma, firstOrder, total: Double?
    public let muStarCI, firstOrderCI, totalCI: (low: Double, high: Double)?
  }
  /// The scenario's file, as `sensitivity` was given it.
  public let scenario: String
  /// The scenario's title by language (`en`, `vi`) and its period (nil in older files).
  public let titles: [String: String]
  public let period: (start: String, end: String)?
  public let seed: UInt64
  public let replications: Int
  public let kpis: [String]
  public let rows: [Row]

  /// Decodes `file` (a `sensitivity.json`) through the writer's schema.
  init(file: String, in dir: String) throws(ReportError) {
    guard let data = try ReportFile.data(file, in: dir) else { throw ReportError("\(file): no such file") }
    let j = try ReportSchema.decode(
      ReportSchema.Sensitivity.self, from: data, file: file, writer: "onestop sensitivity FILE --kpi KPI --out DIR")
    func value(_ n: ReportSchema.Number?) -> Double? { n.flatMap { $0.value.isFinite ? $0.value : nil } }
    func pair(_ p: [ReportSchema.Number]?) -> (low: Double, high: Double)? {
      guard let p, p.count == 2, p[0].value.isFinite, p[1].value.isFinite else { return nil }
      return (p[0].value, p[1].value)
    }
    scenario = j.scenario
    titles = ["en": j.title, "vi": j.titleVi].compactMapValues { $0.flatMap { $0.isEmpty ? nil : $0 } }
    period = j.start.flatMap { s in j.end.map { (s, $0) } }
    seed = j.seed
    replications = j.replications
    kpis = j.kpis
    rows = j.rows.map { r in
      Row(
        param: r.param, kpi: r.kpi, range: r.range, origin: r.range_origin, muStar: value(r.mu_star),
        sigma: value(r.sigma),
        firstOrder: value(r.first_order), total: value(r.total), muStarCI: pair(r.mu_star_ci95),
        firstOrderCI: pair(r.first_order_ci95), totalCI: pair(r.total_ci95))
    }
  }

  /// The study's heading in `l`: the catalogue's label and the scenario's title, else the
  /// catalogue's title of its period; the label alone in a file of an older version, which
  /// has neither (its file stays in the footer).
  public func heading(_ l: ReportLanguage) -> String {
    l.label("sensitivity") + (l.scenarioTitle(titles, period: period).map { ": " + $0 } ?? "")
  }

  /// The rows of `kpi`, most influential first: by mu* where the screening ran, by the
  /// total Sobol index otherwise; ties keep the file's order.
  public func ranked(_ kpi: String) -> [Row] {
    func key(_ r: Row) -> Double { r.muStar ?? r.total ?? -.infinity }
    return rows.filter { $0.kpi == kpi }.enumerated().sorted { a, b in
      key(a.element) > key(b.element) || (key(a.element) == key(b.element) && a.offset < b.offset)
    }.map(\.element)
  }

  /// The sentence naming the (up to) three parameters `kpi` depends on most, in `l`:
  /// "The overdue rate of received dossiers depends most on: a, b, c."; a parameter it never
  /// moved with (mu* or total index 0) is not named, and when none moved it the sentence says so.
  public func sentence(_ kpi: String, _ l: ReportLanguage) -> String {
    let top = topParameters(kpi).map { l.prior($0) }
    guard !top.isEmpty else { return "\(Self.subject(kpi, l)) \(l.label("depends_none"))." }
    return "\(Self.subject(kpi, l)) \(l.label("depends_most")): \(top.joined(separator: ", "))."
  }

  /// The keys of the (up to) three parameters `kpi` depends on most, as its sentence names them.
  public func topParameters(_ kpi: String) -> [String] {
    ranked(kpi).filter { ($0.muStar ?? $0.total ?? 0) > 0 }.prefix(3).map(\.param)
  }

  /// A KPI as the subject of a sentence: its sentence label, else its label, else its name
  /// (a KPI on a unit or level, `KPI@TARGET`, names its target after the label).
  static func subject(_ kpi: String, _ l: ReportLanguage) -> String {
    let parts = kpi.split(separator: "@", maxSplits: 1).map(String.init)
    let base = parts[0]
    var text = l.label("subject." + base)
    if text == "subject." + base { text = l.label(base) == base ? l.kpi(base) : l.label(base) }
    return parts.count == 2 ? "\(text) (\(ReportNames().kpi("@" + parts[1], l).dropFirst(3)))" : text
  }

  /// The number of decimals that shows `values` with about three significant digits.
  static func decimals(_ values: [Double]) -> Int {
    let m = values.filter(\.isFinite).map(abs).max() ?? 0
    guard m > 0 else { return 2 }
    return max(0, min(6, 2 - Int(floor(log10(m)))))
  }

  /// The index table's header and cells in `l`: parameter, KPI, range, mu* with its
  /// interval, sigma, first-order and total indices with their intervals; `–` where not computed.
  public func table(_ kpi: String, _ l: ReportLanguage) -> (header: [String], rows: [[String]]) {
    let rows = ranked(kpi)
    let dm = Self.decimals(rows.compactMap(\.muStar) + rows.compactMap(\.sigma))
    func n(_ x: Double?, _ d: Int) -> String { x.map { l.number($0, decimals: d) } ?? "–" }
    func ci(_ x: Double?, _ p: (low: Double, high: Double)?, _ d: Int) -> String {
      guard let x else { return "–" }
      return n(x, d) + (p.map { " (\(n($0.low, d)) – \(n($0.high, d)))" } ?? "")
    }
    let header = [
      l.label("param"), l.label("indicator"), l.label("range"), "μ* (\(l.label("ci")))", "σ",
      "\(l.label("first_order")) (\(l.label("ci")))", "\(l.label("total_index")) (\(l.label("ci")))",
    ]
    return (
      header,
      rows.map { r in
        [
          l.prior(r.param), Self.subject(r.kpi, l),
          r.origin.map { "\(r.range) (\(l.label("origin." + $0)))" } ?? r.range,
          ci(r.muStar, r.muStarCI, dm), n(r.sigma, dm), ci(r.firstOrder, r.firstOrderCI, 2),
          ci(r.total, r.totalCI, 2),
        ]
      }
    )
  }
}
