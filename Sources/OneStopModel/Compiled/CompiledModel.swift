import DESKernel

/// Channel by which a dossier comes in.
public enum ChannelIn: Int, Sendable, CaseIterable, CustomStringConvertible {
  case walkIn = 0, postal, online
  public var description: String { ["walk-in", "postal", "online"][rawValue] }
}

/// Channel by which the result goes back.
public enum ChannelOut: Int, Sendable, CaseIterable, CustomStringConvertible {
  case pickup = 0, postal, online
  public var description: String { ["pickup", "postal", "online"][rawValue] }
}

/// A configuration with every name resolved to an index and every schedule laid out
/// over the run: immutable, shared by all replications (and threads).
public struct CompiledModel: Sendable {
  /// A receiving unit with its level, parent, schedule and cutoffs as indices and seconds.
  public struct Unit: Sendable {
    public let id: String
    public let name: String
    public let level: Int
    public let parent: Int?
    public let schedule: Int
    public let transferCutoff: Double
    public let ticketCutoff: Double?
    public let closingRule: ClosingRule
    public let deskGroups: Range<Int>
    public let onlineStation: Int
    /// First day index (from the run's start) with digitisation at intake.
    public let digitisationFromDay: Int
  }

  /// Identical desks of one unit: their first index in the flat desk array, the fields they
  /// serve as a bit mask, and their own schedule.
  public struct DeskGroup: Sendable {
    public let id: String
    public let unit: Int
    public let count: Int
    public let firstDesk: Int
    /// Bit i set: serves field i.
    public let fieldMask: UInt64
    public let schedule: Int
    public let staff: StaffType
    public let factor: Double
  }

  /// A pool of officers working in working time: an agency's back office, or a unit's
  /// online intake officers.
  public struct Station: Sendable {
    public let id: String
    public let name: String
    public let unit: Int
    public let officers: Int
    public let schedule: Int
    public let discipline: QueueDiscipline
    public let isOnlineIntake: Bool
    /// Probability that an officer is away on a working day (absence days / working
    /// days of the year).
    public let absenceShare: Double
    /// Mean absence spell in working days.
    public let absenceSpell: Double
    public let saturdayCompensation: SaturdayCompensation
  }

  /// One processing step of a procedure: its work, whether it is an appraisal, and the wait
  /// outside the office (lead time or fixed wait) that follows it.
  public struct Step: Sendable {
    public let work: Distribution
    public let appraisal: Bool
    public let leadTime: Distribution?
    public let fixedWait: FixedWait?
  }

  /// A procedure with its field, deadline in working days after the provincial cut, steps and
  /// online mode resolved.
  public struct Procedure: Sendable {
    public let id: String
    public let name: String
    public let field: Int
    public let deadline: Deadline
    /// Working days after the provincial cut (for `.workingDays`).
    public let effectiveDays: Int
    public let steps: [Step]
    public let onlineMode: OnlineMode
    public let postalAllowed: Bool
    public let onTheSpot: Bool
    public let pIncomplete, pRefused, pGuidanceOnly, pSupplement: Double
    public let maxSupplementRequests: Int
    public let supplementClock: SupplementClock
    public let intakeTime: Distribution
    public let feeAtPickup: Bool
    /// The agency responsible for the procedure (its first step's agency: the land
    /// office for a land certificate, even when a leader signs last), for reports.
    public let owner: String
  }

  /// One non-homogeneous Poisson arrival stream: a unit, a channel and a group of
  /// procedures sharing channel options.
  public struct Stream: Sendable {
    public let unit: Int
    public let channel: ChannelIn
    /// Procedure indices and the conditional mix within the stream.
    public let procedures: [Int]
    let mix: Distribution
    /// Expected arrivals per day before day factors: annual volume × group share /
    /// normaliser.
    let baseDaily: Double
    let onlineCapable: Bool
    let postalCapable: Bool
    let demand: Int
    /// Day profiles: per schedule pattern of the unit (walk-in, postal), or one for online.
    let profiles: [DayProfile]
    let usesUnitSchedule: Bool
  }

  public let configuration: ModelConfiguration
  public let calendar: WorkCalendar
  /// Day number of the run's first day, and number of simulated days.
  public let epochDay: Int
  public let horizonDays: Int
  /// Statistics start at this instant.
  public let warmupEnd: Double
  public let levels: [String]
  public let fields: [String]
  public let units: [Unit]
  public let deskGroups: [DeskGroup]
  public let deskCount: Int
  public let stations: [Station]
  public let procedures: [Procedure]
  public let schedules: [ResolvedSchedule]
  /// The schedules and the calendar again, as flat buffers the event loop reads without
  /// reference counting (`CalendarReader`).
  public let calendarTable: CalendarTable
  public let streams: [Stream]
  /// routes[p * units.count + u] = station of each step of procedure p received at unit u
  /// (empty when the route cannot be resolved: the procedure is not offered there).
  public let routes: [[Int32]]
  /// Dossier-level outcome probabilities of returns, per demand.
  public let demandReturnShares: [(postal: Double, online: Double)]
  public let demandConfigurations: [DemandConfiguration]
  /// Plain-data tables for the event loop.
  var hot = HotTables()

