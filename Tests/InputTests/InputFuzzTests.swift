import Foundation
import OneStopScenario
import OneStopSweep
import Testing
import TestSupport

/// Seeded mutations of the other input kinds (issue 29), as `ScenarioFuzzTests` mutates
/// scenarios: sweep files, target files and sweep manifests. Each mutant must be read or
/// refused with a message; reading one that is accepted must not trap either (its points
/// listed, its chunks formed). In process, for speed (a few seconds): a trap here still
/// fails the run loudly, and `ScenarioFuzzTests` and `CLITests` cover the binary.
@Suite struct InputFuzzTests {
  static let mutants = 200

  /// A mutant of `text`. The alias bomb is left out: every YAML input goes through the same
  /// bounded parser, whose bomb test is `BadInputTests`, and expanding a million values 20
  /// times would cost most of these tests' time.
  static func mutant(_ text: String, _ rng: inout SplitMixGenerator) -> String {
    while true {
      let m = ScenarioMutations.mutate(text, &rng)
      if !m.contains("bomb: &b0") { return m }
    }
  }

  static let sweepText = InputFiles.sweep(
    """
      - {key: 'units[desk-hall].desks[desks].count', from: 6, to: 10, step: 1, integer: true}
      - {key: end, values: ["2022-01-02", "2022-01-03"]}
      - {key: seed, name: s, from: 1, to: 1000, step: 250}
    """, extra: "description: fuzz\nseeds: common\nchunk_size: 2")

  static let lhsText = InputFiles.sweep(
    """
      - {key: 'units[desk-hall].desks[desks].count', from: 6, to: 10, integer: true}
      - {key: seed, from: 0, to: 1e6}
    """, extra: "design: latin_hypercube\npoints: 7")

  static let targetText = """
    scenario: \(InputFiles.mmc)
    source: fuzz
    targets:
      - {kpi: desk_wait_mean, value: 0.877, tolerance: 0.3, weight: 2, source: "Erlang C"}
      - kpi: desk_utilisation
        value: 90
        tolerance: 1
        source: "rho"
    not_produced:
      - {figure: "x", reason: "y"}
    """

  @Test func mutatedSweepFilesAreReadOrRefused() throws {
    let dir = try InputFiles.directory("fuzz-sweep")
    var rng = SplitMixGenerator(seed: 29)
    var accepted = 0, refused = 0
    for k in 0..<Self.mutants {
      let text = Self.mutant(k % 2 == 0 ? Self.sweepText : Self.lhsText, &rng)
      let path = try InputFiles.write(text, "m\(k).yaml", in: dir)
      do {
        let sweep = try SweepFile.load(path: path)
        accepted += 1
        #expect(sweep.pointCount <= SweepFile.maxPoints)
        if sweep.pointCount <= 2_000 { #expect(sweep.points().count == sweep.pointCount, "\(text)") }
      } catch {
        refused += 1
        #expect(!error.issues.isEmpty && error.issues.allSatisfy { !$0.message.isEmpty })
      }
    }
    #expect(accepted > 20 && refused > 50, "accepted \(accepted), refused \(refused)")
  }

  @Test func mutatedTargetFilesAreReadOrRefused() throws {
    let dir = try InputFiles.directory("fuzz-target")
    var rng = SplitMixGenerator(seed: 30)
    var accepted = 0
    for k in 0..<Self.mutants {
      let path = try InputFiles.write(Self.mutant(Self.targetText, &rng), "t\(k).yaml", in: dir)
      do {
        let file = try TargetFile.load(path: path)
        accepted += 1
        for t in file.targets {
          #expect(
            abs(t.value) <= TargetFile.maxValue && t.tolerance >= 0 && t.tolerance <= TargetFile.maxValue
              && t.weight.isFinite)
        }
      } catch {
        #expect(!error.issues.isEmpty)
      }
    }
    #expect(accepted > 20)
  }

  /// Manifests mutated line by line, half of them with the hash recomputed (so the
  /// field checks, not the hash, must catch what is wrong).
  @Test func mutatedManifestsAreReadOrRefused() throws {
    let planned = try ManifestInputTests.planned("fuzz")
    let original = try String(contentsOf: planned.appendingPathComponent("manifest.json"), encoding: .utf8)
    let dir = try InputFiles.directory("fuzz-manifest-m")
    var rng = SplitMixGenerator(seed: 31)
    var accepted = 0
    for k in 0..<Self.mutants {
      try ScenarioMutations.mutate(original, &rng).write(
        to: dir.appendingPathComponent("manifest.json"), atomically: false, encoding: .utf8)
      if k % 2 == 1,
        (try? JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))))
          is [String: Any]
      {
        try? ManifestInputTests.forge(dir, "format", "onestop-sweep/1")
      }
      do {
        let m = try Manifest(directory: dir.path)
        accepted += 1
        #expect((1...10_000).contains(m.replications) && !m.kpis.isEmpty && m.chunkSize >= 1)
        for c in 0..<min(m.chunks, 10) { _ = m.rows(inChunk: c) }
      } catch {
        #expect(error.description.hasPrefix(dir.path))
      }
    }
    #expect(accepted > 10, "accepted \(accepted)")
  }
}
