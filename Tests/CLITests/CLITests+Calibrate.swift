import Foundation
import Testing

extension CLITests {
  /// `onestop calibrate`: the fit table on the fit seed and two held-out seeds, exit 0 when
  /// every independent figure is within its tolerance on the held-out seeds and 1 when one
  /// is not; a target file's mistakes are located.
  @Test func calibrateHoldsAScenarioAgainstItsTargets() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-calibrate-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let scenario = Self.root.appendingPathComponent("scenarios/mmc.yaml").path
    // Erlang C: 7.2 per minute on 8 desks at 1 per minute waits 0.877 min on average.
    func write(_ name: String, _ value: String, _ extra: String = "") throws -> String {
      let path = (dir as NSString).appendingPathComponent(name)
      try """
      scenario: \(scenario)
      targets:
        - {kpi: desk_wait_mean, value: \(value), tolerance: 0.3, source: "Erlang C, M/M/8 at rho = 0.9"}
      \(extra)
      """.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let good = try write("good.yaml", "0.877")
    let (ok, out, err) = try onestop(["calibrate", good, "--replications", "3", "--out", dir])
    #expect(ok == 0, "\(out)\n\(err)")
    #expect(out.contains("independent figures within tolerance on every held-out seed: 1 of 1"), "\(out)")
    #expect(out.contains("held-out seeds A = ") && out.contains("(10 replications each"), "\(out)")
    // fit.csv in long form: the fit seed's row and one per held-out seed.
    let csv = try String(contentsOfFile: (dir as NSString).appendingPathComponent("fit.csv"), encoding: .utf8)
    let lines = csv.split(separator: "\n")
    #expect(lines.first?.hasPrefix("kind,kpi,role,seed,held_out,replications,report,mean,ci95,tolerance") == true)
    #expect(lines.count == 4 && lines[1].contains(",false,3,") && lines[2].contains(",true,10,"), "\(csv)")
    let (off, offOut, _) = try onestop([
      "calibrate", try write("off.yaml", "3"), "--replications", "3", "--quick", "--check-replications", "3",
    ])
    #expect(off == 1 && offOut.contains("NO") && offOut.contains("not within: desk_wait_mean"), "\(offOut)")
    let (few, _, fewErr) = try onestop(["calibrate", good, "--check-replications", "3"])
    #expect(few == 2 && fewErr.contains("--check-replications must be at least 10"), "\(fewErr)")
    // Fitting: the desks that give Erlang C's wait for 9 desks (0.240 min) are 9, found by the
    // screen and the local search over 7..12, and the calibrated variant has them.
    let nine = try write("nine.yaml", "0.240")
    let fitDir = (dir as NSString).appendingPathComponent("fit")
    let (fit, fitOut, fitErr) = try onestop([
      "calibrate", nine, "--set", "end=2022-01-08", "--replications", "3",
      "--param", "units[desk-hall].desks[desks].count=7..12", "--out", fitDir,
    ])
    #expect(fit == 0, "\(fitOut)\n\(fitErr)")
    #expect(fitOut.contains("units[desk-hall].desks[desks].count = 9"), "\(fitOut)")
    let (v, vOut, _) = try onestop(["validate", (fitDir as NSString).appendingPathComponent("calibrated.yaml")])
    #expect(v == 0 && vOut.contains("9 desks"), "\(vOut)")
    let (rerun, _, rerunErr) = try onestop([
      "calibrate", nine, "--set", "end=2022-01-08", "--replications", "3",
      "--param", "units[desk-hall].desks[desks].count=7..12", "--out", fitDir,
    ])
    #expect(rerun == 0 && rerunErr.contains("resuming:"), "\(rerunErr)")
    let bad = (dir as NSString).appendingPathComponent("bad.yaml")
    try """
    scenario: \(scenario)\ntargets:\n  - {kpi: desk_wiat_mean, value: 1, tolerance: 1, source: x}\n  - {kpi: \
    desk_wait_mean, value: 1, tolerance: 1}\n
    """
    .write(toFile: bad, atomically: true, encoding: .utf8)
    let (b, _, bErr) = try onestop(["calibrate", bad])
    #expect(b == 2)
    #expect(bErr.contains("bad.yaml:3") && bErr.contains("did you mean 'desk_wait_mean'"), "\(bErr)")
    #expect(bErr.contains("bad.yaml:4") && bErr.contains("say where the figure comes from"), "\(bErr)")
  }
}
