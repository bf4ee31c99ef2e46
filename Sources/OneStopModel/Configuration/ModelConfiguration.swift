import DESKernel

/// Everything the one-stop model needs, as plain values: the Swift form of a scenario.
///
/// Names (`id`s) tie the parts together; `CompiledModel` resolves them to indices once,
/// collecting every problem with its key path. Every field that has no source in the
/// domain brief is a *prior*: it has a documented default here and is listed by
/// `priors()` so reports can print what the answer rests on.
public struct ModelConfiguration: Sendable {
  /// Scenario name, for reports.
  public var name: String
  /// First simulated day (midnight, local time) and the day after the last one.
  public var start: CivilDate
  public var end: CivilDate
  /// Statistics ignore what happens before this date (arrivals still happen).
  public var warmupUntil: CivilDate?
  public var calendar: CalendarSettings
  /// Administrative levels, top first (e.g. ["province", "district", "commune"], or two
  /// levels since July 2025). Levels are data: any list works.
  public var levels: [String]
  /// Ticket categories / fields (land, civil status, business registration, ...).
  public var fields: [String]
  public var units: [UnitConfiguration]
  public var agencies: [AgencyConfiguration]
  public var procedures: [ProcedureConfiguration]
  public var demand: [DemandConfiguration]
  public var behaviour: CitizenBehaviour
  public var rules: ProcessingRules
  public var backlog: [BacklogEntry]

  public init(
    name: String, start: CivilDate, end: CivilDate, warmupUntil: CivilDate? = nil,
    calendar: CalendarSettings = CalendarSettings(), levels: [String], fields: [String],
    units: [UnitConfiguration], agencies: [AgencyConfiguration], procedures: [ProcedureConfiguration],
    demand: [DemandConfiguration], behaviour: CitizenBehaviour = CitizenBehaviour(),
    rules: ProcessingRules = ProcessingRules(), backlog: [BacklogEntry] = []
  ) {
    self.name = name
    self.start = start
    self.end = end
    self.warmupUntil = warmupUntil
    self.calendar = calendar
    self.levels = levels
    self.fields = fields
    self.units = units
    self.agencies = agencies
    self.procedures = procedures
    self.demand = demand
    self.behaviour = behaviour
    self.rules = rules
    self.backlog = backlog
  }
}

/// The working-day calendar.
public struct CalendarSettings: Sendable {
  /// Use Vietnam's bundled civil-service calendar (2022-2026).
  public var vietnam: Bool = true
  /// Extra Monday-Friday days off and extra worked weekend days.
  public var extraDaysOff: [CivilDate] = []
  public var extraWorkingDays: [CivilDate] = []
  /// Whether a Saturday counts toward deadlines (R19; default no, unverified).
  public var saturdayCountsForDeadline = false
  /// Allow years without bundled data (only weekends and the extra days then apply).
  public var allowUnbundledYears = false
  public init() {}
}

/// What happens to people still waiting for a desk when the unit closes for the day.
public enum ClosingRule: String, Sendable, CaseIterable {
  /// Desks stay open until everyone holding a ticket is served (overtime is recorded).
  case serveAll = "serve-all"
  /// Waiting people are sent home and may come back on a later working day.
  case sendHome = "send-home"
}

/// One administrative unit and its one-stop front office.
public struct UnitConfiguration: Sendable {
  public var id: String
  public var name: String
  /// Index into `ModelConfiguration.levels`, by name.
  public var level: String
  /// Parent unit id (nil for the top unit).
  public var parent: String?
  /// Office hours of the unit (front office and, by default, its agencies).
  public var hours: OpeningSchedule
  /// Paper accepted after this time reaches the back office the next working day (R5).
  public var transferCutoff: TimeOfDay
  /// No tickets are issued after this time; later arrivals are turned away.
  public var ticketCutoff: TimeOfDay?
  public var closingRule: ClosingRule
  public var desks: [DeskGroupConfiguration]
  /// Officers checking online submissions (working hours of the unit).
  public var onlineIntakeOfficers: Int
  /// Digitisation of paper dossiers at intake is mandatory from this date (R24).
  public var digitisationFrom: CivilDate?

