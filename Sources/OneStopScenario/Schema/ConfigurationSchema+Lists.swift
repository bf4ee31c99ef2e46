import DESKernel
import OneStopModel

extension ConfigurationSchema {
  /// Keys of an opening-hours mapping (under `hours:` or inline).
  public static var hours: [ConfigurationKey<OpeningSchedule>] {
    let day = KeyKind.other("list of intervals `\"07:00-11:30\"`, or `closed`")
    return [.custom("weekdays", day, doc: "Monday to Friday (default 07:00-11:30, 13:30-17:00).")]
      + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map {
        .custom($0, day, doc: "That day (Saturday and Sunday: closed unless given).")
      }
      + [
        .custom("weekend_from", .date, doc: "The weekend hours apply from this date."),
        .custom(
          "seasons", .other("list of `{from: MM-DD, through: MM-DD, ...days}`"), doc: "Other hours in part of the year."
        ),
      ]
  }

  /// `units[]`.
  public static var unit: [ConfigurationKey<UnitConfiguration>] {
    [
      .custom("id", .text, doc: "Unique id; with `count`, contains `{i}` (`commune-{i}`).", required: true),
      .custom("add", .flag, doc: "In a variant file: this id is new, not a change to a base unit."),
      .custom("name", .text, doc: "Name for reports (default: the id)."),
      .custom("name_vi", .text, doc: "Vietnamese name for reports (default: `name`); `name` falls back to it."),
      .custom("level", .text, doc: "One of `levels`.", required: true),
      .custom("parent", .text, doc: "Id of the parent unit (none for the top unit)."),
      .custom(
        "count", .whole(min: 1, max: ModelLimits.units, what: "a number of units"),
        doc: "Makes this item a template for that many units."),
      .custom(
        "kind", .text,
        doc: "Kind of unit: `ward`, `commune`, `town` (commune level), `city`, `district`, `town` (district level)."),
      .custom(
        "population", .number(min: 0, max: UnitTable.maxValue, what: "a number >= 0"),
        doc: "Inhabitants, for `split: {by: population}`."),
      .custom(
        "area_km2", .number(min: 0, max: UnitTable.maxValue, what: "a number >= 0"),
        doc: "Area in km², for `split: {by: area}`."),
      .custom(
        "hours", .other("name under `hours:`, or a mapping"),
        doc: "Office hours (default 07:00-11:30, 13:30-17:00 on weekdays)."),
      ConfigurationKey(
        "transfer_cutoff", .time, .time(\.transferCutoff),
        doc: "Paper accepted after this time reaches the back office the next working day (default 15:00, a prior)."),
      ConfigurationKey(
        "ticket_cutoff", .time, .optionalTime(\.ticketCutoff),
        doc: "No tickets after this time; later arrivals are turned away. Must lie within the opening hours."),
      .choice("closing_rule", \.closingRule, doc: "At closing: serve everyone holding a ticket, or send them home."),
      .custom("desks", .other("list"), doc: "Desk groups (below).", required: true),
      ConfigurationKey(
        "online_intake_officers", .whole(min: 0, max: ModelLimits.officersPerStation, what: "a number of officers"),
        .whole(\.onlineIntakeOfficers), doc: "Officers checking online submissions."),
      ConfigurationKey(
        "digitisation_from", .date, .optionalDate(\.digitisationFrom),
        doc: "Every paper dossier is digitised at intake from this date (shorthand for `digitisation` with share 1)."),
      .custom(
        "digitisation", .other("list of `{from: DATE, share: P}`"),
        doc: "Share of paper dossiers digitised at intake from each date until the next (none before the first); "
          + "not with `digitisation_from`."),
    ] + access
  }

