import DESKernel
import OneStopModel
import Testing
import TestSupport

/// How citizens reach the desks (issue 28): daily ticket quotas, queues before opening,
/// remote tickets with their no-shows, absent calls and several dossiers per visit, each
/// held to exact counts on days built to make them exact.
@Suite struct DeskAccessTests {
  /// One unit open 08:00-17:00 every day with `desks` desks of deterministic
  /// `serviceMinutes`, and `perDay` walk-ins a day spread evenly over the open hours.
  static func officeDay(
    desks: Int, perDay: Double, serviceMinutes: Double, days: Int
  ) throws -> ModelConfiguration {
    var config = ProvinceFixtures.alwaysOpenDesks(
      desks: desks, perHour: perDay / 24, serviceMinutes: serviceMinutes, days: days)
    let day = DailyHours(intervals: [OpenInterval(open: TimeOfDay("08:00")!, close: TimeOfDay("17:00")!)])
    config.units[0].hours = OpeningSchedule(base: WeeklyHours(days: Array(repeating: day, count: 7)))
    config.procedures[0].intakeTime = try .deterministic(serviceMinutes * 60)
    return config
  }

  /// Trace rows by day index.
  static func byDay(_ trace: [TraceRecord]) -> [Int: [TraceRecord]] {
    Dictionary(grouping: trace) { Int($0.time / 86_400) }
  }

