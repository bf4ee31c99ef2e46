import Foundation
import OneStopIO
import OneStopModel
import OneStopScenario
import OneStopSweep

/// A merged national study: every KPI per province and for the nation, one value per
/// replication. Replication r of the nation is built from replication r of every
/// province: counts and time-averaged head counts add up; rates, waits and durations are
/// averages weighted by the dossiers the province received in that replication (the
/// level's own received count for a per-level KPI), which is exact for a share of
/// received and a close reading for the others (docs/national.md). Nothing here names a
/// KPI, so any KPI a province result has (the Decision 766 index parts included, once
/// the model computes them) is merged the same way.
public struct NationalMerge: Sendable {
  public let study: NationalStudy
  /// Per province (plan order), per KPI (plan order), the value of each replication.
  public let values: [[[Double]]]
  /// Per KPI, the nation's value of each replication.
  public let national: [[Double]]

  /// Merges `DIR/tasks/`; throws naming the missing tasks if any.
  public init(directory: String) throws(ScenarioErrors) {
    let study = try NationalStudy(directory: directory)
    let runner = NationalRunner(study: study, directory: directory)
    let nk = study.kpis.count
    var values = Array(
      repeating: Array(repeating: [Double](repeating: .nan, count: study.replications), count: nk),
      count: study.provinces.count)
    let index = Dictionary(uniqueKeysWithValues: study.provinces.enumerated().map { ($1.id, $0) })
    var missing: [String] = []
    for task in study.tasks {
      guard let r = runner.result(task), let p = index[task.province] else {
        missing.append(task.id)
        continue
      }
      for (k, kpi) in r.kpis.enumerated() {
        for (j, x) in kpi.1.enumerated() { values[p][k][task.first + j] = x }
      }
    }
    if !missing.isEmpty {
      throw NationalStudy.error(
        "\(missing.count) of \(study.tasks.count) tasks have no result: \(missing.prefix(20).joined(separator: ", "))"
          + " (run onestop national run \(directory), or onestop national missing \(directory) for an array)")
    }
    self.init(study: study, values: values)
  }

  /// Merges values already in memory (benchmarks, tests).
  public init(study: NationalStudy, values: [[[Double]]]) {
    self.study = study
    self.values = values
    national = NationalMerge.nation(study.kpis, values, replications: study.replications)
  }

  /// Whether KPI `name` adds up over provinces (a count or a time-averaged head count).
  public static func isAdditive(_ name: String) -> Bool {
    guard let unit = KPI.named(name)?.unit else { return false }
    switch unit {
    case .dossiers, .letters, .results, .events, .citizens, .staff, .officers: return true
    case .visits: return name.hasPrefix("first_contacts")
    case .percent, .minutes, .hours, .days, .points: return false   // index points: weighted like rates
    }
  }

  /// The KPI whose values weight `name` across provinces: `received`, at the same level.
  public static func weight(of name: String, in kpis: [String]) -> Int? {
    if let at = name.range(of: "@" + KPI.levelPrefix) {
      let level = Measure.received.name + name[at.lowerBound...]
      if let k = kpis.firstIndex(of: level) { return k }
    }
    return kpis.firstIndex(of: Measure.received.name)
  }

  static func nation(_ kpis: [String], _ values: [[[Double]]], replications: Int) -> [[Double]] {
    kpis.indices.map { k in
      let additive = isAdditive(kpis[k]), w = weight(of: kpis[k], in: kpis)
      return (0..<replications).map { r in
        if additive {
          // A per-unit KPI is NaN in the provinces without that unit.
          let xs = values.map { $0[k][r] }.filter(\.isFinite)
          return xs.isEmpty ? .nan : xs.reduce(0, +)
        }
        var sum = 0.0, total = 0.0
        for p in values {
          let x = p[k][r], wt = w.map { p[$0][r] } ?? 1
          guard x.isFinite, wt.isFinite, wt > 0 else { continue }
          sum += x * wt
          total += wt
        }
        return total > 0 ? sum / total : .nan
      }
    }
  }

  /// One line of `national.csv`.
  public struct Line: Sendable {
    public let scope, kpi: String
    public let estimate: Estimate
  }

  /// The nation's lines, then each province's, KPIs in plan order.
  public func lines() -> [Line] {
    var out = study.kpis.indices.map { Line(scope: "national", kpi: study.kpis[$0], estimate: Estimate(national[$0])) }
    for (p, province) in study.provinces.enumerated() {
      for k in study.kpis.indices {
        out.append(Line(scope: province.id, kpi: study.kpis[k], estimate: Estimate(values[p][k])))
      }
    }
    return out
  }

  /// `national.csv`: scope, kpi, unit, mean and its 95 % interval, replications.
  public func csv() -> String {
    var text = "scope,kpi,unit,mean,ci95_low,ci95_high,replications\n"
    for l in lines() {
      let unit = KPI.named(l.kpi)?.unit.symbol ?? ""
      let e = l.estimate
      let h = e.count > 1 ? e.halfWidth : .nan
      text += "\(l.scope),\(JSONText.csvField(l.kpi)),\(JSONText.csvField(unit)),\(JSONText.csvNumber(e.mean)),"
      text += "\(JSONText.csvNumber(e.mean - h)),\(JSONText.csvNumber(e.mean + h)),\(e.count)\n"
    }
    return text
  }

  /// Provinces ranked by KPI `name` (best first: highest when `higherIsBetter`), with
  /// each province's estimate; ties keep plan order.
  public func ranking(by name: String, higherIsBetter: Bool) -> [(province: String, estimate: Estimate)]? {
    guard let k = study.kpis.firstIndex(of: name) else { return nil }
    let rows = study.provinces.enumerated().map { ($1.id, Estimate(values[$0][k])) }
    return rows.enumerated().sorted { a, b in
      let x = a.element.1.mean, y = b.element.1.mean
      if x == y || (x.isNaN && y.isNaN) { return a.offset < b.offset }
      if x.isNaN { return false }
      if y.isNaN { return true }
      return higherIsBetter ? x > y : x < y
    }.map { (province: $0.element.0, estimate: $0.element.1) }
  }

  /// `ranking.csv`.
  public func rankingCSV(by name: String, higherIsBetter: Bool) -> String? {
    guard let rows = ranking(by: name, higherIsBetter: higherIsBetter) else { return nil }
    var text = "rank,province,kpi,mean,ci95_low,ci95_high\n"
    for (i, r) in rows.enumerated() {
      let h = r.estimate.count > 1 ? r.estimate.halfWidth : .nan
      text += "\(i + 1),\(r.province),\(name),\(JSONText.csvNumber(r.estimate.mean)),"
      text += "\(JSONText.csvNumber(r.estimate.mean - h)),\(JSONText.csvNumber(r.estimate.mean + h))\n"
    }
    return text
  }
}
