import Foundation
import OneStopModel
import OneStopScenario
import Testing

/// Staff moved or gone on a date (`staff_changes`, the hand-over of 1 July 2025): an office
/// of 4 officers that keeps half from 1 August works at most 4 dossiers at once before and
/// 2 after; a factor of 1 changes nothing.
@Suite struct StaffChangeTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/staff-change.yaml").path

  static func run(factor: String? = nil) throws -> (RunResult, CompiledModel) {
    var text = try String(contentsOfFile: path, encoding: .utf8)
    if let factor { text = text.replacingOccurrences(of: "factor: 0.5", with: "factor: \(factor)") }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("staff-change-\(UUID()).yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let (_, model) = try Scenario.load(path: file.path)
    return (OneStopSimulation.run(model, seed: 3, trace: true), model)
  }

  /// The most dossiers the station works at once before day `change` and from the day after.
  static func concurrency(_ r: RunResult, changeDay change: Int) -> (before: Int, after: Int) {
    var running = 0, before = 0, after = 0
    // At one instant an officer's step ends before the next starts (the trace writes the
    // start first: the officer takes the next dossier before the finished one moves on).
    let work = r.trace.filter { $0.event == .workStarted || $0.event == .stepDone }
    let ordered = work.enumerated().sorted {
      ($0.element.time, $0.element.event == .stepDone ? 0 : 1, $0.offset)
        < ($1.element.time, $1.element.event == .stepDone ? 0 : 1, $1.offset)
    }.map(\.element)
    for t in ordered {
      running += t.event == .workStarted ? 1 : -1
      let day = Int((t.time / 86_400).rounded(.down))
      if day < change { before = max(before, running) } else if day > change { after = max(after, running) }
    }
    return (before, after)
  }

  @Test func halfTheOfficersGoneHalvesTheWorkAtOnce() throws {
    let (r, model) = try Self.run()
    let change = CivilDate(iso: "2025-08-01")!.dayNumber - model.epochDay
    let (before, after) = Self.concurrency(r, changeDay: change)
    #expect(before == 4 && after == 2, "before \(before), after \(after)")
    let (same, m1) = try Self.run(factor: "1")
    let full = Self.concurrency(same, changeDay: change)
    #expect(full.before == 4 && full.after == 4)
    let open = KPI.named("in_progress_end")!
    #expect(open.value(r, model) > open.value(same, m1) + 50, "fewer officers, more left open")
    // A factor of 1 is the office without the key: the same dossiers, the same times.
    var text = try String(contentsOfFile: Self.path, encoding: .utf8)
    text = text.replacingOccurrences(of: ", staff_changes: [{from: 2025-08-01, factor: 0.5}]", with: "")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("staff-none-\(UUID()).yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let (_, plain) = try Scenario.load(path: file.path)
    let none = OneStopSimulation.run(plain, seed: 3, trace: true)
    #expect(none.trace.map(\.time) == same.trace.map(\.time))
  }
}
