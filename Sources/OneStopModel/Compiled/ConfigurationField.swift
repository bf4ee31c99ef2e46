/// A field of a configuration entity that a problem can be about or name, by the
/// property it is stored in (`UnitConfiguration.ticketCutoff` is `.ticketCutoff`), and
/// the parts of opening hours a location can point at (a season, a day of the week).
///
/// A value, not a key name: the model never writes the scenario file's keys; the
/// scenario layer names each case with its key (`ticket_cutoff`), a test keeps those
/// names within the key schema. `count` and `atLevel` are the file's expansion keys
/// (a unit template's count, an agency's `at_level`), named by the size limits.
public enum ConfigurationField: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  // The configuration and its calendar.
  case start, end, warmupUntil, levels, fields, units, agencies, procedures, demand, backlog, calendar, behaviour, rules
  case vietnam, extraDaysOff, extraWorkingDays, allowUnbundledYears
  // Opening hours: their seasons and days, Monday first.
  case seasons, monday, tuesday, wednesday, thursday, friday, saturday, sunday
  // Units, desk groups and agencies.
  case id, level, parent, hours, ticketCutoff, desks, onlineIntakeOfficers, count, atLevel
  case serviceTimeFactor, lunchStagger, digitisationFrom, digitisation, from, share
  case unit, officers, absenceSpellDays, absenceDays
  // Planned leave and surge overtime (an agency's, or the rules' defaults).
  case annualLeaveDays, leaveSpellDays, leaveOutsideMonths, overtime
  // Procedures and their steps.
  case field, pIncomplete, pRefused, pGuidanceOnly, pSupplement, steps, deadline, maxSupplementRequests, intakeTime,
    onTheSpot
  case place, work, leadTime, fixedWait
  // Demand, its mix and weekday periods.
  case annualVolume, monthFactors, weekdayFactors, weekdayFactorPeriods, walkInHourProfile, onlineHourProfile
  case postalReturnShare, onlineReturnShare, onlineShare, postalShare, mix, factors, weight, procedure
  // Backlog entries.
  case receivedFrom, receivedThrough, overdueShare
  // Citizen behaviour.
  case guidanceTime, pickupTime, feePaymentTime, onTheSpotTime, digitisationTime, wastedVisitTime, onlineCheckTime
  case patience, balkAbove
  case returnDelayWorkingDays, supplementDelayWorkingDays, pickupDelayWorkingDays, postalIntakeFactor
  // Processing rules.
  case provinceCut, cutThresholdWorkingDays, interLevelHandoverWorkingDays, apologyLeadWorkingDays,
    apologyExtensionWorkingDays, apologyCompliance, lateApology
  case postalInTransit, postalOutTransit

  /// The days of the week of opening hours, Monday first.
  public static let daysOfWeek: [ConfigurationField] = [
    .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
  ]

  /// The Swift property name.
  public var description: String { rawValue }
}
