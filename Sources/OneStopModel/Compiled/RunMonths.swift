/// The calendar months a run touches, for the monthly series (`months.csv`): reports
/// give mid-year figures by month, so a run is cut the same way.
///
/// Built once per replication (not per event): `slot(ofDay:)` is an array load.
public struct RunMonths: Sendable {
  /// First day of each month, in order; slot k is `firsts[k]`'s month.
  public let firsts: [CivilDate]
  /// Month slot of each day index of the run.
  let ofDay: [Int32]

  public init(_ model: CompiledModel) {
    var firsts: [CivilDate] = []
    var ofDay = [Int32](repeating: 0, count: model.horizonDays)
    for day in 0..<model.horizonDays {
      let date = CivilDate(dayNumber: model.epochDay + day)
      if day == 0 || date.day == 1 { firsts.append(CivilDate(year: date.year, month: date.month, day: 1)!) }
      ofDay[day] = Int32(firsts.count - 1)
    }
    self.firsts = firsts
    self.ofDay = ofDay
  }

  public var count: Int { firsts.count }

  /// "YYYY-MM" of each slot.
  public var labels: [String] { firsts.map { String($0.description.prefix(7)) } }

  /// The slot of day index `day` (clamped to the run).
  @inline(__always)
  func slot(ofDay day: Int) -> Int { ofDay.isEmpty ? 0 : Int(ofDay[Swift.min(Swift.max(day, 0), ofDay.count - 1)]) }

  /// The first month slot that holds a day of the statistics period (after the warm-up).
  public func firstReported(_ model: CompiledModel) -> Int {
    slot(ofDay: Int((model.warmupEnd / 86_400).rounded(.down)))
  }
}
