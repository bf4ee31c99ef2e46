/// Every within-day arrival profile of a compiled model in one flat array of segments.
///
/// A `DayProfile` holds its own array of segments; reading one out of an array of
/// profiles in the event loop retains and releases that array. Here profile `k` is the
/// range `first[k] ..< first[k + 1]` of `segments`, and the arithmetic is
/// `DayProfile`'s, step for step, so a draw gives the same instant to the last bit.
struct ProfileTable: Sendable {
  private(set) var first: [Int32] = [0]
  private(set) var segments: [DayProfile.Segment] = []
  /// Each segment's cumulative fraction at its end, as `DayProfile.inverse` computes it.
  private var endCumulative: [Double] = []
  /// Whether every profile's `endCumulative` ascends (never down by a rounding), so
  /// that `inverse` may search it by halves and find what the scan finds.
  private var ascending = true

  /// Number of profiles.
  var count: Int { first.count - 1 }

  /// Adds `profile` and returns its index.
  @discardableResult
  mutating func append(_ profile: DayProfile) -> Int {
    segments += profile.segments
    var last = -Double.infinity
    for seg in profile.segments {
      let end = seg.cumulativeAtStart + (seg.end - seg.start) * seg.density
      ascending = ascending && end >= last
      last = end
      endCumulative.append(end)
    }
    first.append(Int32(segments.count))
    return count - 1
  }

  @inline(__always)
  func range(_ k: Int) -> Range<Int> { Int(first[k])..<Int(first[k + 1]) }

  /// `true` when profile `k` has no mass.
  @inline(__always)
  func isEmpty(_ k: Int) -> Bool { first[k] == first[k + 1] }

  /// Fraction of profile `k`'s arrivals before second `s` (`DayProfile.cumulative`).
  ///
  /// `DayProfile.cumulative` scans the segments up to the first that ends after `s` and
  /// computes from that one alone; the segments' ends ascend, so a binary search finds
  /// it in a few steps instead of a scan from midnight (once per arrival), and the
  /// arithmetic on it is the same.
  func cumulative(_ k: Int, at s: Double) -> Double {
    let r = range(k)
    guard !r.isEmpty else { return 0 }
    var lo = r.lowerBound, hi = r.upperBound
    while lo < hi {
      let m = (lo + hi) >> 1
      if segments[m].end > s { hi = m } else { lo = m + 1 }
    }
    guard lo < r.upperBound else { return 1 }
    let seg = segments[lo]
    if s <= seg.start { return seg.cumulativeAtStart }
    return seg.cumulativeAtStart + (s - seg.start) * seg.density
  }

  /// The second at which profile `k`'s cumulative fraction reaches `f`
  /// (`DayProfile.inverse`).
  ///
  /// The scan stops at the first segment whose end fraction reaches `f`; when those
  /// fractions ascend (`ascending`), a binary search finds the same segment.
  func inverse(_ k: Int, _ f: Double) -> Double {
    let r = range(k)
    var i = r.upperBound
    if ascending {
      var lo = r.lowerBound, hi = r.upperBound
      while lo < hi {
        let m = (lo + hi) >> 1
        if f <= endCumulative[m] { hi = m } else { lo = m + 1 }
      }
      i = lo
    } else {
      i = r.firstIndex { f <= endCumulative[$0] } ?? r.upperBound
    }
    if i < r.upperBound {
      let seg = segments[i]
      return seg.start + (f - seg.cumulativeAtStart) / seg.density
    }
    return r.isEmpty ? 0 : segments[r.upperBound - 1].end
  }
}