  /// `units[]`: how citizens reach the desks (`DeskAccess`, docs/model-assumptions.md).
  static var access: [ConfigurationKey<UnitConfiguration>] {
    [
      ConfigurationKey(
        "before_opening_share", .probability, .number(\.access.beforeOpeningShare),
        doc: "Share of walk-in visits that arrive before the doors open and queue (default 0; Quảng Yên: 62 people "
          + "before opening, Hà Nội land branch: from 4 am)."),
      ConfigurationKey(
        "before_opening_earliest", .duration(.seconds), .number(\.access.beforeOpeningEarliest),
        doc: "Those arrive uniformly between this long before the first opening and the opening (default 3h)."),
      ConfigurationKey(
        "remote_ticket_share", .probability, .number(\.access.remoteTicketShare),
        doc: "Share of walk-in visits whose ticket for today is taken from home (iHanoi from 13/5/2025; default 0)."),
      ConfigurationKey(
        "remote_arrival_lead", .distribution(.seconds), .distribution(\.access.remoteArrivalLead),
        doc: "How long before the ticket's estimated call time a remote ticket holder arrives (default uniform "
          + "0-20 min, no source)."),
      ConfigurationKey(
        "remote_no_show", .probability, .number(\.access.remoteNoShow),
        doc: "Share of remote ticket holders who never come (default 0; 25-48 % of bookings at DMVs abroad)."),
      ConfigurationKey(
        "dossiers_per_visit", .number(min: 1, max: 100, what: "a mean number of dossiers"),
        .number(\.access.dossiersPerVisit),
        doc: "Mean dossiers a walk-in visit of new dossiers brings (proxies, households; geometric on 1, 2, ...; "
          + "default 1; Quảng Yên about 1.4)."),
      ConfigurationKey(
        "max_dossiers_per_visit", .number(min: 1, max: 1000, what: "a number of dossiers"),
        .optionalNumber(\.access.maxDossiersPerVisit),
        doc: "Dossiers served in one call at most; the others come back as visits of their own (default `null`)."),
    ]
  }

  /// `units[].desks[]`.
  public static var desk: [ConfigurationKey<DeskGroupConfiguration>] {
    [
      .custom("id", .text, doc: "Id within the unit (default `desk-N`)."),
      .custom("name", .text, doc: "English name for reports (default: the catalogue's word for the id)."),
      .custom("name_vi", .text, doc: "Vietnamese name for reports (default: the catalogue's word for the id)."),
      .custom("add", .flag, doc: "In a variant file: this id is new, not a change to a base desk group."),
      ConfigurationKey(
        "count", .whole(min: 0, max: ModelLimits.desksPerGroup, what: "a number of desks"), .whole(\.count),
        doc: "Number of desks (default 1)."),
      .custom("fields", .other("list of `fields`"), doc: "Fields served (default all)."),
      .custom(
        "hours", .other("name under `hours:`, or a mapping"), doc: "Desk hours, within the unit's (default the unit's)."
      ),
      .choice("staff", \.staff, doc: "Who staffs the desks."),
      ConfigurationKey(
        "service_time_factor", .number(min: 0.01, max: 100, what: "a number"), .number(\.serviceTimeFactor),
        doc: "Multiplies every service time (default 1; postal contractors 1.1, a prior)."),
      .custom("lunch_stagger", .duration(.seconds), doc: "Half of the desks take every break this much later."),
      ConfigurationKey(
        "quota", .number(min: 0, max: 1_000_000, what: "a number of tickets"), .optionalNumber(\.quota),
        doc: "Tickets handed out a day for the group's fields (default `null`: no limit); later citizens are turned "
          + "away (`over_quota`)."),
      .custom(
        "appointments", .other("mapping (below)"),
        doc: "Appointments kept at the group beside the walk-ins (default none)."),
    ]
  }

