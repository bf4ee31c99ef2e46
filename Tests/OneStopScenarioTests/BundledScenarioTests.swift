import DESKernel
import Foundation
import OneStopModel
import OneStopScenario
import ReferenceModels
import Testing
import TestSupport

/// Every bundled scenario validates and runs, and the Tuyên Quang 2022 baseline stays
/// within the calibration bounds of its header.
@Suite struct BundledScenarioTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let scenarios = root.appendingPathComponent("scenarios")
  static let files =
    (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path))?.filter { $0.hasSuffix(".yaml") }.sorted()
    ?? []

  @Test func theBundledScenariosAreAllThere() {
    #expect(
      Set(Self.files).isSuperset(of: [
        "tuyen-quang-2022.yaml", "tuyen-quang-2022-no-saturday.yaml", "bac-giang-postal-pilot.yaml",
        "binh-phuoc-online-push.yaml",
        "bac-kan-2021.yaml", "two-level-2025.yaml", "mmc.yaml",
      ]))
  }

  @Test(arguments: files)
  func validatesAndRuns(_ file: String) throws {
    let (scenario, model) = try Scenario.load(path: Self.scenarios.appendingPathComponent(file).path)
    // Every file says where its numbers come from.
    let text = try String(contentsOf: Self.scenarios.appendingPathComponent(file), encoding: .utf8)
    #expect(text.hasPrefix("#"), "\(file) needs a header comment with its sources")
    let r = OneStopSimulation.run(model, seed: scenario.seed)
    #expect(r.checks.conservationViolations.isEmpty, "\(file): \(r.checks.conservationViolations.prefix(2))")
    #expect(r.checks.servicesOutsideSchedule == 0)
    #expect(r.total().received > 0)
  }

  /// 004 (Tuyên Quang 2022): 93.32 % on time of received, 1.9 % overdue, 8,585 in progress,
  /// land + transport >= 80 % of overdue. Five replications; the bounds hold for the mean.
  @Test func tuyenQuang2022StaysCalibrated() throws {
    let (scenario, model) = try Scenario.load(path: Self.scenarios.appendingPathComponent("tuyen-quang-2022.yaml").path)
    let runs = (0..<5).map { OneStopSimulation.run(model, seed: scenario.seed, replication: UInt64($0)) }
    func mean(_ f: (RunResult) -> Double) -> Double { runs.map(f).reduce(0, +) / Double(runs.count) }
    let onTime = mean { $0.total().onTimeRateOfReceived * 100 }
    let overdue = mean { $0.total().overdueRateOfReceived * 100 }
    let inProgress = mean { Double($0.total().inProgressEnd) }
    let received = mean { Double($0.total().received) }
    let landTransport = mean { r in
      let rows = r.breakdown(by: .field, model: model)
      let lt = rows.filter { ["land", "transport"].contains($0.key) }.reduce(0) { $0 + $1.counters.resolvedOverdue }
      return Double(lt) / Double(max(1, r.total().resolvedOverdue))
    }
    #expect(abs(onTime - 93.32) <= 1, "on time of received \(onTime) %")
    #expect(abs(overdue - 1.9) <= 0.5, "overdue \(overdue) %")
    #expect(abs(inProgress - 8585) <= 0.15 * 8585, "in progress at year end \(inProgress)")
    #expect(landTransport >= 0.8, "land + transport share of overdue \(landTransport)")
    #expect(abs(received - 180_289) <= 0.02 * 180_289, "received \(received)")
  }

  /// Overdue responds to capacity (issue: levers): with common random numbers, a third
  /// more officers at every district land office (63 -> 84 in all) lowers land overdue and
  /// a third fewer (63 -> 42) raises it; both paired 95 % intervals exclude zero. Most of
  /// the baseline's overdue comes from dossiers received in the year, not the carried-over
  /// ones.
  @Test func landOverdueRespondsToLandOfficers() throws {
    let path = Self.scenarios.appendingPathComponent("tuyen-quang-2022.yaml").path
    let (scenario, model) = try Scenario.load(path: path)
    func variant(_ factor: Double) throws -> CompiledModel {
      var c = scenario.configuration
      for k in c.agencies.indices where c.agencies[k].id.hasPrefix("TNMT@") && c.agencies[k].unit != "pasc" {
        c.agencies[k].officers = Int((Double(c.agencies[k].officers) * factor).rounded())
      }
      return try CompiledModel(c)
    }
    let more = try variant(4.0 / 3.0), fewer = try variant(2.0 / 3.0)
    func landOverdue(_ m: CompiledModel, _ r: RunResult) -> Double {
      Double(
        r.breakdown(by: .field, model: m).filter { $0.key == "land" }.reduce(0) { $0 + $1.counters.resolvedOverdue })
    }
    var up: [Double] = [], down: [Double] = [], carriedShare: [Double] = []
    for rep in 0..<4 {
      let base = OneStopSimulation.run(model, seed: scenario.seed, replication: UInt64(rep))
      let b = landOverdue(model, base)
      up.append(landOverdue(more, OneStopSimulation.run(more, seed: scenario.seed, replication: UInt64(rep))) - b)
      down.append(landOverdue(fewer, OneStopSimulation.run(fewer, seed: scenario.seed, replication: UInt64(rep))) - b)
      let carried = base.cells.reduce(0) { $0 + $1.carriedOverOverdue }
      carriedShare.append(Double(carried) / Double(max(1, base.total().resolvedOverdue)))
    }
    let ciUp = ConfidenceInterval(up, level: 0.95), ciDown = ConfidenceInterval(down, level: 0.95)
    #expect(ciUp.upper < 0, "+30 % land officers: change in land overdue \(ciUp)")
    #expect(ciDown.lower > 0, "-30 % land officers: change in land overdue \(ciDown)")
    let share = carriedShare.reduce(0, +) / Double(carriedShare.count)
    #expect(share < 0.2, "share of overdue that was carried over: \(share)")
  }

  /// The M/M/8 reference model through the whole path (file, desks, report): the 99.9 %
  /// interval over replications must contain Erlang C's mean wait.
  @Test func mmcScenarioAgreesWithErlangC() throws {
    let (scenario, model) = try Scenario.load(path: Self.scenarios.appendingPathComponent("mmc.yaml").path)
    let waits = (0..<12).map {
      OneStopSimulation.run(model, seed: scenario.seed, replication: UInt64($0)).allWaits.mean / 60
    }
    let theory = try #require(QueueingTheory.mmc(servers: 8, arrivalRate: 7.2, serviceRate: 1))
    let ci = ConfidenceInterval(waits, level: 0.999)
    #expect(ci.contains(theory.meanWait), "Erlang C \(theory.meanWait) outside \(ci)")
    #expect(ci.halfWidth < 0.15 * theory.meanWait)
  }
}
