import Foundation
import Testing

/// A KPI naming a month the run does not report (or a unit, level, agency or field the
/// scenario does not have) would be NaN in every replication: `run --precision`, `staff
/// --target` and a sweep's `kpis` refuse it before running, with the message `calibrate`
/// and target files give, and still accept a month the run does report.
@Suite(.serialized) struct KPITargetTests {
  let cli = CLITests()
  let short = ["--set", "end=2022-01-05"]

  @Test func runPrecisionRefusesAMonthOutsideTheRun() throws {
    let (status, out, err) = try cli.onestop(
      ["run", "scenarios/mmc.yaml"] + short + [
        "--replications", "auto",
        "--precision", "received_new@month:2019-01=5%", "--quiet",
      ])
    #expect(status == 2)
    #expect(out.isEmpty)
    #expect(
      err.contains(
        """
          --precision: the run reports no month 2019-01 (in KPI 'received_new@month:2019-01'); its months are 2022-01 \
          to 2022-01
          """
      ), "\(err)")
    let (field, _, fieldErr) = try cli.onestop(
      ["run", "scenarios/mmc.yaml"] + short + [
        "--replications", "auto",
        "--precision", "received@field:nowhere=5%", "--quiet",
      ])
    #expect(field == 2 && fieldErr.contains("--precision: ") && fieldErr.contains("nowhere"), "\(fieldErr)")
    let (ok, _, okErr) = try cli.onestop(
      ["run", "scenarios/mmc.yaml"] + short + [
        "--replications", "auto",
        "--precision", "received_new@month:2022-01=50%", "--max-replications", "4", "--quiet",
      ])
    #expect(ok == 0, "\(okErr)")
  }

  /// `@under:UNIT` is a KPI name like the others: `--precision` takes it, and a unit the
  /// scenario does not have is refused with a did-you-mean before the run.
  @Test func subtreeKPIsAreKPINames() throws {
    let (status, _, err) = try cli.onestop(
      ["run", "scenarios/mmc.yaml"] + short + [
        "--replications", "auto", "--precision", "received@under:desk-hal=5%", "--quiet",
      ])
    #expect(status == 2)
    #expect(
      err.contains(
        "--precision: the scenario has no unit 'desk-hal' (in KPI 'received@under:desk-hal'); did you mean 'desk-hall'?"
      ), "\(err)")
    let (ok, _, okErr) = try cli.onestop(
      ["run", "scenarios/mmc.yaml"] + short + [
        "--replications", "auto", "--precision", "received@under:desk-hall=50%", "--max-replications", "4", "--quiet",
      ])
    #expect(ok == 0, "\(okErr)")
  }

  @Test func staffRefusesATargetInAMonthOutsideTheRun() throws {
    let (status, _, err) = try cli.onestop(
      ["staff", "scenarios/mmc.yaml"] + short + [
        "--replications", "2",
        "--target", "desk_wait_mean@month:2030-01<=1m", "--vary", "units[desk-hall].desks[desks].count=8..9",
      ])
    #expect(status == 2)
    #expect(err.contains("target 'desk_wait_mean@month:2030-01<=1m': the run reports no month 2030-01"), "\(err)")
  }

  @Test func sweepPlanLocatesAMonthOutsideTheRun() throws {
    let sweeps = SweepTests()
    let file = try sweeps.sweepFile()
    let dir = sweeps.tempDir("sweep-month")
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try String(contentsOf: file, encoding: .utf8)
      .replacingOccurrences(
        of: "desk_wait_mean@desk-hall]", with: "desk_wait_mean@desk-hall, received_new@month:2021-12]")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let (status, _, err) = try cli.onestop(["sweep", "plan", file.path, "--out", dir.path])
    #expect(status == 2)
    #expect(err.contains("\(file.path):16:83: kpis[4]: the run reports no month 2021-12"), "\(err)")
  }
}
