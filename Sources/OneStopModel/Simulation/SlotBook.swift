import DESKernel

/// The appointment books of one replication: every slot of every desk group that keeps
/// appointments, laid out for the whole run before it starts, as flat arrays by plan and
/// day (no dictionary, no allocation while the run books, arrives and calls).
///
/// Slot `k` starts at `slotTime[k]`, takes up to `capacity[k]` bookings (the reserved
/// desks, more with overbooking), has `booked[k]` and `expected[k]` of them (booked and
/// neither arrived nor past their grace). Plan `p`'s slots of day `d` are
/// `dayStart[p * (days + 1) + d] ..< dayStart[p * (days + 1) + d + 1]`, in time order.
struct SlotBook {
  let plans: [CompiledModel.Appointments.Plan]
  let days: Int
  let dayStart: [Int32]
  let slotTime: [Double]
  let capacity: [Int16]
  var booked: StateArray<Int16>
  var expected: StateArray<Int16>
  /// Free places per plan and day (`p * days + d`), to skip full days.
  var free: StateArray<Int32>
  /// Per plan: no slot before this one has a holder expected (see `holderDue`).
  var cursor: StateArray<Int32>

  /// Noon, from which `afternoons_only` lets reserved desks serve walk-ins and before
  /// which its slots lie.
  static let noon = 12.0 * 3600

  init(_ model: CompiledModel, calendar: RunCalendar) {
    plans = model.appointments.plans
    days = model.horizonDays
    var dayStart: [Int32] = []
    var times: [Double] = []
    var capacity: [Int16] = []
    var free: [Int32] = []
    for plan in plans {
      let schedule = model.deskGroups[plan.group].schedule
      for d in 0..<days {
        dayStart.append(Int32(times.count))
        let day = Self.slots(plan, schedule: schedule, day: d, calendar.reader)
        let extra = Double(plan.reserved) * plan.overbooking
        var places: Int32 = 0
        for (k, t) in day.enumerated() {
          let more = Int((Double(k + 1) * extra).rounded(.down)) - Int((Double(k) * extra).rounded(.down))
          let c = Int16(clamping: plan.reserved + more)
          times.append(t)
          capacity.append(c)
          places += Int32(c)
        }
        free.append(places)
      }
      dayStart.append(Int32(times.count))
    }
    self.dayStart = dayStart
    slotTime = times
    self.capacity = capacity
    booked = StateArray(repeating: 0, count: times.count)
    expected = StateArray(repeating: 0, count: times.count)
    self.free = StateArray(free)
    let stride = days + 1
    let starts = dayStart
    cursor = StateArray(model.appointments.plans.indices.map { starts[$0 * stride] })
  }

  /// The start times of plan `plan`'s slots on day `d`: the template's times when the
  /// group is open then, or slots of `slotLength` laid from the first opening within the
  /// open hours (a slot never spans a closing), at most `slotsPerDesk`; before noon only
  /// for `afternoons_only`.
  static func slots(
    _ plan: CompiledModel.Appointments.Plan, schedule s: Int, day d: Int, _ reader: CalendarReader
  ) -> [Double] {
    let midnight = Double(d) * 86_400
    let morningOnly = plan.walkIns == .afternoonsOnly
    if !plan.slotTimes.isEmpty {
      return plan.slotTimes.map { midnight + Double($0) }.filter {
        reader.isOpen(s, at: $0) && (!morningOnly || $0 - midnight < noon)
      }
    }
    var out: [Double] = []
    var t = midnight
    while out.count < plan.slotsPerDesk, let x = reader.nextOpening(s, atOrAfter: t), x < midnight + 86_400,
      !morningOnly || x - midnight < noon
    {
      // `x` is open: the next change is its closing.
      let close = reader.nextChange(s, after: x)?.time ?? .infinity
      if x + plan.slotLength <= close {
        out.append(x)
        t = x + plan.slotLength
      } else {
        t = close
      }
    }
    return out
  }

  /// The first slot of plan `p` with a free place that starts at least its `release`
  /// after `now`, on day `today` up to the booking horizon; `nil` when all are taken.
  func firstFree(plan p: Int, at now: Double, today: Int) -> Int? {
    let plan = plans[p]
    let earliest = now + plan.release
    let base = p * (days + 1)
    let last = Swift.min(today + plan.horizonDays, days - 1)
    guard today <= last else { return nil }
    for d in today...last where free[p * days + d] > 0 {
      for k in Int(dayStart[base + d])..<Int(dayStart[base + d + 1])
      where slotTime[k] >= earliest && booked[k] < capacity[k] {
        return k
      }
    }
    return nil
  }

  /// A citizen books slot `k` of plan `p`.
  mutating func book(_ k: Int, plan p: Int) {
    booked[k] += 1
    expected[k] += 1
    free[p * days + CalendarReader.day(of: slotTime[k])] -= 1
  }

  /// Slot `k`'s holder arrived, or its grace ran out: no longer expected.
  mutating func settle(_ k: Int) { expected[k] -= 1 }

  /// `true` when some holder of plan `p` is still expected for a slot starting at or
  /// before `limit` (one past its start and within its grace counts too).
  mutating func holderDue(plan p: Int, by limit: Double, at now: Double) -> Bool {
    let end = Int(dayStart[p * (days + 1) + days])
    var k = Int(cursor[p])
    while k < end && expected[k] == 0 && slotTime[k] < now { k += 1 }
    cursor[p] = Int32(k)
    while k < end && slotTime[k] <= limit {
      if expected[k] > 0 { return true }
      k += 1
    }
    return false
  }
}
