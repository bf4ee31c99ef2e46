import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// The life of one dossier, event by event with exact times: a walk-in first land
/// registration of the Tuyên Quang 2022 baseline (January to March) that takes a ticket, is
/// called and accepted, goes to the district land office, needs a coordination round before
/// the posting, gets its apology a working day before its due day, goes to tax and back to
/// the land office for the citizen's payment, comes for its result too early several times,
/// is signed late and picked up.
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
    let life = run.trace.filter { $0.dossier == 4002 }.map { Self.line($0, model) }
    let actual = life.joined(separator: "\n")
    #expect(actual == Self.expected, "\n\(actual)")
  }

  static let expected = """
    461575.4 2022-01-06 08:12:55 submitted step 0
    461575.4 2022-01-06 08:12:55 ticket step 0
    461575.4 2022-01-06 08:12:55 called step 0 after 0 s
    462362.1 2022-01-06 08:26:02 accepted step 0 due 2022-02-24
    462362.1 2022-01-06 08:26:02 handed_over step 0 at TNMT@son-duong
    462362.1 2022-01-06 08:26:02 reached_agency step 0 at TNMT@son-duong
    837435.5 2022-01-10 16:37:15 work_started step 0 at TNMT@son-duong
    4579200.0 2022-02-23 00:00:00 apology step 0 due 2022-03-03 (on time)
    5217622.3 2022-03-02 09:20:22 step_done step 0 at TNMT@son-duong
    5217622.3 2022-03-02 09:20:22 handed_over step 1 at THUE@son-duong
    5217622.3 2022-03-02 09:20:22 reached_agency step 1 at THUE@son-duong
    5217622.3 2022-03-02 09:20:22 work_started step 1 at THUE@son-duong
    5220038.1 2022-03-02 10:00:38 step_done step 1 at THUE@son-duong
    5220038.1 2022-03-02 10:00:38 handed_over step 2 at TNMT@son-duong
    5220038.1 2022-03-02 10:00:38 reached_agency step 2 at TNMT@son-duong
    5220213.8 2022-03-02 10:03:33 work_started step 2 at TNMT@son-duong
    5301009.6 2022-03-03 08:30:09 ticket step 2 (pick-up)
    5301143.9 2022-03-03 08:32:23 called step 2 after 134 s
    6001519.5 2022-03-11 11:05:19 ticket step 2 (pick-up)
    6001519.5 2022-03-11 11:05:19 called step 2 after 0 s
    6345977.9 2022-03-15 10:46:17 ticket step 2 (pick-up)
    6345977.9 2022-03-15 10:46:17 called step 2 after 0 s
    6883979.0 2022-03-21 16:12:59 ticket step 2 (pick-up)
    6883979.0 2022-03-21 16:12:59 called step 2 after 0 s
    6944699.5 2022-03-22 09:04:59 ticket step 2 (pick-up)
    6944699.5 2022-03-22 09:04:59 called step 2 after 0 s
    7202958.3 2022-03-25 08:49:18 ticket step 2 (pick-up)
    7202958.3 2022-03-25 08:49:18 called step 2 after 0 s
    7552039.7 2022-03-29 09:47:19 ticket step 2 (pick-up)
    7552039.7 2022-03-29 09:47:19 called step 2 after 0 s
    7652168.8 2022-03-30 13:36:08 step_done step 2 at TNMT@son-duong
    7652168.8 2022-03-30 13:36:08 handed_over step 3 at KYDUYET@son-duong
    7652168.8 2022-03-30 13:36:08 reached_agency step 3 at KYDUYET@son-duong
    7655303.3 2022-03-30 14:28:23 ticket step 3 (pick-up)
    7655303.3 2022-03-30 14:28:23 called step 3 after 0 s
    7655888.2 2022-03-30 14:38:08 work_started step 3 at KYDUYET@son-duong
    7655946.5 2022-03-30 14:39:06 step_done step 3 at KYDUYET@son-duong
    7655946.5 2022-03-30 14:39:06 resolved step 3 due 2022-03-24 overdue
    7717570.9 2022-03-31 07:46:10 ticket step 3 (pick-up)
    7717570.9 2022-03-31 07:46:10 called step 3 after 0 s
    7717879.4 2022-03-31 07:51:19 returned step 3
    """
}
