import DESKernel

extension CompiledModel {
  /// One compilation of a configuration: its validation passes and compilation steps,
  /// run in order by `CompiledModel.init`, each adding to the tables and to `problems`.
  ///
  /// Every problem is collected (never just the first) with a typed location; a step
  /// that needs a table a failed step could not build skips what it cannot check.
  struct Compiler {
    let c: ModelConfiguration
    var problems: [ConfigurationProblem] = []
    /// Day number of the first simulated day, and number of simulated days.
    let epoch: Int
    let horizon: Int
    let warmupEnd: Double
    let warmupUntil: CivilDate?
    let calendar: WorkCalendar
    /// Days laid out in every resolved schedule: the run and 800 days after it.
    let scheduleDays: Int
    /// Working days in a year of the run (absence days are spread over them).
    let workingDaysPerYear: Int

    var levelIndex: [String: Int] = [:]
    var fieldIndex: [String: Int] = [:]
    var unitIndex: [String: Int] = [:]
    var procedureIndex: [String: Int] = [:]
    /// Schedules are shared by value: identical opening schedules resolve once.
    var scheduleIndex: [OpeningSchedule: Int] = [:]
    var schedules: [ResolvedSchedule] = []
    /// The weekly hours of each schedule, in the same order.
    var openingHours: [OpeningSchedule] = []
    var names: CompiledModel.Names
    var units: [Unit] = []
    var groups: [DeskGroup] = []
    var deskCount = 0
    /// Per desk group in `groups`: its appointments (nil: none, or a staggered group).
    var groupAppointments: [AppointmentConfiguration?] = []
    var digitisation: [CompiledModel.Digitisation] = []
    var stations: [Station] = []
    /// Officers by date of the stations with staff changes (`Station.staffChanges`).
    var staffFromDay: [Int] = []
    var staffOfficers: [Int] = []
    var agencyStation: [String: Int] = [:]
    /// Stations with surge overtime and their surge hours, laid out after every own
    /// schedule (`compileSurgeSchedules`) as `surgeHours`.
    var surges: [(station: Int, hours: SurgeHours)] = []
    var surgeHours: [SurgeHours] = []
    var procedures: [Procedure] = []
    var steps: [Step] = []
    var stepWork: [Distribution] = []
    var stepLead: [Distribution] = []
    var intakeTime: [Distribution] = []
    /// Per (procedure, unit): the stations of the route, while compiling; flat in
    /// `routeFirst`/`routeStations` at the end (`compileFlatTables`).
    var routes: [[Int32]] = []
    var routeFirst: [Int32] = []
    var routeStations: [Int32] = []
    var streams: [Stream] = []
    var streamMix: [Distribution] = []
    var streamProcedures: [Int32] = []
    var demands: [CompiledModel.Demand] = []
    var dayFactors = DayFactors()
    var profiles = ProfileTable()
    var streamDaily: [Double] = []
    var backlog: [CompiledModel.Backlog] = []

    /// The time range, the warm-up and the calendar: the first step, which every later
    /// one uses.
    init(_ c: ModelConfiguration, warmup: Warmup?, countingFrom: CivilDate?) {
      self.c = c
      names = CompiledModel.Names(levels: c.levels, fields: c.fields)
      names.translations = c.names
      var found: [ConfigurationProblem] = []
      let epoch = c.start.dayNumber
      let horizon = c.end.dayNumber - c.start.dayNumber
      self.epoch = epoch
      self.horizon = horizon
      if horizon <= 0 {
        found.append(
          ConfigurationProblem(.init(.configuration, .end), "must be after \(key: .start) (\(c.start)), got \(c.end)"))
      }
      let earliestBacklog = c.backlog.compactMap { $0.receivedFrom?.dayNumber }.min() ?? epoch
      // Backlog without a receipt range is spread over up to 1.5 deadlines before the start.
      let longestDeadline =
        c.procedures.map { p -> Int in
          if case .workingDays(let n) = p.deadline { return min(max(n, 0), 3650) } else { return 1 }
        }.max() ?? 1
      let first =
        min(earliestBacklog, epoch) - 7 - (c.backlog.contains { $0.receivedFrom == nil } ? longestDeadline * 3 + 30 : 0)
      let last = epoch + max(horizon, 1) + 800
      let until = warmup?.resolve(start: c.start, countingFrom: countingFrom) ?? c.warmupUntil
      warmupUntil = until
      warmupEnd = until.map { Double($0.dayNumber - c.start.dayNumber) * 86_400 } ?? 0
      if let w = until, w.dayNumber < c.start.dayNumber || w.dayNumber >= c.end.dayNumber {
        found.append(
          ConfigurationProblem(
            .init(.configuration, .warmupUntil), "must lie in [\(key: .start), \(key: .end)), got \(w)"))
      }
      let cal = Self.workCalendar(
        c, first: first, last: last, simulated: min(earliestBacklog, epoch)...(epoch + max(horizon, 1) - 1),
        problems: &found)
      calendar = cal
      scheduleDays = max(horizon, 1) + 800
      workingDaysPerYear = max(1, cal.workingDays(after: epoch - 1, through: epoch + 364))
      problems = found
    }

