import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// The life of one dossier, event by event with exact times: a walk-in land dossier of
/// the Tuyên Quang 2022 baseline (January and February) that takes a ticket, is called
/// and accepted, goes to the district land office, is sent back for a supplement, comes
/// back, goes to tax and back to the land office, gets its apology at the end of its due
/// day, crosses to the signing office by paper and is picked up after the new date.
/// `docs/architecture.md` ("The life of one dossier") draws the same life.
///
/// The whole list is compared at once: any change to the order of events, to a time, a
/// station, a due date or a detail of this dossier's life shows here as one diff.
@Suite struct DossierLifeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// One line per trace record: seconds from the start, date and clock time, the event,
  /// the station (when the event has one), the due date it fixes, and its detail.
  static func line(_ r: TraceRecord, _ model: CompiledModel) -> String {
    let day = Int((r.time / 86_400).rounded(.down))
    let date = CivilDate(dayNumber: model.epochDay + day)
    let s = Int((r.time - Double(day) * 86_400).rounded(.down))
    let clock = String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    var text = String(format: "%.1f", r.time) + " \(date) \(clock) \(r.event.name) step \(r.step)"
    if r.station >= 0 { text += " at \(model.names.stations[Int(r.station)].id)" }
    if r.dueDay >= 0 { text += " due \(CivilDate(dayNumber: model.epochDay + Int(r.dueDay)))" }
    switch r.event {
    case .ticket: text += ["", " (pick-up)", " (supplement)", " (postal)"][Int(r.detail)]
    case .called: text += " after \(r.detail) s"
    case .resolved: text += r.detail == 1 ? " on time" : " overdue"
    case .apology: text += r.detail == ApologyTiming.onTime.rawValue ? " (on time)" : " (late)"
    default: if r.detail != 0 { text += " detail \(r.detail)" }
    }
    return text
  }

  @Test func aWalkInLandDossierWithASupplementAndAnApology() throws {
    let path = Self.root.appendingPathComponent("scenarios/tuyen-quang-2022.yaml").path
    let (scenario, model) = try Scenario.load(path: path, overrides: ["end=2022-03-01"])
    let run = OneStopSimulation.run(model, seed: scenario.seed, replication: 0, trace: true)
    let life = run.trace.filter { $0.dossier == 4242 }.map { Self.line($0, model) }
    let actual = life.joined(separator: "\n")
    #expect(actual == Self.expected, "\n\(actual)")
  }

  static let expected = """
    458360.8 2022-01-06 07:19:20 submitted step 0
    458360.8 2022-01-06 07:19:20 ticket step 0
    458360.8 2022-01-06 07:19:20 called step 0 after 0 s
    458914.2 2022-01-06 07:28:34 accepted step 0 due 2022-01-20
    458914.2 2022-01-06 07:28:34 handed_over step 0 at TNMT@son-duong
    458914.2 2022-01-06 07:28:34 reached_agency step 0 at TNMT@son-duong
    1065534.4 2022-01-13 07:58:54 work_started step 0 at TNMT@son-duong
    1066616.7 2022-01-13 08:16:56 supplement_requested step 0
    1159904.3 2022-01-14 10:11:44 ticket step 0 (supplement)
    1159904.3 2022-01-14 10:11:44 called step 0 after 0 s
    1160256.2 2022-01-14 10:17:36 supplement_received step 0 due 2022-01-21
    1160256.2 2022-01-14 10:17:36 handed_over step 0 at TNMT@son-duong
    1160256.2 2022-01-14 10:17:36 reached_agency step 0 at TNMT@son-duong
    1673033.0 2022-01-20 08:43:52 work_started step 0 at TNMT@son-duong
    1675162.4 2022-01-20 09:19:22 step_done step 0 at TNMT@son-duong
    1675162.4 2022-01-20 09:19:22 handed_over step 1 at THUE@son-duong
    1675162.4 2022-01-20 09:19:22 reached_agency step 1 at THUE@son-duong
    1675162.4 2022-01-20 09:19:22 work_started step 1 at THUE@son-duong
    1676752.2 2022-01-20 09:45:52 step_done step 1 at THUE@son-duong
    1676752.2 2022-01-20 09:45:52 handed_over step 2 at TNMT@son-duong
    1676752.2 2022-01-20 09:45:52 reached_agency step 2 at TNMT@son-duong
    1814340.0 2022-01-21 23:59:00 apology step 2 due 2022-01-28 (late)
    2132450.2 2022-01-25 16:20:50 work_started step 2 at TNMT@son-duong
    3343994.1 2022-02-08 16:53:14 step_done step 2 at TNMT@son-duong
    3343994.1 2022-02-08 16:53:14 handed_over step 3 at KYDUYET@son-duong
    3418200.0 2022-02-09 13:30:00 reached_agency step 3 at KYDUYET@son-duong
    3422099.6 2022-02-09 14:34:59 work_started step 3 at KYDUYET@son-duong
    3422239.2 2022-02-09 14:37:19 step_done step 3 at KYDUYET@son-duong
    3422239.2 2022-02-09 14:37:19 resolved step 3 due 2022-01-28 overdue
    3580163.3 2022-02-11 10:29:23 ticket step 3 (pick-up)
    3580163.3 2022-02-11 10:29:23 called step 3 after 0 s
    3580230.8 2022-02-11 10:30:30 returned step 3
    """
}
