import OneStopIO
import OneStopResults
import Sensitivity

/// The study as rows, one per (parameter, KPI), most influential first within each KPI:
/// what the terminal table shows and what `sensitivity.csv` and `sensitivity.json` hold.
public struct SensitivityTable: Sendable {
  /// One row: a parameter's measures for one KPI (nil where the stage did not run).
  public typealias Row = SensitivityRow<Double>

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
            param: p.key, kpi: kpi.name, range: p.rangeText, defaulted: p.defaulted, origin: p.origin.rawValue,
            morris: (m?.muStar, Self.pair(m?.muStarInterval), m?.mu, m?.sigma),
            sobol: (s?.firstOrder, Self.pair(s?.firstOrderInterval), s?.total, Self.pair(s?.totalInterval))))
      }
    }
    self.rows = rows
  }

  static func pair(_ i: BootstrapInterval?) -> [Double]? { i.map { [$0.low, $0.high] } }

  /// `sensitivity.csv`: `param,kpi,mu_star,sigma,first_order,first_order_ci95,total,total_ci95,range,
  /// range_origin`, an interval written `low..high`, a field left empty where it was not computed.
  public var csv: String {
    func n(_ x: Double?) -> String { x.map { $0.isFinite ? JSONText.number($0) : "" } ?? "" }
    func ci(_ x: [Double]?) -> String { x.map { "\(JSONText.number($0[0]))..\(JSONText.number($0[1]))" } ?? "" }
    var out = "param,kpi,mu_star,sigma,first_order,first_order_ci95,total,total_ci95,range,range_origin\n"
    for r in rows {
      out +=
        [
          JSONText.csvField(r.param), JSONText.csvField(r.kpi), n(r.mu_star), n(r.sigma), n(r.first_order),
          ci(r.first_order_ci95), n(r.total), ci(r.total_ci95), JSONText.csvField(r.range),
          r.range_origin ?? "",
        ].joined(separator: ",") + "\n"
    }
    return out
  }
}
