import OneStopIO
import Sensitivity

/// The study as rows, one per (parameter, KPI), most influential first within each KPI:
/// what the terminal table shows and what `sensitivity.csv` and `sensitivity.json` hold.
public struct SensitivityTable: Sendable {
  /// One row: a parameter's measures for one KPI (nil where the stage did not run).
  public struct Row: Sendable, Encodable {
    public let param: String
    public let kpi: String
    /// The range studied (`0.6375..1`, `x0.75..x1.25`, `14:00..16:00`).
    public let range: String
    /// `true` when the range is the default one (a prior at ±25 %).
    public let defaulted: Bool
    public let mu_star: Double?
    public let mu_star_ci95: [Double]?
    public let mu: Double?
    public let sigma: Double?
    public let first_order: Double?
    public let first_order_ci95: [Double]?
    public let total: Double?
    public let total_ci95: [Double]?
  }

  /// Every row, KPI by KPI in the study's order.
  public let rows: [Row]

  /// The rows of `study`.
  public init(_ study: SensitivityStudy) {
    var rows: [Row] = []
    for (q, kpi) in study.kpis.enumerated() {
      for i in study.order(kpi: q) {
        let p = study.parameters[i]
        let m = study.morris?[q][i]
        let s = study.sobolIndices(kpi: q, parameter: i)
        rows.append(
          Row(
            param: p.key, kpi: kpi.name, range: p.rangeText, defaulted: p.defaulted,
            mu_star: m?.muStar, mu_star_ci95: Self.pair(m?.muStarInterval), mu: m?.mu, sigma: m?.sigma,
            first_order: s?.firstOrder, first_order_ci95: Self.pair(s?.firstOrderInterval),
            total: s?.total, total_ci95: Self.pair(s?.totalInterval)))
      }
    }
    self.rows = rows
  }

  static func pair(_ i: BootstrapInterval?) -> [Double]? { i.map { [$0.low, $0.high] } }

  /// `sensitivity.csv`: `param,kpi,mu_star,sigma,first_order,first_order_ci95,total,total_ci95`,
  /// an interval written `low..high`, a field left empty where it was not computed.
  public var csv: String {
    func n(_ x: Double?) -> String { x.map { $0.isFinite ? JSONText.number($0) : "" } ?? "" }
    func ci(_ x: [Double]?) -> String { x.map { "\(JSONText.number($0[0]))..\(JSONText.number($0[1]))" } ?? "" }
    var out = "param,kpi,mu_star,sigma,first_order,first_order_ci95,total,total_ci95\n"
    for r in rows {
      out +=
        [
          JSONText.csvField(r.param), JSONText.csvField(r.kpi), n(r.mu_star), n(r.sigma), n(r.first_order),
          ci(r.first_order_ci95), n(r.total), ci(r.total_ci95),
        ].joined(separator: ",") + "\n"
    }
    return out
  }
}
