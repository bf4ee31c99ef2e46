import OneStopIO

/// A sensitivity design as a sweep file (docs/sweeps.md, `design: list`): one row per
/// distinct design point, each parameter's value as the point's override writes it, the
/// user's `--set` as parameters with one value for every point, the study's seed for every
/// point (`seeds: common`) and its replications. `sweep run` (on this machine, GNU parallel
/// or Slurm) then runs exactly what `sensitivity` would, and `sensitivity --from-sweep`
/// takes the rows back as the study's points.
public enum SensitivitySweep {
  /// The design's distinct points, first occurrence first (integer parameters make some
  /// points of a design coincide; a study runs them once).
  public static func distinct(_ parameters: [SensitivityParameter], points: [[Double]]) -> [[Double]] {
    var seen = Set<String>()
    return points.filter { seen.insert(PointEvaluator.describe(parameters, at: $0)).inserted }
  }

  /// The value texts of a point, one per parameter.
  public static func texts(_ parameters: [SensitivityParameter], at u: [Double]) -> [String] {
    zip(parameters, u).map { p, x in p.text(p.value(at: x)) }
  }

  /// The sweep file's text.
  public static func file(
    name: String, description: [String], base: String, sets: [(key: String, value: String)],
    parameters: [SensitivityParameter], points: [[Double]], replications: Int, seed: UInt64, kpis: [String]
  ) -> String {
    let q = JSONText.string
    var lines = description.map { "# " + $0 }
    lines += [
      "sweep: \(q(name))", "description: \(q("design of onestop sensitivity, \(points.count) points"))",
      "base: \(q(base))", "design: list", "parameters:",
    ]
    let designKeys = Set(parameters.map(\.key))
    for (key, value) in sets where !designKeys.contains(key) {
      lines += ["  - key: \(q(key))", "    values: [\(q(value))]"]
    }
    let columns = points.map { texts(parameters, at: $0) }
    for (i, p) in parameters.enumerated() {
      lines += ["  - key: \(q(p.key))", "    values: [" + columns.map { q($0[i]) }.joined(separator: ", ") + "]"]
    }
    lines += [
      "replications: \(replications)", "seed: \(seed)", "seeds: common",
      "chunk_size: \(max(1, points.count / 64))", "kpis: [" + kpis.map(q).joined(separator: ", ") + "]",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
