import DESKernel
import OneStopModel

/// The key schema of scenario files: one table per section.
///
/// Each table lists a section's keys in the order they are read, printed and documented:
/// the scenario reader reads `bound` keys through it, unknown keys are matched against it
/// for "did you mean", the printed priors come from its `prior` notes (so every printed
/// key is a key `--set` accepts) and `docs/scenario-format.md`'s key reference is
/// generated from it (a test keeps the two equal).
public enum ConfigurationSchema {
  /// Top-level keys.
  public static var top: [ConfigurationKey<ModelConfiguration>] {
    [
      .custom("scenario", .text, doc: "Name of the scenario, for reports."),
      .custom("title", .text, doc: "The report's title in English (a variant does not keep its base's)."),
      .custom("title_vi", .text, doc: "The report's title in Vietnamese (a variant does not keep its base's)."),
      .custom("description", .text, doc: "One line on what the scenario is."),
      .custom("description_vi", .text, doc: "The description in Vietnamese, for Vietnamese reports."),
      .custom(
        "extends", .other("path of a base scenario file"),
        doc: """
          Makes this file a variant of its base (see Variants).
          """),
      .custom("start", .date, doc: "First simulated day.", required: true),
      .custom("end", .date, doc: "The day after the last simulated day.", required: true),
      .custom("warmup_until", .date, doc: "Statistics ignore what happens before this date."),
      .custom(
        "seed", .whole(min: 0, max: (1 << 53) - 1, what: "a seed"),
        doc: "Master seed (default 1); `--seed` overrides it."),
      .custom(
        "replications", .whole(min: 1, max: ModelLimits.replications, what: "a number of replications"),
        doc: "Replications (default 1); `--replications` overrides it."),
      .custom("report_language", .choice(["vi", "en"]), doc: "Language of `onestop report` (default vi)."),
      .custom("calendar", .other("mapping"), doc: "The working-day calendar (below)."),
      .custom("levels", .other("list of names, top first"), doc: "Administrative levels.", required: true),
      .custom(
        "fields", .other("list of names, or of `{id, name, name_vi}`"),
        doc: "Ticket categories (at most 64); a mapping names one for reports (default: the catalogue's word).",
        required: true),
      .custom(
        "hours", .other("mapping of named opening hours"), doc: "Opening hours that units, desks and agencies name."),
      .custom(
        "unit_defaults", .other("mapping of level (or `all`) to unit keys"),
        doc: "Unit keys every unit of a level takes unless it says otherwise."),
      .custom(
        "unit_table", .other("path of a CSV file"),
        doc: "A table of units, one row per unit, relative to the file that names it (see Unit tables)."),
      .custom(
        "units", .other("list"),
        doc: "Units and their front offices (below); required unless `unit_table` gives them.", required: true),
      .custom("agencies", .other("list"), doc: "Back offices (below)."),
      .custom("procedures", .other("list"), doc: "Procedures (below).", required: true),
      .custom("demand", .other("list"), doc: "New dossiers a year at each unit (below)."),
      .custom("behaviour", .other("mapping"), doc: "How citizens behave (below)."),
      .custom("rules", .other("mapping"), doc: "Processing rules of the province (below)."),
      .custom(
        "backlog", .other("list, or `{from_warmup: DATE}`"), doc: "Dossiers carried over from before the start (below)."
      ),
      .custom(
        "index766", .other("mapping"),
        doc: "Score the service index of Decision 766 per unit and month (below; results `index766.csv`)."),
      .custom(
        "uncertainty", .other("list"),
        doc: "Plausible ranges of values the sources do not fix, for `sensitivity` and `--uncertainty` (below)."),
    ]
  }

  /// `uncertainty:`: one entry per key whose value the sources do not fix. Read by
  /// `ScenarioBuilder+Uncertainty`; never part of the model.
  public static var uncertainty: [ConfigurationKey<ScenarioRange>] {
    [
      .custom(
        "key", .other("key path in the `--set` syntax"), doc: "The value the range is for.", required: true),
      .custom(
        "range", .other("`LOW..HIGH`"),
        doc: "Numbers in the unit the scenario writes, factors on a distribution's durations, or times `HH:MM`.",
        required: true),
      .custom("source", .text, doc: "Where the range comes from (report, decree, survey).", required: true),
      .custom("source_vi", .text, doc: "The source in Vietnamese, for Vietnamese reports."),
      .custom(
        "distribution", .choice(ScenarioRange.Spread.allCases.map(\.rawValue)),
        doc: "How values spread over the range: `uniform` (default) or `triangular` (peak at today's value)."),
      .custom("fitted", .flag, doc: "Written by `onestop calibrate`: the range its fit cannot narrow (default false)."),
    ]
  }

