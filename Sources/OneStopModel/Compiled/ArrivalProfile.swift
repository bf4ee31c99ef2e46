extension DailyHours {
  /// The hours before `cutoff` (seconds after midnight), or these hours when nil.
  func cut(at cutoff: Double?) -> DailyHours {
    guard let cutoff else { return self }
    let c = Int(cutoff.rounded(.down))
    return DailyHours(
      intervals: intervals.compactMap { i in
        i.open < c ? OpenInterval(open: i.open, close: Swift.min(i.close, c)) : nil
      })
  }
}

/// The shape of arrivals within one day: a piecewise-constant density over the open
/// part of the day, as cumulative fractions, so that the next arrival of a
/// non-homogeneous Poisson stream is found by inversion with no per-minute events.
struct DayProfile: Sendable {
  struct Segment: Sendable {
    let start: Double  // seconds after midnight
    let end: Double
    let cumulativeAtStart: Double  // fraction of the day's arrivals before `start`
    let density: Double  // fraction per second
  }

  let segments: [Segment]

  /// No arrivals this day.
  static let empty = DayProfile(segments: [])

  /// Hour weights (24) restricted to `hours` (nil: the whole day), normalised to 1.
  init(hourWeights: [Double], hours: DailyHours?) {
    var raw: [(Double, Double, Double)] = []  // start, end, weight per second
    for h in 0..<24 where hourWeights[h] > 0 {
      let hs = Double(h * 3600), he = Double((h + 1) * 3600)
      if let hours {
        for i in hours.intervals {
          let lo = max(hs, Double(i.open)), hi = min(he, Double(i.close))
          if hi > lo { raw.append((lo, hi, hourWeights[h] / 3600)) }
        }
      } else {
        raw.append((hs, he, hourWeights[h] / 3600))
      }
    }
    let total = raw.reduce(0) { $0 + ($1.1 - $1.0) * $1.2 }
    guard total > 0 else {
      segments = []
      return
    }
    var cum = 0.0
    var segs: [Segment] = []
    for (lo, hi, w) in raw {
      let d = w / total
      segs.append(Segment(start: lo, end: hi, cumulativeAtStart: cum, density: d))
      cum += (hi - lo) * d
    }
    segments = segs
  }

  private init(segments: [Segment]) { self.segments = segments }

  /// Hour weights restricted to `hours` cut at `cutoff` (seconds after midnight; nil:
  /// no cut), so that nobody is drawn to arrive after the ticket machine stops.
  init(hourWeights: [Double], hours: DailyHours, cutoff: Double?) {
    self.init(hourWeights: hourWeights, hours: hours.cut(at: cutoff))
  }

  /// This profile with a share `share` of the day's arrivals moved before the first
  /// opening, uniformly over the `earliest` seconds before it (not before midnight): the
  /// queue before the doors open. A share of 0 returns the profile unchanged.
  func arrivingEarly(share: Double, earliest: Double) -> DayProfile {
    guard share > 0, let first = segments.first else { return self }
    let opening = first.start
    let from = Swift.max(0, opening - earliest)
    guard opening > from else { return self }
    var segs = [Segment(start: from, end: opening, cumulativeAtStart: 0, density: share / (opening - from))]
    for seg in segments {
      segs.append(
        Segment(
          start: seg.start, end: seg.end, cumulativeAtStart: share + (1 - share) * seg.cumulativeAtStart,
          density: (1 - share) * seg.density))
    }
    return DayProfile(segments: segs)
  }

  /// `true` when the profile has no mass (closed day, or all weights zero).
  var isEmpty: Bool { segments.isEmpty }

  /// Fraction of the day's arrivals before second `s`.
  func cumulative(at s: Double) -> Double {
    var c = 0.0
    for seg in segments {
      if s <= seg.start { return seg.cumulativeAtStart }
      c = seg.cumulativeAtStart + (min(s, seg.end) - seg.start) * seg.density
      if s < seg.end { return c }
    }
    return segments.isEmpty ? 0 : 1
  }

  /// The second at which the cumulative fraction reaches `f` (0 < f <= 1).
  func inverse(_ f: Double) -> Double {
    for seg in segments {
      let endCum = seg.cumulativeAtStart + (seg.end - seg.start) * seg.density
      if f <= endCum { return seg.start + (f - seg.cumulativeAtStart) / seg.density }
    }
    return segments.last?.end ?? 0
  }
}
