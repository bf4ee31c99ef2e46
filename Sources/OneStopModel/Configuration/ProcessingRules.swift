import DESKernel

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
  /// Decree 61/2018 Art. 19(9) timing (R11): of the dossiers still in processing at the
  /// watch (`apologyLeadWorkingDays` before the due day), the share the agency sends a
  /// letter then. nil: a letter then only when fixed delays alone end after the due date.
  public var apologyCompliance: Double?
  /// What a dossier that turns overdue without a timely letter gets.
  public var lateApology = LateApology.endOfDueDay
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
  /// Planned annual leave, working days a year per officer, for agencies that do not
  /// say (Labour Code 2019 Art. 113: 12); nil: none planned, `officerAbsenceDays` holds
  /// all absences as random spells.
  public var annualLeaveDays: Double?
  /// Working days per spell of planned leave (prior 5: a working week).
  public var leaveSpellDays = 5.0
  /// Months (1 = January) in which offices plan no leave (their known peaks).
  public var leaveOutsideMonths: [Int] = []
  /// Where a dossier filed away from home is charged (late or on time): the receiving
  /// unit (the national portal's attribution, default) or the deciding unit.
  public var chargedTo = ChargedUnit.receiving
  public init() {}
}

extension ProcessingRules: CustomReflectable {
  /// The rules as `String(describing:)` (and so a scenario's hash) sees them: every
  /// field, except that the apology timing keys and planned leave appear only when set, so
  /// that a scenario without them keeps the hash it had before they existed (and its
  /// baselines and sweep manifests).
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("onlineReceipt", onlineReceipt), ("provinceCut", provinceCut),
      ("cutThresholdWorkingDays", cutThresholdWorkingDays),
      ("interLevelHandoverWorkingDays", interLevelHandoverWorkingDays),
      ("apologyLeadWorkingDays", apologyLeadWorkingDays), ("apologyExtensionWorkingDays", apologyExtensionWorkingDays),
      ("postalInTransit", postalInTransit), ("postalOutTransit", postalOutTransit),
      ("postalCollectionTime", postalCollectionTime), ("leadTimeAfterSupplement", leadTimeAfterSupplement),
      ("officerAbsenceDays", officerAbsenceDays),
    ]
    if let apologyCompliance { children.append(("apologyCompliance", apologyCompliance)) }
    if lateApology != .endOfDueDay { children.append(("lateApology", lateApology)) }
    let defaults = ProcessingRules()
    if let annualLeaveDays { children.append(("annualLeaveDays", annualLeaveDays)) }
    if leaveSpellDays != defaults.leaveSpellDays { children.append(("leaveSpellDays", leaveSpellDays)) }
    if !leaveOutsideMonths.isEmpty { children.append(("leaveOutsideMonths", leaveOutsideMonths)) }
    if chargedTo != .receiving { children.append(("chargedTo", chargedTo)) }
    return Mirror(self, children: children, displayStyle: .struct)
  }
}

/// The unit a dossier filed away from home is charged to (boundary-free filing).
public enum ChargedUnit: String, Sendable, CaseIterable {
  /// The unit that received it: the portal's attribution (a Phú Thọ delegation's complaint
  /// and the Ministry of Agriculture and Environment's answer, laodong.vn 1626638).
  case receiving
  /// The unit whose agency decided it.
  case deciding
}

/// The letter of a dossier that turns overdue without a timely one (R11).
public enum LateApology: String, Sendable, CaseIterable {
  /// A letter at the end of the due day (the default, and the model before R11 timing).
  case endOfDueDay = "end-of-due-day"
  /// No letter: the citizen learns of the delay at the desk.
  case noLetter = "none"
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