  /// `agencies[]`.
  public static var agency: [ConfigurationKey<AgencyConfiguration>] {
    [
      .custom("id", .text, doc: "Unique id, `KIND@unit`; with `at_level`, contains `{unit}`.", required: true),
      .custom("add", .flag, doc: "In a variant file: this id is new, not a change to a base agency."),
      .custom("name", .text, doc: "Name for reports (default: the id)."),
      .custom("name_vi", .text, doc: "Vietnamese name for reports (default: `name`); `name` falls back to it."),
      .custom("unit", .text, doc: "Unit where it sits (or `at_level`)."),
      .custom("at_level", .text, doc: "One agency at every unit of this level."),
      ConfigurationKey(
        "officers", .whole(min: 0, max: ModelLimits.officersPerStation, what: "a number of officers"),
        .whole(\.officers),
        doc: "Officers (default 1); with `split`, the total over the level's units."),
      .custom(
        "split", .other("`even`, or a mapping (as `demand[].split`, or `{like: DEMAND_ID}`)"),
        doc: "With `at_level`: `officers` is a total, shared over the units like a volume (default: each unit "
          + "has `officers`)."),
      .custom(
        "min_officers", .other("whole number, 0 to 10000"),
        doc: "With `split`: the fewest officers any unit gets (default 1)."),
      .custom("hours", .other("name under `hours:`, or a mapping"), doc: "Working hours (default the unit's)."),
      .choice("discipline", \.discipline, doc: "Queue order: first in first out, or earliest due date first."),
      ConfigurationKey(
        "absence_days", .number(min: 0, max: 200, what: "working days a year"), .optionalNumber(\.absenceDays),
        doc: "Working days a year each officer is away (default `rules.officer_absence_days`)."),
      ConfigurationKey(
        "absence_spell", .workingDays, .number(\.absenceSpellDays), doc: "Mean length of one absence (default 1wd)."),
      .choice(
        "saturday_comp", \.saturdayCompensation, doc: "Saturday work paid as overtime, or given back as time off."),
      ConfigurationKey(
        "annual_leave_days", .number(min: 0, max: 200, what: "working days a year"), .optionalNumber(\.annualLeaveDays),
        doc: "Planned annual leave per officer, placed before the run in spells outside `leave_outside_months` "
          + "(default `rules.annual_leave_days`); with it, `absence_days` is the random part only (sickness)."),
      ConfigurationKey(
        "leave_spell", .workingDays, .optionalNumber(\.leaveSpellDays),
        doc: "Working days per spell of planned leave (default `rules.leave_spell`)."),
      .custom(
        "leave_outside_months", .other("list of months, 1 to 12"),
        doc: "Months without planned leave, the agency's known peaks (default `rules.leave_outside_months`)."),
      .custom(
        "overtime", .other("mapping (below), or `null`"),
        doc: "Surge overtime: evenings and Saturdays worked while the backlog is high (default `null`: none)."),
      .custom(
        "staff_changes", .other("list of `{from: DATE, factor: F}`, F 0 to 4"),
        doc: "Officers moved in or gone: from each date `officers × factor` (the hand-over of 1 July 2025)."),
    ]
  }

  /// `agencies[].overtime`: surge overtime (Labour Code 2019 Art. 107).
  public static var overtime: [ConfigurationKey<OvertimeConfiguration>] {
    [
      .custom(
        "backlog_above", .other("days of work, `3d`"),
        doc: "A working day is a surge day when the morning's backlog (mean work waiting over the officers present "
          + "times the day's own open hours) is above this (default 3d)."),
      .custom(
        "evening", .other("interval `\"17:00-19:00\"`, or `null`"),
        doc: "Extra hours worked on a surge day (default 17:00-19:00)."),
      .custom(
        "saturday", .other("interval `\"07:00-11:30\"`, or `null`"),
        doc: "Extra hours worked on the Saturday off after a surge day (default `null`: none)."),
      ConfigurationKey(
        "cap_hours_per_month", .number(min: 0, max: 744, what: "hours"), .number(\.capHoursPerMonth),
        doc: "Overtime per officer in a calendar month at most (Labour Code 2019 Art. 107(2)(b): 40)."),
      ConfigurationKey(
        "cap_hours_per_year", .number(min: 0, max: 8784, what: "hours"), .number(\.capHoursPerYear),
        doc: "Overtime per officer in a calendar year at most (Labour Code 2019 Art. 107(2)(c): 200)."),
    ]
  }

