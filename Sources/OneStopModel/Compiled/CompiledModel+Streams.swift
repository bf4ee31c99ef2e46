import DESKernel

extension CompiledModel {
  /// One non-homogeneous Poisson arrival stream: a unit, a channel and a group of
  /// procedures sharing channel options (`streamProcedures[procedures]`, drawn by
  /// `streamMix[k]`).
  public struct Stream: Sendable {
    public let unit: Int
    public let channel: ChannelIn
    public let demand: Int
    public let procedures: Range<Int>
    /// Expected arrivals per day before day factors: annual volume × group share /
    /// normaliser.
    public let baseDaily: Double
    public let onlineCapable: Bool
    public let postalCapable: Bool
    /// Walk-in and postal streams follow the unit's schedule patterns (a day profile
    /// per pattern, from `profiles.lowerBound`); an online stream has one profile.
    public let usesUnitSchedule: Bool
    public internal(set) var profiles: Range<Int> = 0..<0
  }

  /// A demand entry's return shares and where its day factors and share ramps lie in
  /// `dayFactors` (its 12 month factors at `12 d`).
  public struct Demand: Sendable {
    public let postalReturnShare: Double
    public let onlineReturnShare: Double
    /// Share of walk-ins filed at another unit of the same level (boundary-free filing).
    public let awayShare: Double
    let weekdayPeriods: Range<Int>
    let onlineRamp: Range<Int>
    let postalRamp: Range<Int>
  }

  /// Where walk-ins filed away from home go (boundary-free filing): per level, the units
  /// of that level with walk-in demand and their cumulative walk-in volume shares
  /// (`units[range[level]]`, `cumulative[range[level]]`). Empty when no demand entry
  /// files away.
  public struct AwayPool: Sendable {
    public let units: [Int32]
    public let cumulative: [Double]
    public let range: [Range<Int>]

    /// The pool of `model`'s levels, weighted by each unit's expected walk-in arrivals.
    init(levels: Int, units levelOf: [Int], streams: [Stream], demands: [Demand]) {
      guard demands.contains(where: { $0.awayShare > 0 }) else {
        (units, cumulative, range) = ([], [], [])
        return
      }
      var weight = Array(repeating: 0.0, count: levelOf.count)
      for s in streams where s.channel == .walkIn { weight[s.unit] += s.baseDaily }
      var us: [Int32] = [], cum: [Double] = [], ranges: [Range<Int>] = []
      for l in 0..<levels {
        let first = us.count
        let members = levelOf.indices.filter { levelOf[$0] == l && weight[$0] > 0 }
        let total = members.reduce(0.0) { $0 + weight[$1] }
        var running = 0.0
        for u in members {
          running += weight[u]
          us.append(Int32(u))
          cum.append(running / total)
        }
        ranges.append(first..<us.count)
      }
      (units, cumulative, range) = (us, cum, ranges)
    }
  }

  /// A carried-over backlog entry with its unit and procedure resolved.
  public struct Backlog: Sendable {
    public let unit: Int
    public let procedure: Int
    public let count: Int
    /// Day indices (from the run's start) of the receipt range, or nil when ages follow
    /// the deadline.
    public let receivedDays: ClosedRange<Int>?
    public let overdueShare: Double
  }
}
