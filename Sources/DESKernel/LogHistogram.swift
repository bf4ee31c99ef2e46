#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Quantiles of non-negative values in bounded memory: log-spaced buckets with a fixed
/// relative width, in the spirit of HdrHistogram.
///
/// Values below `unit` share bucket 0 (reported as 0); above it, bucket k covers
/// [unit·g^(k−1), unit·g^k) with g = 1 + `relativeWidth`. A quantile is reported at the
/// geometric middle of its bucket, so its relative error is at most `relativeWidth`/2.
/// With the defaults (1 s, 1 %) a wait of up to a year needs about 1,600 buckets.
public struct LogHistogram: Sendable, Equatable {
  public let unit: Double
  public let relativeWidth: Double
  @usableFromInline let logGrowth: Double
  @usableFromInline var counts: [UInt32] = []
  /// Number of values recorded.
  public private(set) var count: Int = 0

  public init(unit: Double = 1, relativeWidth: Double = 0.01) {
    precondition(unit > 0 && relativeWidth > 0)
    self.unit = unit
    self.relativeWidth = relativeWidth
    logGrowth = log1p(relativeWidth)
  }

  /// Records `value` (>= 0).
  public mutating func add(_ value: Double) {
    let k = value < unit ? 0 : Int(log(value / unit) / logGrowth) + 1
    if k >= counts.count { counts.append(contentsOf: repeatElement(0, count: k - counts.count + 1)) }
    counts[k] &+= 1
    count += 1
  }

  /// Adds every value of `other` (same unit and width).
  public mutating func merge(_ other: LogHistogram) {
    precondition(other.unit == unit && other.relativeWidth == relativeWidth, "merging histograms of different shapes")
    if other.counts.count > counts.count { counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count)) }
    for (k, c) in other.counts.enumerated() { counts[k] &+= c }
    count += other.count
  }

  /// The `q`-quantile (0 ... 1), or 0 when empty.
  public func quantile(_ q: Double) -> Double {
    guard count > 0 else { return 0 }
    let rank = max(1, Int((q * Double(count)).rounded(.up)))
    var seen = 0
    for (k, c) in counts.enumerated() {
      seen += Int(c)
      if seen >= rank {
        if k == 0 { return 0 }
        let lo = unit * exp(Double(k - 1) * logGrowth)
        return lo * exp(logGrowth / 2)
      }
    }
    return unit * exp(Double(counts.count - 1) * logGrowth)
  }
}
