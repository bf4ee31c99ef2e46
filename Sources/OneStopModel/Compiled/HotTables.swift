import DESKernel

/// Plain-data copies of the compiled model for the event loop.
///
/// The public `CompiledModel` structs carry names and arrays for reports; binding one
/// of them in a handler copies it and retains every reference inside (a tenth of the
/// run time in the province benchmark). These structs hold only numbers and flags, so
/// reading them costs a load.
struct HotProcedure: Sendable {
  var field: Int
  /// 0 same day, 1 working days, 2 working hours.
  var deadlineKind: UInt8
  var deadlineHours: Double
  var effectiveDays: Int
  var onlineMode: OnlineMode
  var postalAllowed: Bool
  var onTheSpot: Bool
  var pIncomplete, pRefused, pGuidanceOnly, pSupplement: Double
  var maxSupplementRequests: Int
  var supplementClock: SupplementClock
  var feeAtPickup: Bool
  /// Steps live at `firstStep ..< firstStep + stepCount` of the flat step arrays.
  var firstStep: Int
  var stepCount: Int
}

struct HotUnit: Sendable {
  var level: Int
  var schedule: Int
  var transferCutoff: Double
  /// +infinity when there is no ticket cutoff.
  var ticketCutoff: Double
  var serveAll: Bool
  var firstGroup: Int
  var endGroup: Int
  var onlineStation: Int
  var digitisationFromDay: Int
}

struct HotGroup: Sendable {
  var unit: Int
  var count: Int
  var firstDesk: Int
  var fieldMask: UInt64
  var schedule: Int
  var factor: Double
}

struct HotStation: Sendable {
  var unit: Int
  var schedule: Int
  var isOnlineIntake: Bool
  /// Probability that an officer is away on a given day.
  var absenceShare: Double
  /// Per working day: probability that an officer at work starts an absence, and that
  /// an absent one comes back (spells of mean `1 / absenceReturn` days, a share
  /// `absenceShare` of days away in the long run).
  var absenceStart: Double
  var absenceReturn: Double
  /// Saturday hours are given back on the following weekdays.
  var timeOff: Bool
}

struct HotStream: Sendable {
  var unit: Int
  var channel: ChannelIn
  var demand: Int
  var baseDaily: Double
  var onlineCapable: Bool
  var postalCapable: Bool
  var usesUnitSchedule: Bool
  /// Day profiles at `firstProfile + pattern` of the flat profile array.
  var firstProfile: Int
}

/// The hot tables of a compiled model.
struct HotTables: Sendable {
  var procedures: [HotProcedure] = []
  var stepWork: [Distribution] = []
  var stepAppraisal: [Bool] = []
  /// Lead time after the work, in working days (deterministic 0 when none).
  var stepLead: [Distribution] = []
  var stepHasLead: [Bool] = []
  /// Fixed legal wait after the step: length (0 = none), in calendar days or working
  /// days, and whether it counts against the deadline.
  var stepWaitDays: [Int32] = []
  var stepWaitCalendar: [Bool] = []
  var stepWaitCounts: [Bool] = []
  var intakeTime: [Distribution] = []
  var units: [HotUnit] = []
  var groups: [HotGroup] = []
  var stations: [HotStation] = []
  var streams: [HotStream] = []
  var streamMix: [Distribution] = []
  /// Arrival profiles of the streams, then the planned-visit profiles of the units.
  var profiles = ProfileTable()
  /// Per unit: its planned-visit profile of schedule pattern k is `visitProfileFirst[u] + k`.
  var visitProfileFirst: [Int] = []
  /// Per unit: the demand entry whose return shares and walk-in profile apply to it
  /// (-1 when none).
  var unitDemand: [Int] = []
  /// Per demand: 12 month factors. Weekday factors come in periods: demand d's periods
  /// are `weekdayPeriodFirst[d] ..< weekdayPeriodFirst[d] + weekdayPeriodCount[d]`, period
  /// k starts on day number `weekdayPeriodFrom[k]` and has its 7 factors at `7k`.
  var monthFactors: [Double] = []
  var weekdayFactors: [Double] = []
  var weekdayPeriodFirst: [Int] = []
  var weekdayPeriodCount: [Int] = []
  var weekdayPeriodFrom: [Int] = []
  /// Per demand: online and postal share ramps as (day number, value) points.
  var onlineRamps: [[(day: Int, value: Double)]] = []
  var postalRamps: [[(day: Int, value: Double)]] = []
  /// Expected arrivals of stream k on day index d at `k * horizonDays + d`: the
  /// arrival streams read it for every day they skip, and computing it there (month
  /// and weekday factors, share ramps) cost about 4 % of a province-year.
  var streamDaily: [Double] = []
  /// `CompiledModel.routes` flat: route r's stations at `routeFirst[r] ..< routeFirst[r + 1]`
  /// of `routeStations` (reading a nested array retains it).
  var routeFirst: [Int32] = []
  var routeStations: [Int32] = []
  /// Month (0-11) of each day index of the run: the arrival streams ask once per stream
  /// and day, and a civil-date conversion there was 2 % of the run time.
  var monthOfDay: [UInt8] = []

