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
