/// First-order and total Sobol indices of every input, with bootstrap 95 % intervals.
///
/// The first-order index S_i is the share of the output's variance that input i explains
/// alone, V[E(Y | X_i)] / V(Y); the total index ST_i the share it has a part in, alone or
/// with others, E[V(Y | X_~i)] / V(Y). ST_i - S_i is what it does through interactions;
/// ST_i near 0 means the input can be fixed anywhere in its range.
///
/// Estimators (Saltelli et al. 2010, doi:10.1016/j.cpc.2009.09.018, table 2):
/// - first order (Saltelli 2010): V_i = (1/N) Σ_j f(B)_j (f(AB_i)_j - f(A)_j);
/// - total (Jansen 1999): VT_i = (1/2N) Σ_j (f(A)_j - f(AB_i)_j)²;
/// both divided by V(Y), the variance of the 2N outputs on A and B together. Intervals
/// resample the N rows (a row of A with its rows of B and AB_i) with replacement.
public struct SobolIndices: Sendable {
  /// The indices of one input.
  public struct Input: Sendable, Equatable {
    /// First-order index S_i.
    public let firstOrder: Double
    /// Its bootstrap interval.
    public let firstOrderInterval: BootstrapInterval?
    /// Total index ST_i.
    public let total: Double
    /// Its bootstrap interval.
    public let totalInterval: BootstrapInterval?
  }

  /// Per input, in the design's order.
  public let inputs: [Input]
  /// V(Y), the variance of the outputs on A and B.
  public let variance: Double
  /// Rows used: the design's rows whose k + 2 outputs were all finite.
  public let rowsUsed: Int

  /// The indices from the model's `outputs`, one per point of `design` in run order
  /// (`SobolDesign.point`). A row with a non-finite output is left out.
  /// - Complexity: O(N k) plus the bootstrap, O(resamples × N k).
  public init(_ design: SobolDesign, outputs: [Double], resamples: Int = 1000, seed: UInt64 = 1) {
    precondition(outputs.count == design.runs, "one output per point of the design")
    let n = design.rows
    let k = design.inputs
    let kept = (0..<n).filter { j in (0..<(k + 2)).allSatisfy { outputs[$0 * n + j].isFinite } }
    let fA = kept.map { outputs[$0] }
    let fB = kept.map { outputs[n + $0] }
    let fAB = (0..<k).map { i in kept.map { outputs[(i + 2) * n + $0] } }
    let all = Array(0..<kept.count)
    let point = Self.estimate(fA, fB, fAB, rows: all)
    let intervals = BootstrapInterval.percentile(
      rows: kept.count, outputs: 2 * k, resamples: resamples, seed: seed, name: "sobol/bootstrap"
    ) { rows in
      let e = Self.estimate(fA, fB, fAB, rows: rows)
      return e.first + e.total
    }
    inputs = (0..<k).map { i in
      Input(
        firstOrder: point.first[i], firstOrderInterval: intervals[i], total: point.total[i],
        totalInterval: intervals[k + i])
    }
    variance = point.variance
    rowsUsed = kept.count
  }

  /// The estimators on the rows `rows` (indices into the output vectors, repeats allowed).
  static func estimate(
    _ fA: [Double], _ fB: [Double], _ fAB: [[Double]], rows: [Int]
  ) -> (first: [Double], total: [Double], variance: Double) {
    let n = Double(rows.count)
    var sum = 0.0
    var sumSquares = 0.0
    for j in rows {
      sum += fA[j] + fB[j]
      sumSquares += fA[j] * fA[j] + fB[j] * fB[j]
    }
    let mean = sum / (2 * n)
    let variance = sumSquares / (2 * n) - mean * mean
    var first = [Double](repeating: .nan, count: fAB.count)
    var total = first
    guard variance > 0, n > 0 else { return (first, total, max(variance, 0)) }
    for (i, column) in fAB.enumerated() {
      var v = 0.0
      var vt = 0.0
      for j in rows {
        v += fB[j] * (column[j] - fA[j])
        let d = fA[j] - column[j]
        vt += d * d
      }
      first[i] = v / n / variance
      total[i] = vt / (2 * n) / variance
    }
    return (first, total, variance)
  }
}
