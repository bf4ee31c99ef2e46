import DESKernel

/// The front office of every unit: the desks, the lines of tickets in front of them, the
/// desk groups' opening hours (read lazily) and the desk statistics. One per replication.
///
/// A passive resource shaped like the kernel's `ServerSet`: the flow tells it what
/// happened (a ticket was taken, a desk finished, the hall closes) and it answers what
/// can start (an idle desk, the next ticket to call, when a closed group must wake). It
/// never schedules an event and never sees the dossiers' counters or the trace.
///
/// Desks come in groups (`CompiledModel.deskGroups`) that serve some fields of one unit
/// on one schedule. A ticket waits in the line of its field at its unit (walk-ins and
/// postal dossiers apart), and a free desk calls the oldest ticket among the fields its
/// group serves, so the lines are per unit × field rather than per group, with a bit per
/// non-empty line to skip the empty ones. Each group's desks are a kernel `ServerSet`
/// that starts the services the flow picks (`start(_:on:waited:at:)`), and keeps their
/// waits and busy time; each line is a kernel `WaitingLine` in arrival order.
struct FrontOffice {
  let model: CompiledModel
  let calendar: RunCalendar
  let fieldCount: Int
  /// Walk-in (postal) tickets waiting, per unit × field (`unit * fieldCount + field`).
  var walkLines: StateArray<WaitingLine<Ticket>>
  var postalLines: StateArray<WaitingLine<Ticket>>
  /// Per unit: bit f set when the walk-in (postal) line of field f is not empty.
  var walkWaiting: StateArray<UInt64>
  var postalWaiting: StateArray<UInt64>
  /// Per group: its desks (desk `firstDesk + k` is server k). The group's capacity is all
  /// its desks; whether it may call someone now (open, or in overtime for walk-ins) is
  /// the group's hours'.
  var servers: StateArray<ServerSet<Ticket>>
  /// Per desk: when its current service started, and its group.
  var serviceStart: StateArray<Double>
  let groupOf: [Int32]
  /// Per group: open, or in end-of-day overtime, until `validUntil` (`FrontOffice+Hours`).
  var groupOpen: StateArray<Bool>
  var groupOvertime: StateArray<Bool>
  var validUntil: StateArray<Double>
  /// Instant of the group's pending wake, or -1.
  var wakeAt: StateArray<Double>
  /// The desk statistics, from the end of the warm-up.
  var statistics: Statistics
  /// Per unit × field with a daily quota (`CompiledModel.Access.quota`; empty without
  /// quotas): tickets handed out on day `quotaDay` (`FrontOffice+Access`).
  var quotaUsed: StateArray<Int32>
  var quotaDay: StateArray<Int32>
  /// Appointments (`FrontOffice+Appointments`; empty without them): the slot books, and
  /// per plan the holders waiting, the holders called since the last walk-in, and the
  /// day a noon wake was last planned.
  let usesAppointments: Bool
  var book: SlotBook
  var appointmentLines: StateArray<WaitingLine<Ticket>>
  var streak: StateArray<Int32>
  var noonWakeDay: StateArray<Int32>
  /// Remote tickets (`FrontOffice+Access`; empty without them): per unit × field line, a
  /// ring of the last `callRing` call times and the calls so far.
  let usesRemote: Bool
  var callTimes: StateArray<Double>
  var callCount: StateArray<Int32>

  /// What the desks did, per desk group and per unit: busy and overtime seconds, and
  /// the three terms of Little's law at each unit's desks (citizens there over time,
  /// their time there, tickets), plus the citizens waiting by unit and by hour of day.
  struct Statistics {
    /// Per group: seconds in service after the warm-up, and those outside desk hours.
    var busy: StateArray<Double>
    var overtime: StateArray<Double>
    /// Per unit: citizens at the desks (waiting or served) over time, and their times there.
    var inSystem: StateArray<TimeWeighted>
    var sojourns: StateArray<Tally>
    /// Citizens waiting for a desk (not being served), per unit and in the whole
    /// province by hour of day.
    var queue: StateArray<TimeWeighted>
    var hourQueue: HourOfDayIntegral
    /// Services started while the group was closed and not in overtime: must stay zero.
    var servicesOutsideSchedule = 0

