import DESKernel

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
  /// Planned annual leave, working days a year per officer, placed before the run
  /// outside `leaveOutsideMonths` (Labour Code 2019 Art. 113: 12 in normal conditions);
  /// nil means `ProcessingRules.annualLeaveDays`. With planned leave, `absenceDays` is
  /// the random part (sickness and other absences) only.
  public var annualLeaveDays: Double?
  /// Working days per spell of planned leave; nil means `ProcessingRules.leaveSpellDays`.
  public var leaveSpellDays: Double?
  /// Months (1 = January) without planned leave; nil means `ProcessingRules.leaveOutsideMonths`.
  public var leaveOutsideMonths: [Int]?
  /// Surge overtime; nil: the officers never work beyond their hours.
  public var overtime: OvertimeConfiguration?
  /// Staff moved in or gone on a date (the hand-over of 1 July 2025): from each change's
  /// date the agency has `officers × factor` officers (rounded), in date order.
  public var staffChanges: [StaffChange] = []

  public init(
    id: String, name: String? = nil, unit: String, officers: Int, hours: OpeningSchedule? = nil,
    discipline: QueueDiscipline = .fifo, absenceDays: Double? = nil, absenceSpellDays: Double = 1,
    saturdayCompensation: SaturdayCompensation = .overtime, annualLeaveDays: Double? = nil,
    leaveSpellDays: Double? = nil, leaveOutsideMonths: [Int]? = nil, overtime: OvertimeConfiguration? = nil
  ) {
    self.annualLeaveDays = annualLeaveDays
    self.leaveSpellDays = leaveSpellDays
    self.leaveOutsideMonths = leaveOutsideMonths
    self.overtime = overtime
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

extension AgencyConfiguration: CustomReflectable {
  /// The agency as `String(describing:)` (and so a scenario's hash) sees it: every field,
  /// except that planned leave and overtime appear only when set. A scenario that does
  /// not use them keeps the hash it had before they existed (baselines, sweep manifests).
  public var customMirror: Mirror {
    var children: [(label: String?, value: Any)] = [
      ("id", id), ("name", name), ("unit", unit), ("officers", officers), ("hours", hours as Any),
      ("discipline", discipline), ("absenceDays", absenceDays as Any), ("absenceSpellDays", absenceSpellDays),
      ("saturdayCompensation", saturdayCompensation),
    ]
    if let annualLeaveDays { children.append(("annualLeaveDays", annualLeaveDays)) }
    if let leaveSpellDays { children.append(("leaveSpellDays", leaveSpellDays)) }
    if let leaveOutsideMonths { children.append(("leaveOutsideMonths", leaveOutsideMonths)) }
    if let overtime { children.append(("overtime", overtime)) }
    if !staffChanges.isEmpty { children.append(("staffChanges", staffChanges)) }
    return Mirror(self, children: children, displayStyle: .struct)
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

/// A change of an agency's officers from a date: `factor` times its `officers` (0: all
/// gone; 1.2: a fifth more moved in).
public struct StaffChange: Sendable, Equatable {
  public var from: CivilDate
  public var factor: Double
  public init(from: CivilDate, factor: Double) {
    self.from = from
    self.factor = factor
  }
}
