import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// Back-office rules on the calendar: Saturday work, fixed legal waits and absences.
extension BackOfficeTests {
  // MARK: - 6. Saturday

  /// A walk-in front office open on Saturday (07:00-11:30, 13:30-17:00) whose agency
  /// keeps the same hours: a 30-minute, 5-day dossier accepted on Saturday before 14:00
  /// is handed over, reaches the agency, is worked and resolved the same Saturday
  /// (Decision 19/2022). Arguments: the agency's hours.
  static func saturdayOffice(agencyHours: OpeningSchedule?) -> ModelConfiguration {
    var calendar = CalendarSettings()
    calendar.vietnam = true
    let start = CivilDate(iso: "2022-03-07")!
    return ModelConfiguration(
      name: "saturday", start: start, end: start.adding(days: 28), calendar: calendar, levels: ["only"],
      fields: ["all"],
      units: [
        UnitConfiguration(
          id: "u", level: "only", hours: withSaturday, desks: [DeskGroupConfiguration(id: "d", count: 3)],
          onlineIntakeOfficers: 0)
      ],
      agencies: [AgencyConfiguration(id: "A@u", unit: "u", officers: 3, hours: agencyHours)],
      procedures: [
        procedure("p", deadline: .workingDays(5), steps: [.init(place: .agency("A@u"), work: try! .deterministic(0.5))])
      ],
      demand: [
        DemandConfiguration(
          unit: "u", annualVolume: 3000, mix: [("p", 1)], onlineShare: .constant(0),
          onlineReturnShare: 1, weekdayFactors: [1, 1, 1, 1, 1, 1, 0])
      ])
  }

  static func saturdayAcceptances(_ r: RunResult, _ model: CompiledModel) -> [(accepted: Double, rows: [TraceRecord])] {
    Self.byDossier(r).values.compactMap { rows in
      guard let a = rows.first(where: { $0.event == .accepted }), Self.weekday(a.time, model) == 6,
        a.time - Double(Self.day(a.time)) * 86_400 < 14 * 3600
      else { return nil }
      return (a.time, rows)
    }
  }

