import DESKernel

extension BackOffice {
  /// Officers at work on `day`. Leave and sickness come in spells: on each working day
  /// an officer at work starts an absence with a small probability and an absent one
  /// comes back with probability 1 / mean spell, so that the share of days away is the
  /// station's absence share. Under time off in lieu, officers also take back the
  /// Saturday before (a share of the week's hours). Drawn every day from the station's
  /// own absence stream, so that two scenarios see the same absences (common random
  /// numbers).
  mutating func drawPresence(day: Int) {
    let clock = calendar.reader
    let weekday = CivilDate.weekday(ofDayNumber: calendar.epochDay + day)  // 1 = Monday
    for s in stations.indices {
      guard let rng = absence[s] else { continue }
      let st = model.stations[s]
      let officers = stations[s].officers.servers
      guard calendar.isWorkingDay(day) else {
        stations[s].officers.setCapacity(officers - stations[s].away, at: Double(day) * 86_400)
        continue
      }
      var away = stations[s].away
      if st.absenceShare > 0 {
        var back = 0
        for _ in 0..<away where rng.bernoulli(st.absenceReturn) { back += 1 }
        var leave = 0
        for _ in 0..<(officers - away) where rng.bernoulli(st.absenceStart) { leave += 1 }
        away += leave - back
        stations[s].away = away
      }
      if st.saturdayCompensation == .timeOff && weekday <= 5 {
        let saturday = day - weekday - 1
        let satHours = clock.openSeconds(
          st.schedule, from: Double(saturday) * 86_400, to: Double(saturday + 1) * 86_400)
        let today = clock.openSeconds(st.schedule, from: Double(day) * 86_400, to: Double(day + 1) * 86_400)
        if satHours > 0 && today > 0 {
          let p = Swift.min(1, satHours / (5 * today))
          for _ in 0..<(officers - away) where rng.bernoulli(p) { away += 1 }
        }
      }
      stations[s].officers.setCapacity(officers - away, at: Double(day) * 86_400)
      if away > 0 {
        let lo = Swift.max(Double(day) * 86_400, model.warmupEnd)
        stations[s].absentSeconds +=
          Double(away)
          * clock.openSeconds(
            st.schedule, from: lo,
            to: Swift.min(Double(day + 1) * 86_400, model.endTime))
      }
    }
  }
}
