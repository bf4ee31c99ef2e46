/// Nelder-Mead simplex search on the unit box [0, 1]^d (points outside are clamped), the
/// local search of a calibration: no derivatives, few evaluations, deterministic.
///
/// Standard coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2; Nelder and
/// Mead 1965, as in GSL's `nmsimplex2`). Stops after `maxEvaluations`, or when the simplex
/// has shrunk below `tolerance` in every coordinate.
public struct NelderMead {
  public let maxEvaluations: Int
  public let tolerance: Double

  public init(maxEvaluations: Int = 60, tolerance: Double = 1e-3) {
    self.maxEvaluations = maxEvaluations
    self.tolerance = tolerance
  }

  /// Minimises `f` from `start`, with an initial simplex of side `step`.
  public func minimise<E: Error>(
    from start: [Double], step: Double = 0.15, _ f: ([Double]) throws(E) -> Double
  ) throws(E) -> (x: [Double], value: Double) {
    let d = start.count
    func clamp(_ x: [Double]) -> [Double] { x.map { Swift.min(1, Swift.max(0, $0)) } }
    var evaluations = 0
    func eval(_ x: [Double]) throws(E) -> Double {
      evaluations += 1
      return try f(clamp(x))
    }
    var simplex = [clamp(start)]
    for i in 0..<d {
      var p = clamp(start)
      p[i] = p[i] + step <= 1 ? p[i] + step : p[i] - step
      simplex.append(p)
    }
    var values: [Double] = []
    for p in simplex { values.append(try eval(p)) }
    while evaluations < maxEvaluations {
      let order = values.indices.sorted { values[$0] < values[$1] }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let spread = (0..<d).map { k in simplex.map { $0[k] }.max()! - simplex.map { $0[k] }.min()! }.max() ?? 0
      if spread < tolerance { break }
      let centroid = (0..<d).map { k in simplex.dropLast().reduce(0) { $0 + $1[k] } / Double(d) }
      func along(_ t: Double) -> [Double] { clamp(zip(centroid, simplex[d]).map { $0 + t * ($0 - $1) }) }
      let reflected = along(1), fr = try eval(reflected)
      if fr < values[0] {
        let expanded = along(2), fe = try eval(expanded)
        (simplex[d], values[d]) = fe < fr ? (expanded, fe) : (reflected, fr)
      } else if fr < values[d - 1] {
        (simplex[d], values[d]) = (reflected, fr)
      } else {
        let contracted = fr < values[d] ? along(0.5) : along(-0.5)
        let fc = try eval(contracted)
        if fc < Swift.min(fr, values[d]) {
          (simplex[d], values[d]) = (contracted, fc)
        } else {
          for i in 1...d {
            simplex[i] = clamp(zip(simplex[0], simplex[i]).map { $0 + 0.5 * ($1 - $0) })
            values[i] = try eval(simplex[i])
          }
        }
      }
    }
    let best = values.indices.min { values[$0] < values[$1] }!
    return (simplex[best], values[best])
  }
}

/// A Latin hypercube of `n` points in [0, 1]^d: each coordinate's n strata are each used
/// once, in an order and at positions drawn from `seed` (SplitMix64), so the screen is the
/// same on every run.
public func latinHypercube(points n: Int, dimensions d: Int, seed: UInt64) -> [[Double]] {
  var state = seed
  func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
  var columns: [[Double]] = []
  for _ in 0..<d {
    var strata = Array(0..<n)
    for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, Int(next() % UInt64(i + 1))) }
    columns.append(strata.map { (Double($0) + uniform()) / Double(n) })
  }
  return (0..<n).map { i in columns.map { $0[i] } }
}
