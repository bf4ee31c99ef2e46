import ArgumentParser
import Foundation
import OneStopModel
import OneStopNational
import OneStopScenario

struct NationalCheck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Hold merged national studies (one per held-out seed) to a national target file.",
    discussion: """
      Each study must be planned with the target file's `study.set` and one of its `study.held_out_seeds` \
      (scripts/national/check-targets.sh plans, runs and checks them). A figure is within when its mean is within \
      its tolerance plus the study's 95 % half-width. Exit status: 0 every independent figure within on every \
      seed, 1 otherwise, 2 bad input.
      """)

  @Argument(help: "National target file (YAML).") var targets: String
  @Argument(help: "Merged-ready study directories, one per held-out seed.") var studies: [String]

  /// A target's number as written (`74.7`, `4400000`).
  func g(_ x: Double) -> String { String(format: "%.10g", x) }

  func run() throws {
    let file: NationalTargets
    var merges: [NationalMerge] = []
    do {
      file = try NationalTargets(path: targets)
      for s in studies { merges.append(try NationalMerge(directory: s)) }
    } catch {
      printError(error.description)
      throw ExitCode(2)
    }
    for m in merges where m.study.sets != file.sets || !file.heldOutSeeds.contains(m.study.seed) {
      printError(
        "a study has seed \(m.study.seed) and --set \(m.study.sets); the target file wants a held-out seed of "
          + "\(file.heldOutSeeds) and --set \(file.sets)")
      throw ExitCode(2)
    }
    var failed = 0, independent = 0
    print(
      "scope            kpi                            role         evidence    target          per seed: mean ± 95 %")
    for t in file.targets {
      let target =
        t.value.map { "\(g($0)) ± \(t.relative ? "\(g(t.tolerance * 100))%" : g(t.tolerance))" }
        ?? (t.atLeast.map { ">= \(g($0))" } ?? "<= \(g(t.atMost ?? 0))")
      var cells: [String] = []
      var ok = true
      for m in merges {
        guard let c = file.check(t, in: m) else {
          cells.append("n/a")
          ok = false
          continue
        }
        cells.append(String(format: "%.2f ± %.2f %@", c.mean, c.halfWidth, c.within ? "ok" : "OUT"))
        ok = ok && c.within
      }
      if t.role == "independent" {
        independent += 1
        if !ok { failed += 1 }
      }
      let line = [
        t.scope.padding(toLength: 16, withPad: " ", startingAt: 0),
        t.kpi.padding(toLength: 30, withPad: " ", startingAt: 0),
        t.role.padding(toLength: 12, withPad: " ", startingAt: 0),
        t.evidence.padding(toLength: 11, withPad: " ", startingAt: 0),
        target.padding(toLength: 15, withPad: " ", startingAt: 0), cells.joined(separator: " | "),
      ]
      print(line.joined(separator: " "))
    }
    print("independent figures within on every held-out seed: \(independent - failed) of \(independent)")
    if failed > 0 { throw ExitCode(1) }
  }
}
