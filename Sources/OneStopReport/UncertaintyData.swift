import OneStopResults

extension ReportSchema {
  /// summary.json's `uncertainty`: the keys a report draws, named by the writer's
  /// `UncertaintySummary.Key`.
  struct Uncertainty: Decodable {
    let sets, replications: Int
    let parameters: [UncertaintySummary.Parameter]
    let kpis: [String: UncertaintyKPI<Number>]

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: UncertaintySummary.Key.self)
      sets = try c.decode(Int.self, forKey: .sets)
      replications = try c.decode(Int.self, forKey: .replications)
      parameters = try c.decode([UncertaintySummary.Parameter].self, forKey: .parameters)
      kpis = try c.decode([String: UncertaintyKPI<Number>].self, forKey: .kpis)
    }
  }
}

/// A run's KPIs under parameter uncertainty (`run --uncertainty`): per KPI the noise
/// interval, the interval of noise and parameters, and the parameters it depends on most.
public struct UncertaintyData: Sendable {
  /// One KPI: its intervals (nil where not finite) and the parameters it depends on most,
  /// with their shares of its variance across the parameter sets.
  public struct KPI: Sendable {
    public let noise: (low: Double, high: Double)?
    public let total: (low: Double, high: Double)?
    public let dependsMost: [(param: String, share: Double)]
  }

  public let sets, replications: Int
  /// Each parameter's key, range, origin (`scenario`, `fitted`, `default`, `param`) and source.
  public let parameters: [UncertaintySummary.Parameter]
  public let kpis: [String: KPI]

  init(_ u: ReportSchema.Uncertainty) {
    sets = u.sets
    replications = u.replications
    parameters = u.parameters
    func pair(_ p: [ReportSchema.Number]?) -> (low: Double, high: Double)? {
      guard let p, p.count == 2, p[0].value.isFinite, p[1].value.isFinite else { return nil }
      return (p[0].value, p[1].value)
    }
    kpis = u.kpis.mapValues { k in
      KPI(
        noise: pair(k.ci95_noise), total: pair(k.ci95_total),
        dependsMost: k.depends_most.filter { $0.share.value.isFinite }.map { ($0.param, $0.share.value) })
    }
  }

  /// The sentence naming what `kpi` depends on most, with each parameter's share: "The
  /// overdue rate of received dossiers depends most on: a (62 %), b (11 %), c (5 %)."; nil
  /// when the run has no such KPI. Without a significant share it says whether the KPI did
  /// not move at all (its total interval is its noise interval) or moved with no parameter
  /// clearly.
  public func sentence(_ kpi: String, _ l: ReportLanguage) -> String? {
    guard let k = kpis[kpi] else { return nil }
    let subject = SensitivityData.subject(kpi, l)
    guard !k.dependsMost.isEmpty else {
      let still = k.total == nil || (k.total?.low == k.noise?.low && k.total?.high == k.noise?.high)
      return "\(subject) \(l.label(still ? "depends_none" : "depends_unclear"))."
    }
    let named = k.dependsMost.map { "\(l.prior($0.param)) (\(l.percent(100 * $0.share, decimals: 0)))" }
    return "\(subject) \(l.label("depends_most")): \(named.joined(separator: ", "))."
  }

  /// How many ranges come from each origin, in the order scenario, fitted, default, param.
  public var origins: [(origin: String, count: Int)] {
    ["scenario", "fitted", "default", "param"].map { o in (o, parameters.filter { $0.origin == o }.count) }
      .filter { $0.count > 0 }
  }
}