  @Test func aSaturdayDossierIsResolvedTheSameSaturday() throws {
    let model = try CompiledModel(Self.saturdayOffice(agencyHours: nil))
    let r = OneStopSimulation.run(model, seed: 2, trace: true)
    let saturdays = Self.saturdayAcceptances(r, model)
    #expect(saturdays.count >= 5, "walk-ins accepted on Saturday before 14:00: \(saturdays.count)")
    for (accepted, rows) in saturdays {
      for event in [TraceEvent.handedOver, .reachedAgency, .workStarted, .resolved] {
        let row = rows.first { $0.event == event }
        #expect(
          row.map { Self.day($0.time) } == Self.day(accepted),
          "accepted \(Self.date(accepted, model)): \(event.name) on \(row.map { Self.date($0.time, model) } ?? "never")"
        )
      }
    }
  }

  /// The same office with a weekday-only agency: paper accepted on Saturday reaches the
  /// agency on Monday at its opening (the doc comment of `paperArrival`: "a weekday-only
  /// agency gets it on Monday"), and is worked that Monday.
  @Test func aWeekdayAgencyGetsSaturdayPaperOnMonday() throws {
    let model = try CompiledModel(Self.saturdayOffice(agencyHours: .standardOffice))
    let r = OneStopSimulation.run(model, seed: 2, trace: true)
    // Saturdays whose Monday lies inside the run.
    let saturdays = Self.saturdayAcceptances(r, model).filter { Self.day($0.accepted) + 2 < model.horizonDays }
    #expect(saturdays.count >= 5)
    for (accepted, rows) in saturdays {
      let monday = Double(Self.day(accepted) + 2) * 86_400
      let reached = rows.first { $0.event == .reachedAgency }
      #expect(
        reached?.time == monday + 7 * 3600,
        """
          accepted \(Self.date(accepted, model)) at \(accepted): reached the agency on \
          \(reached.map { Self.date($0.time, model) } ?? "never") at \(reached?.time ?? -1), expected Monday 07:00 \
          (\(monday + 7 * 3600))
          """
      )
      let started = rows.first { $0.event == .workStarted }
      #expect(
        started.map { Self.day($0.time) } == Self.day(monday),
        "work started \(started.map { Self.date($0.time, model) } ?? "never")")
    }
  }

  // MARK: - 7. Fixed legal wait

  /// A posting step: 1 h of work, then 15 calendar days in which nobody works, then a
  /// second 1 h step at the same agency. Online dossiers move at once, so the second
  /// step reaches the agency exactly 15 days after the end of the first step's work (the
  /// end computed in the agency's working time). Whether the wait counts for the
  /// 6-working-day deadline: counted, every dossier is overdue and keeps its due day;
  /// not counted, the due day moves by the working days the wait covers (the 2022
  /// calendar: Hung Kings day, 30 April - 3 May) and every dossier is on time.
  @Test(arguments: [true, false])
  func aFixedWaitDelaysTheNextStepAndMovesTheDueDate(counts: Bool) throws {
    let model = try CompiledModel(
      Self.onlineProvince(
        agencies: [AgencyConfiguration(id: "A@u", unit: "u", officers: 2, hours: .standardOffice)],
        procedures: [
          Self.procedure(
            "posting", deadline: .workingDays(6),
            steps: [
              .init(
                place: .agency("A@u"), work: try .deterministic(1),
                fixedWait: FixedWait(days: 15, calendarDays: true, countsForDeadline: counts)),
              .init(place: .agency("A@u"), work: try .deterministic(1)),
            ])
        ], perDay: 2, start: "2022-04-04", days: 56, vietnam: true))
    let r = OneStopSimulation.run(model, seed: 8, trace: true)
    let k = Self.station("A@u", model)
    let schedule = model.resolvedSchedule(model.stations[k].schedule)
    var checked = 0, resolvedCount = 0
    for (serial, rows) in Self.byDossier(r) {
      guard let s0 = rows.first(where: { $0.event == .workStarted && $0.step == 0 && Int($0.station) == k }) else {
        continue
      }
      let workEnd = schedule.addingWorkingTime(3600, to: s0.time)
      guard let next = rows.first(where: { $0.event == .reachedAgency && $0.step == 1 && Int($0.station) == k }) else {
        continue
      }
      checked += 1
      #expect(next.time - workEnd >= 15 * 86_400 - 1e-6)
      #expect(
        abs(next.time - (workEnd + 15 * 86_400)) < 1e-6,
        "dossier \(serial): second step reached \(next.time), work ended \(workEnd)")
      guard let resolved = rows.first(where: { $0.event == .resolved }),
        let accepted = rows.first(where: { $0.event == .accepted })
      else { continue }
      resolvedCount += 1
      let covered = model.calendar.workingDays(
        after: model.epochDay + Self.day(workEnd),
        through: model.epochDay + Self.day(workEnd + 15 * 86_400))
      let moved = model.calendar.addingWorkingDays(covered, to: model.epochDay + Int(accepted.dueDay)) - model.epochDay
      if counts {
        #expect(resolved.dueDay == accepted.dueDay)
        #expect(resolved.detail == 0, "dossier \(serial) on time although the wait alone exceeds the deadline")
      } else {
        #expect(covered >= 8)
        #expect(
          resolved.dueDay == Int32(moved),
          """
            dossier \(serial): due \(resolved.dueDay), expected \(moved) (\(covered) working days later than \
            \(accepted.dueDay))
            """
        )
        #expect(resolved.detail == 1, "dossier \(serial) overdue although the wait does not count")
      }
    }
    #expect(checked > 40 && resolvedCount > 30, "checked \(checked), resolved \(resolvedCount)")
  }

  // MARK: - 8. Absences

  /// Ten officers at about 75 % load for a year, 40 absence days a year (single days) vs
  /// none, same seed: the share of officer time lost is 40 / working days of the year
  /// within four standard errors of a binomial share over the officer-days, mean waits
  /// are higher with absences, and `rules.officerAbsenceDays` gives the same run as the
  /// agency's own `absenceDays`.
  @Test func absencesTakeTheirShareOfCapacity() throws {
    func config(agencyDays: Double?, ruleDays: Double) -> ModelConfiguration {
      var c = Self.onlineProvince(
        agencies: [
          AgencyConfiguration(id: "A@u", unit: "u", officers: 10, hours: .standardOffice, absenceDays: agencyDays)
        ],
        procedures: [Self.procedure("p", steps: [.init(place: .agency("A@u"), work: try! .deterministic(1))])],
        perDay: 43, start: "2022-01-03", days: 364)
      c.rules.officerAbsenceDays = ruleDays
      return c
    }
    let away = try CompiledModel(config(agencyDays: 40, ruleDays: 0))
    let none = try CompiledModel(config(agencyDays: 0, ruleDays: 40))
    let byRule = try CompiledModel(config(agencyDays: nil, ruleDays: 40))
    let a = OneStopSimulation.run(away, seed: 5), b = OneStopSimulation.run(none, seed: 5),
      c = OneStopSimulation.run(byRule, seed: 5)
    let k = Self.station("A@u", away)
    let workingDays = away.calendar.workingDays(after: away.epochDay - 1, through: away.epochDay + 364)
    let p = 40 / Double(workingDays)
    let officerDays = Double(10 * away.calendar.workingDays(after: away.epochDay - 1, through: away.epochDay + 363))
    let tolerance = 4 * (p * (1 - p) / officerDays).squareRoot()
    let share = a.stations[k].absentSeconds / a.stations[k].availableSeconds
    #expect(abs(share - p) < tolerance, "absent share \(share), expected \(p) ± \(tolerance)")
    #expect(b.stations[k].absentSeconds == 0)
    #expect(
      a.stations[k].waits.mean > 1.2 * b.stations[k].waits.mean,
      "mean wait with absences \(a.stations[k].waits.mean / 3600) h, without \(b.stations[k].waits.mean / 3600) h")
    #expect(c.stations[k].absentSeconds == a.stations[k].absentSeconds)
    #expect(c.cells == a.cells)
  }
}