  public init(
    id: String, name: String? = nil, level: String, parent: String? = nil,
    hours: OpeningSchedule = .standardOffice, transferCutoff: TimeOfDay = TimeOfDay(hours: 15)!,
    ticketCutoff: TimeOfDay? = nil, closingRule: ClosingRule = .serveAll,
    desks: [DeskGroupConfiguration], onlineIntakeOfficers: Int = 1, digitisationFrom: CivilDate? = nil
  ) {
    self.id = id
    self.name = name ?? id
    self.level = level
    self.parent = parent
    self.hours = hours
    self.transferCutoff = transferCutoff
    self.ticketCutoff = ticketCutoff
    self.closingRule = closingRule
    self.desks = desks
    self.onlineIntakeOfficers = onlineIntakeOfficers
    self.digitisationFrom = digitisationFrom
  }
}

/// Who staffs a desk.
public enum StaffType: String, Sendable, CaseIterable {
  case civilServant = "civil-servant"
  /// VNPost staff working the desk (the Việt Yên / Hiệp Hòa pilot, R15).
  case postalContractor = "postal-contractor"
  case agencyOfficer = "agency-officer"
}

/// Identical desks at one front office with the same categories and hours.
public struct DeskGroupConfiguration: Sendable {
  public var id: String
  /// Number of desks.
  public var count: Int
  /// Fields (ticket categories) served; empty means all.
  public var fields: [String]
  /// Desk hours; nil means the unit's hours.
  public var hours: OpeningSchedule?
  public var staff: StaffType
  /// Multiplies every service time at these desks (postal staff: 1.1, prior).
  public var serviceTimeFactor: Double
  /// Seconds by which half of the desks (floor(count/2)) take every break of the day
  /// later, so the group never closes for lunch all at once; nil or 0: no stagger.
  public var lunchStagger: Int?

  public init(
    id: String, count: Int, fields: [String] = [], hours: OpeningSchedule? = nil,
    staff: StaffType = .civilServant, serviceTimeFactor: Double? = nil
  ) {
    self.id = id
    self.count = count
    self.fields = fields
    self.hours = hours
    self.staff = staff
    self.serviceTimeFactor = serviceTimeFactor ?? (staff == .postalContractor ? 1.1 : 1.0)
  }
}

/// Order in which a back office works its queue.
public enum QueueDiscipline: String, Sendable, CaseIterable {
  case fifo
  /// Earliest due date first.
  case earliestDeadline = "edf"
}

/// How officers who work a Saturday are compensated (Decision 14/2010/QĐ-TTg: time off
/// in lieu keeping a 40-hour week, or paid overtime).
public enum SaturdayCompensation: String, Sendable, CaseIterable {
  /// Saturday hours are extra capacity (paid overtime).
  case overtime
  /// Each Saturday worked is given back on the following weekdays: the agency's weekday
  /// officer time shrinks by the Saturday's hours.
  case timeOff = "time-off"
}

/// A back office (agency) at a unit: officers who process dossiers in working time.
///
/// Anything in a procedure that queues for people is an agency: the department's
/// officers, the land registration branch, the tax office computing fees, a consulted
/// office, a field-survey team, or the one leader who signs (an agency of one officer
/// whose hours are the leader's signing hours).
public struct AgencyConfiguration: Sendable {
  public var id: String
  public var name: String
  /// The unit where it sits.
  public var unit: String
  public var officers: Int
  /// Working hours; nil means the unit's hours.
  public var hours: OpeningSchedule?
  public var discipline: QueueDiscipline
  /// Working days a year each officer is away (annual leave and sickness); nil means
  /// `ProcessingRules.officerAbsenceDays`.
  public var absenceDays: Double?
  /// Mean length of one absence, in working days (leave is taken in spells; a leader
  /// away on a trip is away for days). 1 = single days.
  public var absenceSpellDays: Double
  public var saturdayCompensation: SaturdayCompensation

