import DESKernel

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
  /// Which commune decides a dossier filed away from home (boundary-free filing,
  /// Decree 118/2025): the citizen's home commune (default) or the receiving one.
  public var decidedAt = DecidingUnit.home

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

extension ProcedureConfiguration: CustomReflectable {
  /// The procedure as `String(describing:)` (and so a scenario's hash) sees it: every
  /// field, with `decidedAt` only when not the default, so that a scenario without it
  /// keeps its hash (baselines, sweep manifests).
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("id", id), ("name", name), ("field", field), ("deadline", deadline), ("steps", steps),
      ("onlineMode", onlineMode), ("postalAllowed", postalAllowed), ("onTheSpot", onTheSpot),
      ("pIncomplete", pIncomplete), ("pRefused", pRefused), ("pGuidanceOnly", pGuidanceOnly),
      ("pSupplement", pSupplement), ("maxSupplementRequests", maxSupplementRequests),
      ("supplementClock", supplementClock), ("intakeTime", intakeTime), ("feeAtPickup", feeAtPickup),
    ]
    if decidedAt != .home { children.append(("decidedAt", decidedAt)) }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}

/// Which commune decides a dossier received away from the citizen's home commune.
public enum DecidingUnit: String, Sendable, CaseIterable {
  /// The home commune: where the citizen resides or the land lies (civil status, land).
  case home
  /// The commune that received it (certification of copies, Decree 23/2015 Art. 5).
  case receiving
}

/// A legal deadline.
public enum Deadline: Sendable, Equatable {
  /// Resolved the same day; accepted after the transfer cutoff -> next working day (R6).
  case sameDay
  /// N working days, receipt day not counted (R7, R8).
  case workingDays(Int)
  /// N working hours from receipt.
  case workingHours(Double)
  /// N calendar days ("ngày", days off included; Circular 03/2022/TT-BTP), receipt day not
  /// counted; a period ending on a day off ends on the next working day (Civil Code 2015
  /// Art. 148(5)). The provincial cut does not apply.
  case calendarDays(Int)
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
