import DESKernel

// The configuration's structs, each with the fields its `customMirror` shows (or, without
// one, its stored properties in declaration order), as `HashTextWriter` describes. A field
// added to a struct without a custom mirror changes `String(describing:)`, and so must be
// added here too: `HashTextTests` fails until it is.

extension ModelConfiguration: HashTextWritable {
  /// The text of `String(describing: self)`, the input of a scenario's hash.
  public var hashText: String { hashTextWriter().text }

  /// A writer holding `hashText`, to hash or to write more after it.
  public func hashTextWriter() -> HashTextWriter {
    var w = HashTextWriter(capacity: 4096 * (1 + units.count + agencies.count + procedures.count))
    write(to: &w)
    return w
  }

  public func write(to w: inout HashTextWriter) {
    // The top value's type is printed unqualified.
    w.record("ModelConfiguration") { w in
      w.field("name", name)
      w.field("start", start)
      w.field("end", end)
      w.field("warmupUntil", warmupUntil)
      w.field("calendar", calendar)
      w.field("levels", levels)
      w.field("fields", fields)
      w.field("units", units)
      w.field("agencies", agencies)
      w.field("procedures", procedures)
      w.field("demand", demand)
      w.field("behaviour", behaviour)
      w.field("rules", rules)
      w.field("backlog", backlog)
      if let index766 { w.field("index766", index766) }
    }
  }
}

extension CalendarSettings: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.CalendarSettings") { w in
      w.field("vietnam", vietnam)
      w.field("extraDaysOff", extraDaysOff)
      w.field("extraWorkingDays", extraWorkingDays)
      w.field("saturdayCountsForDeadline", saturdayCountsForDeadline)
      w.field("allowUnbundledYears", allowUnbundledYears)
    }
  }
}

extension UnitConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.UnitConfiguration") { w in
      w.field("id", id)
      w.field("name", name)
      w.field("level", level)
      w.field("parent", parent)
      w.field("hours", hours)
      w.field("transferCutoff", transferCutoff)
      w.field("ticketCutoff", ticketCutoff)
      w.field("closingRule", closingRule)
      w.field("desks", desks)
      w.field("onlineIntakeOfficers", onlineIntakeOfficers)
      w.field("digitisationFrom", digitisationFrom)
      if !digitisation.isEmpty { w.field("digitisation", digitisation) }
      if access.isUsed { w.field("access", access) }
    }
  }
}

extension DigitisationPeriod: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.DigitisationPeriod") { w in
      w.field("from", from)
      w.field("share", share)
    }
  }
}

extension DeskAccess: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.DeskAccess") { w in
      w.field("beforeOpeningShare", beforeOpeningShare)
      w.field("beforeOpeningEarliest", beforeOpeningEarliest)
      w.field("remoteTicketShare", remoteTicketShare)
      w.field("remoteArrivalLead", remoteArrivalLead)
      w.field("remoteNoShow", remoteNoShow)
      w.field("dossiersPerVisit", dossiersPerVisit)
      w.field("maxDossiersPerVisit", maxDossiersPerVisit)
    }
  }
}

extension OpeningSchedule: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.OpeningSchedule") { w in
      w.field("base", base)
      w.field("seasons", seasons)
      w.field("weekendFrom", weekendFrom)
    }
  }
}

extension OpeningSchedule.Season: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.OpeningSchedule.Season") { w in
      w.field("fromMonth", fromMonth)
      w.field("fromDay", fromDay)
      w.field("throughMonth", throughMonth)
      w.field("throughDay", throughDay)
      w.field("hours", hours)
    }
  }
}

extension WeeklyHours: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.WeeklyHours") { w in w.field("days", days) }
  }
}

