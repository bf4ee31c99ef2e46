import DESKernel

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

  public init(
    place: StepPlace, work: Distribution, appraisal: Bool = false, leadTime: Distribution? = nil,
    fixedWait: FixedWait? = nil
  ) {
    self.place = place
    self.work = work
    self.appraisal = appraisal
    self.leadTime = leadTime
    self.fixedWait = fixedWait
  }
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