  /// `procedures[]`.
  public static var procedure: [ConfigurationKey<ProcedureConfiguration>] {
    [
      .custom("id", .text, doc: "Unique id.", required: true),
      .custom("add", .flag, doc: "In a variant file: this id is new, not a change to a base procedure."),
      .custom("name", .text, doc: "Name for reports (default: the id)."),
      .custom("name_vi", .text, doc: "Vietnamese name for reports (default: `name`); `name` falls back to it."),
      .custom("field", .text, doc: "One of `fields`.", required: true),
      .custom(
        "deadline", .other("`same-day`, `15wd`, `30d` (calendar days) or `8wh`"), doc: "Legal deadline.",
        required: true),
      .custom("steps", .other("list"), doc: "Back-office steps (below)."),
      .choice("online", \.onlineMode, doc: "Whether it can be done online."),
      ConfigurationKey("postal", .flag, .flag(\.postalAllowed), doc: "Whether it can be sent by post (default true)."),
      ConfigurationKey("on_the_spot", .flag, .flag(\.onTheSpot), doc: "Resolved at the desk in one visit."),
      ConfigurationKey(
        "p_incomplete", .probability, .number(\.pIncomplete), doc: "Intake: found incomplete (default 0.12)."),
      ConfigurationKey("p_refused", .probability, .number(\.pRefused), doc: "Intake: refused (default 0.01)."),
      ConfigurationKey(
        "p_guidance_only", .probability, .number(\.pGuidanceOnly), doc: "Intake: guidance only (default 0.05)."),
      ConfigurationKey(
        "p_supplement", .probability, .number(\.pSupplement),
        doc: "A supplement requested at an appraisal step (default 0.05)."),
      ConfigurationKey(
        "max_supplement_requests", .whole(min: 0, max: ModelLimits.supplementRequests, what: "a whole number"),
        .whole(\.maxSupplementRequests), doc: "Supplement requests at most (default 1)."),
      .choice("supplement_clock", \.supplementClock, doc: "The deadline clock during a supplement."),
      ConfigurationKey(
        "intake_time", .distribution(.seconds), .distribution(\.intakeTime),
        doc: "Desk time to receive a complete dossier (default lognormal, mean 12m, cv 0.6)."),
      ConfigurationKey("fee_at_pickup", .flag, .flag(\.feeAtPickup), doc: "A fee is paid at pick-up."),
      .choice(
        "decided_at", \.decidedAt,
        doc: "Who decides a dossier filed away from home: the home commune (default) or the receiving one."),
    ]
  }

  /// `procedures[].steps[]`.
  public static var step: [ConfigurationKey<StepConfiguration>] {
    [
      .custom("agency", .text, doc: "Agency id doing the step (or `nearest`)."),
      .custom("nearest", .text, doc: "Agency kind: the one at the receiving unit or the nearest unit above it."),
      ConfigurationKey("work", .distribution(.hours), .distribution(\.work), doc: "Officer work.", required: true),
      .custom("appraisal", .flag, doc: "A supplement can be requested here (default: the first step)."),
      .custom("lead_time", .distribution(.workingDays), doc: "Elapsed time after the work that needs no officer."),
      .custom("fixed_wait", .other("`15d` or `10wd`"), doc: "A legal waiting period after the work."),
      .custom("fixed_wait_counts", .flag, doc: "Whether the fixed wait counts against the deadline (default true)."),
    ]
  }

