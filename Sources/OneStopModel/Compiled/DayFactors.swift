/// The day factors of every demand entry, flat: month factors, weekday factors in
/// periods and the online and postal share ramps, which give a stream's expected
/// arrivals on a day (`volume`).
///
/// Computed once per stream and day of the run into `CompiledModel.streamDaily` (the
/// arrival streams read it for every day they skip; computing it there cost about 4 %
/// of a province-year); read directly only for a day outside the run.
struct DayFactors: Sendable {
  /// Demand d's 12 month factors at `12 d`.
  var month: [Double] = []
  /// Weekday factors in periods: period k has its 7 factors at `7 k` and starts on day
  /// number `periodFrom[k]` (`Int.min` for a demand's base factors, its first period).
  var weekday: [Double] = []
  var periodFrom: [Int] = []
  /// Share ramps as (day number, value) points; a demand's ramps are ranges of it.
  var ramps: [(day: Int, value: Double)] = []

  /// Expected arrivals of stream `s` (of demand `d`) on day number `dayNumber` (month 0-11).
  func volume(stream s: CompiledModel.Stream, dayNumber: Int, month: Int, demand d: CompiledModel.Demand) -> Double {
    var v =
      s.baseDaily * self.month[s.demand * 12 + month]
      * weekday[
        weekdayIndex(
          d, day: dayNumber, weekday: CivilDate.weekday(ofDayNumber: dayNumber), online: s.channel == .online)]
    let online = s.onlineCapable ? value(d.onlineRamp, onDay: dayNumber) : 0
    let postal = s.postalCapable ? value(d.postalRamp, onDay: dayNumber) : 0
    switch s.channel {
    case .online: v *= online
    case .postal: v *= (1 - online) * postal
    case .walkIn: v *= (1 - online) * (1 - postal)
    }
    return v
  }

  /// Index in `weekday` of demand `d`'s factor for day number `day`. Periods from a date
  /// apply to walk-in and postal arrivals; online submissions keep the base factors.
  @inline(__always)
  func weekdayIndex(_ d: CompiledModel.Demand, day: Int, weekday: Int, online: Bool) -> Int {
    var k = d.weekdayPeriods.lowerBound
    if online { return k * 7 + weekday - 1 }
    let end = d.weekdayPeriods.upperBound
    while k + 1 < end && periodFrom[k + 1] <= day { k += 1 }
    return k * 7 + weekday - 1
  }

  /// The value on day number `day` of the ramp at `r`: flat before the first point and
  /// after the last, linear between points; 0 without points.
  @inline(__always)
  func value(_ r: Range<Int>, onDay day: Int) -> Double {
    guard !r.isEmpty else { return 0 }
    let first = ramps[r.lowerBound]
    if r.count == 1 || day <= first.day { return first.value }
    for k in (r.lowerBound + 1)..<r.upperBound where day < ramps[k].day {
      let a = ramps[k - 1], b = ramps[k]
      return a.value + Double(day - a.day) / Double(b.day - a.day) * (b.value - a.value)
    }
    return ramps[r.upperBound - 1].value
  }
}
