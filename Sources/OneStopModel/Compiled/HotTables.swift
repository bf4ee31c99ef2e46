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
  var intakeTime: [Distribution] = []
  var units: [HotUnit] = []
  var groups: [HotGroup] = []
  var stations: [HotStation] = []
  var streams: [HotStream] = []
  var streamMix: [Distribution] = []
  var profiles: [DayProfile] = []
  /// Per demand: 12 month factors and 7 weekday factors.
  var monthFactors: [Double] = []
  var weekdayFactors: [Double] = []
  /// Per demand: online and postal share ramps as (day number, value) points.
  var onlineRamps: [[(day: Int, value: Double)]] = []
  var postalRamps: [[(day: Int, value: Double)]] = []

  init() {}

  init(_ m: CompiledModel) {
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
      intakeTime.append(p.intakeTime)
    }
    units = m.units.map {
      HotUnit(level: $0.level, schedule: $0.schedule, transferCutoff: $0.transferCutoff, ticketCutoff: $0.ticketCutoff ?? .infinity,
        serveAll: $0.closingRule == .serveAll, firstGroup: $0.deskGroups.lowerBound, endGroup: $0.deskGroups.upperBound,
        onlineStation: $0.onlineStation, digitisationFromDay: $0.digitisationFromDay)
    }
    groups = m.deskGroups.map {
      HotGroup(unit: $0.unit, count: $0.count, firstDesk: $0.firstDesk, fieldMask: $0.fieldMask, schedule: $0.schedule, factor: $0.factor)
    }
    stations = m.stations.map { HotStation(unit: $0.unit, schedule: $0.schedule, isOnlineIntake: $0.isOnlineIntake) }
    for s in m.streams {
      streams.append(HotStream(unit: s.unit, channel: s.channel, demand: s.demand, baseDaily: s.baseDaily,
        onlineCapable: s.onlineCapable, postalCapable: s.postalCapable, usesUnitSchedule: s.usesUnitSchedule,
        firstProfile: profiles.count))
      streamMix.append(s.mix)
      profiles += s.profiles
    }
    for d in m.demandConfigurations {
      monthFactors += d.monthFactors.count == 12 ? d.monthFactors : Array(repeating: 1, count: 12)
      weekdayFactors += d.weekdayFactors.count == 7 ? d.weekdayFactors : Array(repeating: 1, count: 7)
      onlineRamps.append(d.onlineShare.points.map { ($0.date.dayNumber, $0.value) })
      postalRamps.append(d.postalShare.points.map { ($0.date.dayNumber, $0.value) })
    }
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
