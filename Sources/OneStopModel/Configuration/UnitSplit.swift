import Foundation

/// How a volume or a count given for several units is shared among them: the demand
/// driver (docs/model-assumptions.md, "Demand per unit").
///
/// Unit u weighs `value_u ^ exponent × factor(kind_u)`, where the value is the unit's
/// population or area (1 for `equal`) and a kind without a factor counts 1; unit u gets
/// `total × weight_u / Σ weights`. Reports give most volumes per level or per province;
/// the driver spreads them over units, and its exponent and kind factors are fitted to
/// the per-unit totals where a report gives them.
public struct UnitSplit: Sendable, Equatable {
  /// What a unit's weight grows with.
  public enum Driver: String, Sendable, CaseIterable {
    /// The unit's population.
    case population
    /// The unit's area in km².
    case area
    /// Every unit alike (kind factors still apply).
    case equal
  }

  public var driver: Driver
  /// Power of the value: 1 is proportional, below 1 flattens the spread (large units
  /// draw less than their size), 0 ignores the value.
  public var exponent: Double
  /// Factor by unit kind (`ward`, `commune`, `town`, ...); a kind not listed counts 1.
  public var kindFactors: [String: Double]

  public init(driver: Driver, exponent: Double = 1, kindFactors: [String: Double] = [:]) {
    self.driver = driver
    self.exponent = exponent
    self.kindFactors = kindFactors
  }

  /// The weight of a unit whose value (population or area) is `value` and whose kind is
  /// `kind`; nil when the driver needs a value the unit does not have.
  public func weight(value: Double?, kind: String?) -> Double? {
    let factor = kind.flatMap { kindFactors[$0] } ?? 1
    switch driver {
    case .equal: return factor
    case .population, .area:
      guard let value else { return nil }
      return pow(value, exponent) * factor
    }
  }

  /// `total × weight / Σ weights` for each weight, or nil when the weights sum to 0 or
  /// to no finite number. Exact when the weights are integers and `total` is a multiple
  /// of their sum.
  public static func shares(of total: Double, weights: [Double]) -> [Double]? {
    let sum = weights.reduce(0, +)
    guard sum > 0, sum.isFinite, weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
    return weights.map { total * $0 / sum }
  }

  /// `count` dossiers shared by the weights in whole numbers (the largest-remainder
  /// method): each unit gets the whole part of its quota `count × weight / Σ weights`,
  /// and the dossiers left over go one each to the largest fractional parts, ties to the
  /// earlier unit. The parts sum to `count` exactly; nil when the weights sum to 0.
  /// - Complexity: O(n log n) for n weights.
  public static func largestRemainder(_ count: Int, weights: [Double]) -> [Int]? {
    guard count >= 0, let quotas = shares(of: Double(count), weights: weights) else { return nil }
    var parts = quotas.map { Int($0.rounded(.down)) }
    let left = max(0, count - parts.reduce(0, +))
    let order = quotas.indices.sorted { a, b in
      let fa = quotas[a] - quotas[a].rounded(.down), fb = quotas[b] - quotas[b].rounded(.down)
      return fa != fb ? fa > fb : a < b
    }
    for i in order.prefix(left) { parts[i] += 1 }
    return parts
  }
}
