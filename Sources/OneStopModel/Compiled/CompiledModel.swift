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
///
/// One set of tables serves the event loop and the reports. A row (`Unit`, `DeskGroup`,
/// `Station`, `Procedure`, `Step`, `Stream`, `Demand`, `Backlog`) holds numbers,
/// flags, enums and index ranges into flat arrays, never a string or a nested array:
/// binding a row in a handler is a load, not a retain. Distributions (which may hold a
/// shared table) sit in flat arrays of their own, and every name a report prints sits in
/// `names`. The run reads nothing else: not the configuration it came from.
public struct CompiledModel: Sendable {
  public let calendar: WorkCalendar
  /// Day number of the run's first day, and number of simulated days.
  public let epochDay: Int
  public let horizonDays: Int
  /// Statistics start at this instant (seconds from the start), and on this date (nil:
  /// from the first day): the file's `warmup_until`, or the run's warm-up request
  /// resolved against the start (`Warmup`).
  public let warmupEnd: Double
  public let warmupUntil: CivilDate?
  public let levelCount: Int
  public let fieldCount: Int
  public let units: [Unit]
  public let deskGroups: [DeskGroup]
  public let deskCount: Int
  /// The units' digitisation periods (unit u's at `units[u].digitisation`).
  public let digitisationPeriods: [Digitisation]
  /// `true` when a unit gives its digitisation as periods (`UnitConfiguration.digitisation`):
  /// `units.csv` then has the count of digitised dossiers (a scenario with only
  /// `digitisationFrom` keeps the files it had before the count existed).
  public let reportsDigitisation: Bool
  public let stations: [Station]
  /// Day indices (from the start) from which `staffOfficers` officers work, per station
  /// with staff changes (`Station.staffChanges`).
  public let staffFromDay: [Int]
  public let staffOfficers: [Int]
  public let procedures: [Procedure]
  /// Steps of all procedures: procedure p's at `procedures[p].steps`; their work (hours)
  /// and lead time (working days, deterministic 0 when none) at the same index.
  public let steps: [Step]
  public let stepWork: [Distribution]
  public let stepLead: [Distribution]
  /// Desk time of an intake (seconds), per procedure.
  public let intakeTime: [Distribution]
  public let streams: [Stream]
  /// Per stream: the procedure drawn for an arrival (a procedure index as a number).
  public let streamMix: [Distribution]
  /// Procedures of the streams: stream k's at `streams[k].procedures`.
  public let streamProcedures: [Int32]
  public let demands: [Demand]
  /// Where walk-ins filed away from home are received (empty without boundary-free filing).
  public let awayPool: AwayPool
  public let backlog: [Backlog]
  public let behaviour: CitizenBehaviour
  /// Queues before opening, remote tickets, dossiers per visit and daily ticket quotas.
  public let access: Access
  /// Desk groups keeping appointments beside the walk-ins (empty: none).
  public let appointments: Appointments
  public let rules: Rules
  /// The service index (Decision 766), when the scenario asks for it (`index766`).
  public let index766: Index766?
  /// Ids and names, for reports and random-stream names; the run never reads them.
  public let names: Names
  /// The weekly hours of each schedule (units, desk groups, stations refer to them by
  /// index), as written: the source of `calendarTable` and of `resolvedSchedule(_:)`.
  public let openingHours: [OpeningSchedule]
  /// Every schedule laid out over the run, and the working-day calendar, as flat buffers
  /// the event loop and the results read without reference counting (`CalendarReader`):
  /// the one laid-out form of the hours the model keeps.
  public let calendarTable: CalendarTable
  /// The surge schedules of the stations with overtime: schedule `openingHours.count + k`
  /// is `surgeHours[k]` (laid out in `calendarTable` after the own schedules).
  public let surgeHours: [SurgeHours]
  /// Mean work of each step (seconds; `stepWork`'s means): a station's backlog in days of
  /// work is the sum over the dossiers waiting there.
  let stepMeanWork: [Double]
  /// The stations with surge overtime, in order (their schedule may change each day).
  let overtimeStations: [Int32]
  /// Dossiers a replication is expected to simulate (`expectedDossiers`).
  let expectedVolume: Double
  // Flat tables derived for the event loop (see `compileFlatTables`).
  /// Route r = p * units.count + u (procedure p received at unit u): its stations at
  /// `routeStations[routeFirst[r] ..< routeFirst[r + 1]]` (empty: not offered there).
  let routeFirst: [Int32]
  let routeStations: [Int32]
  /// Arrival profiles of the streams, then the planned-visit profiles of the units.
  let profiles: ProfileTable
  let dayFactors: DayFactors
  /// Expected arrivals of stream k on day index d at `k * horizonDays + d`.
  let streamDaily: [Double]

  /// Schedule `k` laid out over the run as a `ResolvedSchedule`, built on demand (the
  /// model keeps only the flat table): for tests, which hold the table against it, and for
  /// reports that want a day's hours as text.
  public func resolvedSchedule(_ k: Int) -> ResolvedSchedule {
    if k >= openingHours.count {
      let surge = surgeHours[k - openingHours.count]
      return ResolvedSchedule(surge, base: resolvedSchedule(surge.base), calendar: calendar)
    }
    return ResolvedSchedule(openingHours[k], calendar: calendar, epochDay: epochDay, days: calendarTable.reader.days)
  }

