import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// The life of one dossier, event by event with exact times: a walk-in first land
/// registration of the Tuyên Quang 2022 baseline (January to March) that takes a ticket, is
/// called and accepted, goes to the district land office, needs a coordination round before
/// the posting (the citizen comes on the due day and finds no result), goes to tax and back
/// to the land office for the citizen's payment, gets its apology a working day before its
/// moved due day, is signed late and picked up on the new date.
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

  @Test func aWalkInFirstRegistrationWithACoordinationRoundAndAnApology() throws {
    let path = Self.root.appendingPathComponent("scenarios/tuyen-quang-2022.yaml").path
    let (scenario, model) = try Scenario.load(path: path, overrides: ["end=2022-04-01"])
    let run = OneStopSimulation.run(model, seed: scenario.seed, replication: 0, trace: true)
    let life = run.trace.filter { $0.dossier == 3290 }.map { Self.line($0, model) }
    let actual = life.joined(separator: "\n")
    #expect(actual == Self.expected, "\n\(actual)")
  }

  static let expected = """
    374017.1 2022-01-05 07:53:37 submitted step 0
    374017.1 2022-01-05 07:53:37 ticket step 0
    374017.1 2022-01-05 07:53:37 called step 0 after 0 s
    374589.0 2022-01-05 08:03:09 accepted step 0 due 2022-02-23
    374589.0 2022-01-05 08:03:09 handed_over step 0 at TNMT@son-duong
    374589.0 2022-01-05 08:03:09 reached_agency step 0 at TNMT@son-duong
    576868.2 2022-01-07 16:14:28 work_started step 0 at TNMT@son-duong
    4613749.8 2022-02-23 09:35:49 ticket step 0 (pick-up)
    4613749.8 2022-02-23 09:35:49 called step 0 after 0 s
    5124015.1 2022-03-01 07:20:15 step_done step 0 at TNMT@son-duong
    5124015.1 2022-03-01 07:20:15 handed_over step 1 at THUE@son-duong
    5124015.1 2022-03-01 07:20:15 reached_agency step 1 at THUE@son-duong
    5124560.3 2022-03-01 07:29:20 work_started step 1 at THUE@son-duong
    5129308.3 2022-03-01 08:48:28 step_done step 1 at THUE@son-duong
    5129308.3 2022-03-01 08:48:28 handed_over step 2 at TNMT@son-duong
    5129308.3 2022-03-01 08:48:28 reached_agency step 2 at TNMT@son-duong
    5129458.7 2022-03-01 08:50:58 work_started step 2 at TNMT@son-duong
    6912000.0 2022-03-22 00:00:00 apology step 2 due 2022-03-30 (on time)
    7550762.1 2022-03-29 09:26:02 step_done step 2 at TNMT@son-duong
    7550762.1 2022-03-29 09:26:02 handed_over step 3 at KYDUYET@son-duong
    7565400.0 2022-03-29 13:30:00 reached_agency step 3 at KYDUYET@son-duong
    7567132.8 2022-03-29 13:58:52 work_started step 3 at KYDUYET@son-duong
    7567866.4 2022-03-29 14:11:06 step_done step 3 at KYDUYET@son-duong
    7567866.4 2022-03-29 14:11:06 resolved step 3 due 2022-03-23 overdue
    7659988.9 2022-03-30 15:46:28 ticket step 3 (pick-up)
    7659988.9 2022-03-30 15:46:28 called step 3 after 0 s
    7660453.7 2022-03-30 15:54:13 returned step 3
    """
}
