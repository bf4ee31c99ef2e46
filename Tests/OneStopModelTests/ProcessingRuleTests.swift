import DESKernel
@testable import OneStopModel
import Testing
import TestSupport

/// The rules of Decree 61/2018/NĐ-CP and the Civil Code on small hand-checked cases: the 15:00 transfer
/// cutoff (R5), the three supplement clocks (R9), the due date (R6-R8).
@Suite struct ProcessingRuleTests {
  /// Province (top) and one commune below it, office hours, 2022 calendar, starting
  /// Monday 7 March 2022, no demand: dossiers are placed by hand.
  static func emptyProvince(clock: SupplementClock = .pause) throws -> CompiledModel {
    try CompiledModel(emptyProvinceConfiguration(clock: clock))
  }

  /// The configuration of `emptyProvince`, for tests that change it before compiling.
  static func emptyProvinceConfiguration(clock: SupplementClock = .pause) throws -> ModelConfiguration {
    var config = ProvinceFixtures.random(seed: 1)
    config.start = CivilDate(iso: "2022-03-07")!
    config.end = CivilDate(iso: "2022-06-30")!
    config.warmupUntil = nil
    config.levels = ["province", "commune"]
    config.fields = ["land"]
    config.units = [
      UnitConfiguration(id: "top", level: "province", desks: [DeskGroupConfiguration(id: "d", count: 1)]),
      UnitConfiguration(id: "c1", level: "commune", parent: "top", desks: [DeskGroupConfiguration(id: "d", count: 1)]),
    ]
    config.agencies = [AgencyConfiguration(id: "TNMT@top", unit: "top", officers: 1)]
    config.procedures = [
      ProcedureConfiguration(
        id: "p", field: "land", deadline: .workingDays(10),
        steps: [.init(place: .agency("TNMT@top"), work: try .deterministic(1), appraisal: true)], supplementClock: clock
      )
    ]
    config.demand = []
    config.backlog = []
    config.behaviour.pNeverSupplement = 0
    return config
  }

  func day(_ iso: String, _ model: CompiledModel) -> Int { CivilDate(iso: iso)!.dayNumber - model.epochDay }
  func date(_ dayIndex: Int, _ model: CompiledModel) -> String {
    CivilDate(dayNumber: model.epochDay + dayIndex).description
  }
  func at(_ iso: String, _ hh: Int, _ mm: Int, _ model: CompiledModel) -> Double {
    Double(day(iso, model)) * 86_400 + Double(hh * 3600 + mm * 60)
  }

  @Test func paperAcceptedBefore1500ReachesTheBackOfficeTheSameDay() throws {
    let model = try Self.emptyProvince()
    let calendar = RunCalendar(model)
    let top = 0, commune = 1
    func arrival(_ from: Int, _ to: Int, _ t: Double) -> Double {
      let s = model.units[from].schedule, d = model.units[to]
      return model.paperArrival(
        fromUnit: from, fromSchedule: s, toSchedule: d.schedule, toLevel: d.level, at: t, calendar)
    }
    let t1459 = at("2022-03-09", 14, 59, model)
    #expect(arrival(top, top, t1459) == t1459)
    // After the cutoff: next working day at opening (07:00).
    #expect(arrival(top, top, at("2022-03-09", 15, 1, model)) == at("2022-03-10", 7, 0, model))
    // Friday after 15:00 -> Monday.
    #expect(arrival(top, top, at("2022-03-11", 15, 30, model)) == at("2022-03-14", 7, 0, model))
    // Commune to province: one more working day for the courier (R16 prior).
    #expect(arrival(commune, top, at("2022-03-09", 10, 0, model)) == at("2022-03-10", 7, 0, model))
    #expect(arrival(commune, top, at("2022-03-11", 16, 0, model)) == at("2022-03-15", 7, 0, model))
  }