  init() {}

  init(_ m: CompiledModel) {
    monthOfDay = (0..<m.horizonDays).map { UInt8(CivilDate(dayNumber: m.epochDay + $0).month - 1) }
    addProcedures(m)
    units = m.units.map {
      HotUnit(level: $0.level, schedule: $0.schedule, transferCutoff: $0.transferCutoff, ticketCutoff: $0.ticketCutoff ?? .infinity,
        serveAll: $0.closingRule == .serveAll, firstGroup: $0.deskGroups.lowerBound, endGroup: $0.deskGroups.upperBound,
        onlineStation: $0.onlineStation, digitisationFromDay: $0.digitisationFromDay)
    }
    groups = m.deskGroups.map {
      HotGroup(unit: $0.unit, count: $0.count, firstDesk: $0.firstDesk, fieldMask: $0.fieldMask, schedule: $0.schedule, factor: $0.factor)
    }
    stations = m.stations.map {
      HotStation(unit: $0.unit, schedule: $0.schedule, isOnlineIntake: $0.isOnlineIntake, absenceShare: $0.absenceShare,
        absenceStart: $0.absenceShare / ($0.absenceSpell * (1 - $0.absenceShare)), absenceReturn: 1 / $0.absenceSpell,
        timeOff: $0.saturdayCompensation == .timeOff)
    }
    for route in m.routes {
      routeFirst.append(Int32(routeStations.count))
      routeStations += route
    }
    routeFirst.append(Int32(routeStations.count))
    addDemand(m)
  }

  /// Procedures and their steps, flat.
  private mutating func addProcedures(_ m: CompiledModel) {
    for p in m.procedures {
      var kind: UInt8 = 0, hours = 0.0
      switch p.deadline {
      case .sameDay: kind = 0
      case .workingDays: kind = 1
      case .workingHours(let h): kind = 2; hours = h
      }
      procedures.append(HotProcedure(
        field: p.field, deadlineKind: kind, deadlineHours: hours, effectiveDays: p.effectiveDays, onlineMode: p.onlineMode,
        postalAllowed: p.postalAllowed, onTheSpot: p.onTheSpot, pIncomplete: p.pIncomplete, pRefused: p.pRefused,
        pGuidanceOnly: p.pGuidanceOnly, pSupplement: p.pSupplement, maxSupplementRequests: p.maxSupplementRequests,
        supplementClock: p.supplementClock, feeAtPickup: p.feeAtPickup, firstStep: stepWork.count, stepCount: p.steps.count))
      stepWork += p.steps.map(\.work)
      stepAppraisal += p.steps.map(\.appraisal)
      stepLead += p.steps.map { $0.leadTime ?? (try! .deterministic(0)) }
      stepHasLead += p.steps.map { $0.leadTime != nil }
      stepWaitDays += p.steps.map { Int32($0.fixedWait?.days ?? 0) }
      stepWaitCalendar += p.steps.map { $0.fixedWait?.calendarDays ?? false }
      stepWaitCounts += p.steps.map { $0.fixedWait?.countsForDeadline ?? true }
      intakeTime.append(p.intakeTime)
    }
  }

