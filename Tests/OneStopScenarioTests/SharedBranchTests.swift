import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// A regional land branch shared by several communes (an agency at a unit the communes sit
/// under, reached by `nearest:`): each dossier is received at one commune, decided by the
/// branch, and counted once in every total; its lateness is charged to the commune that
/// received it (the portal's attribution, REFORM-2025 §3.3), never to the branch's unit,
/// and the deciding agency's table sees the same dossiers.
@Suite struct SharedBranchTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/shared-branch.yaml").path

  static func kpi(_ name: String, _ r: RunResult, _ model: CompiledModel) -> Double {
    guard let k = KPI.named(name) else {
      Issue.record("no KPI \(name)")
      return .nan
    }
    return k.value(r, model)
  }

  @Test func aDossierDecidedAtASharedBranchIsChargedToItsCommuneOnce() throws {
    let (_, model) = try Scenario.load(path: Self.path)
    let r = OneStopSimulation.run(model, seed: 7)
    func v(_ name: String) -> Double { Self.kpi(name, r, model) }
    for measure in ["received", "resolved_overdue"] {
      let total = v(measure)
      #expect(total > 0, "\(measure)")
      #expect(v("\(measure)@a") + v("\(measure)@c") + v("\(measure)@d") == total, "\(measure)")
      #expect(v("\(measure)@north") == 0 && v("\(measure)@top") == 0, "\(measure): the branch receives nothing")
      #expect(v("\(measure)@level:commune") == total && v("\(measure)@level:region") == 0, "\(measure)")
      // The branch decides exactly the dossiers of the communes under it.
      #expect(v("\(measure)@agency:TNMT@north") == v("\(measure)@a") + v("\(measure)@c"), "\(measure)")
      #expect(v("\(measure)@agency:TNMT@top") == v("\(measure)@d"), "\(measure)")
    }
    // The branch is the bottleneck (2 officers for 3,600 dossiers of 2.5 h a year).
    #expect(v("resolved_overdue@a") > v("resolved_overdue@d"))
    // The service index charges the same way: per commune, once.
    let late = v("index766_late"), judged = v("index766_judged")
    #expect(late > 0)
    #expect(v("index766_late@a") + v("index766_late@c") + v("index766_late@d") == late)
    #expect(v("index766_judged@a") + v("index766_judged@c") + v("index766_judged@d") == judged)
    #expect(v("index766_judged@north") == 0 && v("index766_late@level:region") == 0)
  }
}
