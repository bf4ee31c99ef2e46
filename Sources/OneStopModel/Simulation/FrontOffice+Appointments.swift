import DESKernel

extension FrontOffice {
  // MARK: - Appointments beside the walk-ins (issue 28, item 4)
  //
  // A desk group that keeps appointments (plan `p`, `CompiledModel.Appointments`) has a
  // line of its own for the holders who came, beside the unit's walk-in lines; its first
  // `reserved` desks are the reserved ones. Which desk may call which line, and in which
  // order, is decided here; the slots are `book`'s.

  /// `true` when `desk` (the `k`-th of plan `p`'s group) may call a walk-in or a postal
  /// dossier now: always at a desk that is not reserved; at a reserved desk, by the
  /// walk-in policy (no holder due within the release for `separate_desks` and
  /// `standby`, from noon for `afternoons_only`).
  @inline(__always)
  mutating func walkInAllowed(plan p: Int, desk k: Int, at now: Double) -> Bool {
    let plan = model.appointments.plans[p]
    guard k < plan.reserved else { return true }
    switch plan.walkIns {
    case .fillGaps: return true
    case .separateDesks, .standby: return !book.holderDue(plan: p, by: now + plan.release, at: now)
    case .afternoonsOnly: return now - Double(calendar.day(now)) * 86_400 >= SlotBook.noon
    }
  }

  /// `true` when the `k`-th desk of plan `p`'s group may call an appointment holder:
  /// any desk, except the walk-in desks of `separate_desks`.
  @inline(__always)
  func appointmentAllowed(plan p: Int, desk k: Int) -> Bool {
    let plan = model.appointments.plans[p]
    return plan.walkIns != .separateDesks || k < plan.reserved
  }

  /// An idle desk of plan `p`'s group that may call a walk-in now (the walk-in desks
  /// first: the last desks), or `nil`.
  mutating func idleDeskForWalkIn(plan p: Int, group g: Int, at now: Double) -> Int? {
    let first = model.deskGroups[g].firstDesk
    var k = model.deskGroups[g].count - 1
    while k >= 0 {
      if !servers[g].isBusy(k) && walkInAllowed(plan: p, desk: k, at: now) { return first + k }
      k -= 1
    }
    return nil
  }

  /// An idle desk of plan `p`'s group, open now, that may call an appointment holder
  /// (the reserved desks first), or `nil`.
  mutating func idleDeskForAppointment(plan p: Int, at now: Double) -> Int? {
    let g = model.appointments.plans[p].group
    refresh(g, at: now)
    guard mayCall(g, postal: false) else { return nil }
    for k in 0..<model.deskGroups[g].count where !servers[g].isBusy(k) && appointmentAllowed(plan: p, desk: k) {
      return model.deskGroups[g].firstDesk + k
    }
    return nil
  }

  /// An appointment holder waits in plan `p`'s line at unit `u`.
  mutating func enqueueAppointment(_ ticket: Ticket, plan p: Int, unit u: Int, at now: Double) {
    appointmentLines[p].push(ticket)
    queueChanged(unit: u, by: 1, at: now)
  }

  /// The next ticket for `desk` of plan `p`'s group: a holder or a walk-in (or postal
  /// dossier), each where the desk may call it, in the plan's call order (appointments
  /// first, or `k` holders for each walk-in).
  mutating func nextTicketWithAppointments(forDesk desk: Int, plan p: Int, group g: Int, at now: Double) -> Ticket? {
    let k = desk - model.deskGroups[g].firstDesk
    let u = model.deskGroups[g].unit
    let holder = appointmentAllowed(plan: p, desk: k) && !appointmentLines[p].isEmpty
    let walkIns = walkInAllowed(plan: p, desk: k, at: now)
    let fields = model.deskGroups[g].fieldMask
    let walk = walkIns ? oldestLine(walkLines, fields & walkWaiting[u], base: u * fieldCount) : nil
    let kPer = model.appointments.plans[p].k
    if holder && (walk == nil || kPer == 0 || streak[p] < Int32(kPer)) {
      streak[p] += 1
      queueChanged(unit: u, by: -1, at: now)
      return appointmentLines[p].popFirst()
    }
    if let f = walk {
      streak[p] = 0
      queueChanged(unit: u, by: -1, at: now)
      if usesRemote { noteCall(unit: u, field: f, at: now) }
      return pop(walkLines, walkWaiting, unit: u, field: f)
    }
    guard walkIns, groupOpen[g], let f = oldestLine(postalLines, fields & postalWaiting[u], base: u * fieldCount)
    else { return nil }
    return pop(postalLines, postalWaiting, unit: u, field: f)
  }

  /// At closing (`sendHome`), the next appointment holder still waiting at unit `u`,
  /// who leaves unserved; `nil` when none is.
  mutating func sendHomeNextHolder(unit u: Int, at now: Double) -> Ticket? {
    for g in model.units[u].deskGroups {
      let p = Int(model.appointments.planOf[g])
      guard p >= 0, let ticket = appointmentLines[p].popFirst() else { continue }
      queueChanged(unit: u, by: -1, at: now)
      left(ticket, unit: u, at: now)
      return ticket
    }
    return nil
  }

  /// When plan `p`'s group, with walk-ins waiting before noon under `afternoons_only`,
  /// must wake to let its reserved desks call them: noon today, once a day (`nil` when
  /// planned already or not needed).
  mutating func noonWake(plan p: Int, at now: Double) -> Double? {
    guard model.appointments.plans[p].walkIns == .afternoonsOnly else { return nil }
    let day = calendar.day(now)
    let noon = Double(day) * 86_400 + SlotBook.noon
    guard now < noon, noonWakeDay[p] != Int32(day) else { return nil }
    noonWakeDay[p] = Int32(day)
    return noon
  }
}
