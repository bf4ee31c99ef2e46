import DESKernel

extension CompiledModel {
  /// A one-stop unit (front office): its level, hours, cutoffs, desk groups and online
  /// intake station. Its id and name are `names.units[u]`.
  public struct Unit: Sendable {
    public let level: Int
    public let parent: Int?
    public let schedule: Int
    /// Seconds after midnight after which paper leaves the next working day.
    public let transferCutoff: Double
    /// Seconds after midnight from which no ticket is issued; +infinity when the unit
    /// has no ticket cutoff.
    public let ticketCutoff: Double
    public let closingRule: ClosingRule
    public let deskGroups: Range<Int>
    public let onlineStation: Int
    /// The unit's digitisation periods in `digitisationPeriods`, in date order (empty:
    /// nothing is digitised).
    public let digitisation: Range<Int>
    /// The demand entry whose return shares and walk-in profile apply to the unit's
    /// carried-over dossiers and planned visits (nil when none names the unit).
    public internal(set) var demand: Int?
    /// Planned-visit profiles (pick-ups, returns): schedule pattern k's is
    /// `visitProfiles.lowerBound + k` of the profile table.
    public internal(set) var visitProfiles: Range<Int> = 0..<0
  }

  /// From day index `fromDay` (from the run's start; negative before it) until the next
  /// period of its unit, a share `share` of the unit's paper dossiers is digitised at intake.
  public struct Digitisation: Sendable {
    public let fromDay: Int
    public let share: Double
  }

  /// Desks of one group at a unit, serving the fields of `fieldMask`. A lunch stagger
  /// splits a configured group in two (`names.deskGroups` gives the second "/late").
  public struct DeskGroup: Sendable {
    public let unit: Int
    public let count: Int
    public let firstDesk: Int
    /// Bit i set: serves field i.
    public let fieldMask: UInt64
    public let schedule: Int
    public let staff: StaffType
    /// Service-time factor of the group's desks.
    public let factor: Double
  }

  /// A pool of officers working in working time: an agency's back office, or a unit's
  /// online intake officers. Its id and name are `names.stations[s]`.
  public struct Station: Sendable {
    public let unit: Int
    /// Officers (the most it ever has, with `staffChanges`).
    public let officers: Int
    public let schedule: Int
    public let discipline: QueueDiscipline
    public let isOnlineIntake: Bool
    /// Its officers by date (`staff_changes`): entries of `staffFromDay`/`staffOfficers`,
    /// the first from the start; empty when the officers never change.
    public internal(set) var staffChanges: Range<Int> = 0..<0
    /// `true` when the station's officers change on a date.
    @inline(__always) public var changesStaff: Bool { !staffChanges.isEmpty }
    /// Probability that an officer is away on a working day (absence days / working
    /// days of the year).
    public let absenceShare: Double
    /// Mean absence spell in working days.
    public let absenceSpell: Double
    /// Per working day: probability that an officer at work starts an absence, and that
    /// an absent one comes back (spells of mean `absenceSpell` days, a share
    /// `absenceShare` of days away in the long run).
    public let absenceStart: Double
    public let absenceReturn: Double
    public let saturdayCompensation: SaturdayCompensation
    /// Planned annual leave per officer over the run, in working days (the yearly days
    /// pro-rated to the run's working days; 0: none planned), in spells of `leaveSpell`
    /// working days, on working days of the months whose bit is set in `leaveMonths`
    /// (bit 0: January).
    public internal(set) var leaveDays = 0.0
    public internal(set) var leaveSpell = 5
    public internal(set) var leaveMonths: UInt16 = 0xFFF
    /// Surge overtime: the schedule of a surge day (the station's hours plus the evening
    /// on a working day, plus the Saturday hours on a Saturday off; -1: no overtime),
    /// the backlog in days of work above which a working day is a surge day, and the
    /// caps per officer in seconds a calendar month and a calendar year.
    public internal(set) var surgeSchedule = -1
    public internal(set) var surgeBacklogDays = 0.0
    public internal(set) var overtimeCapMonth = 0.0
    public internal(set) var overtimeCapYear = 0.0

    /// `true` when the station plans leave.
    @inline(__always) public var plansLeave: Bool { leaveDays > 0 }
    /// `true` when the station works overtime in a surge.
    @inline(__always) public var hasOvertime: Bool { surgeSchedule >= 0 }
  }

  /// A procedure: its field, deadline, channel options, desk outcome shares and the
  /// range of its steps in `steps`. Its id, name and owner are `names.procedures[p]`.
  public struct Procedure: Sendable {
    public let field: Int
    /// The deadline as configured; a working-days deadline runs `effectiveDays`.
    public let deadline: Deadline
    /// Working days after the provincial cut (for `.workingDays`).
    public let effectiveDays: Int
    public let steps: Range<Int>
    public let onlineMode: OnlineMode
    public let postalAllowed: Bool
    public let onTheSpot: Bool
    public let pIncomplete, pRefused, pGuidanceOnly, pSupplement: Double
    public let maxSupplementRequests: Int
    public let supplementClock: SupplementClock
    public let feeAtPickup: Bool
    /// Filed away from home, decided by the citizen's home unit (else by the receiving one).
    public let decidedAtHome: Bool

    /// `true` for a deadline in whole days, working or calendar (the clock that pauses and
    /// restarts by the day, watched on its due day; only working days are cut by the
    /// province).
    @inline(__always)
    public var countsWorkingDays: Bool {
      switch deadline {
      case .workingDays, .calendarDays: return true
      case .sameDay, .workingHours: return false
      }
    }

    /// `true` for a deadline in calendar days.
    @inline(__always)
    public var countsCalendarDays: Bool {
      if case .calendarDays = deadline { return true }
      return false
    }
  }

  /// One back-office step of a procedure (its work and lead time distributions are at
  /// the same index of `stepWork` and `stepLead`; its station depends on the route).
  public struct Step: Sendable {
    /// An appraisal step may ask for a supplement.
    public let appraisal: Bool
    public let hasLeadTime: Bool
    /// Fixed legal wait after the step: length (0 = none), in calendar or working days,
    /// and whether it counts against the deadline.
    public let fixedWaitDays: Int
    public let fixedWaitInCalendarDays: Bool
    public let fixedWaitCounts: Bool
  }
}
