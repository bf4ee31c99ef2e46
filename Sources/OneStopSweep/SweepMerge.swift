import DESKernel
import Dispatch
import Foundation
import Synchronization
import OneStopModel

/// `DIR/results.csv` and `DIR/summary.json` from the row files, in manifest order: the
/// bytes depend only on the plan and the row results, never on how, where or in which
/// order the rows ran. Missing rows are never counted as zero: the merge refuses, or
/// (partial) leaves them out and lists them.
public enum SweepMerge {
  public struct Outcome {
    public let csv: String
    public let json: String
    public let missing: [Manifest.Row]
  }

  /// Reads every row result of `manifest` under `directory` (on all cores), in manifest order.
  public static func collect(_ manifest: Manifest, directory: String) -> (found: [RowResult], missing: [Manifest.Row]) {
    let rows = manifest.rows
    let read = Mutex<[RowResult?]>(Array(repeating: nil, count: rows.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(Replications.defaultThreads, rows.count))) { _ in
      while true {
        let k = next.add(1, ordering: .relaxed).oldValue
        if k >= rows.count { return }
        let r = RowResult(path: RowResult.path(id: rows[k].id, in: directory), manifest: manifest)
        read.withLock { $0[k] = r }
      }
    }
    let results = read.withLock { $0 }
    return (results.compactMap { $0 }, zip(rows, results).filter { $0.1 == nil }.map(\.0))
  }

  public static func merge(_ manifest: Manifest, results: [RowResult], missing: [Manifest.Row]) -> Outcome {
    let units = Dictionary(uniqueKeysWithValues: KPI.all.map { ($0.name, $0.unit) })
    var header = ["id"] + manifest.parameters + ["seed", "replications"]
    for k in manifest.kpis { header += ["\(k)_mean", "\(k)_ci95_low", "\(k)_ci95_high"] }
    var csv = [header.map(JSONText.csvField).joined(separator: ",")]
    var points: [String] = []
    for r in results {
      var fields = [r.id] + r.values + [String(r.seed), String(manifest.replications)]
      var estimates: [String] = []
      for (name, values) in r.kpis {
        let (mean, half) = estimate(values)
        fields += [JSONText.number(mean), JSONText.number(mean - half), JSONText.number(mean + half)]
        estimates.append("\(JSONText.string(name)): {\"mean\": \(JSONText.number(mean)), \"ci95\": [\(JSONText.number(mean - half)), \(JSONText.number(mean + half))]}")
      }
      csv.append(fields.map(JSONText.csvField).joined(separator: ","))
      points.append("    {\"id\": \(JSONText.string(r.id)), \"seed\": \(r.seed), \"values\": {"
        + zip(manifest.parameters, r.values).map { "\(JSONText.string($0)): \(JSONText.string($1))" }.joined(separator: ", ")
        + "}, \"kpis\": {" + estimates.joined(separator: ", ") + "}}")
    }
    var j: [String] = []
    j.append("  \"sweep\": \(JSONText.string(manifest.sweep)),")
    j.append("  \"base\": \(JSONText.string(manifest.base)),")
    j.append("  \"manifest_hash\": \(JSONText.string(manifest.hash)),")
    j.append("  \"replications\": \(manifest.replications),")
    j.append("  \"seeds\": \(JSONText.string(manifest.seeds)),")
    j.append("  \"parameters\": [\(manifest.parameters.map(JSONText.string).joined(separator: ", "))],")
    j.append("  \"kpis\": {\(manifest.kpis.map { "\(JSONText.string($0)): \(JSONText.string(units[$0] ?? ""))" }.joined(separator: ", "))},")
    j.append("  \"rows\": \(manifest.rows.count),")
    j.append("  \"complete\": \(missing.isEmpty),")
    j.append("  \"missing\": [\(missing.map { JSONText.string($0.id) }.joined(separator: ", "))],")
    j.append("  \"points\": [\n" + points.joined(separator: ",\n") + "\n  ]")
    return Outcome(csv: csv.joined(separator: "\n") + "\n", json: "{\n" + j.joined(separator: "\n") + "\n}\n", missing: missing)
  }

  /// Mean and 95 % Student-t half-width over replications (0 for one replication).
  static func estimate(_ xs: [Double]) -> (Double, Double) {
    var t = Tally()
    for x in xs { t.add(x) }
    return (t.mean, xs.count > 1 ? StudentT.halfWidth(sd: t.standardDeviation, count: xs.count) : 0)
  }
}