  public init(
    id: String, name: String? = nil, unit: String, officers: Int, hours: OpeningSchedule? = nil,
    discipline: QueueDiscipline = .fifo, absenceDays: Double? = nil, absenceSpellDays: Double = 1,
    saturdayCompensation: SaturdayCompensation = .overtime
  ) {
    self.absenceSpellDays = absenceSpellDays
    self.id = id
    self.name = name ?? id
    self.unit = unit
    self.officers = officers
    self.hours = hours
    self.discipline = discipline
    self.absenceDays = absenceDays
    self.saturdayCompensation = saturdayCompensation
  }
}

/// A legal deadline.
public enum Deadline: Sendable, Equatable {
  /// Resolved the same day; accepted after the transfer cutoff -> next working day (R6).
  case sameDay
  /// N working days, receipt day not counted (R7, R8).
  case workingDays(Int)
  /// N working hours from receipt.
  case workingHours(Double)
}

/// How a procedure can be done online (R13).
public enum OnlineMode: String, Sendable, CaseIterable {
  case none
  /// Submitted online; originals or fees still need a visit: results by pick-up or post.
  case partial
  /// Full process online.
  case full
}

/// What happens to the deadline clock while the citizen supplements a dossier (R9).
public enum SupplementClock: String, Sendable, CaseIterable {
  /// The clock stops and resumes with the remaining days (default).
  case pause
  /// The full period starts again when the supplement arrives.
  case restart
  /// The clock keeps running.
  case `continue`
}

/// Where a back-office step takes place, relative to the unit that received the dossier.
public enum StepPlace: Sendable, Equatable {
  /// The agency with this id (wherever it sits).
  case agency(String)
  /// The agency of this kind (id prefix before "@") at the receiving unit or the nearest
  /// ancestor that has one, e.g. `.nearest("TNMT")` finds `TNMT@district-3`.
  case nearest(String)
}

/// A fixed legal waiting period after a step's work (public posting of a land dossier
/// for 15 days, a statutory objection period): no one works, nothing queues.
public struct FixedWait: Sendable, Equatable {
  /// Length, in calendar days or working days.
  public var days: Int
  public var calendarDays: Bool
  /// Whether the wait counts against the deadline. Decree 43/2014 Art. 61(4) left
  /// posting inside the 30 days; Decree 101/2024 and 151/2025 exclude it (the due date
  /// then moves by the working days the wait lasts).
  public var countsForDeadline: Bool

  public init(days: Int, calendarDays: Bool, countsForDeadline: Bool = true) {
    self.days = days
    self.calendarDays = calendarDays
    self.countsForDeadline = countsForDeadline
  }
}

/// One step of a procedure's internal workflow (R16).
///
/// Its duration is made of officer work that queues for the agency's officers, then an
/// optional random `leadTime` (elapsed time that uses no officer), then an optional
/// fixed legal wait. Delays that queue for people (a signature, the tax office, a
/// consulted office, a field survey) are steps at their own agencies, so that they
/// respond to staffing.
public struct StepConfiguration: Sendable {
  public var place: StepPlace
  /// Officer work content.
  public var work: Distribution
  /// Whether the supplement request can happen at this step (appraisal).
  public var appraisal: Bool
  /// Elapsed working days after the officer's work that need no officer and queue for
  /// no one (the citizen paying fees); nil for none.
  public var leadTime: Distribution?
  public var fixedWait: FixedWait?

  public init(place: StepPlace, work: Distribution, appraisal: Bool = false, leadTime: Distribution? = nil, fixedWait: FixedWait? = nil) {
    self.place = place
    self.work = work
    self.appraisal = appraisal
    self.leadTime = leadTime
    self.fixedWait = fixedWait
  }
}