  /// Received Monday 7 March 10:00, 10 working days -> Monday 21 March. Supplement asked
  /// Thursday 10 March (3 days used); supplement back Monday 21 March.
  @Test(arguments: [(SupplementClock.pause, "2022-03-30"), (.restart, "2022-04-04"), (.continue, "2022-03-21")])
  func supplementClocks(clock: SupplementClock, expectedDue: String) throws {
    let model = try Self.emptyProvince(clock: clock)
    var engine = Engine(model: OneStopSimulation(model, seed: 1))
    var d = Dossier()
    d.phase = .processing
    let i = engine.model.dossiers.allocate(d)
    let received = at("2022-03-07", 10, 0, model)
    engine.model.dossiers[i].receivedAt = received
    engine.model.dossiers[i].receiptDay = Int32(day("2022-03-07", model))
    engine.model.setDue(i, resumingOn: day("2022-03-07", model), usedDays: 0, at: received)
    #expect(date(Int(engine.model.dossiers[i].dueDay), model) == "2022-03-21")
    engine.run(until: at("2022-03-10", 9, 0, model))
    engine.model.requestSupplement(i, at: engine.now, &engine.scheduler)
    #expect(engine.model.dossiers[i].usedDays == 3)
    #expect(engine.model.dossiers[i].phase == .supplement)
    engine.run(until: at("2022-03-21", 9, 0, model))
    engine.model.dossiers[i].phase = .supplement  // in case the planned visit already resumed it
    engine.model.resumeAfterSupplement(i, at: engine.now, &engine.scheduler)
    #expect(date(Int(engine.model.dossiers[i].dueDay), model) == expectedDue)
  }

  @Test func sameDayProceduresAfter1500AreDueTheNextWorkingDay() throws {
    var config = ProvinceFixtures.random(seed: 2)
    config.procedures = config.procedures.map {
      var p = $0; p.deadline = .sameDay; return p
    }
    config.units[0].transferCutoff = TimeOfDay("15:00")!
    config.start = CivilDate(iso: "2022-03-07")!
    config.end = CivilDate(iso: "2022-04-30")!
    config.warmupUntil = nil
    let model = try CompiledModel(config)
    var sim = OneStopSimulation(model, seed: 1)
    var d = Dossier()
    d.phase = .processing
    let i = sim.dossiers.allocate(d)
    sim.setDue(i, resumingOn: day("2022-03-11", model), usedDays: 0, at: at("2022-03-11", 14, 0, model))
    #expect(date(Int(sim.dossiers[i].dueDay), model) == "2022-03-11")
    sim.setDue(i, resumingOn: day("2022-03-11", model), usedDays: 0, at: at("2022-03-11", 15, 30, model))
    #expect(date(Int(sim.dossiers[i].dueDay), model) == "2022-03-14")
  }

  @Test func aProvincialCutShortensLongDeadlinesOnly() throws {
    var config = try Self.emptyProvinceConfiguration()
    config.procedures.append(
      ProcedureConfiguration(
        id: "long", field: "land", deadline: .workingDays(30),
        steps: [.init(place: .agency("TNMT@top"), work: try .deterministic(1))]))
    config.rules.provinceCut = 0.3
    let model = try CompiledModel(config)
    #expect(model.procedures[0].effectiveDays == 10)  // below the 15-day threshold
    #expect(model.procedures[1].effectiveDays == 21)  // ceil(30 × 0.7)
  }

  /// Submitted online Monday 10:00, checked by the officer Tuesday 08:00.
  @Test(arguments: [(OnlineReceipt.acceptance, "2022-03-22"), (.submission, "2022-03-21")])
  func onlineReceiptDay(rule: OnlineReceipt, expectedDue: String) throws {
    var config = try Self.emptyProvinceConfiguration()
    config.rules.onlineReceipt = rule
    config.procedures[0].pIncomplete = 0
    config.procedures[0].pRefused = 0
    config.procedures[0].pGuidanceOnly = 0
    let model = try CompiledModel(config)
    var engine = Engine(model: OneStopSimulation(model, seed: 1))
    var d = Dossier()
    d.channelIn = .online
    d.channelOut = .online
    let i = engine.model.dossiers.allocate(d)
    engine.model.dossiers[cold: i].submittedAt = at("2022-03-07", 10, 0, model)
    engine.run(until: at("2022-03-08", 8, 0, model))
    engine.model.onlineChecked(i, at: engine.now, &engine.scheduler)
    #expect(
      date(Int(engine.model.dossiers[i].receiptDay), model) == (rule == .submission ? "2022-03-07" : "2022-03-08"))
    #expect(date(Int(engine.model.dossiers[i].dueDay), model) == expectedDue)
  }
}