    /// The calendar over `first ... last`; the `simulated` days must have a bundled
    /// Vietnamese calendar, the margin after the end (for due dates) falls back to plain
    /// weekends when a year is missing.
    static func workCalendar(
      _ c: ModelConfiguration, first: Int, last: Int, simulated: ClosedRange<Int>,
      problems: inout [ConfigurationProblem]
    ) -> WorkCalendar {
      let off = Set(c.calendar.extraDaysOff.map(\.dayNumber)),
        worked = Set(c.calendar.extraWorkingDays.map(\.dayNumber))
      let saturday = c.calendar.saturdayCountsForDeadline
      guard c.calendar.vietnam else {
        return WorkCalendar(
          first: first, last: last, daysOff: off, workingWeekendDays: worked, saturdayCountsForDeadline: saturday)
      }
      do {
        _ = try WorkCalendar.vietnam(
          first: simulated.lowerBound, last: simulated.upperBound,
          allowUnbundledYears: c.calendar.allowUnbundledYears)
        return try WorkCalendar.vietnam(
          first: first, last: last, extraDaysOff: off, extraWorkingDays: worked,
          saturdayCountsForDeadline: saturday, allowUnbundledYears: true)
      } catch {
        problems.append(
          ConfigurationProblem(
            .init(.calendar),
            "\(error.message); list that year's days off in \(key: .extraDaysOff) and set \(key: .allowUnbundledYears)")
        )
        return WorkCalendar(first: first, last: last, daysOff: [], workingWeekendDays: [])
      }
    }

    mutating func problem(_ at: ProblemLocation, _ text: ProblemText, _ cause: ConfigurationProblem.Cause = .invalid) {
      problems.append(ConfigurationProblem(at, text, cause: cause))
    }

    /// Names of levels, fields, units and procedures to indices; a duplicate id is a problem.
    mutating func indexNames() {
      if c.levels.isEmpty { problem(.init(.configuration, .levels), "expected at least one level") }
      if c.fields.isEmpty { problem(.init(.configuration, .fields), "expected at least one field") }
      if c.fields.count > 64 {
        problem(.init(.configuration, .fields), "at most 64 fields are supported, got \(c.fields.count)")
      }
      func index(_ ids: [String], _ at: (Int) -> ProblemLocation) -> [String: Int] {
        var m: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
          if m[id] != nil { problem(at(i), "duplicate id '\(id)'") } else { m[id] = i }
        }
        return m
      }
      levelIndex = index(c.levels) { .init(.level($0), .id) }
      fieldIndex = index(c.fields) { .init(.field($0), .id) }
      unitIndex = index(c.units.map(\.id)) { .init(.unit($0), .id) }
      procedureIndex = index(c.procedures.map(\.id)) { .init(.procedure($0), .id) }
    }

    /// The index of `s` in `schedules`, resolved over the run on first use; invalid
    /// days are reported at `at` (a day or a season of that field).
    mutating func resolve(_ s: OpeningSchedule, _ at: ProblemLocation) -> Int {
      for (d, day) in s.base.days.enumerated() {
        for p in day.problems() { problem(at.with(at.field, .day(d)), "\(p)") }
      }
      for (k, season) in s.seasons.enumerated() {
        for day in season.hours.days { for p in day.problems() { problem(at.with(at.field, .season(k)), "\(p)") } }
      }
      if let i = scheduleIndex[s] { return i }
      let i = schedules.count
      schedules.append(ResolvedSchedule(s, calendar: calendar, epochDay: epoch, days: scheduleDays))
      openingHours.append(s)
      scheduleIndex[s] = i
      return i
    }
  }
}
