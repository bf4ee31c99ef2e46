import DESKernel

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
  /// How long a citizen with a ticket waits to be called before leaving the hall
  /// (reneging); `nil`: they wait however long it takes (the model before patience).
  public var patience: Distribution?
  /// Balking: a citizen who finds at least `balkAbove` people waiting for their field's
  /// desks leaves without a ticket with probability `pBalk`; `nil`: nobody balks.
  public var balkAbove: Double?
  public var pBalk = 1.0
  /// A citizen who left the hall (reneged or balked) comes back on a later working day
  /// with this probability (pick-ups and supplements always come back).
  public var pReturnAfterLeaving = 0.9
  /// Of those whose patience runs out, the share who leave without telling anyone: their
  /// ticket stays in the line and, when called, costs the desk `absentCallTime`.
  public var pSilentLeave = 0.0
  /// Desk time spent calling a ticket nobody answers (a silent leaver, a remote ticket
  /// holder not yet in the hall) before calling the next one.
  public var absentCallTime: Distribution = try! .deterministic(60)
  /// A citizen turned away because the day's tickets are gone (`quota` on a desk group)
  /// comes back with this probability, after a delay in working days.
  public var pReturnAfterQuota = 0.95
  public var quotaReturnDelayWorkingDays: Distribution = try! .deterministic(1)
  public init() {}

  /// `true` when citizens may leave the line (patience) or not join it (balking): the
  /// run then draws from the units' patience streams.
  public var hasImpatience: Bool { patience != nil || balkAbove != nil }
}

extension CitizenBehaviour: CustomReflectable {
  /// The behaviour as `String(describing:)` (and so a scenario's hash) sees it: every field,
  /// except that patience and balking appear only when set. A scenario that does not use
  /// them keeps the hash it had before they existed, so its committed baselines and sweep
  /// manifests still match.
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("pReturnAfterIncomplete", pReturnAfterIncomplete), ("returnDelayWorkingDays", returnDelayWorkingDays),
      ("pReturnAfterTurnedAway", pReturnAfterTurnedAway), ("pNeverSupplement", pNeverSupplement),
      ("supplementDelayWorkingDays", supplementDelayWorkingDays), ("pPickupOnDueDay", pPickupOnDueDay),
      ("pickupDelayWorkingDays", pickupDelayWorkingDays), ("pPickupEarly", pPickupEarly),
      ("guidanceTime", guidanceTime), ("pickupTime", pickupTime), ("feePaymentTime", feePaymentTime),
      ("onTheSpotTime", onTheSpotTime), ("digitisationTime", digitisationTime), ("wastedVisitTime", wastedVisitTime),
      ("postalIntakeFactor", postalIntakeFactor), ("postalIncompleteFactor", postalIncompleteFactor),
      ("onlineCheckTime", onlineCheckTime),
    ]
    let defaults = CitizenBehaviour()
    if let patience { children.append(("patience", patience)) }
    if let balkAbove { children.append(("balkAbove", balkAbove)) }
    if pBalk != defaults.pBalk { children.append(("pBalk", pBalk)) }
    if pReturnAfterLeaving != defaults.pReturnAfterLeaving {
      children.append(("pReturnAfterLeaving", pReturnAfterLeaving))
    }
    // Silent leaving and the daily quota's return came later and were left out of the text
    // (two scenarios that differed only there shared a hash); like patience, they appear
    // only when set, so a scenario that keeps the defaults keeps its hash.
    if pSilentLeave != defaults.pSilentLeave { children.append(("pSilentLeave", pSilentLeave)) }
    if absentCallTime.description != defaults.absentCallTime.description {
      children.append(("absentCallTime", absentCallTime))
    }
    if pReturnAfterQuota != defaults.pReturnAfterQuota { children.append(("pReturnAfterQuota", pReturnAfterQuota)) }
    if quotaReturnDelayWorkingDays.description != defaults.quotaReturnDelayWorkingDays.description {
      children.append(("quotaReturnDelayWorkingDays", quotaReturnDelayWorkingDays))
    }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}