/// One administrative procedure type (TTHC).
public struct ProcedureConfiguration: Sendable {
  public var id: String
  public var name: String
  public var field: String
  public var deadline: Deadline
  public var steps: [StepConfiguration]
  public var onlineMode: OnlineMode
  public var postalAllowed: Bool
  /// Resolved at the desk in one visit ("4 tại chỗ", R17).
  public var onTheSpot: Bool
  /// Intake outcomes at the desk (the rest are accepted).
  public var pIncomplete: Double
  public var pRefused: Double
  public var pGuidanceOnly: Double
  /// Probability of a supplement request at an appraisal step.
  public var pSupplement: Double
  public var maxSupplementRequests: Int
  public var supplementClock: SupplementClock
  /// Desk time to receive a complete dossier (prior: lognormal, mean 12 min, cv 0.6).
  public var intakeTime: Distribution
  /// Fee paid at pick-up (adds `CitizenBehaviour.feePaymentTime`).
  public var feeAtPickup: Bool

  public init(
    id: String, name: String? = nil, field: String, deadline: Deadline, steps: [StepConfiguration],
    onlineMode: OnlineMode = .none, postalAllowed: Bool = true, onTheSpot: Bool = false,
    pIncomplete: Double = 0.12, pRefused: Double = 0.01, pGuidanceOnly: Double = 0.05,
    pSupplement: Double = 0.05, maxSupplementRequests: Int = 1, supplementClock: SupplementClock = .pause,
    intakeTime: Distribution? = nil, feeAtPickup: Bool = false
  ) {
    self.id = id
    self.name = name ?? id
    self.field = field
    self.deadline = deadline
    self.steps = steps
    self.onlineMode = onlineMode
    self.postalAllowed = postalAllowed
    self.onTheSpot = onTheSpot
    self.pIncomplete = pIncomplete
    self.pRefused = pRefused
    self.pGuidanceOnly = pGuidanceOnly
    self.pSupplement = pSupplement
    self.maxSupplementRequests = maxSupplementRequests
    self.supplementClock = supplementClock
    self.intakeTime = intakeTime ?? (try! .lognormal(mean: 12 * 60, cv: 0.6))
    self.feeAtPickup = feeAtPickup
  }
}

/// A value that changes linearly between dated points (the online-share ramp of S3).
public struct Ramp: Sendable, Equatable {
  public var points: [(date: CivilDate, value: Double)]
  public init(points: [(date: CivilDate, value: Double)]) { self.points = points.sorted { $0.date < $1.date } }
  public static func constant(_ v: Double) -> Ramp { Ramp(points: [(CivilDate(year: 2000, month: 1, day: 1)!, v)]) }

  /// The value on day number `day`: flat before the first and after the last point.
  public func value(onDay day: Int) -> Double {
    guard let first = points.first else { return 0 }
    if day <= first.date.dayNumber { return first.value }
    for (a, b) in zip(points, points.dropFirst()) where day < b.date.dayNumber {
      let x = Double(day - a.date.dayNumber) / Double(b.date.dayNumber - a.date.dayNumber)
      return a.value + x * (b.value - a.value)
    }
    return points.last!.value
  }

  public static func == (a: Ramp, b: Ramp) -> Bool {
    a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0.date == $1.date && $0.value == $1.value }
  }
}

