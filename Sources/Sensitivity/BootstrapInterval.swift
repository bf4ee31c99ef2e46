import DESKernel

/// A percentile bootstrap interval (Efron and Tibshirani 1993, ch. 13): the statistic
/// recomputed on resamples of the rows drawn with replacement, and the 2.5th and 97.5th
/// percentiles of what comes out (for a 95 % interval).
///
/// The resamples come from a named GSL stream under the seed, so the same data and seed
/// give the same interval. A resample whose statistic is not finite is left out.
public struct BootstrapInterval: Sendable, Equatable, CustomStringConvertible {
  /// The lower end.
  public let low: Double
  /// The upper end.
  public let high: Double

  /// An interval from its ends.
  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }

  /// `high - low`.
  public var width: Double { high - low }

  /// Whether `x` lies in the interval (ends included).
  public func contains(_ x: Double) -> Bool { low <= x && x <= high }

  /// Half of the width: what a table prints after "±".
  public var halfWidth: Double { width / 2 }

  public var description: String { "[\(low), \(high)]" }

  /// Percentile intervals of `statistics` (one value per output) over `resamples`
  /// resamples of `rows` rows.
  ///
  /// - Parameters:
  ///   - statistics: computes every statistic on the rows it is given (indices into the
  ///     caller's data, with repeats).
  ///   - confidence: the coverage, 0.95 by default.
  /// - Complexity: `resamples` calls of `statistics` on `rows` indices each.
  public static func percentile(
    rows: Int, outputs: Int, resamples: Int, confidence: Double = 0.95, seed: UInt64, name: String,
    statistics: ([Int]) -> [Double]
  ) -> [BootstrapInterval?] {
    precondition(confidence > 0 && confidence < 1, "confidence is in (0, 1)")
    guard rows > 1, resamples > 1 else { return Array(repeating: nil, count: outputs) }
    let stream = RandomStream(masterSeed: seed, source: name)
    var draws = Array(repeating: [Double](), count: outputs)
    var sample = [Int](repeating: 0, count: rows)
    for _ in 0..<resamples {
      for j in 0..<rows { sample[j] = stream.uniformInt(below: rows) }
      let s = statistics(sample)
      for o in 0..<outputs where s[o].isFinite { draws[o].append(s[o]) }
    }
    let tail = (1 - confidence) / 2
    return draws.map { values in
      guard values.count > 1 else { return nil }
      let sorted = values.sorted()
      return BootstrapInterval(low: quantile(sorted, tail), high: quantile(sorted, 1 - tail))
    }
  }

  /// The `q` quantile of sorted values, interpolated linearly between order statistics.
  public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let h = q * Double(sorted.count - 1)
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
  }
}
