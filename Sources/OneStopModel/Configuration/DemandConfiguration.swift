import DESKernel

/// Demand at one unit: how many new dossiers a year, of which procedures, by which channel.
public struct DemandConfiguration: Sendable {
  public var unit: String
  /// New dossiers per year (all channels).
  public var annualVolume: Double
  /// Procedure id -> relative weight.
  public var mix: [(procedure: String, weight: Double)]
  /// Share of online-capable dossiers submitted online (over time).
  public var onlineShare: Ramp
  /// Share of postal-capable dossiers sent by post.
  public var postalShare: Ramp
  /// How results go back: shares of post and online (online only for full-online
  /// dossiers); the rest is picked up in person.
  public var postalReturnShare: Double
  public var onlineReturnShare: Double
  /// Relative volume by month (12, January first) and weekday (7, Monday first).
  public var monthFactors: [Double]
  public var weekdayFactors: [Double]
  /// Weekday factors that replace `weekdayFactors` from a date on, for walk-in and
  /// postal arrivals (a Saturday opening moves part of the week's visits to Saturday
  /// from its first Saturday; online submissions keep `weekdayFactors`). The annual
  /// volume is normalised on `weekdayFactors`, so the days before the first date get
  /// exactly the arrivals they would get without these periods; keep the factors of the
  /// open days summing to the same weekly total to keep the volume.
  public var weekdayFactorPeriods: [(from: CivilDate, factors: [Double])] = []
  /// Walk-in arrivals by hour of day (24 weights; zero-hour weights allowed). Applied
  /// to the open hours of each day and renormalised.
  public var walkInHourProfile: [Double]
  /// Online submissions by hour of day (24 weights).
  public var onlineHourProfile: [Double]
  /// Walk-ins (new and planned visits) arrive only before the unit's ticket cutoff: the
  /// profile is cut there and renormalised. False: they arrive until closing and those
  /// after the cutoff are turned away.
  public var walkInProfileFollowsCutoff = true
  /// Share of walk-in dossiers filed at another unit of the same level (boundary-free
  /// filing inside the province, Decree 118/2025); the receiving unit is drawn in
  /// proportion to the units' walk-in volumes. 0: every dossier is filed at home.
  public var awayShare = 0.0

  public init(
    unit: String, annualVolume: Double, mix: [(procedure: String, weight: Double)],
    onlineShare: Ramp = .constant(0), postalShare: Ramp = .constant(0),
    postalReturnShare: Double = 0, onlineReturnShare: Double = 0,
    monthFactors: [Double] = Array(repeating: 1, count: 12),
    weekdayFactors: [Double] = [1.15, 1, 1, 1, 0.9, 1, 1],
    walkInHourProfile: [Double] = DemandConfiguration.defaultWalkInProfile,
    onlineHourProfile: [Double] = DemandConfiguration.defaultOnlineProfile
  ) {
    self.unit = unit
    self.annualVolume = annualVolume
    self.mix = mix
    self.onlineShare = onlineShare
    self.postalShare = postalShare
    self.postalReturnShare = postalReturnShare
    self.onlineReturnShare = onlineReturnShare
    self.monthFactors = monthFactors
    self.weekdayFactors = weekdayFactors
    self.walkInHourProfile = walkInHourProfile
    self.onlineHourProfile = onlineHourProfile
  }

  /// Prior: a morning peak (about 60 % of walk-ins before 11:30) and a small rush
  /// before 17:00.
  public static let defaultWalkInProfile: [Double] = [
    0, 0, 0, 0, 0, 0, 0, 1.6, 2.2, 2.0, 1.6, 1.0, 0.3, 0.5, 1.1, 1.2, 1.1, 0.9, 0, 0, 0, 0, 0, 0,
  ]
  /// Prior: online submissions mostly in office hours and the evening.
  public static let defaultOnlineProfile: [Double] = [
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 1.6, 1.5, 1.2, 0.8, 1, 1.4, 1.5, 1.4, 1.1, 0.9, 1, 1.1, 1, 0.7, 0.4,
  ]
}

extension DemandConfiguration: CustomReflectable {
  /// The entry as `String(describing:)` (and so a scenario's hash) sees it: every field,
  /// with `awayShare` only when set, so that a scenario without it keeps its hash.
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("unit", unit), ("annualVolume", annualVolume), ("mix", mix), ("onlineShare", onlineShare),
      ("postalShare", postalShare), ("postalReturnShare", postalReturnShare), ("onlineReturnShare", onlineReturnShare),
      ("monthFactors", monthFactors), ("weekdayFactors", weekdayFactors),
      ("weekdayFactorPeriods", weekdayFactorPeriods),
      ("walkInHourProfile", walkInHourProfile), ("onlineHourProfile", onlineHourProfile),
      ("walkInProfileFollowsCutoff", walkInProfileFollowsCutoff),
    ]
    if awayShare != 0 { children.append(("awayShare", awayShare)) }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}

/// A value that changes linearly between dated points (the online-share ramp of S3).
public struct Ramp: Sendable, Equatable {
  public var points: [(date: CivilDate, value: Double)]
  public init(points: [(date: CivilDate, value: Double)]) { self.points = points.sorted { $0.date < $1.date } }
  public static func constant(_ v: Double) -> Ramp { Ramp(points: [(CivilDate(year: 2000, month: 1, day: 1)!, v)]) }

  /// The value on day number `day`: flat before the first and after the last point.
  public func value(onDay day: Int) -> Double {
    guard let first = points.first else { return 0 }
    if day <= first.date.dayNumber { return first.value }
    for (a, b) in zip(points, points.dropFirst()) where day < b.date.dayNumber {
      let x = Double(day - a.date.dayNumber) / Double(b.date.dayNumber - a.date.dayNumber)
      return a.value + x * (b.value - a.value)
    }
    return points.last!.value
  }

  public static func == (a: Ramp, b: Ramp) -> Bool {
    a.points.count == b.points.count
      && zip(a.points, b.points).allSatisfy { $0.date == $1.date && $0.value == $1.value }
  }
}
