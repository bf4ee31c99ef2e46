extension MorrisDesign {
  /// A design of `trajectories` walks chosen among `candidates` random ones to spread over
  /// the cube (Campolongo, Cariboni and Saltelli 2007, section 3): walks far apart explore
  /// more of the ranges than walks that happen to fall together.
  ///
  /// The distance between two walks is the sum, over their pairs of points, of the
  /// Euclidean distances. Campolongo et al. take the set of r walks with the largest
  /// root-sum-of-squares of their pairwise distances, by exhaustive search; this picks them
  /// greedily (the farthest pair first, then the walk farthest from those chosen), the
  /// usual approximation (Ruano, Ribes, Seco and Ferrer 2012), exact enough for screening.
  /// - Complexity: O(M² (k + 1)² k) for M candidates and k inputs.
  public init(inputs: Int, trajectories: Int, levels: Int = 4, candidates: Int, seed: UInt64) {
    let pool = MorrisDesign(inputs: inputs, trajectories: max(candidates, trajectories), levels: levels, seed: seed)
    guard candidates > trajectories, trajectories >= 2 else {
      // Nothing to choose from: the first walks of the stream, as the plain design has them.
      self.init(pool: pool, chosen: Array(0..<trajectories))
      return
    }
    let m = pool.trajectories, n = inputs + 1
    func walk(_ t: Int) -> ArraySlice<[Double]> { pool.points[(t * n)..<((t + 1) * n)] }
    var distance = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    for a in 0..<m {
      for b in (a + 1)..<m {
        var d = 0.0
        for x in walk(a) {
          for y in walk(b) {
            var s = 0.0
            for z in 0..<inputs { s += (x[z] - y[z]) * (x[z] - y[z]) }
            d += s.squareRoot()
          }
        }
        distance[a][b] = d
        distance[b][a] = d
      }
    }
    var best = (0, 1)
    for a in 0..<m {
      for b in (a + 1)..<m where distance[a][b] > distance[best.0][best.1] { best = (a, b) }
    }
    var chosen = [best.0, best.1]
    var total = (0..<m).map { distance[$0][best.0] + distance[$0][best.1] }
    while chosen.count < trajectories {
      let next = (0..<m).filter { !chosen.contains($0) }
        .max { total[$0] < total[$1] || (total[$0] == total[$1] && $0 > $1) }!
      chosen.append(next)
      for c in 0..<m { total[c] += distance[c][next] }
    }
    chosen.sort()
    self.init(pool: pool, chosen: chosen)
  }
}