  /// Arrival streams, their factors and ramps, the planned-visit profiles of the units
  /// and the expected arrivals of every stream and day.
  private mutating func addDemand(_ m: CompiledModel) {
    for s in m.streams {
      streams.append(HotStream(unit: s.unit, channel: s.channel, demand: s.demand, baseDaily: s.baseDaily,
        onlineCapable: s.onlineCapable, postalCapable: s.postalCapable, usesUnitSchedule: s.usesUnitSchedule,
        firstProfile: profiles.count))
      streamMix.append(s.mix)
      for p in s.profiles { profiles.append(p) }
    }
    for d in m.demandConfigurations {
      monthFactors += d.monthFactors.count == 12 ? d.monthFactors : Array(repeating: 1, count: 12)
      weekdayPeriodFirst.append(weekdayPeriodFrom.count)
      weekdayPeriodCount.append(1 + d.weekdayFactorPeriods.count)
      weekdayPeriodFrom.append(Int.min)
      weekdayFactors += d.weekdayFactors.count == 7 ? d.weekdayFactors : Array(repeating: 1, count: 7)
      for period in d.weekdayFactorPeriods.sorted(by: { $0.from < $1.from }) {
        weekdayPeriodFrom.append(period.from.dayNumber)
        weekdayFactors += period.factors.count == 7 ? period.factors : Array(repeating: 1, count: 7)
      }
      onlineRamps.append(d.onlineShare.points.map { ($0.date.dayNumber, $0.value) })
      postalRamps.append(d.postalShare.points.map { ($0.date.dayNumber, $0.value) })
    }
    unitDemand = [Int](repeating: -1, count: m.units.count)
    for (i, d) in m.demandConfigurations.enumerated() {
      if let u = m.units.firstIndex(where: { $0.id == d.unit }), unitDemand[u] < 0 { unitDemand[u] = i }
    }
    for (u, unit) in m.units.enumerated() {
      let demand = unitDemand[u]
      let weights = demand >= 0 ? m.demandConfigurations[demand].walkInHourProfile : DemandConfiguration.defaultWalkInProfile
      // Planned visits (pick-ups, returns) come before the ticket cutoff too.
      let follows = demand < 0 || m.demandConfigurations[demand].walkInProfileFollowsCutoff
      visitProfileFirst.append(profiles.count)
      for hours in m.schedules[unit.schedule].patterns {
        profiles.append(DayProfile(hourWeights: weights, hours: hours, cutoff: follows ? unit.ticketCutoff : nil))
      }
    }
    streamDaily.reserveCapacity(streams.count * m.horizonDays)
    for k in streams.indices {
      for day in 0..<m.horizonDays { streamDaily.append(volume(stream: k, dayNumber: m.epochDay + day, month: Int(monthOfDay[day]))) }
    }
  }

  /// Expected arrivals of stream `k` on day number `dayNumber` (month 0-11).
  func volume(stream k: Int, dayNumber: Int, month: Int) -> Double {
    let s = streams[k]
    var v = s.baseDaily * monthFactors[s.demand * 12 + month]
      * weekdayFactors[weekdayFactorIndex(demand: s.demand, day: dayNumber,
        weekday: CivilDate.weekday(ofDayNumber: dayNumber), online: s.channel == .online)]
    let online = s.onlineCapable ? Self.value(onlineRamps[s.demand], onDay: dayNumber) : 0
    let postal = s.postalCapable ? Self.value(postalRamps[s.demand], onDay: dayNumber) : 0
    switch s.channel {
    case .online: v *= online
    case .postal: v *= (1 - online) * postal
    case .walkIn: v *= (1 - online) * (1 - postal)
    }
    return v
  }

  /// Index in `weekdayFactors` of demand `d`'s factor for day number `day`. Periods
  /// from a date apply to walk-in and postal arrivals; online submissions keep the
  /// base factors.
  @inline(__always)
  func weekdayFactorIndex(demand d: Int, day: Int, weekday: Int, online: Bool) -> Int {
    var k = weekdayPeriodFirst[d]
    if online { return k * 7 + weekday - 1 }
    let end = k + weekdayPeriodCount[d]
    while k + 1 < end && weekdayPeriodFrom[k + 1] <= day { k += 1 }
    return k * 7 + weekday - 1
  }

  /// A ramp's value on day number `day`.
  @inline(__always)
  static func value(_ points: [(day: Int, value: Double)], onDay day: Int) -> Double {
    guard let first = points.first else { return 0 }
    if points.count == 1 || day <= first.day { return first.value }
    for k in 1..<points.count where day < points[k].day {
      let a = points[k - 1], b = points[k]
      return a.value + Double(day - a.day) / Double(b.day - a.day) * (b.value - a.value)
    }
    return points[points.count - 1].value
  }
}
