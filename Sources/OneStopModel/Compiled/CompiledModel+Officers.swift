import DESKernel

extension CompiledModel.Compiler {
  /// Planned leave and surge overtime of agency `i`, whose station is row `k`: checked
  /// and written into the row. A value the agency takes from the rules' defaults is
  /// reported at the rules' key.
  mutating func compileOfficerTime(_ a: AgencyConfiguration, agency i: Int, station k: Int) {
    let at = ProblemLocation(.agency(i))
    func location(_ field: ConfigurationField, own: Bool) -> ProblemLocation {
      own ? at.with(field) : ProblemLocation(.rules, field)
    }
    let annual = a.annualLeaveDays ?? c.rules.annualLeaveDays ?? 0
    if annual > 0 {
      let spell = a.leaveSpellDays ?? c.rules.leaveSpellDays
      let spellAt = location(.leaveSpellDays, own: a.leaveSpellDays != nil)
      if !(1...100).contains(spell) || spell != spell.rounded() {
        problemOnce(spellAt, "expected a spell of 1 to 100 whole working days, got \(spell)")
      }
      let outside = a.leaveOutsideMonths ?? c.rules.leaveOutsideMonths
      let monthsAt = location(.leaveOutsideMonths, own: a.leaveOutsideMonths != nil)
      var mask: UInt16 = 0xFFF
      for m in outside {
        if (1...12).contains(m) {
          mask &= ~(UInt16(1) << UInt16(m - 1))
        } else {
          problemOnce(monthsAt, "expected months 1 to 12, got \(m)")
        }
      }
      // The yearly days pro-rated to the run: a half-year run plans half the leave.
      let runDays = calendar.workingDays(after: epoch - 1, through: epoch + Swift.max(horizon, 1) - 1)
      let perOfficer = annual * Double(runDays) / Double(workingDaysPerYear)
      let open = schedules[stations[k].schedule]
      let allowed = (0..<Swift.max(horizon, 0)).filter { d in
        calendar.isWorkingDay(epoch + d) && !open.hours(dayIndex: d).intervals.isEmpty
          && mask & (UInt16(1) << UInt16(CivilDate(dayNumber: epoch + d).month - 1)) != 0
      }.count
      if perOfficer.rounded(.up) > Double(allowed) {
        let days = perOfficer == perOfficer.rounded() ? "\(Int(perOfficer))" : "\((perOfficer * 10).rounded() / 10)"
        problemOnce(
          location(.annualLeaveDays, own: a.annualLeaveDays != nil),
          """
          \(days) working days of planned leave per officer do not fit in the \
          \(allowed) working days of the run on which the agency works outside the months without leave
          """)
      }
      stations[k].leaveDays = perOfficer
      stations[k].leaveSpell = Swift.min(Swift.max(Int(spell.rounded()), 1), 100)
      stations[k].leaveMonths = mask
    }
    guard let o = a.overtime else { return }
    if o.evening == nil && o.saturday == nil {
      problem(at.with(.overtime), "expected evening or Saturday hours (or no overtime at all)")
    }
    if !(o.backlogAboveDays >= 0) || !(o.capHoursPerMonth >= 0) || !(o.capHoursPerYear >= 0) {
      problem(at.with(.overtime), "expected a backlog and caps >= 0")
    }
    surges.append((k, SurgeHours(base: stations[k].schedule, evening: o.evening, saturday: o.saturday)))
    stations[k].surgeBacklogDays = o.backlogAboveDays
    stations[k].overtimeCapMonth = o.capHoursPerMonth * 3600
    stations[k].overtimeCapYear = o.capHoursPerYear * 3600
  }

  /// A problem, unless the same one is already recorded: a rules' default that does not
  /// fit is reported once, not once per agency taking it.
  mutating func problemOnce(_ at: ProblemLocation, _ text: ProblemText) {
    guard !problems.contains(where: { $0.location == at && $0.text == text }) else { return }
    problem(at, text)
  }

  /// Lays out the surge schedules after every own schedule (so that schedule k below
  /// `openingHours.count` is still `openingHours[k]`), one per distinct surge.
  mutating func compileSurgeSchedules() {
    var index: [SurgeHours: Int] = [:]
    for (k, surge) in surges {
      if let found = index[surge] {
        stations[k].surgeSchedule = found
        continue
      }
      let i = schedules.count
      schedules.append(ResolvedSchedule(surge, base: schedules[surge.base], calendar: calendar))
      surgeHours.append(surge)
      index[surge] = i
      stations[k].surgeSchedule = i
    }
  }
}