    /// Zeroed statistics from `start`, carrying the citizens present (`inSystem`) and
    /// waiting (`queued`) per unit over a warm-up reset.
    init(_ model: CompiledModel, start: Double, inSystem: [Double]?, queued: [Double]?) {
      busy = StateArray(repeating: 0, count: model.deskGroups.count)
      overtime = StateArray(repeating: 0, count: model.deskGroups.count)
      self.inSystem = StateArray((0..<model.units.count).map { TimeWeighted(start: start, value: inSystem?[$0] ?? 0) })
      sojourns = StateArray(repeating: Tally(), count: model.units.count)
      queue = StateArray((0..<model.units.count).map { TimeWeighted(start: start, value: queued?[$0] ?? 0) })
      hourQueue = HourOfDayIntegral(start: start, value: queued?.reduce(0, +) ?? 0)
    }
  }

  init(_ model: CompiledModel, calendar: RunCalendar) {
    self.model = model
    self.calendar = calendar
    fieldCount = model.fieldCount
    let lineCount = model.units.count * model.fieldCount
    walkLines = StateArray(repeating: WaitingLine(.fifo), count: lineCount)
    postalLines = StateArray(repeating: WaitingLine(.fifo), count: lineCount)
    walkWaiting = StateArray(repeating: 0, count: model.units.count)
    postalWaiting = StateArray(repeating: 0, count: model.units.count)
    servers = StateArray(model.deskGroups.map { ServerSet<Ticket>(servers: $0.count) })
    serviceStart = StateArray(repeating: 0, count: model.deskCount)
    var groupOf = [Int32](repeating: 0, count: model.deskCount)
    for (g, group) in model.deskGroups.enumerated() {
      for d in group.firstDesk..<(group.firstDesk + group.count) { groupOf[d] = Int32(g) }
    }
    self.groupOf = groupOf
    groupOpen = StateArray(repeating: false, count: model.deskGroups.count)
    groupOvertime = StateArray(repeating: false, count: model.deskGroups.count)
    validUntil = StateArray(repeating: .infinity, count: model.deskGroups.count)
    wakeAt = StateArray(repeating: -1, count: model.deskGroups.count)
    statistics = Statistics(model, start: 0, inSystem: nil, queued: nil)
    let quotaCount = model.access.usesQuota ? lineCount : 0
    quotaUsed = StateArray(repeating: 0, count: quotaCount)
    quotaDay = StateArray(repeating: -1, count: quotaCount)
    usesAppointments = model.appointments.isUsed
    book = SlotBook(model, calendar: calendar)
    let plans = model.appointments.plans.count
    appointmentLines = StateArray(repeating: WaitingLine(.fifo), count: plans)
    streak = StateArray(repeating: 0, count: plans)
    noonWakeDay = StateArray(repeating: -1, count: plans)
    usesRemote = model.access.usesRemote
    let ringLines = usesRemote ? lineCount : 0
    callTimes = StateArray(repeating: 0, count: ringLines * Self.callRing)
    callCount = StateArray(repeating: 0, count: ringLines)
    let clock = calendar.reader
    for g in model.deskGroups.indices {
      let schedule = model.deskGroups[g].schedule
      if clock.isOpen(schedule, at: 0) { groupOpen[g] = true }
      validUntil[g] = clock.nextChange(schedule, after: 0)?.time ?? .infinity
    }
  }

  // MARK: - Tickets

  /// A citizen takes a ticket (or a postal dossier reaches the desks): counted at the
  /// unit's desks when a citizen.
  @inline(__always)
  mutating func ticketTaken(_ ticket: Ticket, unit u: Int, at now: Double) {
    guard !ticket.isPostal else { return }
    statistics.inSystem[u].set(statistics.inSystem[u].value + 1, at: now)
  }