  /// `calendar:`.
  public static var calendar: [ConfigurationKey<CalendarSettings>] {
    [
      ConfigurationKey(
        "vietnam", .flag, .flag(\.vietnam), doc: "Use Vietnam's bundled civil-service calendar (2022-2026)."),
      .custom("extra_days_off", .other("list of dates"), doc: "Extra Monday-Friday days off."),
      .custom("extra_working_days", .other("list of dates"), doc: "Extra worked weekend days."),
      ConfigurationKey(
        "saturday_counts_for_deadline", .flag, .flag(\.saturdayCountsForDeadline),
        doc: "Whether a Saturday counts toward deadlines.", prior: "R19: unverified"),
      ConfigurationKey(
        "allow_unbundled_years", .flag, .flag(\.allowUnbundledYears),
        doc: "Allow years without a bundled calendar (only weekends and the extra days then apply)."),
    ]
  }

  /// `behaviour:`: how citizens behave (all priors).
  public static var behaviour: [ConfigurationKey<CitizenBehaviour>] {
    let wd = DurationUnit.workingDays, s = DurationUnit.seconds
    return [
      ConfigurationKey(
        "p_return_after_incomplete", .probability, .number(\.pReturnAfterIncomplete),
        doc: "Probability of coming back after an incomplete or guidance-only visit.", prior: "no source"),
      ConfigurationKey(
        "return_delay", .distribution(wd), .distribution(\.returnDelayWorkingDays),
        doc: "When they come back.", prior: "no source"),
      ConfigurationKey(
        "p_return_after_turned_away", .probability, .number(\.pReturnAfterTurnedAway),
        doc: "Probability of coming back on a later working day after being turned away.", prior: "no source"),
      ConfigurationKey(
        "p_never_supplement", .probability, .number(\.pNeverSupplement),
        doc: "Probability of never answering a supplement request.", prior: "prior, no source: 10 % never return"),
      ConfigurationKey(
        "supplement_delay", .distribution(wd), .distribution(\.supplementDelayWorkingDays),
        doc: "Delay of an answer to a supplement request.", prior: "prior, no source: mean 5 wd"),
      ConfigurationKey(
        "p_pickup_on_due_day", .probability, .number(\.pPickupOnDueDay),
        doc: "Share who pick up their result on the appointment day.", prior: "prior, no source: 60 %"),
      ConfigurationKey(
        "pickup_delay", .distribution(wd), .distribution(\.pickupDelayWorkingDays),
        doc: "How much later the others come.", prior: "prior, no source: mean 3 wd later"),
      ConfigurationKey(
        "p_pickup_early", .probability, .number(\.pPickupEarly),
        doc: "Share who come before the appointment (a wasted visit if the result is not ready).",
        prior: "prior, no source: 5 % come before ready"),
      ConfigurationKey(
        "guidance_time", .distribution(s), .distribution(\.guidanceTime),
        doc: "Desk time of a guidance-only or incomplete visit.", prior: "prior, no source: mean 6 min"),
      ConfigurationKey(
        "pickup_time", .distribution(s), .distribution(\.pickupTime),
        doc: "Desk time to hand over a result.", prior: "prior, no source: mean 4 min"),
      ConfigurationKey(
        "fee_payment_time", .distribution(s), .distribution(\.feePaymentTime),
        doc: "Desk time to pay a fee at pick-up."),
      ConfigurationKey(
        "on_the_spot_time", .distribution(s), .distribution(\.onTheSpotTime),
        doc: "Desk time of a procedure resolved on the spot.", prior: "prior, no source: mean 30 min"),
      ConfigurationKey(
        "digitisation_time", .distribution(s), .distribution(\.digitisationTime),
        doc: "Desk time to digitise a paper dossier (the unit's `digitisation_from` or `digitisation`).",
        prior: "prior, no source: 3-8 min (R24)"),
      ConfigurationKey(
        "wasted_visit_time", .distribution(s), .distribution(\.wastedVisitTime),
        doc: "Desk time of a visit that finds the result not ready."),
      ConfigurationKey(
        "online_check_time", .distribution(s), .distribution(\.onlineCheckTime),
        doc: "Officer time to check an online submission.", prior: "prior, no source: mean 10 min"),
      ConfigurationKey(
        "patience", .distribution(s), .optionalDistribution(\.patience),
        doc:
          "How long a citizen with a ticket waits to be called before leaving the hall (default `null`: however long "
          + "it takes). No Vietnamese measurement exists (docs/model-assumptions.md)."),
      ConfigurationKey(
        "balk_above", .number(min: 0, max: 1_000_000, what: "a number of people"), .optionalNumber(\.balkAbove),
        doc: "A citizen who finds at least this many people waiting for their field's desks takes no ticket with "
          + "probability `p_balk` (default `null`: nobody balks)."),
      ConfigurationKey("p_balk", .probability, .number(\.pBalk), doc: "See `balk_above` (default 1)."),
      ConfigurationKey(
        "p_return_after_leaving", .probability, .number(\.pReturnAfterLeaving),
        doc: "Probability that a citizen who left the line or balked comes back on a later working day (default 0.9)."),
      ConfigurationKey("p_silent_leave", .probability, .number(\.pSilentLeave),
        doc: "Of those whose patience runs out, the share who leave without notice: their ticket is still called "
          + "(default 0)."),
      ConfigurationKey("absent_call_time", .distribution(s), .distribution(\.absentCallTime),
        doc: "Desk time lost calling a ticket nobody answers (default 1 min, no source; not listed with the priors, "
          + "so that scenarios without absent calls print as before)."),
      ConfigurationKey("p_return_after_quota", .probability, .number(\.pReturnAfterQuota),
        doc: "Probability that a citizen turned away by a desk group's `quota` comes back (default 0.95)."),
      ConfigurationKey("quota_return_delay", .distribution(.workingDays), .distribution(\.quotaReturnDelayWorkingDays),
        doc: "When they come back, in working days (default 1)."),
      ConfigurationKey(
        "postal_intake_factor", .number(min: 0.01, max: 100, what: "a number"), .number(\.postalIntakeFactor),
        doc: "Desk time to receive a postal dossier, relative to intake.", prior: "no source"),
      ConfigurationKey(
        "postal_incomplete_factor", .number(min: 0, max: 10, what: "a number"), .number(\.postalIncompleteFactor),
        doc: "Probability that a postal dossier is incomplete, relative to the desk.",
        prior: "no source: the postal worker checks the list (R14)"),
    ]
  }

