import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario

/// A national what-if: two studies planned with the same seed, replications and
/// provinces, so replication r of province p saw the same citizens in both where the
/// scenarios agree; each difference (B - A) is taken replication by replication (paired)
/// before its interval, per province and for the nation.
public struct NationalCompare: Sendable {
  public let a: NationalMerge, b: NationalMerge

  public init(_ a: NationalMerge, _ b: NationalMerge) throws(ScenarioErrors) {
    guard a.study.seed == b.study.seed, a.study.replications == b.study.replications,
      a.study.provinces.map(\.id) == b.study.provinces.map(\.id)
    else {
      throw NationalStudy.error(
        "the two studies are not paired: plan both with the same --seed, --replications and province files")
    }
    self.a = a
    self.b = b
  }

  /// `compare.csv`: per scope and KPI both means and the paired difference's interval.
  public func csv() -> String {
    var text = "scope,kpi,unit,a_mean,b_mean,difference,ci95_low,ci95_high\n"
    let kpis = a.study.kpis.filter { b.study.kpis.contains($0) }
    let scopes = [("national", -1)] + a.study.provinces.enumerated().map { ($1.id, $0) }
    for (scope, p) in scopes {
      for name in kpis {
        let ka = a.study.kpis.firstIndex(of: name)!, kb = b.study.kpis.firstIndex(of: name)!
        let va = p < 0 ? a.national[ka] : a.values[p][ka], vb = p < 0 ? b.national[kb] : b.values[p][kb]
        let d = Estimate(zip(va, vb).map { $1 - $0 })
        let h = d.count > 1 ? d.halfWidth : .nan
        let unit = KPI.named(name)?.unit.symbol ?? ""
        text += "\(scope),\(JSONText.csvField(name)),\(JSONText.csvField(unit)),"
        text += "\(JSONText.csvNumber(Estimate(va).mean)),\(JSONText.csvNumber(Estimate(vb).mean)),"
        text += "\(JSONText.csvNumber(d.mean)),\(JSONText.csvNumber(d.mean - h)),\(JSONText.csvNumber(d.mean + h))\n"
      }
    }
    return text
  }
}
