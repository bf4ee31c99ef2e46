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
    let weekdayPeriods: Range<Int>
    let onlineRamp: Range<Int>
    let postalRamp: Range<Int>
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