/// Demand at one unit: how many new dossiers a year, of which procedures, by which channel.
public struct DemandConfiguration: Sendable {
  public var unit: String
  /// New dossiers per year (all channels).
  public var annualVolume: Double
  /// Procedure id -> relative weight.
  public var mix: [(procedure: String, weight: Double)]
  /// Share of online-capable dossiers submitted online (over time).
  public var onlineShare: Ramp
  /// Share of postal-capable dossiers sent by post.
  public var postalShare: Ramp
  /// How results go back: shares of post and online (online only for full-online
  /// dossiers); the rest is picked up in person.
  public var postalReturnShare: Double
  public var onlineReturnShare: Double
  /// Relative volume by month (12, January first) and weekday (7, Monday first).
  public var monthFactors: [Double]
  public var weekdayFactors: [Double]
  /// Weekday factors that replace `weekdayFactors` from a date on, for walk-in and
  /// postal arrivals (a Saturday opening moves part of the week's visits to Saturday
  /// from its first Saturday; online submissions keep `weekdayFactors`). The annual
  /// volume is normalised on `weekdayFactors`, so the days before the first date get
  /// exactly the arrivals they would get without these periods; keep the factors of the
  /// open days summing to the same weekly total to keep the volume.
  public var weekdayFactorPeriods: [(from: CivilDate, factors: [Double])] = []
  /// Walk-in arrivals by hour of day (24 weights; zero-hour weights allowed). Applied
  /// to the open hours of each day and renormalised.
  public var walkInHourProfile: [Double]
  /// Online submissions by hour of day (24 weights).
  public var onlineHourProfile: [Double]
  /// Walk-ins (new and planned visits) arrive only before the unit's ticket cutoff: the
  /// profile is cut there and renormalised. False: they arrive until closing and those
  /// after the cutoff are turned away.
  public var walkInProfileFollowsCutoff = true

  public init(
    unit: String, annualVolume: Double, mix: [(procedure: String, weight: Double)],
    onlineShare: Ramp = .constant(0), postalShare: Ramp = .constant(0),
    postalReturnShare: Double = 0, onlineReturnShare: Double = 0,
    monthFactors: [Double] = Array(repeating: 1, count: 12),
    weekdayFactors: [Double] = [1.15, 1, 1, 1, 0.9, 1, 1],
    walkInHourProfile: [Double] = DemandConfiguration.defaultWalkInProfile,
    onlineHourProfile: [Double] = DemandConfiguration.defaultOnlineProfile
  ) {
    self.unit = unit
    self.annualVolume = annualVolume
    self.mix = mix
    self.onlineShare = onlineShare
    self.postalShare = postalShare
    self.postalReturnShare = postalReturnShare
    self.onlineReturnShare = onlineReturnShare
    self.monthFactors = monthFactors
    self.weekdayFactors = weekdayFactors
    self.walkInHourProfile = walkInHourProfile
    self.onlineHourProfile = onlineHourProfile
  }

  /// Prior: a morning peak (about 60 % of walk-ins before 11:30) and a small rush
  /// before 17:00.
  public static let defaultWalkInProfile: [Double] = [
    0, 0, 0, 0, 0, 0, 0, 1.6, 2.2, 2.0, 1.6, 1.0, 0.3, 0.5, 1.1, 1.2, 1.1, 0.9, 0, 0, 0, 0, 0, 0,
  ]
  /// Prior: online submissions mostly in office hours and the evening.
  public static let defaultOnlineProfile: [Double] = [
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 1.6, 1.5, 1.2, 0.8, 1, 1.4, 1.5, 1.4, 1.1, 0.9, 1, 1.1, 1, 0.7, 0.4,
  ]
}

