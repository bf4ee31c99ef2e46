import Foundation
import Testing

/// The edges between the simulation's parts, checked rather than hoped for (like
/// `CodeSizeTests`): the resources (`FrontOffice`, `BackOffice`) are passive and know
/// neither the simulation, the event calendar nor the recorder; the flow files decide
/// and schedule but write no counter and no resource state directly; only the recorder
/// writes the counters and the trace.
///
/// The files are read as text with comments and string literals removed, so prose about
/// "the simulation" in a doc comment is allowed and a name in code is not. Word boundaries
/// are the simple kind: Unicode's default word rules make `recorder.counters.x` one word.
@Suite struct PartEdgeTests {
  static let simulation = CLITests.root.appendingPathComponent("Sources/OneStopModel/Simulation")

  /// The file's code: string literals emptied, `//` comments dropped.
  static func code(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").map(CodeSizeTests.code)
      .joined(separator: "\n")
  }

  static func files(_ include: (String) -> Bool) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: simulation, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "swift" && include($0.lastPathComponent) }
      .sorted { $0.path < $1.path }
  }

  /// The passive resources.
  static func resourceFiles() throws -> [URL] {
    try files { $0.hasPrefix("FrontOffice") || $0.hasPrefix("BackOffice") || $0 == "WorkStation.swift" }
  }

  /// The flow: the simulation and its stage files (not `+Result`, which reads the books).
  static func flowFiles() throws -> [URL] {
    try files {
      $0 == "OneStopSimulation.swift" || ($0.hasPrefix("OneStopSimulation+") && $0 != "OneStopSimulation+Result.swift")
    }
  }

  /// The names in `text` (as whole words) among `words`.
  static func mentions(_ text: String, _ words: [String]) -> [String] {
    words.filter { text.contains(try! Regex("\\b\($0)\\b").wordBoundaryKind(.simple)) }
  }

  @Test func theFilesOfEachPartAreThere() throws {
    #expect(try Self.resourceFiles().count >= 4)
    #expect(try Self.flowFiles().count >= 6)
  }

  @Test func noResourceKnowsTheSimulationTheSchedulerOrTheRecorder() throws {
    // (`schedule` alone is allowed: it is also the opening hours' index of a desk group.)
    let forbidden = [
      "OneStopSimulation", "Scheduler", "scheduler", "Event", "Recorder", "recorder", "RunCounters",
      "counters", "TraceEvent", "TraceRecord", "record",
    ]
    for url in try Self.resourceFiles() {
      let text = try Self.code(url)
      var found = Self.mentions(text, forbidden)
      if text.contains(try Regex(#"\.schedule\("#)) { found.append(".schedule(") }
      #expect(found.isEmpty, "\(url.lastPathComponent) names \(found): a resource answers the flow, it never calls it")
    }
  }

  @Test func noFlowFileWritesACounterOrAResourcesState() throws {
    // A counter, a resource's statistics or trace, or a resource's stored state written
    // from the flow: everything goes through `recorder.record` or a resource's method.
    let write = try Regex(
      #"\b(counters|statistics|trace|frontOffice\.[A-Za-z]+|backOffice\.[A-Za-z]+)(\[[^\]]*\])?"#
        + #"(\.[A-Za-z]+(\[[^\]]*\])?)*\s*(=(?!=)|\+=|-=|\*=|&=|\|=|\.append\(|\.add\(|\.set\()"#
    ).wordBoundaryKind(.simple)
    for url in try Self.flowFiles() {
      let text = try Self.code(url)
      for match in text.matches(of: write) {
        Issue.record("\(url.lastPathComponent): '\(text[match.range])' writes state the flow must not write")
      }
      let found = Self.mentions(
        text, ["counters", "RunCounters", "TraceRecord", "officers", "walkLines", "postalLines"])
      #expect(found.isEmpty, "\(url.lastPathComponent) names \(found)")
    }
  }

  @Test func onlyTheRecorderWritesTheCountersAndTheTrace() throws {
    let write = try Regex(
      #"\bcounters(\.[A-Za-z]+)(\[[^\]]*\])?(\.[A-Za-z]+)*\s*(=(?!=)|\+=|-=|\.add\(|\.merge\()|\btrace\.append\("#
    ).wordBoundaryKind(.simple)
    for url in try Self.files({ !$0.hasPrefix("Recorder") }) {
      let text = try Self.code(url)
      for match in text.matches(of: write) {
        Issue.record("\(url.lastPathComponent): '\(text[match.range])': only Recorder*.swift writes counters and trace")
      }
    }
  }
}
