import DESKernel
import OneStopModel
import Testing
import TestSupport

/// `NAME@desk:UNIT/GROUP`: a unit's desk groups split its waits exactly (every called
/// citizen counted at one group), a unit with one group has that group's figures, and a
/// lunch stagger's two halves count as the one group the scenario configures.
@Suite struct DeskGroupKPITests {
  static func value(_ name: String, _ r: RunResult, _ model: CompiledModel) throws -> Double {
    try #require(KPI.named(name), "\(name) is not a KPI").value(r, model)
  }

  /// A random province whose first unit's first group has a lunch stagger (two halves).
  static func model(seed: UInt64) throws -> CompiledModel {
    var config = ProvinceFixtures.random(seed: seed)
    // The unit open through lunch, its first group on office hours, half of it 30 min later.
    config.units[0].hours = OpeningSchedule(
      base: WeeklyHours(
        weekdays: DailyHours(intervals: [OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("17:30")!)])))
    config.units[0].desks[0].count = 4
    config.units[0].desks[0].hours = .standardOffice
    config.units[0].desks[0].lunchStagger = 1800
    return try CompiledModel(config)
  }

  @Test(arguments: [2, 5, 11] as [UInt64])
  func groupsSplitTheirUnitsWaits(seed: UInt64) throws {
    let model = try Self.model(seed: seed)
    let r = OneStopSimulation.run(model, seed: seed)
    #expect(model.names.deskGroups.contains { $0.hasSuffix("/late") }, "the fixture has a stagger")
    for (u, unit) in model.names.units.enumerated() {
      let groups = model.deskGroupKeys.filter { model.deskGroups[$0.group].unit == u }
      let calls = groups.reduce(0) { $0 + r.deskGroups[$1.group].waits.count }
      #expect(calls == r.units[u].waits.count, "\(unit.id): every call at one group")
      let weighted = groups.reduce(0.0) {
        $0 + Double(r.deskGroups[$1.group].waits.count) * r.deskGroups[$1.group].waits.mean
      }
      if calls > 0 {
        #expect(abs(weighted / Double(calls) - r.units[u].waits.mean) <= 1e-9 * max(1, r.units[u].waits.mean))
      }
      if groups.count == 1 {
        // One configured group (a stagger's halves merged): the unit's histogram exactly.
        for m in ["desk_wait_mean", "desk_wait_p50", "desk_wait_p90", "desk_wait_p99"] {
          let g = try Self.value("\(m)@desk:\(groups[0].key)", r, model)
          #expect(abs(g - (try Self.value("\(m)@\(unit.id)", r, model))) <= 1e-9 * max(1, abs(g)), "\(m) \(unit.id)")
        }
      }
    }
    // Utilisation and overtime of the groups add up to the province's.
    let busy = model.deskGroupKeys.reduce(0.0) { s, g in
      s + model.staggerHalves(of: g.group).reduce(0.0) { $0 + r.deskGroups[$1].busySeconds }
    }
    let open = r.deskGroups.reduce(0.0) { $0 + $1.openSeconds }
    #expect(abs(100 * busy / open - (try Self.value("desk_utilisation", r, model))) < 1e-9)
    let overtime = try model.deskGroupKeys.reduce(0.0) {
      $0 + (try Self.value("desk_overtime@desk:\($1.key)", r, model))
    }
    #expect(abs(overtime - (try Self.value("desk_overtime", r, model))) < 1e-9 * max(1, overtime))
  }

  /// A group the scenario does not have is NaN, and the target check names the unit's
  /// groups with a did-you-mean; a misspelt scope prefix gets one too.
  @Test func unknownGroupsAreNamed() throws {
    let model = try Self.model(seed: 2)
    let key = model.deskGroupKeys[0].key
    let typo = String(key.dropLast()) + "x"
    let r = OneStopSimulation.run(model, seed: 2)
    #expect(try Self.value("desk_wait_p90@desk:\(typo)", r, model).isNaN)
    let message = try #require(KPI.unknownTarget("desk_wait_p90@desk:\(typo)", in: model))
    #expect(message.contains("did you mean '\(key)'"), "\(message)")
    #expect(KPI.unknownTarget("desk_wait_p90@desk:\(key)", in: model) == nil)
    #expect(KPI.named("received@desk:\(key)") == nil, "received has no desk-group scope")
    #expect(KPI.named("desk_wait_p90@desk:\(key)/late") != nil)
    #expect(KPI.unknownTarget("desk_wait_p90@desk:\(key)/late", in: model) != nil, "a stagger half is no group")
  }
}
