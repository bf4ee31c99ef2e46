import DESKernel
import OneStopModel
import Testing
import TestSupport

/// `NAME@under:UNIT` (a counted measure over a unit's subtree) and `@agency:` with an
/// agency id a `nearest:` route reaches: exact sums of the per-unit and per-owner values.
@Suite struct SubtreeKPITests {
  /// The units of `root`'s subtree, found by walking parent links up from every unit.
  static func subtree(_ root: Int, _ model: CompiledModel) -> [Int] {
    model.units.indices.filter { u in
      var at: Int? = u
      while let x = at {
        if x == root { return true }
        at = model.units[x].parent
      }
      return false
    }
  }

  static func value(_ name: String, _ r: RunResult, _ model: CompiledModel) throws -> Double {
    try #require(KPI.named(name), "\(name) is not a KPI").value(r, model)
  }

  @Test(arguments: [2, 5, 11] as [UInt64])
  func subtreeSumsAreTheSumsOfTheirUnits(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = OneStopSimulation.run(model, seed: seed)
    #expect(try Self.value("received", r, model) > 0)
    for (root, entity) in model.names.units.enumerated() {
      let units = Self.subtree(root, model)
      for name in ["received", "resolved_overdue"] {
        let sum = try units.reduce(0.0) { $0 + (try Self.value("\(name)@\(model.names.units[$1].id)", r, model)) }
        #expect(try Self.value("\(name)@under:\(entity.id)", r, model) == sum, "\(name) under \(entity.id)")
        for (l, level) in model.names.levels.enumerated() {
          let atLevel = units.filter { model.units[$0].level == l }
          let part = try atLevel.reduce(0.0) { $0 + (try Self.value("\(name)@\(model.names.units[$1].id)", r, model)) }
          #expect(try Self.value("\(name)@level:\(level)@under:\(entity.id)", r, model) == part)
        }
      }
    }
    // The root's subtree is the whole province: every counted measure, rates included.
    let top = model.names.units[0].id
    for name in ["received", "on_time_rate_of_received", "overdue_rate_of_received", "on_time_rate_of_resolved"] {
      #expect(try Self.value("\(name)@under:\(top)", r, model) == Self.value(name, r, model), "\(name)")
    }
  }

  @Test(arguments: [3, 8] as [UInt64])
  func agencyIdsSplitTheirOwner(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = OneStopSimulation.run(model, seed: seed)
    for kind in ["OFFICE", "TOP"] where model.names.procedures.contains(where: { $0.owner == kind }) {
      let ids = model.names.stations.map(\.id).filter { $0.hasPrefix(kind + "@") }
      #expect(!ids.isEmpty)
      for name in ["received", "resolved_overdue"] {
        let owner = try Self.value("\(name)@agency:\(kind)", r, model)
        let routed = ids.filter { KPI.unknownAgency("\(name)@agency:\($0)", in: model) == nil }
        let sum = try routed.reduce(0.0) { $0 + (try Self.value("\(name)@agency:\($1)", r, model)) }
        #expect(sum == owner, "\(name): \(kind) \(owner), its agencies \(sum)")
        // Combined with a subtree: the agencies of the subtree's units decide its dossiers.
        let top = model.names.units[0].id
        #expect(try Self.value("\(name)@agency:\(kind)@under:\(top)", r, model) == owner)
      }
    }
  }

  @Test func badSubtreeNamesAreRefusedOrNamed() throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: 2))
    #expect(KPI.named("resolved_overdue@under:top") != nil)
    #expect(KPI.named("desk_wait_mean@under:top") == nil)  // not a counted measure
    #expect(KPI.named("resolved_overdue@month:2022-03@under:top") == nil)
    #expect(KPI.problem("desk_wait_mean@under:top")?.contains("no subtree value") == true)
    #expect(KPI.problem("resolved_overdue@month:2022-03@under:top")?.contains("does not combine") == true)
    #expect(KPI.unknownUnit("resolved_overdue@under:tpo", in: model) == "tpo")
    let message = try #require(KPI.unknownTarget("resolved_overdue@level:commune@under:tpo", in: model))
    #expect(message == "the scenario has no unit 'tpo' (in KPI 'resolved_overdue@level:commune@under:tpo')")
    let level = try #require(KPI.unknownTarget("resolved_overdue@level:comune@under:top", in: model))
    #expect(level.contains("no level 'comune'") && level.contains("@under:top"), "\(level)")
    #expect(KPI.unknownTarget("resolved_overdue@under:top", in: model) == nil)
    let r = OneStopSimulation.run(model, seed: 1)
    #expect(try Self.value("resolved_overdue@under:tpo", r, model).isNaN)
  }
}
