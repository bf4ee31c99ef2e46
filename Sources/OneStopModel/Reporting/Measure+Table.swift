import DESKernel

/// The table of measures: every measure of the result files, named once with its unit and
/// its computation at each scope it exists at. `all` is the report order of the KPIs
/// (`summary.json`'s `kpis`, `replications.csv`); a measure's name is spelled here and
/// nowhere else (`MeasureNameTests` fails on a stray literal).
extension Measure {
  // MARK: - Dossiers

  public static let received = counted("received", .dossiers, at: [.total, .level, .unit, .agency, .field]) {
    Double($0.received)
  }
  public static let receivedNew = counted(
    "received_new", .dossiers, at: [.total, .agency, .field],
    month: {
      Double($0.receivedNew)
    }
  ) { Double($0.receivedNew) }
  /// Walk-in dossiers received at a level's units.
  public static let receivedWalkIn = Measure(
    "received_walk_in", .dossiers,
    level: { r, m, l in
      Double(r.total { u, _, c in m.units[u].level == l && c == .walkIn }.receivedNew)
    })
  /// First contacts of walk-in dossiers at a level's units.
  public static let firstContactsWalkIn = Measure(
    "first_contacts_walk_in", .visits,
    level: { r, m, l in
      Double(r.total { u, _, c in m.units[u].level == l && c == .walkIn }.arrivals)
    })
  public static let carriedOver = counted("carried_over", .dossiers, at: [.total]) { Double($0.carriedOver) }
  public static let resolvedOnTime = counted(
    "resolved_on_time", .dossiers, at: [.total],
    month: {
      Double($0.resolvedOnTime)
    }
  ) { Double($0.resolvedOnTime) }
  public static let resolvedOverdue = counted(
    "resolved_overdue", .dossiers, at: [.total, .level, .unit, .agency, .field], month: { Double($0.resolvedOverdue) }
  ) { Double($0.resolvedOverdue) }
  public static let inProgressEnd = counted(
    "in_progress_end", .dossiers, at: [.total, .agency],
    month: {
      Double($0.inProgressEnd)
    }
  ) { Double($0.inProgressEnd) }
  public static let carriedOverOverdue = counted("carried_over_overdue", .dossiers, at: [.total]) {
    Double($0.carriedOverOverdue)
  }
  public static let withdrawn = counted("withdrawn", .dossiers, at: [.total]) { Double($0.withdrawn) }
  public static let refused = counted("refused", .dossiers, at: [.total]) { Double($0.refused) }
  public static let abandoned = counted("abandoned", .dossiers, at: [.total]) { Double($0.abandoned) }
  public static let onTimeRateOfReceived = counted(
    "on_time_rate_of_received", .percent, at: [.total, .level, .unit, .agency, .field]
  ) { 100 * $0.onTimeRateOfReceived }
  public static let onTimeRateOfResolved = counted("on_time_rate_of_resolved", .percent, at: [.total, .level, .field]) {
    100 * $0.onTimeRateOfResolved
  }
  public static let overdueRateOfReceived = counted(
    "overdue_rate_of_received", .percent, at: [.total, .unit, .agency]
  ) { 100 * $0.overdueRateOfReceived }
  public static let apologies = counted(
    "apologies", .letters, at: [.total, .level, .unit, .agency, .field], month: { Double($0.apologies) }
  ) { Double($0.apologies) }
  /// Apologies sent in time (R11: at the watch, `apology_lead` working days before the
  /// due day), and at the end of the due day: not pooled (added after the pooled table).
  public static let apologiesOnTime = counted(
    "apologies_on_time", .letters, at: [.total, .level, .unit, .agency, .field], month: { Double($0.apologiesOnTime) },
    pooled: false
  ) { Double($0.apologiesOnTime) }
  public static let apologiesLate = counted(
    "apologies_late", .letters, at: [.total, .level, .unit, .agency, .field], month: { Double($0.apologiesLate) },
    pooled: false
  ) { Double($0.apologiesLate) }
  /// Paper dossiers digitised at intake (R24), counted when accepted: not pooled.
  public static let digitised = counted(
    "digitised", .dossiers, at: [.total, .level, .unit, .agency, .field], month: { Double($0.digitised) },
    pooled: false
  ) { Double($0.digitised) }
  public static let supplementRequests = counted("supplement_requests", .dossiers, at: [.total]) {
    Double($0.supplementRequests)
  }

