import DESKernel

extension BackOffice {
  // MARK: - Today's hours

  /// The instant at which `work` seconds of working time started at `t` (today) are
  /// done: in today's hours (the surge schedule on a day of overtime), then in the
  /// station's own hours, since a later day's overtime is not decided yet.
  @inline(__always)
  func workEnd(_ s: Int, _ work: Double, from t: Double) -> Double {
    let today = stations[s].schedule, own = model.stations[s].schedule
    let end = calendar.reader.addingWorkingTime(today, work, to: t)
    guard today != own else { return end }
    let midnight = Double(calendar.day(t) + 1) * 86_400
    guard end > midnight else { return end }
    let done = calendar.reader.openSeconds(today, from: t, to: midnight)
    return calendar.reader.addingWorkingTime(own, work - done, to: midnight)
  }

  /// Working seconds of station `s` in [`a`, `b`) (`a` today): today's hours until
  /// midnight, the own hours after.
  @inline(__always)
  func workedSeconds(_ s: Int, from a: Double, to b: Double) -> Double {
    let today = stations[s].schedule, own = model.stations[s].schedule
    guard today != own else { return calendar.reader.openSeconds(own, from: a, to: b) }
    let midnight = Double(calendar.day(a) + 1) * 86_400
    return calendar.reader.openSeconds(today, from: a, to: Swift.min(b, midnight))
      + calendar.reader.openSeconds(own, from: Swift.max(a, midnight), to: b)
  }

  /// The first instant at or after `t` at which station `s` is open: today in today's
  /// hours, on later days in its own hours.
  @inline(__always)
  func nextOpening(_ s: Int, atOrAfter t: Double) -> Double? {
    let today = stations[s].schedule, own = model.stations[s].schedule
    guard today != own else { return calendar.reader.nextOpening(own, atOrAfter: t) }
    let midnight = Double(calendar.day(t) + 1) * 86_400
    if let x = calendar.reader.nextOpening(today, atOrAfter: t), x < midnight { return x }
    return calendar.reader.nextOpening(own, atOrAfter: midnight)
  }

  /// `true` when station `s` follows its surge schedule today.
  @inline(__always)
  func worksOvertime(_ s: Int) -> Bool { stations[s].schedule != model.stations[s].schedule }

  // MARK: - The surge rule

  /// A working morning at station `s` with `present` officers: the backlog in days of
  /// work is the mean work waiting over the officers present times today's own open
  /// hours; above the station's threshold, today is a surge day, the next Saturday off is
  /// asked for, and today's evening is worked when the caps allow.
  mutating func decideSurge(_ s: Int, day: Int, present: Int, counted: Bool) {
    let st = model.stations[s]
    stations[s].schedule = st.schedule
    // A worked Saturday (a make-up day) is the Saturday a surge asked for.
    if CivilDate.weekday(ofDayNumber: calendar.epochDay + day) == 6 { stations[s].saturdayPending = false }
    let dayStart = Double(day) * 86_400
    let capacity = Double(present) * calendar.reader.openSeconds(st.schedule, from: dayStart, to: dayStart + 86_400)
    let waiting = stations[s].queuedWork
    let surge = waiting > 0 && (capacity <= 0 || waiting > st.surgeBacklogDays * capacity)
    if counted {
      stations[s].month.workingDays += 1
      if surge { stations[s].month.surgeDays += 1 }
    }
    guard surge else { return }
    stations[s].saturdayPending = true
    workOvertime(s, day: day, present: present, counted: counted)
  }

  /// A day off at station `s` with `present` officers: its own hours, or its Saturday
  /// hours when a surge day asked for this Saturday and the caps allow.
  mutating func restDay(_ s: Int, day: Int, present: Int, counted: Bool) {
    stations[s].schedule = model.stations[s].schedule
    guard CivilDate.weekday(ofDayNumber: calendar.epochDay + day) == 6, stations[s].saturdayPending else { return }
    stations[s].saturdayPending = false
    workOvertime(s, day: day, present: present, counted: counted)
  }

  /// Station `s` follows its surge schedule on `day` if that adds hours and the hours
  /// added stay within the month's and the year's caps per officer (every officer
  /// present works them); the officer-seconds of overtime are counted for the month.
  private mutating func workOvertime(_ s: Int, day: Int, present: Int, counted: Bool) {
    let st = model.stations[s]
    let a = Double(day) * 86_400, b = a + 86_400
    let extra =
      calendar.reader.openSeconds(st.surgeSchedule, from: a, to: b)
      - calendar.reader.openSeconds(st.schedule, from: a, to: b)
    guard extra > 0, stations[s].overtimeThisMonth + extra <= st.overtimeCapMonth,
      stations[s].overtimeThisYear + extra <= st.overtimeCapYear
    else { return }
    stations[s].schedule = st.surgeSchedule
    stations[s].overtimeThisMonth += extra
    stations[s].overtimeThisYear += extra
    if counted { stations[s].month.overtimeSeconds += Double(present) * extra }
  }
}