extension DeskGroupConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.DeskGroupConfiguration") { w in
      w.field("id", id)
      w.field("count", count)
      w.field("fields", fields)
      w.field("hours", hours)
      w.field("staff", staff)
      w.field("serviceTimeFactor", serviceTimeFactor)
      w.field("lunchStagger", lunchStagger)
      if let quota { w.field("quota", quota) }
      if let appointments, appointments.bookShare > 0 { w.field("appointments", appointments) }
    }
  }
}

extension AppointmentConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.AppointmentConfiguration") { w in
      w.field("slotLength", slotLength)
      w.field("slotsPerDesk", slotsPerDesk)
      w.field("slotTimes", slotTimes)
      w.field("reservedDesks", reservedDesks)
      w.field("reservedShare", reservedShare)
      w.field("horizonDays", horizonDays)
      w.field("releaseBefore", releaseBefore)
      w.field("overbooking", overbooking)
      w.field("noShow", noShow)
      w.field("arriveBefore", arriveBefore)
      w.field("lateness", lateness)
      w.field("grace", grace)
      w.field("walkIns", walkIns)
      w.field("kPerWalkIn", kPerWalkIn)
      w.field("bookShare", bookShare)
      w.field("maxWaitDays", maxWaitDays)
      w.field("ifLaterWalkIn", ifLaterWalkIn)
      w.field("ifLaterWait", ifLaterWait)
      w.field("ifLaterGiveUp", ifLaterGiveUp)
    }
  }
}

extension AgencyConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.AgencyConfiguration") { w in
      w.field("id", id)
      w.field("name", name)
      w.field("unit", unit)
      w.field("officers", officers)
      w.field("hours", hours)
      w.field("discipline", discipline)
      w.field("absenceDays", absenceDays)
      w.field("absenceSpellDays", absenceSpellDays)
      w.field("saturdayCompensation", saturdayCompensation)
      if let annualLeaveDays { w.field("annualLeaveDays", annualLeaveDays) }
      if let leaveSpellDays { w.field("leaveSpellDays", leaveSpellDays) }
      if let leaveOutsideMonths { w.field("leaveOutsideMonths", leaveOutsideMonths) }
      if let overtime { w.field("overtime", overtime) }
      if !staffChanges.isEmpty { w.field("staffChanges", staffChanges) }
    }
  }
}

extension OvertimeConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.OvertimeConfiguration") { w in
      w.field("backlogAboveDays", backlogAboveDays)
      w.field("evening", evening)
      w.field("saturday", saturday)
      w.field("capHoursPerMonth", capHoursPerMonth)
      w.field("capHoursPerYear", capHoursPerYear)
    }
  }
}

extension StaffChange: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.StaffChange") { w in
      w.field("from", from)
      w.field("factor", factor)
    }
  }
}

extension ProcedureConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.ProcedureConfiguration") { w in
      w.field("id", id)
      w.field("name", name)
      w.field("field", field)
      w.field("deadline", deadline)
      w.field("steps", steps)
      w.field("onlineMode", onlineMode)
      w.field("postalAllowed", postalAllowed)
      w.field("onTheSpot", onTheSpot)
      w.field("pIncomplete", pIncomplete)
      w.field("pRefused", pRefused)
      w.field("pGuidanceOnly", pGuidanceOnly)
      w.field("pSupplement", pSupplement)
      w.field("maxSupplementRequests", maxSupplementRequests)
      w.field("supplementClock", supplementClock)
      w.field("intakeTime", intakeTime)
      w.field("feeAtPickup", feeAtPickup)
      if decidedAt != .home { w.field("decidedAt", decidedAt) }
    }
  }
}

extension StepConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.StepConfiguration") { w in
      w.field("place", place)
      w.field("work", work)
      w.field("appraisal", appraisal)
      w.field("leadTime", leadTime)
      w.field("fixedWait", fixedWait)
    }
  }
}

extension FixedWait: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.FixedWait") { w in
      w.field("days", days)
      w.field("calendarDays", calendarDays)
      w.field("countsForDeadline", countsForDeadline)
    }
  }
}