  // MARK: - Desks

  public static let deskWaitMean = Measure(
    "desk_wait_mean", .minutes, total: { r, _ in r.allWaits.mean / 60 },
    level: { r, _, l in r.levels[l].waits.mean / 60 }, unit: { r, _, u in r.units[u].waits.mean / 60 },
    desk: { r, _, g in r.deskGroups[g].waits.mean / 60 }, month: { $0.waits.mean / 60 },
    hour: { $0.waits.count > 0 ? $0.waits.mean / 60 : nil })
  public static let deskWaitP50 = waitQuantile("desk_wait_p50", 0.5, level: { $0.p50 })
  public static let deskWaitP90 = waitQuantile("desk_wait_p90", 0.9, level: { $0.p90 })
  public static let deskWaitP99 = waitQuantile("desk_wait_p99", 0.99, level: { $0.p99 })
  public static let servedSameDay = Measure(
    "served_same_day", .percent, total: { r, _ in 100 * r.servedSameDay { _ in true } },
    level: { r, m, l in 100 * r.servedSameDay { m.units[$0].level == l } },
    unit: { r, _, u in 100 * r.servedSameDay { $0 == u } },
    hour: { $0.waits.count > 0 ? 100 * $0.waits.sameDayShare : nil })
  public static let visitsPerDossier = Measure(
    "visits_per_dossier", .visits,
    total: { r, _ in
      r.totals.visitsPerReturnedDossier.mean
    })
  public static let turnedAway = Measure(
    "turned_away", .visits, total: { r, _ in Double(r.totals.turnedAway) },
    level: { r, m, l in
      Double(m.units.indices.reduce(0) { $0 + (m.units[$1].level == l ? r.units[$1].turnedAway : 0) })
    },
    unit: { r, _, u in Double(r.units[u].turnedAway) })
  public static let sentHome = Measure(
    "sent_home", .visits, total: { r, _ in Double(r.totals.sentHome) },
    unit: { r, _, u in Double(r.units[u].sentHome) })
  public static let wastedPickupVisits = Measure(
    "wasted_pickup_visits", .visits,
    total: { r, _ in
      Double(r.totals.wastedPickupVisits)
    })
  public static let deskUtilisation = Measure(
    "desk_utilisation", .percent,
    total: { r, _ in
      let busy = r.deskGroups.reduce(0) { $0 + $1.busySeconds }, open = r.deskGroups.reduce(0) { $0 + $1.openSeconds }
      return open > 0 ? 100 * busy / open : 0
    },
    desk: { r, m, g in
      let halves = m.staggerHalves(of: g)
      let busy = halves.reduce(0) { $0 + r.deskGroups[$1].busySeconds }
      let open = halves.reduce(0) { $0 + r.deskGroups[$1].openSeconds }
      return open > 0 ? 100 * busy / open : 0
    })
  public static let deskQueueLength = Measure(
    "desk_queue_length", .citizens, total: { r, _ in r.units.reduce(0) { $0 + $1.queueLength } },
    unit: { r, _, u in r.queueLengths[u] },
    hour: { $0.openDays > 0 ? $0.queueIntegral / (3600 * Double($0.openDays)) : nil })
  public static let busyDeskStaff = Measure(
    "busy_desk_staff", .staff, total: { r, model in r.busyDesks(model: model).reduce(0, +) },
    unit: { r, model, u in r.busyDesks(model: model)[u] })
  /// Tickets issued (no whole-run KPI: `received` and `first_contacts_walk_in` count the
  /// province's demand).
  public static let tickets = Measure(
    "tickets", .visits, level: { r, m, l in Double(r.tickets(level: l, model: m)) },
    unit: { r, _, u in Double(r.units[u].ticketsIssued) }, month: { Double($0.tickets) },
    hour: { Double($0.waits.count) })

  // MARK: - Back offices, channels, events

