import DESKernel
import Histogram

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The desk waits of several statistics (per unit, per desk group, per clock hour) as the
/// event loop counts them, read as `WaitStatistics`.
///
/// A `WaitStatistics` per statistic cost three cache lines per wait (the statistic, its
/// histogram's array header, the count): here every statistic's bucket counts lie in one
/// flat buffer, indexed as the HdrHistogram of `WaitStatistics` indexes them (whole
/// seconds, two significant digits), beside a small record with the tally and the exact
/// extremes. Reading statistic `k` builds its histogram from them: the same counts in the
/// same buckets, the same total, minimum and maximum, so every quantile is the same.
struct WaitCounts: RandomAccessCollection {
  /// What a statistic keeps beside its bucket counts.
  struct Cell {
    var tally = Tally()
    var servedSameDay = 0
    /// The largest value recorded, and the smallest above zero (`UInt64.max`: none).
    var maxValue: UInt64 = 0
    var minNonZero = UInt64.max
  }

  /// A wait as the histogram records it: whole seconds up to `WaitStatistics.maximum`,
  /// and the index of its bucket.
  struct Bucket {
    let value: UInt64
    let index: Int

    @inline(__always)
    init(_ wait: Double) {
      value = Self.seconds(wait)
      index = WaitCounts.index(of: value)
    }

    /// `min(UInt64(max(0, wait.rounded())), WaitStatistics.maximum)` without the call to
    /// libm's `round` (no SSE 4.1 in the baseline target): the truncation and its exact
    /// remainder round half away from zero as `rounded()` does.
    @inline(__always)
    static func seconds(_ wait: Double) -> UInt64 {
      guard wait > 0 else { return 0 }
      guard wait < Double(WaitStatistics.maximum) else { return WaitStatistics.maximum }
      let whole = UInt64(wait)  // truncation
      return wait - Double(whole) >= 0.5 ? whole + 1 : whole
    }
  }

  /// The bucket counts of every statistic, zeroed by `calloc`: a statistic nobody waits
  /// for (most hours, idle groups) never touches its pages.
  private final class Counts {
    let base: UnsafeMutablePointer<UInt32>
    init(_ n: Int) {
      guard let p = calloc(Swift.max(n, 1), MemoryLayout<UInt32>.stride) else { fatalError("out of memory") }
      base = p.bindMemory(to: UInt32.self, capacity: Swift.max(n, 1))
    }
    deinit { free(base) }
  }

  private var cells: StateArray<Cell>
  private let counts: Counts
  /// Buckets per statistic: up to the bucket of `WaitStatistics.maximum`.
  static let length = index(of: WaitStatistics.maximum) + 1

  /// `count` empty statistics.
  init(count: Int) {
    cells = StateArray(repeating: Cell(), count: count)
    counts = Counts(count * Self.length)
  }

  var startIndex: Int { 0 }
  var endIndex: Int { cells.count }

  /// Starts loading what `add(k, _, bucket, ...)` writes: its bucket count and its record.
  @inline(__always)
  func prefetch(_ k: Int, _ bucket: Bucket) {
    guard k >= 0 && k < cells.count else { return }
    DESKernel.prefetch(UnsafeRawPointer(counts.base + (k * Self.length + bucket.index)))
    cells.prefetch(k)
  }

  /// Counts `wait` (in `bucket`) in statistic `k`.
  @inline(__always)
  mutating func add(_ k: Int, _ wait: Double, _ bucket: Bucket, sameDay: Bool) {
    cells[k].tally.add(wait)
    counts.base[k * Self.length + bucket.index] &+= 1
    if bucket.value > cells[k].maxValue { cells[k].maxValue = bucket.value }
    if bucket.value != 0 && bucket.value < cells[k].minNonZero { cells[k].minNonZero = bucket.value }
    if sameDay { cells[k].servedSameDay += 1 }
  }

  /// Statistic `k`, with its histogram built from the counts: each bucket recorded once
  /// with its count, at the exact minimum or maximum for their buckets and at the
  /// bucket's lowest value (which lies between them) for the others.
  subscript(k: Int) -> WaitStatistics {
    let c = cells[k]
    var w = WaitStatistics()
    w.tally = c.tally
    w.servedSameDay = c.servedSameDay
    guard c.tally.count > 0 else { return w }
    let low = c.minNonZero == .max ? -1 : Self.index(of: c.minNonZero)
    let high = Self.index(of: c.maxValue)
    for j in 0...high {  // no value above the maximum
      var n = counts.base[k * Self.length + j]
      guard n > 0 else { continue }
      if j == low {
        w.histogram.record(c.minNonZero, count: 1)
        n -= 1
      }
      if j == high && n > 0 {
        w.histogram.record(c.maxValue, count: 1)
        n -= 1
      }
      if n > 0 { w.histogram.record(j == low ? c.minNonZero : Self.value(at: j), count: n) }
    }
    return w
  }

  // HdrHistogram's index for lowest discernible value 1 and two significant digits: 256
  // sub-buckets, the first bucket at unit resolution, each further one twice as coarse
  // and holding its upper 128 sub-buckets.

  /// The bucket index of `value`.
  @inline(__always)
  static func index(of value: UInt64) -> Int {
    let bucket = 56 - (value | 255).leadingZeroBitCount
    return ((bucket + 1) << 7) + Int(value >> UInt64(bucket)) - 128
  }

  /// The lowest value in bucket `index`.
  static func value(at index: Int) -> UInt64 {
    var bucket = (index >> 7) - 1
    var sub = (index & 127) + 128
    if bucket < 0 {
      sub -= 128
      bucket = 0
    }
    return UInt64(sub) << UInt64(bucket)
  }
}
