/// What happened to a dossier at one hand-over: the rows of the "Form 05" dossier
/// processing control sheet (Circular 01/2018/TT-VPCP), plus the intake events
/// that precede acceptance, so a run can be audited dossier by dossier.
///
/// The vocabulary of the `Recorder`: every statistic of a run is counted from these
/// events, and the trace is the list of them (all but the two counted-only events).
public enum TraceEvent: UInt8, Sendable, CaseIterable {
  /// The citizen starts: first visit, post drop or online submission.
  case submitted
  /// Carried over from before the start (received earlier, in processing).
  case carriedOver
  /// Came to the office when it was closed or after the ticket cutoff.
  case turnedAway
  /// Took a ticket at the desk (`detail`: intake, pickup, supplement).
  case ticket
  /// Called to a desk (`detail`: the wait in seconds).
  case called
  /// Sent home unserved at closing time.
  case sentHome
  /// Form 01: accepted, deadline fixed (`due`).
  case accepted
  /// Form 02 at intake: incomplete, the citizen may come back.
  case incomplete
  /// Form 03: refused.
  case refused
  /// Only guidance given at the desk.
  case guidance
  /// The citizen gave up (did not come back).
  case abandoned
  /// Handed over to an agency (or to the next agency of the route).
  case handedOver
  /// The dossier reached the agency (after the paper transfer, if any).
  case reachedAgency
  /// An officer started on it.
  case workStarted
  /// The agency finished its step.
  case stepDone
  /// Form 02 from the back office: supplement requested, clock paused.
  case supplementRequested
  /// The supplement came in; clock resumed (`due` is the new due date).
  case supplementReceived
  /// The citizen never supplemented: withdrawn.
  case withdrawn
  /// Form 04: apology with a new appointment (`due` is the new date).
  case apology
  /// The result reached the front office: resolved (on time or overdue).
  case resolved
  /// The result is in the citizen's hands (picked up, delivered by post, or online).
  case returned
  /// Left the hall before being called: the citizen's patience ran out (`detail`: the
  /// wait in seconds).
  case leftLine
  /// Did not take a ticket: too many people waiting (`detail`: how many).
  case balked
  /// Counted only, not a row of `trace.csv`: in progress when the statistics period
  /// starts (the end of the warm-up), so counted as carried over.
  case enteredPeriod
  /// Counted only, not a row of `trace.csv`: the citizen came for a result that was not
  /// ready (a wasted pick-up visit).
  case resultNotReady
  /// Turned away because the day's tickets for the field are gone (a desk group's
  /// `quota`).
  case overQuota
  /// A remote ticket called before its holder came (`detail`: the seconds still to come,
  /// or -1 when they never come).
  case noShow
  /// Booked an appointment slot (`detail`: the days to it; issue 28, item 4).
  case booked
  /// A booked citizen who never came, at the end of the slot's grace.
  case appointmentNoShow
  /// A booked citizen who came later than the grace: the appointment is cancelled and
  /// they join the walk-ins (`detail`: the seconds past the grace).
  case lateCancelled
  /// Gave up: the first free slot was too far away (`detail`: the days to it).
  case gaveUp

  /// The name written in `trace.csv`.
  public var name: String {
    switch self {
    case .submitted: "submitted"
    case .carriedOver: "carried_over"
    case .turnedAway: "turned_away"
    case .ticket: "ticket"
    case .called: "called"
    case .sentHome: "sent_home"
    case .accepted: "accepted"
    case .incomplete: "incomplete"
    case .refused: "refused"
    case .guidance: "guidance"
    case .abandoned: "abandoned"
    case .handedOver: "handed_over"
    case .reachedAgency: "reached_agency"
    case .workStarted: "work_started"
    case .stepDone: "step_done"
    case .supplementRequested: "supplement_requested"
    case .supplementReceived: "supplement_received"
    case .withdrawn: "withdrawn"
    case .apology: "apology"
    case .resolved: "resolved"
    case .returned: "returned"
    case .leftLine: "left_line"
    case .balked: "balked"
    case .enteredPeriod: "entered_period"
    case .resultNotReady: "result_not_ready"
    case .overQuota: "over_quota"
    case .noShow: "no_show"
    case .booked: "booked"
    case .appointmentNoShow: "appointment_no_show"
    case .lateCancelled: "late_cancelled"
    case .gaveUp: "gave_up"
    }
  }

  /// `true` for the rows of the control sheet, written to the trace; `false` for the
  /// events only counted (they would add rows `trace.csv` never had).
  public var isWritten: Bool { self != .enteredPeriod && self != .resultNotReady }
}

/// One row of the trace: 32 bytes, recorded only when tracing is on.
public struct TraceRecord: Sendable, Equatable {
  public var time: Double
  /// The dossier's serial number in the replication (never reused).
  public var dossier: UInt32
  public var event: TraceEvent
  public var channelIn: ChannelIn
  public var step: Int16
  public var unit: Int32
  public var procedure: Int32
  /// The agency station (or -1 when none).
  public var station: Int32
  /// The due day (day index) for events that fix or change it, else -1.
  public var dueDay: Int32
  /// Event-specific: the ticket purpose, a wait in seconds, on time (1) or not (0), ...
  public var detail: Int32
}

/// When an `apology` was sent, its `TraceRecord.detail`: in time (R11: at the watch, at
/// the latest `apology_lead` working days before the due day), or at the end of the due day.
public enum ApologyTiming: Int32, Sendable {
  case onTime = 1
  case late = 2
}
