import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// `ModelConfiguration.hashText` is the text `String(describing:)` writes (through `Mirror`),
/// byte for byte, so that every scenario keeps its hash: for every bundled scenario, for a
/// configuration with every optional part set, and for every case of every enum it holds.
@Suite struct HashTextTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every scenario file of the repository: scenarios/, its examples and the national ones.
  static let files: [String] = ["scenarios", "scenarios/examples", "scenarios/national"].flatMap { dir in
    let path = root.appendingPathComponent(dir).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") && $0 != "defaults.yaml" }.sorted().map { dir + "/" + $0 }
      .filter { !isSweep($0) }
  }

  /// A sweep file among the examples (`sweep:` at the top), not a scenario.
  static func isSweep(_ file: String) -> Bool {
    let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").contains { $0.hasPrefix("sweep:") }
  }

  @Test func everyScenarioFileIsChecked() {
    #expect(Self.files.count >= 45, "\(Self.files.count) scenario files")
    #expect(Self.files.contains("scenarios/national/ho-chi-minh.yaml"))
  }

  @Test(arguments: files)
  func bundledScenarioKeepsItsText(_ file: String) throws {
    let (scenario, _) = try Scenario.load(path: Self.root.appendingPathComponent(file).path)
    let c = scenario.configuration
    let old = String(describing: c)
    #expect(c.hashText == old, "\(file): \(firstDifference(c.hashText, old))")
    // The hash is the old one: FNV-1a of the text and of the unit table's digest.
    let hashed = scenario.unitTable.map { old + "\nunit_table " + $0.digest } ?? old
    #expect(scenario.hash == String(StreamKey.fnv1a(hashed), radix: 16))
  }

  @Test func everyOptionalPartKeepsItsText() throws {
    let (scenario, _) = try Scenario.load(
      path: Self.root.appendingPathComponent("scenarios/tuyen-quang-2022.yaml").path)
    let c = try Self.everythingSet(scenario.configuration)
    let old = String(describing: c)
    #expect(c.hashText == old, "\(firstDifference(c.hashText, old))")
    // The parts set here are in the text (the test would pass on text that drops them).
    let behaviour = ["pSilentLeave", "absentCallTime", "pReturnAfterQuota", "quotaReturnDelayWorkingDays"]
    for part in ["index766", "appointments", "staffChanges", "patience", "chargedTo", "awayShare", "access", "quota"]
      + behaviour
    {
      #expect(old.contains(part + ": "), "\(part) not in the text")
    }
  }

  /// Silent leaving and the daily quota's return are in the hash when set (they once were
  /// not: two scenarios that differed only there shared a hash), and out of it at their
  /// defaults, so the scenarios that keep them keep their hashes.
  @Test func theBehaviourFieldsSetChangeTheHash() throws {
    let path = Self.root.appendingPathComponent("scenarios/mmc.yaml").path
    let base = try Scenario.load(path: path).0.hash
    for set in [
      "behaviour.p_silent_leave=0.2", "behaviour.absent_call_time=45s", "behaviour.p_return_after_quota=0.5",
      "behaviour.quota_return_delay=2",
    ] {
      #expect(try Scenario.load(path: path, overrides: [set]).0.hash != base, "\(set)")
    }
    let defaults = ["behaviour.p_silent_leave=0", "behaviour.p_return_after_quota=0.95"]
    #expect(try Scenario.load(path: path, overrides: defaults).0.hash == base)
  }

  @Test func everyEnumCaseKeepsItsText() {
    func check<T: HashTextWritable>(_ values: [T]) {
      for v in values {
        var w = HashTextWriter()
        v.write(to: &w)
        #expect(w.text == String(reflecting: v))
      }
    }
    check(ClosingRule.allCases)
    check(StaffType.allCases)
    check(QueueDiscipline.allCases)
    check(SaturdayCompensation.allCases)
    check(DecidingUnit.allCases)
    check(OnlineMode.allCases)
    check(SupplementClock.allCases)
    check(ChargedUnit.allCases)
    check(LateApology.allCases)
    check(OnlineReceipt.allCases)
    check(AppointmentConfiguration.WalkInPolicy.allCases)
    check([Deadline.sameDay, .workingDays(7), .workingHours(4.5), .calendarDays(30)])
    check([StepPlace.agency("UBND@x"), .nearest("TNMT")])
  }

  /// `c` with every optional and conditional part set to a value that is not its default,
  /// strings that need escaping and numbers in every form `Double` prints.
  static func everythingSet(_ base: ModelConfiguration) throws -> ModelConfiguration {
    var c = base
    let day = CivilDate(year: 2022, month: 3, day: 4)!, later = CivilDate(year: 2022, month: 9, day: 2)!
    c.name = "Hà Nội \"x\" \\ \n\t e\u{301} 🏛"
    c.warmupUntil = day
    c.calendar.extraDaysOff = [day]
    c.calendar.extraWorkingDays = [later]
    c.calendar.saturdayCountsForDeadline = true
    let noon = TimeOfDay(hours: 12)!, evening = TimeOfDay(hours: 19)!
    let weekly = WeeklyHours(weekdays: DailyHours(intervals: [OpenInterval(open: noon, close: evening)]))
    c.units[0].hours = OpeningSchedule(
      base: weekly, seasons: [.init(fromMonth: 5, fromDay: 1, throughMonth: 9, throughDay: 30, hours: weekly)],
      weekendFrom: later)
    c.units[0].ticketCutoff = noon
    c.units[0].closingRule = .sendHome
    c.units[0].digitisationFrom = day
    c.units[0].digitisation = [DigitisationPeriod(from: day, share: 1e-05)]
    c.units[0].access.maxDossiersPerVisit = 3
    c.units[0].access.remoteTicketShare = 0.1 + 0.2
    var desk = DeskGroupConfiguration(
      id: "d\"1", count: 2, fields: ["land"], hours: c.units[0].hours, staff: .agencyOfficer)
    desk.quota = 40
    desk.lunchStagger = 3600
    var appointments = AppointmentConfiguration()
    appointments.bookShare = 0.3
    appointments.kPerWalkIn = 2
    appointments.slotsPerDesk = 12
    appointments.slotTimes = [28_800, 30_600]
    appointments.walkIns = .standby
    desk.appointments = appointments
    c.units[0].desks.append(desk)
    c.agencies[0].hours = c.units[0].hours
    c.agencies[0].discipline = .earliestDeadline
    c.agencies[0].saturdayCompensation = .timeOff
    c.agencies[0].absenceDays = 1e20
    c.agencies[0].annualLeaveDays = 12
    c.agencies[0].leaveSpellDays = 5
    c.agencies[0].leaveOutsideMonths = [1, 2]
    c.agencies[0].overtime = OvertimeConfiguration(saturday: OpenInterval(open: noon, close: evening))
    c.agencies[0].staffChanges = [StaffChange(from: later, factor: -0.0)]
    c.procedures[0].deadline = .workingHours(4.5)
    c.procedures[0].decidedAt = .receiving
    c.procedures[0].onlineMode = .full
    c.procedures[0].supplementClock = .continue
    c.procedures[0].steps[0].place = .nearest("TNMT")
    c.procedures[0].steps[0].leadTime = try .triangular(low: 1, mode: 2, high: 4)
    c.procedures[0].steps[0].fixedWait = FixedWait(days: 3, calendarDays: true, countsForDeadline: false)
    c.procedures[1].deadline = .calendarDays(30)
    c.demand[0].weekdayFactorPeriods = [(from: later, factors: [1, 0.5, 2, 1, 1, 0, 0])]
    c.demand[0].awayShare = 0.25
    c.behaviour.patience = try .exponential(mean: 1800)
    c.behaviour.balkAbove = 30
    c.behaviour.pBalk = 0.5
    c.behaviour.pReturnAfterLeaving = 0.7
    c.behaviour.pSilentLeave = 0.2
    c.behaviour.absentCallTime = try .deterministic(45)
    c.behaviour.pReturnAfterQuota = 0.8
    c.behaviour.quotaReturnDelayWorkingDays = try .deterministic(2)
    c.rules.apologyCompliance = 0.8
    c.rules.lateApology = .noLetter
    c.rules.annualLeaveDays = 12
    c.rules.leaveSpellDays = 3
    c.rules.leaveOutsideMonths = [12]
    c.rules.chargedTo = .deciding
    c.backlog = [BacklogEntry(unit: "u", procedure: "p", count: 7, receivedFrom: day, receivedThrough: later)]
    var index = Index766Configuration()
    var inputs = Index766Inputs()
    inputs.syncShare = 0.95
    index.units = [(unit: "pasc", inputs: inputs)]
    c.index766 = index
    return c
  }
}

/// Where two texts first differ, with some context, for a failure message.
func firstDifference(_ a: String, _ b: String) -> String {
  let x = Array(a.utf8), y = Array(b.utf8)
  let n = min(x.count, y.count)
  guard let k = (0..<n).first(where: { x[$0] != y[$0] }) ?? (x.count == y.count ? nil : n)
  else { return "same" }
  func around(_ s: [UInt8]) -> String { String(decoding: s[max(0, k - 60)..<min(s.count, k + 60)], as: UTF8.self) }
  return "at byte \(k): new …\(around(x))… old …\(around(y))…"
}
