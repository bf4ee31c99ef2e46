import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// An on-the-spot procedure that allows online submission closes its online dossiers: the
/// officer of the online check decides them at acceptance (R17 on the online queue), so
/// none stays in progress, none is late, and a full-process one is returned online the
/// moment it is resolved. Before the fix every online dossier stayed open for ever.
@Suite struct OnTheSpotOnlineTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/on-the-spot-online.yaml").path

  @Test func onlineDossiersOfAnOnTheSpotProcedureAreDecidedAtAcceptance() throws {
    let (_, model) = try Scenario.load(path: Self.path)
    let r = OneStopSimulation.run(model, seed: 11, trace: true)
    func v(_ name: String) -> Double { KPI.named(name).map { $0.value(r, model) } ?? .nan }
    let received = v("received")
    #expect(received > 800)
    #expect(v("online_share_of_received") > 40, "online dossiers are received")
    #expect(v("in_progress_end") == 0, "every accepted dossier is decided")
    #expect(v("resolved_on_time") == received && v("resolved_overdue") == 0)
    // Each online acceptance is its resolution, at the same instant; full-process
    // results go back online at once, partial ones wait for the pick-up visit.
    let online = r.trace.filter { $0.channelIn == .online }
    let accepted = online.filter { $0.event == .accepted }
    let resolvedAt = Dictionary(
      online.filter { $0.event == .resolved }.map { ($0.dossier, $0.time) }, uniquingKeysWith: { a, _ in a })
    #expect(accepted.count > 300)
    #expect(accepted.allSatisfy { resolvedAt[$0.dossier] == $0.time })
    let copy = Int32(model.names.procedures.firstIndex { $0.id == "copy" }!)
    let returnedOnline = online.filter { $0.event == .returned && $0.procedure == copy }
    #expect(returnedOnline.count == accepted.filter { $0.procedure == copy }.count)
    #expect(returnedOnline.allSatisfy { resolvedAt[$0.dossier] == $0.time })
  }
}