  /// Instant (seconds from the start) at which the run ends.
  public var endTime: Double { Double(horizonDays) * 86_400 }

  /// Compiles `configuration`, or throws every problem found.
  ///
  /// Sizes first (`limitProblems`): nothing may be laid out for a horizon or a count out
  /// of range. Then the steps in order, each checking what it compiles: the time range
  /// and calendar, names, units and desks, parent links, agencies, procedures, routes,
  /// demand streams, backlog.
  public init(_ configuration: ModelConfiguration) throws(ConfigurationErrors) {
    let limits = Self.limitProblems(configuration)
    if !limits.isEmpty { throw ConfigurationErrors(problems: limits) }
    var k = Compiler(configuration)
    k.indexNames()
    k.compileUnits()
    k.checkParentLinks()
    k.compileAgencies()
    k.compileProcedures()
    k.compileRoutes()
    k.compileDemand()
    k.checkBacklog()
    if !k.problems.isEmpty { throw ConfigurationErrors(problems: k.problems) }
    self.configuration = configuration
    levels = configuration.levels
    fields = configuration.fields
    epochDay = k.epoch
    horizonDays = k.horizon
    warmupEnd = k.warmupEnd
    calendar = k.calendar
    units = k.units
    deskGroups = k.groups
    deskCount = k.deskCount
    stations = k.stations
    procedures = k.procedures
    schedules = k.schedules
    calendarTable = CalendarTable(schedules: k.schedules, calendar: k.calendar)
    streams = k.streams
    routes = k.routes
    demandReturnShares = k.returnShares
    demandConfigurations = configuration.demand
    hot = HotTables(self)
  }

  /// `true` when desk hours moved by a lunch stagger are valid and lie within the
  /// unit's hours on every day of the week (and of each season the unit shares);
  /// otherwise reports why through `problem`.
  static func staggerFits(_ late: OpeningSchedule, within unit: OpeningSchedule, problem: (ProblemText) -> Void) -> Bool {
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    var weeks = [(late.base, unit.base, "")]
    for s in late.seasons {
      let match = unit.seasons.first { $0.fromMonth == s.fromMonth && $0.fromDay == s.fromDay && $0.throughMonth == s.throughMonth && $0.throughDay == s.throughDay }
      weeks.append((s.hours, match?.hours ?? unit.base, " (season from \(s.fromMonth)-\(s.fromDay))"))
    }
    for (desk, open, season) in weeks {
      for d in 0..<7 {
        if let p = desk.days[d].problems().first {
          problem("the later half's hours on \(names[d])\(season) are invalid (\(p)): the stagger is longer than the afternoon")
          return false
        }
        if !open.days[d].contains(desk.days[d]) {
          problem("the later half's hours \(desk.days[d]) on \(names[d])\(season) lie outside the unit's opening hours \(open.days[d]); open the unit through lunch (e.g. \(key: .hours) 07:00-17:00) and give the desks their break in their own hours")
          return false
        }
      }
    }
    return true
  }

  /// Why a ticket cutoff lies outside the unit's weekly opening hours (at or before
  /// the first opening, after the last closing), or nil when it lies within them.
  static func cutoffProblem(_ cut: TimeOfDay, within hours: OpeningSchedule) -> String? {
    let intervals = ([hours.base] + hours.seasons.map(\.hours)).flatMap { $0.days.flatMap(\.intervals) }
    guard let first = intervals.map(\.open).min(), let last = intervals.map(\.close).max() else { return nil }
    if cut.seconds > first && cut.seconds <= last { return nil }
    func hhmm(_ s: Int) -> String { TimeOfDay(hours: s / 3600, minutes: (s % 3600) / 60)?.description ?? "\(s) s" }
    return "expected a time after the unit opens (\(hhmm(first))) and at most when it closes (\(hhmm(last))), found \(cut)"
  }

  /// The kind of an agency id: the part before "@" ("TNMT@province" -> "TNMT").
  static func kind(of id: String) -> String {
    if let at = id.firstIndex(of: "@") { return String(id[..<at]) }
    return id
  }

  /// Expected arrivals of stream `k` on day index `day`.
  @inline(__always)
  func dailyVolume(stream k: Int, day: Int) -> Double {
    if day >= 0 && day < horizonDays { return hot.streamDaily[k * horizonDays + day] }
    return hot.volume(stream: k, dayNumber: epochDay + day, month: CivilDate(dayNumber: epochDay + day).month - 1)
  }
}