  /// `demand[]`.
  public static var demand: [ConfigurationKey<DemandConfiguration>] {
    let factors = { (n: Int) in KeyKind.other("\(n) numbers, each 0 or 0.001 to 1000") }
    let share = KeyKind.other("probability, or a ramp `[{date, share}, ...]`")
    return [
      .custom("id", .text, doc: "Id, to change the entry in a variant."),
      .custom("add", .flag, doc: "In a variant file: this id is new, not a change to a base entry."),
      .custom("unit", .text, doc: "Unit receiving the dossiers (or `units` or `at_level`)."),
      .custom("units", .other("list of unit ids"), doc: "The volume shared over these units."),
      .custom("at_level", .text, doc: "The volume shared over every unit of this level."),
      .custom(
        "split", .other("`even`, or a mapping (below)"),
        doc: "How `at_level` or `units` share the volume (default `even`: equal parts)."),
      .custom(
        "annual_volume", .number(min: 0, max: ModelLimits.annualVolume, what: "a number of dossiers per year"),
        doc: "New dossiers a year, all channels.", required: true),
      .custom("mix", .other("mapping procedure: weight"), doc: "Relative weight of each procedure.", required: true),
      .custom("online_share", share, doc: "Share of online-capable dossiers submitted online (default 0)."),
      .custom("postal_share", share, doc: "Share of postal-capable dossiers sent by post (default 0)."),
      ConfigurationKey(
        "postal_return_share", .probability, .number(\.postalReturnShare), doc: "Share of results sent back by post."),
      ConfigurationKey(
        "online_return_share", .probability, .number(\.onlineReturnShare),
        doc: "Share of results returned online (full-online dossiers)."),
      .custom("month_factors", factors(12), doc: "Relative volume by month, January first."),
      .custom(
        "weekday_factors", factors(7),
        doc: "Relative volume by weekday, Monday first (default Mon 1.15, Fri 0.9, a prior)."),
      .custom("walk_in_hour_profile", factors(24), doc: "Walk-ins by hour of day (default a morning peak, a prior)."),
      .custom("online_hour_profile", factors(24), doc: "Online submissions by hour of day."),
      .custom(
        "weekday_factors_from", .other("list of `{date, factors}`"),
        doc: "Weekday factors for walk-ins and post from a date on."),
      ConfigurationKey(
        "walk_in_profile_follows_cutoff", .flag, .flag(\.walkInProfileFollowsCutoff),
        doc: "Walk-ins arrive only before the ticket cutoff (default true)."),
      ConfigurationKey(
        "away_share", .probability, .number(\.awayShare),
        doc: "Share of walk-ins filed at another unit of the same level (boundary-free filing; default 0)."),
    ]
  }

  /// `backlog[]`.
  public static var backlog: [ConfigurationKey<BacklogEntry>] {
    [
      .custom("unit", .text, doc: "Unit holding the dossiers (or `at_level`, or `split: {like: ...}`)."),
      .custom("at_level", .text, doc: "The count spread over every unit of this level."),
      .custom("under", .text, doc: "With `at_level`: only the units below this one."),
      .custom(
        "split", .other("`even`, or a mapping (below)"),
        doc: "How the count is spread, in whole dossiers (default `even`)."),
      .custom("procedure", .text, doc: "Their procedure.", required: true),
      ConfigurationKey(
        "count", .whole(min: 0, max: ModelLimits.backlogCount, what: "a number of dossiers"), .whole(\.count),
        doc: "How many.", required: true),
      ConfigurationKey(
        "received_from", .date, .optionalDate(\.receivedFrom), doc: "Received from (with `received_through`)."),
      ConfigurationKey(
        "received_through", .date, .optionalDate(\.receivedThrough), doc: "Received through (before `start`)."),
      ConfigurationKey(
        "overdue_share", .probability, .number(\.overdueShare), doc: "Share already past their due day (default 0)."),
    ]
  }
}

extension ConfigurationSchema {
  /// `demand[].split` and `backlog[].split`: the demand driver (`UnitSplit`).
  public static var split: [ConfigurationKey<UnitSplit>] {
    [
      .custom(
        "by", .choice(UnitSplit.Driver.allCases.map(\.rawValue)),
        doc: "What a unit's share grows with: its `population`, its `area_km2`, or `equal` (kind factors only).",
        required: true),
      .custom(
        "exponent", .number(min: 0, max: UnitSplitLimits.exponent, what: "an exponent"),
        doc: "Weight = value ^ exponent × kind factor (default 1: proportional)."),
      .custom(
        "kind_factors", .other("mapping kind: factor, each 0 to 1000"),
        doc: "Factor by unit `kind`; a kind not listed counts 1."),
      .custom(
        "like", .text,
        doc: "Backlog only, instead of `by`: the shares of the demand entry with this id (over its units)."),
    ]
  }
}

/// Bounds of the driver's parameters.
enum UnitSplitLimits {
  /// Largest exponent: a population of 10^9 to the 8th is still finite.
  static let exponent = 8.0
}

extension Array {
  /// The file names of a table's keys, in order (for readers and hints).
  public func keyNames<Root>() -> [String] where Element == ConfigurationKey<Root> { map(\.key) }
}
