/// How many servers are on shift over time: a piecewise-constant function, either
/// repeating with a period (a day, a week) or given as explicit change points.
///
/// The model asks for `nextChange(after:)` and schedules a capacity event there, one
/// change at a time, so a ten-year run holds one pending capacity event per pool, not
/// ten years of them.
public struct CapacitySchedule: Sendable, Equatable {
  /// One step: from `at` on, `capacity` servers are on shift.
  public struct Step: Sendable, Equatable {
    /// Offset within the period (periodic) or absolute time (explicit).
    public var at: SimTime
    /// Servers on shift from `at`.
    public var capacity: Int
    /// Creates a step.
    public init(at: SimTime, capacity: Int) {
      self.at = at
      self.capacity = capacity
    }
  }

  /// Length of the cycle, or `nil` for explicit change points.
  public let period: SimTime?
  /// Sorted steps.
  public let steps: [Step]
  /// Capacity before the first explicit step (explicit schedules only).
  public let initial: Int

  /// The same capacity at all times.
  public static func constant(_ capacity: Int) -> CapacitySchedule {
    CapacitySchedule(period: nil, steps: [], initial: capacity)
  }

  /// A schedule that repeats every `period`; `steps` give offsets in [0, period). Before
  /// the first step of a cycle, the last step of the previous cycle holds.
  public static func periodic(period: SimTime, steps: [Step]) throws(ScheduleError) -> CapacitySchedule {
    guard period > 0, period.isFinite else { throw ScheduleError(message: "period must be > 0, got \(period)") }
    guard !steps.isEmpty else { throw ScheduleError(message: "a periodic schedule needs at least one step") }
    for s in steps {
      guard s.at >= 0, s.at < period else {
        throw ScheduleError(message: "step at \(s.at) lies outside the period [0, \(period))")
      }
      guard s.capacity >= 0 else { throw ScheduleError(message: "capacity must be >= 0, got \(s.capacity)") }
    }
    let sorted = steps.sorted { $0.at < $1.at }
    for (a, b) in zip(sorted, sorted.dropFirst()) where a.at == b.at {
      throw ScheduleError(message: "two steps at the same offset \(a.at)")
    }
    return CapacitySchedule(period: period, steps: sorted, initial: sorted.last!.capacity)
  }

  /// Capacity `initial` until the first change, then each change from its time on.
  public static func explicit(initial: Int, changes: [Step]) throws(ScheduleError) -> CapacitySchedule {
    guard initial >= 0 else { throw ScheduleError(message: "capacity must be >= 0, got \(initial)") }
    for s in changes where s.capacity < 0 {
      throw ScheduleError(message: "capacity must be >= 0, got \(s.capacity)")
    }
    return CapacitySchedule(period: nil, steps: changes.sorted { $0.at < $1.at }, initial: initial)
  }

  /// The largest capacity the schedule ever asks for.
  public var maximum: Int { steps.map(\.capacity).max().map { Swift.max($0, initial) } ?? initial }

  /// Capacity at time `t`.
  public func capacity(at t: SimTime) -> Int {
    guard let period else {
      var c = initial
      for s in steps where s.at <= t { c = s.capacity }
      return c
    }
    let offset = t - (t / period).rounded(.down) * period
    var c = steps.last!.capacity
    for s in steps where s.at <= offset { c = s.capacity }
    return c
  }

  /// The first change strictly after `t` to a different capacity, or `nil` if none.
  public func nextChange(after t: SimTime) -> Step? {
    let current = capacity(at: t)
    guard let period else {
      for s in steps where s.at > t && s.capacity != current { return s }
      return nil
    }
    let cycleStart = (t / period).rounded(.down) * period
    // Two cycles ahead always suffice to find a different value, if one exists.
    for cycle in 0...2 {
      let base = cycleStart + Double(cycle) * period
      for s in steps where base + s.at > t && s.capacity != current {
        return Step(at: base + s.at, capacity: s.capacity)
      }
    }
    return nil
  }
}

/// An invalid schedule, with the reason.
public struct ScheduleError: Error, CustomStringConvertible, Equatable {
  /// What is wrong.
  public let message: String
  public var description: String { message }
}