  public static let busyOfficers = Measure(
    "busy_officers", .officers,
    total: { r, model in
      r.busyOfficers(model: model).enumerated().filter { !model.stations[$0.offset].isOnlineIntake }
        .reduce(0) { $0 + $1.element }
    })
  public static let deskOvertime = Measure(
    "desk_overtime", .hours,
    total: { r, _ in
      r.deskGroups.reduce(0) { $0 + $1.overtimeSeconds } / 3600
    },
    desk: { r, m, g in m.staggerHalves(of: g).reduce(0) { $0 + r.deskGroups[$1].overtimeSeconds } / 3600 })
  public static let officerUtilisation = Measure(
    "officer_utilisation", .percent,
    total: { r, model in
      let busy = zip(model.stations, r.stations).filter { !$0.0.isOnlineIntake }.reduce(0) { $0 + $1.1.busySeconds }
      let open = zip(model.stations, r.stations).filter { !$0.0.isOnlineIntake }.reduce(0) {
        $0 + $1.1.availableSeconds
      }
      return open > 0 ? 100 * busy / open : 0
    })
  public static let postalIn = Measure("postal_in", .dossiers, total: { r, _ in Double(r.totals.postalIn) })
  public static let postalOut = Measure("postal_out", .results, total: { r, _ in Double(r.totals.postalOut) })
  public static let onlineIn = Measure(
    "online_in", .dossiers, total: { r, _ in Double(r.totals.onlineIn) }, month: { Double($0.onlineIn) })
  public static let onlineShareOfReceived = Measure(
    "online_share_of_received", .percent,
    total: { r, _ in
      let t = r.total()
      return t.receivedNew > 0 ? 100 * Double(r.totals.onlineIn) / Double(t.receivedNew) : 0
    },
    level: { r, m, l in onlineShare(r) { u, _ in m.units[u].level == l } },
    agency: { r, m, a in onlineShare(r) { _, p in m.names.procedures[p].owner == a } },
    field: { r, m, f in onlineShare(r) { _, p in m.procedures[p].field == f } },
    month: { 100 * $0.onlineShare })
  public static let daysToResolveWalkIn = Measure(
    "days_to_resolve_walk_in", .days,
    total: { r, _ in
      r.totals.endToEndDays[0].mean
    })
  public static let daysToResolvePostal = Measure(
    "days_to_resolve_postal", .days,
    total: { r, _ in
      r.totals.endToEndDays[1].mean
    })
  public static let daysToResolveOnline = Measure(
    "days_to_resolve_online", .days,
    total: { r, _ in
      r.totals.endToEndDays[2].mean
    })
  public static let events = Measure("events", .events, total: { r, _ in Double(r.events) })

  // MARK: - Desk access (issue 28; `Measure+Access.swift`)

  public static let leftLine = access("left_line", .visits) { r, units in
    Double(units.reduce(0) { $0 + r.units[$1].leftLine })
  }
  public static let balked = access("balked", .visits) { r, units in
    Double(units.reduce(0) { $0 + r.units[$1].balked })
  }
  public static let overQuota = access("over_quota", .visits) { $0.sum($1, \.overQuota) }
  public static let remoteTickets = access("remote_tickets", .visits) { $0.sum($1, \.remoteTickets) }
  public static let noShows = access("no_shows", .visits) { $0.sum($1, \.noShows) }
  public static let absentCalls = access("absent_calls", .visits) { $0.sum($1, \.absentCalls) }
  /// Desk hours spent calling tickets nobody answered.
  public static let deskTimeLost = access("desk_time_lost", .hours) { r, units in
    units.reduce(0) { $0 + r.units[$1].access.absentSeconds } / 3600
  }
  /// Citizens in the hall at opening: tickets taken before the doors opened, per open
  /// day of the unit, summed over the units.
  public static let queueAtOpening = access("queue_at_opening", .citizens) { r, units in
    units.reduce(0) { s, u in
      let a = r.units[u].access
      return s + (a.openDays > 0 ? Double(a.earlyTickets) / Double(a.openDays) : 0)
    }
  }
  /// Visits a walk-in dossier took until accepted at the desk (its own and those that
  /// found the quota gone, the line too long, or left).
  public static let visitsPerAccepted = access("visits_per_accepted", .visits) { r, units in
    let n = r.sum(units, \.accepted)
    return n > 0 ? r.sum(units, \.acceptedVisits) / n : 0
  }
  /// Days from a walk-in dossier's first visit to its acceptance.
  public static let daysToAcceptance = access("days_to_acceptance", .days) { r, units in
    let n = r.sum(units, \.accepted)
    return n > 0 ? units.reduce(0) { $0 + r.units[$1].access.acceptanceDays } / n : 0
  }
  /// Mean wait in the hall of remote ticket holders (arrival to call), and of the others.
  public static let deskWaitMeanRemote = access("desk_wait_mean_remote", .minutes) { r, units in
    var t = Tally()
    for u in units { t.merge(r.units[u].access.remoteWaits) }
    return t.mean / 60
  }
  public static let deskWaitMeanHall = access("desk_wait_mean_hall", .minutes) { r, units in
    var n = 0, sum = 0.0
    for u in units {
      let w = r.units[u].waits, remote = r.units[u].access.remoteWaits
      n += w.count - remote.count
      sum += w.mean * Double(w.count) - remote.sum
    }
    return n > 0 ? sum / Double(n) / 60 : 0
  }