  /// An idle desk of group `g` that may call `ticket` now (the group open, or in its
  /// end-of-day overtime for walk-ins), or `nil`.
  @inline(__always)
  mutating func idleDesk(group g: Int, for ticket: Ticket, at now: Double) -> Int? {
    refresh(g, at: now)
    guard mayCall(g, postal: ticket.isPostal) else { return nil }
    if usesAppointments && model.appointments.planOf[g] >= 0 {
      return idleDeskForWalkIn(plan: Int(model.appointments.planOf[g]), group: g, at: now)
    }
    guard let k = servers[g].idleServer() else { return nil }
    return model.deskGroups[g].firstDesk + k
  }

  /// `ticket` waits in the line of its field at unit `u`.
  mutating func enqueue(_ ticket: Ticket, unit u: Int, field: Int, at now: Double) {
    let bit = UInt64(1) << UInt64(field)
    let q = u * fieldCount + field
    if ticket.isPostal {
      postalLines[q].push(ticket)
      postalWaiting[u] |= bit
    } else {
      walkLines[q].push(ticket)
      walkWaiting[u] |= bit
      queueChanged(unit: u, by: 1, at: now)
    }
  }

  /// The next ticket for `desk`: the oldest walk-in ticket among its group's fields, then
  /// (when the group is open, not in overtime) the oldest postal dossier.
  mutating func nextTicket(forDesk desk: Int, at now: Double) -> Ticket? {
    let g = Int(groupOf[desk])
    if usesAppointments && model.appointments.planOf[g] >= 0 {
      return nextTicketWithAppointments(forDesk: desk, plan: Int(model.appointments.planOf[g]), group: g, at: now)
    }
    let u = model.deskGroups[g].unit
    let fields = model.deskGroups[g].fieldMask
    let base = u * fieldCount
    if let f = oldestLine(walkLines, fields & walkWaiting[u], base: base) {
      queueChanged(unit: u, by: -1, at: now)
      if usesRemote { noteCall(unit: u, field: f, at: now) }
      return pop(walkLines, walkWaiting, unit: u, field: f)
    }
    guard groupOpen[g], let f = oldestLine(postalLines, fields & postalWaiting[u], base: base) else { return nil }
    return pop(postalLines, postalWaiting, unit: u, field: f)
  }

  /// The field whose line (among the bits of `mask`) holds the oldest ticket; the first
  /// such field on ties.
  @inline(__always)
  func oldestLine(_ lines: StateArray<WaitingLine<Ticket>>, _ mask: UInt64, base: Int) -> Int? {
    var m = mask
    var best = -1
    var bestTime = Double.infinity
    while m != 0 {
      let f = m.trailingZeroBitCount
      m &= m &- 1
      if let t = lines[base + f].first, t.issuedAt < bestTime {
        best = f
        bestTime = t.issuedAt
      }
    }
    return best >= 0 ? best : nil
  }

  /// Takes the first ticket of the non-empty line of (`u`, `f`) and keeps the line's bit.
  @inline(__always)
  func pop(
    _ lines: StateArray<WaitingLine<Ticket>>, _ waiting: StateArray<UInt64>, unit u: Int, field f: Int
  ) -> Ticket {
    let q = u * fieldCount + f
    let ticket = lines[q].popFirst().unsafelyUnwrapped
    if lines[q].isEmpty { waiting[u] &= ~(UInt64(1) << UInt64(f)) }
    return ticket
  }

  /// Citizens waiting at unit `u` change by `delta`: the time-weighted queue length per
  /// unit and per hour of day.
  @inline(__always)
  mutating func queueChanged(unit u: Int, by delta: Double, at now: Double) {
    statistics.queue[u].set(statistics.queue[u].value + delta, at: now)
    statistics.hourQueue.set(statistics.hourQueue.value + delta, at: now)
  }