  /// `rules:`: processing rules of the province.
  public static var rules: [ConfigurationKey<ProcessingRules>] {
    let wd = DurationUnit.workingDays
    return [
      ConfigurationKey(
        "province_cut", .number(min: 0, max: 0.99, what: "a fraction"), .number(\.provinceCut),
        doc: "Provincial cut of deadlines of at least `cut_threshold` (Bac Giang: 0.25-0.3)."),
      ConfigurationKey(
        "cut_threshold", .workingDays, .whole(\.cutThresholdWorkingDays),
        doc: "Deadlines this long or longer are cut by `province_cut`."),
      ConfigurationKey(
        "inter_level_handover", .workingDays, .whole(\.interLevelHandoverWorkingDays),
        doc: "Extra working days for a paper hand-over between levels.", prior: "R16: unverified"),
      ConfigurationKey(
        "apology_lead", .workingDays, .whole(\.apologyLeadWorkingDays),
        doc: "An apology (Form 04) is issued this many working days before the due date of an unresolved dossier.",
        prior: "R11: local rules vary (0-1 day)"),
      ConfigurationKey(
        "apology_extension", .workingDays, .whole(\.apologyExtensionWorkingDays),
        doc: "The new appointment is this many working days later.", prior: "no source"),
      ConfigurationKey(
        "apology_compliance", .probability, .optionalNumber(\.apologyCompliance),
        doc: "Decree 61/2018 timing: share of the dossiers still in processing `apology_lead` before their due day "
          + "that get their letter then (default `null`: a letter then only when fixed delays alone end too late)."),
      .choice(
        "late_apology", \.lateApology,
        doc: "A dossier overdue without a timely letter gets one at the end of its due day, or none."),
      ConfigurationKey(
        "postal_in_transit", .distribution(wd), .distribution(\.postalInTransit),
        doc: "Postal transit from a post point to the office.", prior: "R14: transit times unverified"),
      ConfigurationKey(
        "postal_out_transit", .distribution(wd), .distribution(\.postalOutTransit),
        doc: "Postal transit from the office to the citizen.", prior: "R14: transit times unverified"),
      ConfigurationKey(
        "postal_collection_time", .time, .time(\.postalCollectionTime),
        doc: "Daily collection time at post points.", prior: "no source"),
      .choice(
        "online_receipt", \.onlineReceipt,
        doc: "When an online dossier counts as received: the day an officer accepts it, or the day it was submitted.",
        prior: "R12: general rule unverified"),
      .choice(
        "charged_to", \.chargedTo,
        doc: "A dossier filed away from home is charged to the receiving unit (the portal's rule) "
          + "or the deciding one."),
      ConfigurationKey(
        "lead_time_after_supplement", .number(min: 0, max: 1, what: "a fraction"), .number(\.leadTimeAfterSupplement),
        doc: "A step worked again after a supplement takes this fraction of its lead time.", prior: "no source"),
      ConfigurationKey(
        "officer_absence_days", .number(min: 0, max: 200, what: "working days a year"), .number(\.officerAbsenceDays),
        doc: "Working days a year each officer is away, for agencies that do not say."),
      ConfigurationKey(
        "annual_leave_days", .number(min: 0, max: 200, what: "working days a year"),
        .optionalNumber(\.annualLeaveDays),
        doc: "Planned annual leave per officer, for agencies that do not say (Labour Code 2019 Art. 113: 12); "
          + "`null`: none planned, `officer_absence_days` holds all absences."),
      ConfigurationKey(
        "leave_spell", .workingDays, .number(\.leaveSpellDays),
        doc: "Working days per spell of planned leave, for agencies that do not say (a working week)."),
      .custom(
        "leave_outside_months", .other("list of months, 1 to 12"),
        doc: "Months without planned leave, for agencies that do not say (default none)."),
    ]
  }
}
