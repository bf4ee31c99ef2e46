import Foundation
import Testing

/// `staff --vary KEY=V1,V2,...`: an option beside a count in every output (the table,
/// plan.yaml, changes.csv, tradeoff.csv, the journal a resumed run reads back), and the
/// errors of a key that does not exist, a value of the wrong type and a cost list that
/// does not fit.
@Suite(.serialized) struct StaffOptionCLITests {
  let cli = CLITests()
  let base = [
    "staff", "scenarios/mmc.yaml", "--set", "end=2022-01-10", "--replications", "4", "--max-replications", "4",
    "--seed", "11", "--target", "desk_wait_mean<=0.2", "--vary", "units[desk-hall].desks[desks].count=1..14",
  ]
  let option = "units[desk-hall].desks[desks].service_time_factor"

  @Test func anOptionShowsInEveryOutputAndResumes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-staff-option-\(getpid())").path
    try? FileManager.default.removeItem(atPath: dir)
    let args = base + ["--vary", "\(option)=1,0.8", "--cost", "\(option)=0,1.5", "--out", dir]
    let (status, out, err) = try cli.onestop(args)
    #expect(status == 0, "\(out)\n\(err)")
    #expect(err.contains("2 variables (1 option)"), "\(err)")
    #expect(out.contains("\(option)      1   0.8        0    +1.5"), "\(out)")
    func file(_ name: String) throws -> String {
      try String(contentsOfFile: (dir as NSString).appendingPathComponent(name), encoding: .utf8)
    }
    #expect(try file("changes.csv").contains("\(option),1,0.8,0,0,1.5"))
    #expect(try file("tradeoff.csv").contains(",\(option),=0.8,"))
    #expect(try file("plan.yaml").contains("service_time_factor: 0.8"))
    #expect(try file("evaluations.jsonl").contains(#""settings": ["8", "0.8"]"#))
    let (v, vout, _) = try cli.onestop(["validate", (dir as NSString).appendingPathComponent("plan.yaml")])
    #expect(v == 0, "\(vout)")
    // Resumed with the values in another order: every plan comes from the journal.
    let again = base + ["--vary", "\(option)=0.8,1", "--cost", "\(option)=1.5,0", "--out", dir]
    let (s2, out2, err2) = try cli.onestop(again)
    #expect(s2 == 0 && err2.contains("resuming:") && out2.contains("0 replications run"), "\(out2)\n\(err2)")
  }

  @Test func unknownKeysWrongValuesAndBadCostsAreClearErrors() throws {
    let (s1, _, e1) = try cli.onestop(base + ["--vary", "units[desk-hall].desks[desks].service_tim_factor=1,0.8"])
    #expect(s1 == 2 && e1.contains("unknown key 'service_tim_factor'; did you mean 'service_time_factor'?"), "\(e1)")
    let (s2, _, e2) = try cli.onestop(base + ["--vary", "\(option)=1,fast"])
    #expect(s2 == 2 && e2.contains("the value 'fast' does not fit") && e2.contains("found 'fast'"), "\(e2)")
    let (s3, _, e3) = try cli.onestop(base + ["--vary", "units[desk-hall].desks[dsks].quota=40,60"])
    #expect(s3 == 2 && e3.contains("did you mean 'desks'?"), "\(e3)")
    let (s4, _, e4) = try cli.onestop(base + ["--vary", "\(option)=1,0.8", "--cost", "\(option)=0,1,2"])
    #expect(s4 == 2 && e4.contains("3 costs for 2 values"), "\(e4)")
    let (s5, _, e5) = try cli.onestop(base + ["--vary", "\(option)=0.5..1"])
    #expect(s5 == 2 && e5.contains("LOW..HIGH:STEP"), "\(e5)")
  }
}