  /// Schedules laid out: the own schedules (`openingHours`), then the surge schedules.
  public var scheduleCount: Int { openingHours.count + surgeHours.count }

  /// Instant (seconds from the start) at which the run ends.
  public var endTime: Double { Double(horizonDays) * 86_400 }

  /// Compiles `configuration`, or throws every problem found.
  ///
  /// `warmup` (a run's `--warmup`) replaces the configuration's `warmupUntil`; statistics
  /// never start before `countingFrom` (the scenario's own start when a simulated backlog
  /// moved the run's start earlier).
  ///
  /// Sizes first (`limitProblems`): nothing may be laid out for a horizon or a count out
  /// of range. Then the steps in order, each checking what it compiles: the time range
  /// and calendar, names, units and desks, parent links, agencies, procedures, routes,
  /// demand streams, backlog; then the flat tables the event loop reads.
  public init(
    _ configuration: ModelConfiguration, warmup: Warmup? = nil, countingFrom: CivilDate? = nil
  ) throws(ConfigurationErrors) {
    let limits = Self.limitProblems(configuration)
    if !limits.isEmpty { throw ConfigurationErrors(problems: limits) }
    var k = Compiler(configuration, warmup: warmup, countingFrom: countingFrom)
    k.indexNames()
    k.compileUnits()
    k.checkParentLinks()
    k.compileAgencies()
    k.compileProcedures()
    k.compileRoutes()
    k.compileDemand()
    k.compileBacklog()
    if !k.problems.isEmpty { throw ConfigurationErrors(problems: k.problems) }
    k.compileFlatTables()
    epochDay = k.epoch
    horizonDays = k.horizon
    warmupEnd = k.warmupEnd
    warmupUntil = k.warmupUntil
    calendar = k.calendar
    levelCount = configuration.levels.count
    fieldCount = configuration.fields.count
    units = k.units
    deskGroups = k.groups
    deskCount = k.deskCount
    digitisationPeriods = k.digitisation
    reportsDigitisation = configuration.units.contains { !$0.digitisation.isEmpty }
    stations = k.stations
    staffFromDay = k.staffFromDay
    staffOfficers = k.staffOfficers
    procedures = k.procedures
    steps = k.steps
    stepWork = k.stepWork
    stepLead = k.stepLead
    intakeTime = k.intakeTime
    streams = k.streams
    streamMix = k.streamMix
    streamProcedures = k.streamProcedures
    demands = k.demands
    awayPool = AwayPool(
      levels: configuration.levels.count, units: k.units.map(\.level), streams: k.streams, demands: k.demands)
    backlog = k.backlog
    behaviour = configuration.behaviour
    access = Access(configuration)
    appointments = Appointments(
      k.groupAppointments, groups: k.groups, units: configuration.units.count, fields: configuration.fields.count)
    rules = Rules(configuration.rules)
    index766 = configuration.index766.map { Index766($0, unitIds: configuration.units.map(\.id)) }
    names = k.names
    openingHours = k.openingHours
    calendarTable = CalendarTable(schedules: k.schedules, calendar: k.calendar)
    surgeHours = k.surgeHours
    stepMeanWork = k.stepWork.map { $0.mean * 3600 }
    overtimeStations = k.stations.indices.filter { k.stations[$0].hasOvertime }.map { Int32($0) }
    expectedVolume = configuration.demand.reduce(0.0) { $0 + Swift.max(0, $1.annualVolume) }
    routeFirst = k.routeFirst
    routeStations = k.routeStations
    profiles = k.profiles
    dayFactors = k.dayFactors
    streamDaily = k.streamDaily
  }

  /// The share of unit `u`'s paper dossiers digitised at intake on day index `day`: that
  /// of the unit's last period starting on or before it, 0 before the first.
  @inline(__always)
  func digitisationShare(unit u: Int, day: Int) -> Double {
    let periods = units[u].digitisation
    var k = periods.upperBound
    while k > periods.lowerBound {
      k -= 1
      if digitisationPeriods[k].fromDay <= day { return digitisationPeriods[k].share }
    }
    return 0
  }

  /// Officers station `s` has on day index `day` (its `officers` without staff changes).
  @inline(__always)
  func staffed(station s: Int, day: Int) -> Int {
    let range = stations[s].staffChanges
    guard !range.isEmpty else { return stations[s].officers }
    var k = range.lowerBound
    while k + 1 < range.upperBound && staffFromDay[k + 1] <= day { k += 1 }
    return staffOfficers[k]
  }

  /// Expected arrivals of stream `k` on day index `day`.
  @inline(__always)
  func dailyVolume(stream k: Int, day: Int) -> Double {
    if day >= 0 && day < horizonDays { return streamDaily[k * horizonDays + day] }
    return dayFactors.volume(
      stream: streams[k], dayNumber: epochDay + day, month: CivilDate(dayNumber: epochDay + day).month - 1,
      demand: demands[streams[k].demand])
  }

  /// The stations of the route of procedure `p` received at unit `u`, in step order
  /// (empty when the procedure is not offered there).
  public func route(procedure p: Int, unit u: Int) -> ArraySlice<Int32> {
    let r = p * units.count + u
    return routeStations[Int(routeFirst[r])..<Int(routeFirst[r + 1])]
  }
}
