import OneStopIO

/// The `uncertainty` key of `summary.json` (`run --uncertainty N`): how the parameters'
/// ranges were propagated (sets, replications, each parameter's range and where it comes
/// from) and, per KPI, its mean with two 95 % intervals: `ci95_noise`, the simulation's noise
/// alone (the run's own `ci95`), and `ci95_total`, noise and parameter uncertainty; and the
/// parameters its value depends on most, with their shares of the variance across the sets.
/// Written only with `--uncertainty`, so a summary without it is as before. `onestop report`
/// decodes it through `Key` and `UncertaintyKPI`.
public struct UncertaintySummary: Sendable, Encodable {
  /// The keys, in the order they are written.
  public enum Key: String, CodingKey {
    case sets, replications, parameters, method, kpis
  }

  /// A parameter and its range: `origin` is `scenario`, `fitted`, `default` or `param`.
  public struct Parameter: Sendable, Codable {
    public let key, range, origin: String
    public let source: String?
    /// The source in Vietnamese (the range's `source_vi`); not written when not given.
    public let sourceVi: String?
    public let distribution: String

    enum CodingKeys: String, CodingKey {
      case key, range, origin, source, sourceVi = "source_vi", distribution
    }

    public init(
      key: String, range: String, origin: String, source: String?, sourceVi: String? = nil, distribution: String
    ) {
      self.key = key
      self.range = range
      self.origin = origin
      self.source = source
      self.sourceVi = sourceVi
      self.distribution = distribution
    }

    /// The source in `language` (`vi`: `source_vi` when given).
    public func source(in language: String) -> String? { language == "vi" ? sourceVi ?? source : source }
  }

  public let sets, replications: Int
  public let parameters: [Parameter]
  /// How `ci95_total` and the shares are computed, in one sentence (docs/sensitivity.md).
  public let method: String
  public let kpis: [(name: String, value: UncertaintyKPI<Double>)]

  public init(
    sets: Int, replications: Int, parameters: [Parameter], method: String,
    kpis: [(name: String, value: UncertaintyKPI<Double>)]
  ) {
    self.sets = sets
    self.replications = replications
    self.parameters = parameters
    self.method = method
    self.kpis = kpis
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(sets, forKey: .sets)
    try c.encode(replications, forKey: .replications)
    try c.encode(parameters, forKey: .parameters)
    try c.encode(method, forKey: .method)
    try c.encode(JSONObject(kpis.map { ($0.name, $0.value) }), forKey: .kpis)
  }
}

extension UncertaintySummary {
  /// How a comparison propagated the parameters' ranges (`compare.json`'s `uncertainty`): the
  /// sets, the replications, the parameters (A's ranges, applied to both scenarios) and the
  /// keys left out because B changes them.
  public struct Propagation: Sendable, Codable {
    public let sets, replications: Int
    public let parameters: [Parameter]
    public let left_out: [String]

    public init(sets: Int, replications: Int, parameters: [Parameter], leftOut: [String]) {
      self.sets = sets
      self.replications = replications
      self.parameters = parameters
      left_out = leftOut
    }
  }
}

/// One KPI under parameter uncertainty: its mean, the noise interval, the interval of noise
/// and parameters (nil when fewer than two sets have a value), and the (up to three)
/// parameters it depends on most with their shares (`Number` is `Double` when written; a
/// reader's number may stand for a `null`).
public struct UncertaintyKPI<Number: Sendable>: Sendable {
  /// A parameter and its share of the KPI's variance across the parameter sets.
  public struct Share: Sendable {
    public let param: String
    public let share: Number

    public init(param: String, share: Number) {
      self.param = param
      self.share = share
    }
  }

  public let mean: Number
  public let ci95_noise: [Number]
  public let ci95_total: [Number]?
  public let depends_most: [Share]

  public init(mean: Number, noise: [Number], total: [Number]?, dependsMost: [Share]) {
    self.mean = mean
    ci95_noise = noise
    ci95_total = total
    depends_most = dependsMost
  }
}

extension UncertaintyKPI.Share: Encodable where Number: Encodable {}
extension UncertaintyKPI.Share: Decodable where Number: Decodable {}
extension UncertaintyKPI: Encodable where Number: Encodable {}
extension UncertaintyKPI: Decodable where Number: Decodable {}
