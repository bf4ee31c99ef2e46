import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopSweep

/// Runs a study's tasks and keeps their results in `DIR/tasks/<task>.json` (written
/// atomically; a task whose file is there, names it, carries the plan's hash and passes
/// its checksum is done and never runs again).
public struct NationalRunner: Sendable {
  public let study: NationalStudy
  public let directory: String

  public init(study: NationalStudy, directory: String) {
    self.study = study
    self.directory = directory
  }

  func path(_ task: NationalStudy.Task) -> String {
    ((directory as NSString).appendingPathComponent("tasks") as NSString).appendingPathComponent(task.id + ".json")
  }

  func province(_ task: NationalStudy.Task) -> NationalStudy.Province {
    study.provinces.first { $0.id == task.province }!
  }

  /// The task's result if its file is complete and belongs to this plan.
  public func result(_ task: NationalStudy.Task) -> RowResult? {
    struct File: Decodable {
      let id: String, manifest_hash: String, seed: UInt64, values: [String]
      let kpis: [String: [Double?]]
      let checksum: String
    }
    guard let data = FileManager.default.contents(atPath: path(task)),
      let o = try? JSONDecoder().decode(File.self, from: data), o.id == task.id, o.manifest_hash == study.hash,
      o.values == values(task)
    else { return nil }
    var kpis: [(String, [Double])] = []
    for name in study.kpis {
      guard let v = o.kpis[name], v.count == task.count else { return nil }
      kpis.append((name, v.map { $0 ?? .nan }))
    }
    let r = RowResult(id: o.id, manifestHash: o.manifest_hash, seed: o.seed, values: o.values, kpis: kpis)
    return r.checksum == o.checksum ? r : nil
  }

  func values(_ task: NationalStudy.Task) -> [String] { [task.province, String(task.first), String(task.count)] }

  /// Indices of the tasks without a complete result, in plan order.
  public func missing() -> [Int] { study.tasks.indices.filter { result(study.tasks[$0]) == nil } }

  /// Runs task `k` (if not done) and writes its result; `true` when it ran.
  @discardableResult
  public func run(task k: Int, threads: Int) throws -> Bool {
    let task = study.tasks[k]
    if result(task) != nil { return false }
    let p = province(task)
    let (scenario, model) = try Scenario.load(path: p.file, overrides: study.sets)
    guard scenario.hash == p.hash else {
      throw NationalStudy.error("\(p.file): changed since the study was planned; plan it again")
    }
    let measures = study.kpis.compactMap(KPI.named)
    var series = KPISeries(measures, model: model)
    Replications.run(model, seed: p.seed, first: task.first, count: task.count, threads: threads, into: &series)
    if let v = series.violations.first {
      throw NationalStudy.error("task \(task.id): conservation check failed (a bug in onestop): \(v)")
    }
    let r = RowResult(
      id: task.id, manifestHash: study.hash, seed: p.seed, values: values(task),
      kpis: Array(zip(study.kpis, series.values)))
    try FileManager.default.createDirectory(
      atPath: (directory as NSString).appendingPathComponent("tasks"), withIntermediateDirectories: true)
    try writeAtomically(r.json(), to: path(task))
    return true
  }
}
