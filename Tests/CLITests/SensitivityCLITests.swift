import Foundation
import Testing

/// `onestop sensitivity` as a user runs it: the ranked table, the result files, resuming,
/// the default ranges of the priors, and the errors given before anything runs.
@Suite(.serialized) struct SensitivityCLITests {
  let cli = CLITests()
  let base = [
    "sensitivity", "scenarios/mmc.yaml", "--kpi", "desk_wait_mean", "--set", "end=2022-01-05", "--replications", "2",
  ]
  let params = [
    "--param", "demand[0].annual_volume=3400000..3800000", "--param", "procedures[any].intake_time.exponential=0.9..1",
    "--param", "procedures[any].steps[0].work=0.5..2",
  ]

  @Test func writesTheRankedTableAndResumes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-sens-cli-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let args =
      base + params + ["--trajectories", "3", "--sobol", "8", "--top", "2", "--resamples", "100", "--out", dir]
    let (status, out, err) = try cli.onestop(args)
    #expect(status == 0, "\(out)\n\(err)")
    #expect(
      out.contains("Morris screening, 3 walks on 4 levels: 12 points; Sobol indices of the top 2, 8 rows: 32 points"))
    let csv = try String(contentsOfFile: (dir as NSString).appendingPathComponent("sensitivity.csv"), encoding: .utf8)
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "param,kpi,mu_star,sigma,first_order,first_order_ci95,total,total_ci95,range,range_origin")
    #expect(lines.count == 4)
    // The back office's work never reaches the desks: mu* exactly 0, ranked last, no Sobol stage.
    #expect(lines.last == "procedures[any].steps[0].work,desk_wait_mean,0,0,,,,,0.5m..2m,param", "\(csv)")
    let data = try Data(contentsOf: URL(fileURLWithPath: (dir as NSString).appendingPathComponent("sensitivity.json")))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    // The scenario's title and period, for the report's heading (issue 25).
    #expect(json["title_vi"] as? String == "Hàng đợi tham chiếu M/M/8")
    #expect(json["start"] as? String == "2022-01-03")
    let (again, out2, err2) = try cli.onestop(args)
    #expect(again == 0)
    #expect(err2.contains("resuming: "), "\(err2)")
    #expect(
      out2.contains("(\(try #require(err2.split(separator: " ").dropFirst().first)) points from the journal)"),
      "\(out2)")
    let csv2 = try String(contentsOfFile: (dir as NSString).appendingPathComponent("sensitivity.csv"), encoding: .utf8)
    #expect(csv2 == csv, "a resumed study gives the same indices")
  }

  @Test func screensThePriorsWithDefaultRanges() throws {
    let (status, out, err) = try cli.onestop(base + ["--trajectories", "1", "--replications", "1", "--resamples", "0"])
    #expect(status == 0, "\(err)")
    #expect(
      out.contains("behaviour.p_return_after_incomplete") && out.contains("0.6375..1   (default: prior ±25 %)"),
      "\(out)")
    #expect(out.contains("units[*].transfer_cutoff") && out.contains("14:00..16:00   (default: prior ±25 %, ±1 h)"))
    #expect(out.contains("Priors not screened") && out.contains("rules.online_receipt: not a number"), "\(out)")
  }

  /// `run --uncertainty`: the run's output as without it, then each key indicator's interval
  /// of noise and parameters, and uncertainty.csv.
  @Test func runGivesASecondIntervalWithParameters() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-unc-cli-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let run = ["run", "scenarios/mmc.yaml", "--set", "end=2022-01-05", "--replications", "2", "--quiet"]
    let (_, plain, _) = try cli.onestop(run)
    let (status, out, err) = try cli.onestop(
      run + [
        "--uncertainty", "4", "--param", "demand[0].annual_volume=3600000..4000000",
        "--out", dir,
      ])
    #expect(status == 0, "\(err)")
    let timing = { (t: String) in t.split(separator: "\n").filter { !$0.contains(" s") || !$0.contains("seed") } }
    #expect(Array(timing(out).prefix(timing(plain).count)) == timing(plain), "the run's own output is unchanged")
    #expect(out.contains("Parameter uncertainty: 4 sets of 1 parameter, 2 replications each"), "\(out)")
    #expect(out.contains("ranges: 0 from the scenario, 0 fitted, 0 defaulted (prior ±25 %), 1 from --param"), "\(out)")
    let csv = try String(contentsOfFile: (dir as NSString).appendingPathComponent("uncertainty.csv"), encoding: .utf8)
    #expect(
      csv.hasPrefix("kpi,mean,ci95_low,ci95_high,with_parameters_low,with_parameters_high,depends_most\n"), "\(csv)")
    #expect(csv.contains("\ndesk_wait_mean,"), "\(csv)")
    let (bad, _, badErr) = try cli.onestop(run + ["--uncertainty", "4", "--param", "demand[0].anual_volume=1..2"])
    #expect(bad == 2 && badErr.contains("unknown key 'anual_volume'"), "\(badErr)")
  }

  @Test func refusesUnknownKPIsAndKeysBeforeRunning() throws {
    let (typo, _, typoErr) = try cli.onestop(["sensitivity", "scenarios/mmc.yaml", "--kpi", "desk_wiat_mean"] + params)
    #expect(typo == 2 && typoErr.contains("did you mean 'desk_wait_mean'"), "\(typoErr)")
    let (unit, _, unitErr) = try cli.onestop(
      ["sensitivity", "scenarios/mmc.yaml", "--kpi", "desk_wait_mean@nowhere"] + params)
    #expect(unit == 2 && unitErr.contains("no unit 'nowhere'"), "\(unitErr)")
    let (key, keyOut, keyErr) = try cli.onestop(base + ["--param", "behaviour.p_retrun_after_incomplete=0..1"])
    #expect(key == 2 && keyErr.contains("unknown key 'p_retrun_after_incomplete'"), "\(keyErr)")
    #expect(keyOut.isEmpty, "nothing ran: \(keyOut)")
    let (none, _, noneErr) = try cli.onestop(["sensitivity", "scenarios/mmc.yaml"])
    #expect(none == 2 && noneErr.contains("give at least one --kpi"), "\(noneErr)")
  }
}
