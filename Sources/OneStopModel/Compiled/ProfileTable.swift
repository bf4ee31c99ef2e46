/// Every within-day arrival profile of a compiled model in one flat array of segments.
///
/// A `DayProfile` holds its own array of segments; reading one out of an array of
/// profiles in the event loop retains and releases that array. Here profile `k` is the
/// range `first[k] ..< first[k + 1]` of `segments`, and the arithmetic is
/// `DayProfile`'s, step for step, so a draw gives the same instant to the last bit.
struct ProfileTable: Sendable {
  private(set) var first: [Int32] = [0]
  private(set) var segments: [DayProfile.Segment] = []

  /// Number of profiles.
  var count: Int { first.count - 1 }

  /// Adds `profile` and returns its index.
  @discardableResult
  mutating func append(_ profile: DayProfile) -> Int {
    segments += profile.segments
    first.append(Int32(segments.count))
    return count - 1
  }

  @inline(__always)
  func range(_ k: Int) -> Range<Int> { Int(first[k])..<Int(first[k + 1]) }

  /// `true` when profile `k` has no mass.
  @inline(__always)
  func isEmpty(_ k: Int) -> Bool { first[k] == first[k + 1] }

  /// Fraction of profile `k`'s arrivals before second `s` (`DayProfile.cumulative`).
  func cumulative(_ k: Int, at s: Double) -> Double {
    let r = range(k)
    var c = 0.0
    for i in r {
      let seg = segments[i]
      if s <= seg.start { return seg.cumulativeAtStart }
      c = seg.cumulativeAtStart + (min(s, seg.end) - seg.start) * seg.density
      if s < seg.end { return c }
    }
    return r.isEmpty ? 0 : 1
  }

  /// The second at which profile `k`'s cumulative fraction reaches `f`
  /// (`DayProfile.inverse`).
  func inverse(_ k: Int, _ f: Double) -> Double {
    let r = range(k)
    for i in r {
      let seg = segments[i]
      let endCum = seg.cumulativeAtStart + (seg.end - seg.start) * seg.density
      if f <= endCum { return seg.start + (f - seg.cumulativeAtStart) / seg.density }
    }
    return r.isEmpty ? 0 : segments[r.upperBound - 1].end
  }
}
