import Foundation
import Testing

/// Uncertainty as a user meets it: calibrate's fitted ranges in calibrated.yaml, read back
/// as `fitted` by sensitivity.
@Suite(.serialized) struct UncertaintyCLITests {
  let cli = CLITests()

  func temporaryDirectory(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(name)-\(getpid())").path
  }

  /// calibrate --param --out writes a fitted range per parameter (containing the fitted
  /// value) into calibrated.yaml; the file validates and sensitivity marks the range fitted.
  @Test func calibrateWritesFittedRangesThatSensitivityReads() throws {
    let dir = temporaryDirectory("fit-ranges")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let targets = (dir as NSString).appendingPathComponent("t.yaml")
    try """
    scenario: \(CLITests.root.appendingPathComponent("scenarios/mmc.yaml").path)
    source: "Erlang C"
    targets:
      - {kpi: desk_wait_mean, value: 0.877, tolerance: 0.1, source: "Erlang C: Wq of M/M/8 at utilisation 0.9"}
    """.write(toFile: targets, atomically: true, encoding: .utf8)
    let (status, out, err) = try cli.onestop([
      "calibrate", targets, "--set", "end=2022-01-05", "--replications", "2", "--screen", "6", "--iterations", "6",
      "--param", "procedures[any].intake_time.exponential=0.9..1.1", "--out", dir,
    ])
    #expect(status == 0, "\(out)\n\(err)")
    #expect(out.contains("Fitted ranges ("), "\(out)")
    let yaml = try String(contentsOfFile: (dir as NSString).appendingPathComponent("calibrated.yaml"), encoding: .utf8)
    #expect(yaml.contains("uncertainty:\n  - key: \"procedures[any].intake_time.exponential\"\n    range: \""), "\(yaml)")
    #expect(yaml.contains("    fitted: true"), "\(yaml)")
    // The fitted value lies in its range.
    let value = try #require(yaml.split(separator: "\n").first { $0.contains("exponential: ") })
      .split(separator: " ").last.map { Double($0.dropLast()) ?? .nan } ?? .nan
    let range = try #require(yaml.split(separator: "\n").first { $0.contains("range: ") })
      .split(separator: "\"")[1].components(separatedBy: "..").compactMap(Double.init)
    #expect(range.count == 2 && range[0] <= value && value <= range[1], "\(value) in \(range)")
    let calibrated = (dir as NSString).appendingPathComponent("calibrated.yaml")
    let (valid, vout, verr) = try cli.onestop(["validate", calibrated])
    #expect(valid == 0 && vout.contains("1 range"), "\(vout)\(verr)")
    let (s, sout, serr) = try cli.onestop([
      "sensitivity", calibrated, "--kpi", "desk_wait_mean", "--set", "end=2022-01-05", "--replications", "1",
      "--trajectories", "1", "--resamples", "0", "--param", "procedures[any].intake_time.exponential",
    ])
    #expect(s == 0, "\(serr)")
    #expect(sout.contains("(fitted: onestop calibrate "), "\(sout)")
  }
}