/// How citizens behave (all priors, no field data in the source reports).
public struct CitizenBehaviour: Sendable {
  /// After an incomplete or guidance-only visit: probability of coming back, and when
  /// (working days later).
  public var pReturnAfterIncomplete = 0.85
  public var returnDelayWorkingDays: Distribution = try! .exponential(mean: 3)
  /// Turned away (after the ticket cutoff, or sent home at closing): probability of
  /// coming back on a later working day.
  public var pReturnAfterTurnedAway = 0.9
  /// Supplement requested during appraisal: probability of never answering, and the
  /// delay of an answer (working days).
  public var pNeverSupplement = 0.10
  public var supplementDelayWorkingDays: Distribution = try! .exponential(mean: 5)
  /// Pick-up: share who come on the appointment day; the rest come later (working days).
  public var pPickupOnDueDay = 0.6
  public var pickupDelayWorkingDays: Distribution = try! .exponential(mean: 3)
  /// Share who come before the appointment (a wasted visit if the result is not ready).
  public var pPickupEarly = 0.05
  /// Desk times (seconds).
  public var guidanceTime: Distribution = try! .lognormal(mean: 6 * 60, cv: 0.5)
  public var pickupTime: Distribution = try! .lognormal(mean: 4 * 60, cv: 0.5)
  public var feePaymentTime: Distribution = try! .deterministic(2 * 60)
  public var onTheSpotTime: Distribution = try! .lognormal(mean: 30 * 60, cv: 0.4)
  public var digitisationTime: Distribution = try! .uniform(low: 3 * 60, high: 8 * 60)
  public var wastedVisitTime: Distribution = try! .lognormal(mean: 3 * 60, cv: 0.5)
  /// Desk time to receive a postal dossier (no citizen present) relative to intake.
  public var postalIntakeFactor = 0.8
  /// Probability that a postal dossier is found incomplete, relative to the desk.
  public var postalIncompleteFactor = 0.5
  /// Officer time to check an online submission.
  public var onlineCheckTime: Distribution = try! .lognormal(mean: 10 * 60, cv: 0.5)
  public init() {}
}

/// When an online dossier counts as received (R12).
public enum OnlineReceipt: String, Sendable, CaseIterable {
  /// The day the officer accepts it (default): work on the portal happens in office
  /// hours, so a submission at night or on a holiday counts from the next working day.
  case acceptance
  /// The day it was submitted, or the next working day when submitted outside the
  /// unit's office hours (the portal's official receipt time).
  case submission
}

/// Processing rules of the province (R5, R9, R11, R12, R14, R16).
public struct ProcessingRules: Sendable {
  /// When an online dossier counts as received (R12).
  public var onlineReceipt = OnlineReceipt.acceptance
  /// Provincial deadline cut for procedures with a deadline of at least
  /// `cutThresholdWorkingDays` (Bắc Giang: 25-30 % for >= 15 days).
  public var provinceCut = 0.0
  public var cutThresholdWorkingDays = 15
  /// Extra working days for a paper hand-over between levels (R16, prior 1).
  public var interLevelHandoverWorkingDays = 1
  /// Apology (Form 04) issued this many working days before the due date when the
  /// dossier is not resolved (prior 1), with a new appointment this many days later.
  public var apologyLeadWorkingDays = 1
  public var apologyExtensionWorkingDays = 5
  /// Postal transit (working days): post point -> office, office -> citizen.
  public var postalInTransit: Distribution = try! .uniform(low: 1, high: 3)
  public var postalOutTransit: Distribution = try! .uniform(low: 1, high: 4)
  /// Daily collection time at post points.
  public var postalCollectionTime = TimeOfDay(hours: 15)!
  /// A step worked again after a supplement takes this fraction of its lead time (the
  /// appraisal resumes; it does not start from nothing). Prior 0.5.
  public var leadTimeAfterSupplement = 0.5
  /// Working days a year each officer is away, for agencies that do not say
  /// (Labour Code 2019 Art. 113: 12 days of annual leave; sick days: a prior). 0 = none.
  public var officerAbsenceDays = 0.0
  public init() {}
}

/// Dossiers carried over from before the start, entering at the stage their age gives.
///
/// Without a receipt range, ages are spread over the procedure's deadline, so that none
/// is due yet, except `overdueShare` of them, which are past their due day by up to half
/// the deadline (a report's "in progress, already overdue").
public struct BacklogEntry: Sendable {
  public var unit: String
  public var procedure: String
  public var count: Int
  public var receivedFrom: CivilDate?
  public var receivedThrough: CivilDate?
  public var overdueShare: Double
  public init(
    unit: String, procedure: String, count: Int, receivedFrom: CivilDate? = nil, receivedThrough: CivilDate? = nil,
    overdueShare: Double = 0
  ) {
    self.unit = unit
    self.procedure = procedure
    self.count = count
    self.receivedFrom = receivedFrom
    self.receivedThrough = receivedThrough
    self.overdueShare = overdueShare
  }
}
