import DESKernel
import OneStopModel
import Testing
import TestSupport

/// What happens to people still waiting at closing: served in overtime, or sent home.
@Suite struct ClosingRuleTests {
  /// One district with too few desks for its afternoon crowd.
  func run(_ rule: ClosingRule) throws -> (RunResult, CompiledModel) {
    var config = SyntheticProvince.make(districts: 1, communesPerDistrict: [1], annualDossiers: 40_000,
      start: CivilDate(iso: "2022-03-01")!, years: 1, backlog: 0)
    config.end = CivilDate(iso: "2022-05-01")!
    for u in config.units.indices {
      config.units[u].closingRule = rule
      config.units[u].desks = config.units[u].desks.map { var g = $0; g.count = 1; return g }
    }
    let model = try CompiledModel(config)
    return (OneStopSimulation.run(model, seed: 3), model)
  }

  @Test func serveAllWorksOvertimeAndSendsNobodyHome() throws {
    let (r, _) = try run(.serveAll)
    #expect(r.sentHome == 0)
    #expect(r.deskOvertimeSeconds.reduce(0, +) > 3600)
    #expect(r.conservationViolations.isEmpty)
  }

  @Test func sendHomeDismissesTheQueueAndKeepsOvertimeToTheLastService() throws {
    let (home, model) = try run(.sendHome)
    let (all, _) = try run(.serveAll)
    #expect(home.sentHome > 0)
    #expect(home.conservationViolations.isEmpty)
    // Only the service under way at closing runs over: far less overtime.
    #expect(home.deskOvertimeSeconds.reduce(0, +) < 0.5 * all.deskOvertimeSeconds.reduce(0, +))
    // Whoever is served under send-home is served the day they took their ticket.
    #expect(home.allWaits.sameDayShare == 1)
    #expect(home.allWaits.count > 0)
    #expect(model.units.count == 3)
  }
}
