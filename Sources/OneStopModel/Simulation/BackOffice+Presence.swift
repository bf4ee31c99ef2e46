import DESKernel

extension BackOffice {
  /// Officers at work on `day`. Random absences (sickness and, without planned leave,
  /// leave) come in spells: on each working day an officer at work starts an absence
  /// with a small probability and an absent one comes back with probability 1 / mean
  /// spell, so that the share of days away is the station's absence share. Planned leave
  /// (`LeavePlan`, placed before the run) comes on top. Under time off in lieu, officers
  /// also take back the Saturday before (a share of the week's hours). Drawn every day
  /// from the station's own absence stream, so that two scenarios see the same absences
  /// (common random numbers). A station with overtime then decides whether today is a
  /// surge day (`decideSurge`, `restDay`).
  mutating func drawPresence(day: Int) {
    if months.slot(ofDay: day) != slot { closeMonth(beforeDay: day) }
    let clock = calendar.reader
    let weekday = CivilDate.weekday(ofDayNumber: calendar.epochDay + day)  // 1 = Monday
    let working = calendar.isWorkingDay(day)
    let counted = Double(day) * 86_400 >= model.warmupEnd
    for s in stations.indices {
      let st = model.stations[s]
      let rng = absence[s]
      guard rng != nil || st.plansLeave || st.hasOvertime || st.changesStaff else { continue }
      let officers = stations[s].officers.servers
      // Posts not staffed today (staff changes): away like absences, never drawn.
      let vacant = st.changesStaff ? officers - model.staffed(station: s, day: day) : 0
      guard working else {
        let present = Swift.max(0, officers - stations[s].away - vacant)
        stations[s].officers.setCapacity(present, at: Double(day) * 86_400)
        if counted && stations[s].away > 0 {
          let a = Double(day) * 86_400
          stations[s].month.absentSeconds +=
            Double(stations[s].away) * clock.openSeconds(st.schedule, from: a, to: a + 86_400)
        }
        if st.hasOvertime { restDay(s, day: day, present: present, counted: counted) }
        continue
      }
      let planned = leaveBase[s] >= 0 ? Int(leave[leaveBase[s] + day]) : 0
      var away = stations[s].away
      if let rng, st.absenceShare > 0 {
        var back = 0
        for _ in 0..<away where rng.bernoulli(st.absenceReturn) { back += 1 }
        var leave = 0
        for _ in 0..<Swift.max(0, officers - vacant - away - planned) where rng.bernoulli(st.absenceStart) {
          leave += 1
        }
        away += leave - back
        stations[s].away = away
      }
      if let rng, st.saturdayCompensation == .timeOff && weekday <= 5 {
        let saturday = day - weekday - 1
        let satHours = clock.openSeconds(
          st.schedule, from: Double(saturday) * 86_400, to: Double(saturday + 1) * 86_400)
        let today = clock.openSeconds(st.schedule, from: Double(day) * 86_400, to: Double(day + 1) * 86_400)
        if satHours > 0 && today > 0 {
          let p = Swift.min(1, satHours / (5 * today))
          for _ in 0..<Swift.max(0, officers - vacant - away - planned) where rng.bernoulli(p) { away += 1 }
        }
      }
      let absent = Swift.min(officers, away + planned + vacant)
      stations[s].officers.setCapacity(officers - absent, at: Double(day) * 86_400)
      stations[s].month.leaveDays += counted ? Double(planned) : 0
      if absent > 0 {
        let lo = Swift.max(Double(day) * 86_400, model.warmupEnd)
        let open = clock.openSeconds(st.schedule, from: lo, to: Swift.min(Double(day + 1) * 86_400, model.endTime))
        stations[s].absentSeconds += Double(absent) * open
        // A counted day lies in the window: `open` is the whole day's.
        if counted { stations[s].month.absentSeconds += Double(absent) * open }
      }
      if st.hasOvertime { decideSurge(s, day: day, present: officers - absent, counted: counted) }
    }
  }
}
