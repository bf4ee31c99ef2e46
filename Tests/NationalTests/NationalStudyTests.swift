import Foundation
import OneStopModel
import OneStopNational
import OneStopScenario
import Testing

/// The national study: tasks, resumption, and the merge (replication r of the nation is
/// replication r of every province) against hand-computed sums and weighted means.
@Suite struct NationalStudyTests {
  static let files = ["dien-bien", "lai-chau"].map { NationalGeneratorTests.at("scenarios/national/\($0).yaml") }

  static func temporary() -> String {
    let dir = NSTemporaryDirectory() + "national-study-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func mergeAddsCountsAndWeighsRatesByReceived() throws {
    let kpis = [
      "received", "on_time_rate_of_received", "received@level:commune", "desk_wait_mean@level:commune",
    ]
    let study = try NationalStudy(files: Self.files, seed: 7, replications: 3, block: 3, sets: [], kpis: kpis)
    let values: [[[Double]]] = [
      [[100, 200, 300], [90, 80, 70], [10, 20, 30], [1, 2, 3]],
      [[300, 200, 100], [50, 60, 70], [30, 20, 10], [5, 6, 7]],
    ]
    let m = NationalMerge(study: study, values: values)
    #expect(m.national[0] == [400, 400, 400])
    // (100 x 90 + 300 x 50) / 400 = 60; (200 x 80 + 200 x 60) / 400 = 70; 70.
    #expect(m.national[1] == [60, 70, 70])
    #expect(m.national[2] == [40, 40, 40])
    // Weighted by the level's own received: (10 x 1 + 30 x 5) / 40 = 4; 4; (30 x 3 + 10 x 7) / 40 = 4.
    #expect(m.national[3] == [4, 4, 4])
    #expect(NationalMerge.isAdditive("received") && !NationalMerge.isAdditive("desk_wait_mean"))
    let ranked = try #require(m.ranking(by: "on_time_rate_of_received", higherIsBetter: true))
    #expect(ranked.map(\.province) == ["dien-bien", "lai-chau"])
  }

  /// A short study run in two ways (blocks of 1 and of 2 replications, one task first
  /// and the rest on a rerun) merges to the same bytes; the rerun runs only what is missing.
  @Test func blocksAndResumptionGiveTheSameNation() throws {
    let kpis = ["received", "on_time_rate_of_received", "received@level:commune"]
    func study(_ block: Int) throws -> (NationalStudy, String) {
      let dir = Self.temporary()
      let s = try NationalStudy(
        files: Self.files, seed: 11, replications: 2, block: block, sets: ["end=2025-07-15"], kpis: kpis)
      try s.json().write(toFile: dir + "/national.json", atomically: true, encoding: .utf8)
      return (try NationalStudy(directory: dir), dir)
    }
    let (a, dirA) = try study(1), (b, dirB) = try study(2)
    defer { for d in [dirA, dirB] { try? FileManager.default.removeItem(atPath: d) } }
    #expect(a.tasks.count == 4 && b.tasks.count == 2)
    let ra = NationalRunner(study: a, directory: dirA), rb = NationalRunner(study: b, directory: dirB)
    #expect(try ra.run(task: 2, threads: 1))
    #expect(ra.missing() == [0, 1, 3])
    #expect(try !ra.run(task: 2, threads: 1))
    for k in ra.missing() { #expect(try ra.run(task: k, threads: 1)) }
    for k in rb.missing() { try rb.run(task: k, threads: 2) }
    #expect(ra.missing() == [] && rb.missing() == [])
    let ma = try NationalMerge(directory: dirA), mb = try NationalMerge(directory: dirB)
    #expect(ma.csv() == mb.csv())
    #expect(ma.national[0] == zip(ma.values[0][0], ma.values[1][0]).map { $0 + $1 })
    // A file edited after it was written is not a result: its task is missing again.
    let path = dirA + "/tasks/\(a.tasks[0].id).json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(of: "\"received\": [", with: "\"received\": [1").write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(ra.missing() == [0])
    #expect(throws: ScenarioErrors.self) { try NationalMerge(directory: dirA) }
  }

  @Test func aWhatIfIsPairedAndChangesOnlyWhatItShould() throws {
    let kpis = ["received", "online_share_of_received"]
    let a = try NationalStudy(files: Self.files, seed: 3, replications: 2, block: 2, sets: [], kpis: kpis)
    let b = try NationalStudy(
      files: Self.files, seed: 3, replications: 2, block: 2, sets: ["demand[communes].online_share=0.9"], kpis: kpis)
    #expect(a.provinces.map(\.seed) == b.provinces.map(\.seed))
    #expect(a.hash != b.hash)
    let c = try NationalStudy(files: Self.files, seed: 4, replications: 2, block: 2, sets: [], kpis: kpis)
    let m = NationalMerge(study: a, values: [[[1, 1], [1, 1]], [[1, 1], [1, 1]]])
    let n = NationalMerge(study: c, values: [[[1, 1], [1, 1]], [[1, 1], [1, 1]]])
    #expect(throws: ScenarioErrors.self) { try NationalCompare(m, n) }
  }
}