  /// At closing (`sendHome`), the next citizen still waiting at unit `u`, in field order,
  /// who leaves the hall unserved; `nil` when the hall is empty.
  mutating func sendHomeNext(unit u: Int, at now: Double) -> Ticket? {
    let m = walkWaiting[u]
    guard m != 0 else { return usesAppointments ? sendHomeNextHolder(unit: u, at: now) : nil }
    let f = m.trailingZeroBitCount
    let ticket = pop(walkLines, walkWaiting, unit: u, field: f)
    queueChanged(unit: u, by: -1, at: now)
    if ticket.outcome != .noAnswer { left(ticket, unit: u, at: now) }
    return ticket
  }

  /// A citizen leaves unit `u`'s desks (served, or sent home).
  @inline(__always)
  mutating func left(_ ticket: Ticket, unit u: Int, at now: Double) {
    statistics.inSystem[u].set(statistics.inSystem[u].value - 1, at: now)
    statistics.sojourns[u].add(now - ticket.issuedAt)
  }

  /// Citizens waiting for the desks of `field` at unit `u` (what a citizen sees on entering).
  @inline(__always)
  func waiting(unit u: Int, field: Int) -> Int { walkLines[u * fieldCount + field].count }

  /// The citizen of dossier `i` leaves the line of `field` at unit `u` before being called
  /// (patience): their ticket, or `nil` when it is no longer in the line.
  mutating func leave(dossier i: Int32, unit u: Int, field: Int, at now: Double) -> Ticket? {
    let q = u * fieldCount + field
    guard let k = walkLines[q].firstPosition(where: { $0.dossier == i && $0.outcome == .none }) else { return nil }
    let ticket = walkLines[q].remove(at: k)
    if walkLines[q].isEmpty { walkWaiting[u] &= ~(UInt64(1) << UInt64(field)) }
    queueChanged(unit: u, by: -1, at: now)
    left(ticket, unit: u, at: now)
    return ticket
  }

  /// `true` when a walk-in or postal ticket waits in a line that group `g` serves.
  @inline(__always)
  func hasWaitingTickets(group g: Int) -> Bool {
    let u = model.deskGroups[g].unit
    if usesAppointments && model.appointments.planOf[g] >= 0
      && !appointmentLines[Int(model.appointments.planOf[g])].isEmpty
    {
      return true
    }
    return (walkWaiting[u] | postalWaiting[u]) & model.deskGroups[g].fieldMask != 0
  }

  // MARK: - Services

  /// `desk` starts serving `ticket` now.
  @inline(__always)
  mutating func start(_ ticket: Ticket, desk: Int, at now: Double) {
    let g = Int(groupOf[desk])
    refresh(g, at: now)
    if !groupOpen[g] && !groupOvertime[g] { statistics.servicesOutsideSchedule += 1 }
    _ = servers[g].start(ticket, on: desk - model.deskGroups[g].firstDesk, waited: now - ticket.issuedAt, at: now)
    serviceStart[desk] = now
  }

  /// `desk` finishes now: returns whom it served, with its busy time (and the part
  /// outside desk hours) counted inside the statistics period.
  @inline(__always)
  mutating func finish(desk: Int, at now: Double) -> Ticket {
    let g = Int(groupOf[desk])
    let ticket = servers[g].finish(server: desk - model.deskGroups[g].firstDesk, at: now)
    if now > model.warmupEnd {
      let from = max(serviceStart[desk], model.warmupEnd)
      statistics.busy[g] += now - from
      let inHours = calendar.reader.openSeconds(model.deskGroups[g].schedule, from: from, to: now)
      statistics.overtime[g] += max(0, now - from - inHours)
    }
    if !ticket.isPostal && ticket.outcome != .noAnswer { left(ticket, unit: model.deskGroups[g].unit, at: now) }
    return ticket
  }

  /// `true` when `desk` is serving.
  @inline(__always)
  func isBusy(desk: Int) -> Bool {
    let g = Int(groupOf[desk])
    return servers[g].isBusy(desk - model.deskGroups[g].firstDesk)
  }

  /// The end of the warm-up: statistics start again from `now`, with the citizens
  /// present and waiting carried over.
  mutating func resetStatistics(at now: Double) {
    statistics = Statistics(
      model, start: now, inSystem: statistics.inSystem.map(\.value),
      queued: statistics.queue.map(\.value))
  }
}