  /// The measures above, in report order.
  public static let deskAccess: [Measure] = [
    leftLine, balked, overQuota, remoteTickets, noShows, absentCalls, deskTimeLost, queueAtOpening,
    visitsPerAccepted, daysToAcceptance, deskWaitMeanRemote, deskWaitMeanHall,
  ]

  // MARK: - Appointments (issue 28, item 4; `Measure+Appointments.swift`)

  /// Citizens who asked for a slot, those who booked one, and the booked share of the
  /// new walk-in citizens offered a booking.
  public static let appointmentsSought = appointment("appointments_sought", .visits) { _, a, _ in Double(a.sought) }
  public static let appointmentsBooked = appointment("appointments_booked", .visits) { _, a, _ in Double(a.booked) }
  public static let bookedShare = appointment("booked_share", .percent) { _, a, _ in
    a.offered > 0 ? 100 * Double(a.booked) / Double(a.offered) : 0
  }
  /// Access time: days from asking to the first free slot (the horizon plus one when
  /// none was free), mean and 90th percentile.
  public static let accessDaysMean = appointment("access_days_mean", .days) { _, a, _ in a.accessDays.mean }
  public static let accessDaysP90 = appointment("access_days_p90", .days) { _, a, _ in a.accessQuantile(0.9) }
  /// Mean wait in the hall of appointment holders (arrival to call), and of everybody else.
  public static let deskWaitMeanAppointment = appointment("desk_wait_mean_appointment", .minutes) { _, a, _ in
    a.waits.mean / 60
  }
  public static let deskWaitMeanWalkIn = appointment("desk_wait_mean_walk_in", .minutes) { r, a, units in
    var n = 0, sum = 0.0
    for u in units {
      let w = r.units[u].waits
      n += w.count
      sum += w.mean * Double(w.count)
    }
    n -= a.waits.count
    return n > 0 ? (sum - a.waits.sum) / Double(n) / 60 : 0
  }
  public static let appointmentNoShows = appointment("appointment_no_shows", .visits) { _, a, _ in
    Double(a.noShows)
  }
  public static let lateCancellations = appointment("late_cancellations", .visits) { _, a, _ in
    Double(a.lateCancelled)
  }
  /// Citizens whose first free slot was too far: walked in instead, or gave up the dossier.
  public static let walkedInInstead = appointment("walked_in_instead", .visits) { _, a, _ in Double(a.walkedIn) }
  public static let gaveUp = appointment("gave_up", .visits) { _, a, _ in Double(a.gaveUp) }

  /// The measures above, in report order.
  public static let appointments: [Measure] = [
    appointmentsSought, appointmentsBooked, bookedShare, accessDaysMean, accessDaysP90, deskWaitMeanAppointment,
    deskWaitMeanWalkIn,
    appointmentNoShows, lateCancellations, walkedInInstead, gaveUp,
  ]

  // MARK: - Service index (Decision 766)