  /// A quota of 30 tickets a day against about 100 walk-ins: every day exactly the
  /// first 30 who come get a ticket and every later one is turned away (`over_quota`),
  /// nobody comes back (p_return_after_quota 0), and the counts add up to the visits.
  @Test func quotaHandsOutExactlyItsTickets() throws {
    var config = try Self.officeDay(desks: 4, perDay: 100, serviceMinutes: 5, days: 6)
    config.units[0].desks[0].quota = 30
    config.behaviour.pReturnAfterQuota = 0
    let model = try CompiledModel(config)
    #expect(model.access.quota == [30] && model.access.usesQuota)
    let result = OneStopSimulation.run(model, seed: 11, trace: true)
    var over = 0
    for (day, rows) in Self.byDay(result.trace) {
      let came = rows.filter { $0.event == .submitted }.count
      let tickets = rows.filter { $0.event == .ticket }
      let turned = rows.filter { $0.event == .overQuota }
      #expect(tickets.count == min(30, came), "day \(day): \(tickets.count) tickets for \(came) visits")
      #expect(turned.count == max(0, came - 30), "day \(day)")
      // The quota is first come, first served: every ticket precedes every refusal.
      if let last = tickets.map(\.time).max(), let first = turned.map(\.time).min() { #expect(last <= first) }
      over += turned.count
    }
    #expect(over > 300)
    #expect(result.units[0].access.overQuota == over)
    #expect(Measure.overQuota.total!(result, model) == Double(over))
  }

  /// 40 % of the walk-ins come in the two hours before the 08:00 opening: nobody takes a
  /// ticket before 06:00, the share before 08:00 is 40 % within its interval, the first
  /// call of each day is at 08:00 sharp and the early tickets are called in the order
  /// they were taken; `queue_at_opening` is the early tickets per open day.
  @Test func beforeOpeningQueuesAreServedFirstComeFirstServed() throws {
    var config = try Self.officeDay(desks: 2, perDay: 60, serviceMinutes: 8, days: 8)
    config.units[0].access.beforeOpeningShare = 0.4
    config.units[0].access.beforeOpeningEarliest = 2 * 3600
    let model = try CompiledModel(config)
    let result = OneStopSimulation.run(model, seed: 5, trace: true)
    let tickets = result.trace.filter { $0.event == .ticket }
    let seconds = tickets.map { $0.time.truncatingRemainder(dividingBy: 86_400) }
    #expect(seconds.allSatisfy { $0 >= 6 * 3600 - 1e-6 })
    let early = seconds.filter { $0 < 8 * 3600 }.count
    let share = Double(early) / Double(tickets.count)
    let halfWidth = 3.3 * (0.4 * 0.6 / Double(tickets.count)).squareRoot()
    #expect(abs(share - 0.4) < halfWidth, "share before opening \(share), \(tickets.count) tickets")
    for (day, rows) in Self.byDay(result.trace) {
      let calls = rows.filter { $0.event == .called }
      guard let first = calls.first else { continue }
      #expect(abs(first.time - (Double(day) * 86_400 + 8 * 3600)) < 1e-6, "day \(day): first call at \(first.time)")
      let taken = calls.map { $0.time - Double($0.detail) }.filter { $0 < Double(day) * 86_400 + 8 * 3600 }
      #expect(zip(taken, taken.dropFirst()).allSatisfy { $0 <= $1 + 1 }, "day \(day): early tickets out of order")
    }
    let a = result.units[0].access
    #expect(a.openDays == 8 && a.earlyTickets == early)
    #expect(Measure.queueAtOpening.total!(result, model) == Double(early) / 8)
  }

  /// Remote tickets whose holders never come (`remote_no_show` 1), beside walk-ins in the
  /// hall, traced event by event: each remote ticket is called in turn, found absent
  /// (`no_show`), the desk loses exactly the absent-call time (60 s) before its next call
  /// when someone waits, and the walk-ins' dossiers go on to acceptance.
  @Test func remoteNoShowsCostTheDeskItsAbsentCallTime() throws {
    var config = try Self.officeDay(desks: 1, perDay: 80, serviceMinutes: 5, days: 3)
    config.units[0].access.remoteTicketShare = 0.3
    config.units[0].access.remoteNoShow = 1
    config.behaviour.absentCallTime = try .deterministic(60)
    config.behaviour.pReturnAfterLeaving = 0
    let model = try CompiledModel(config)
    let result = OneStopSimulation.run(model, seed: 3, trace: true)
    let rows = result.trace.filter { [.ticket, .called, .noShow, .accepted, .abandoned].contains($0.event) }
    var noShows = 0
    for (k, row) in rows.enumerated() where row.event == .noShow {
      noShows += 1
      #expect(row.detail == -1)
      // The dossier's life ends there: abandoned at the same instant.
      #expect(rows[(k + 1)...].contains { $0.dossier == row.dossier && $0.event == .abandoned && $0.time == row.time })
      // The desk's next call (a call or another no-show) comes no earlier than 60 s
      // later, and exactly then when a ticket was waiting.
      guard let next = rows[(k + 1)...].first(where: { $0.event == .called || $0.event == .noShow }) else { continue }
      #expect(next.time >= row.time + 60 - 1e-6)
      let waiting = rows[..<k].contains { t in
        t.event == .ticket && t.dossier != row.dossier
          && !rows[..<k].contains { ($0.event == .called || $0.event == .noShow) && $0.dossier == t.dossier }
      }
      if waiting { #expect(abs(next.time - row.time - 60) < 1e-6) }
    }
    let a = result.units[0].access
    #expect(noShows > 20 && a.noShows == noShows && a.absentCalls == noShows)
    #expect(abs(a.absentSeconds - 60 * Double(noShows)) < 1e-6)
    #expect(Measure.deskTimeLost.total!(result, model) == Double(noShows) / 60)
    #expect(result.checks.conservationViolations.isEmpty)
  }

  /// Several dossiers per visit at one 5-minute desk under a permanent queue: a call
  /// whose service accepts k dossiers at once (at its end, when the desk calls the next
  /// ticket) took exactly 5k minutes, none carries more than the cap of 4, and the mean
  /// dossiers per call is E[K] / E[calls per visit] (the dossiers above the cap come
  /// back one per visit) within its interval.
  @Test func aVisitsDossiersAreServedInOneCall() throws {
    var config = try Self.officeDay(desks: 1, perDay: 150, serviceMinutes: 5, days: 4)
    config.units[0].access.dossiersPerVisit = 2.5
    config.units[0].access.maxDossiersPerVisit = 4
    let model = try CompiledModel(config)
    let result = OneStopSimulation.run(model, seed: 9, trace: true)
    let calls = result.trace.filter { $0.event == .called }
    let accepted = Dictionary(grouping: result.trace.filter { $0.event == .accepted }) { $0.time }
    var sizes: [Double] = []
    for (call, next) in zip(calls, calls.dropFirst()) {
      guard let group = accepted[next.time] else { continue }
      sizes.append(Double(group.count))
      #expect(group.count <= 4)
      #expect(abs(next.time - call.time - 300 * Double(group.count)) < 1e-6, "call at \(call.time)")
    }
    #expect(sizes.contains(4) && sizes.contains(1) && sizes.count > 150)
    #expect(result.checks.conservationViolations.isEmpty)
    let q = 1 - 1 / 2.5
    let expected = 2.5 / (1 + 2.5 * q * q * q * q)
    let ci = ConfidenceInterval(sizes, level: 0.999)
    #expect(ci.contains(expected), "mean dossiers per call \(ci), expected \(expected)")
  }

  /// Without any of the settings nothing changes: no desk streams, no desk-access KPIs,
  /// and the unit's and desk group's descriptions (so the scenario hash) as before.
  @Test func unusedSettingsChangeNothing() throws {
    let config = try Self.officeDay(desks: 2, perDay: 50, serviceMinutes: 5, days: 2)
    let model = try CompiledModel(config)
    #expect(!model.access.isUsed && KPI.deskAccess(for: model).isEmpty)
    #expect(!model.randomSources.contains { $0.hasPrefix("desk:") })
    let unit = String(describing: config.units[0]), group = String(describing: config.units[0].desks[0])
    #expect(!unit.contains("access") && !group.contains("quota"))
    var used = config
    used.units[0].desks[0].quota = 10
    used.units[0].access.remoteTicketShare = 0.5
    let usedModel = try CompiledModel(used)
    #expect(usedModel.access.isUsed && !KPI.deskAccess(for: usedModel).isEmpty)
    #expect(usedModel.randomSources.contains("desk:unit:u"))
    #expect(String(describing: used.units[0]) != unit && String(describing: used.units[0].desks[0]) != group)
  }
}
