import Foundation
import Testing

extension CLITests {
  /// A file of the wrong kind is named as what it is, with the command that reads it, in
  /// one line: not a list of every key the command does not know ("unknown key 'sweep';
  /// did you mean 'seed'?").
  @Test func aFileOfTheWrongKindSaysWhatItIs() throws {
    let (s1, out1, err1) = try onestop(["validate", "scenarios/sweeps/mmc-desks.yaml", "scenarios/mmc.yaml"])
    #expect(s1 == 2)
    #expect(out1.contains("scenarios/mmc.yaml: ok"))
    #expect(
      err1 == "scenarios/sweeps/mmc-desks.yaml: a sweep file (it has `parameters:` and `base:`), not a scenario file; "
        + "plan it with `onestop sweep plan scenarios/sweeps/mmc-desks.yaml --out DIR`\n")
    let (s2, _, err2) = try onestop(["validate", "scenarios/targets/tuyen-quang-2022.yaml"])
    #expect(s2 == 2 && err2.hasPrefix("scenarios/targets/tuyen-quang-2022.yaml: a target file (it has `targets:`)"))
    #expect(err2.contains("check it with `onestop calibrate scenarios/targets/tuyen-quang-2022.yaml`"))
    let (s3, _, err3) = try onestop(["calibrate", "scenarios/mmc.yaml"])
    #expect(s3 == 2 && err3.split(separator: "\n").count == 1, "\(err3)")
    #expect(err3.hasPrefix("scenarios/mmc.yaml: a scenario file (it has units or procedures), not a target file"))
  }
}