  /// The parts of the score card (docs/results.md, "Service index"), in card order.
  public static let index766Parts: [Index766Part] = [
    Index766Part("index766_total", .points) { s, _ in s.total },
    Index766Part("index766_computed", .points) { s, _ in s.computed },
    Index766Part("index766_transparency", .points) { s, _ in s.transparency },
    Index766Part("index766_timeliness", .points) { s, _ in s.timeliness },
    Index766Part("index766_online", .points) { s, _ in s.online },
    Index766Part("index766_payment", .points) { s, _ in s.payment },
    Index766Part("index766_digitisation", .points) { s, _ in s.digitisation },
    Index766Part("index766_satisfaction", .points) { s, _ in s.satisfaction },
    Index766Part("index766_on_time", .percent) { s, _ in s.onTime },
    Index766Part("index766_true_on_time", .percent) { s, _ in s.trueOnTime },
    Index766Part("index766_judged", .dossiers) { _, c in Double(c.judged) },
    Index766Part("index766_late", .dossiers) { _, c in Double(c.late) },
    Index766Part("index766_open_late", .dossiers) { _, c in Double(c.openLate) },
    Index766Part("index766_late_receptions", .dossiers) { _, c in Double(c.lateReceptions) },
    Index766Part("index766_multiple_supplements", .dossiers) { _, c in Double(c.multipleSupplements) },
  ]
  /// The parts as measures (`Measure(index766:)`): not pooled.
  public static let index766: [Measure] = index766Parts.map { Measure(index766: $0) }

  /// Boundary-free filing (`Measure.boundaryFree(_:_:)`): not pooled.
  public static let boundaryFree: [Measure] = [
    boundaryFree("received_away") { $0.receivedAway },
    boundaryFree("decided_for_others") { $0.decidedForOthers },
    boundaryFree("charged_on_time") { $0.chargedOnTime },
    boundaryFree("charged_overdue") { $0.chargedOverdue },
  ]

  /// Every measure, in report order (the order of `KPI.all` and of the scope lists).
  public static let all: [Measure] = [
    received, receivedWalkIn, firstContactsWalkIn, receivedNew, carriedOver, resolvedOnTime, resolvedOverdue,
    inProgressEnd, carriedOverOverdue, withdrawn, refused, abandoned, onTimeRateOfReceived, onTimeRateOfResolved,
    overdueRateOfReceived, apologies, apologiesOnTime, apologiesLate, digitised, supplementRequests, deskWaitMean,
    deskWaitP50, deskWaitP90, deskWaitP99,
    servedSameDay, visitsPerDossier,
    turnedAway, sentHome, wastedPickupVisits, deskUtilisation, deskQueueLength, busyDeskStaff, tickets, busyOfficers,
    deskOvertime, officerUtilisation, postalIn, postalOut, onlineIn, onlineShareOfReceived, daysToResolveWalkIn,
    daysToResolvePostal, daysToResolveOnline, events,
  ] + deskAccess + appointments + index766 + boundaryFree

  /// A desk-wait quantile: of every wait over the run, of a unit's, of an hour's, and of a
  /// level's own histogram (`level`, not an average of its units).
  private static func waitQuantile(
    _ name: String, _ q: Double, level: @escaping @Sendable (WaitDigest) -> Double
  ) -> Measure {
    Measure(
      name, .minutes, total: { r, _ in r.allWaits.quantile(q) / 60 },
      level: { r, _, l in level(r.levels[l].waits) / 60 },
      unit: { r, _, u in r.units[u].waits.quantile(q) / 60 },
      desk: { r, _, g in r.deskGroups[g].waits.quantile(q) / 60 },
      hour: { $0.waits.count > 0 ? $0.waits.quantile(q) / 60 : nil })
  }

  /// Online share (%) of the new dossiers of the cells `include` selects (unit, procedure).
  private static func onlineShare(_ r: RunResult, _ include: (Int, Int) -> Bool) -> Double {
    let all = r.total { u, p, _ in include(u, p) }.receivedNew
    return all > 0 ? 100 * Double(r.total { u, p, c in include(u, p) && c == .online }.receivedNew) / Double(all) : 0
  }
}
