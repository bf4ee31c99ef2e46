import DESKernel
import OneStopModel

/// The seeds a fit is checked on: random numbers it was not fitted on.
///
/// A replication draws each source's numbers from a stream seeded from (master seed,
/// replication, source name) (`StreamKey`). Check seed k is derived from the fit seed by
/// a fixed hash, candidate j = SplitMix64(SplitMix64(fitSeed XOR 0x686F6C646F7574) + j) mod
/// 2^53 (`0x686F6C646F7574` is "holdout" in ASCII; the inner mix gives neighbouring fit
/// seeds unrelated sequences; mod 2^53 keeps every seed exact in JSON),
/// j = 0, 1, 2, ...; a candidate is taken only when, for every source, none of its
/// replications' stream seeds (`StreamKey.gslSeed`, what the generator is seeded with)
/// equals a stream seed of the same source in a replication of the fit seed or of an
/// earlier check seed. The seeds are the same on every run for the same fit seed and
/// replication counts.
public enum HeldOutSeeds {
  /// "holdout" in ASCII: keeps check seeds away from the fit seed's own neighbourhood.
  static let salt: UInt64 = 0x68_6F6C_646F_7574
  /// Largest seed: 2^53 - 1, the largest integer every JSON reader reads exactly.
  static let maxSeed: UInt64 = (1 << 53) - 1

  /// Candidate `j` for fit seed `fitSeed`, before the disjointness check.
  public static func candidate(_ fitSeed: UInt64, _ j: UInt64) -> UInt64 {
    SplitMix64.mix(SplitMix64.mix(fitSeed ^ salt) &+ j) & maxSeed
  }

  /// `count` check seeds for a fit on `fitSeed` with `fitReplications` replications, each
  /// to be run with `checkReplications`, whose streams share no seed with the fit's or
  /// with each other's for any of `sources` (`CompiledModel.randomSources`).
  public static func seeds(
    fitSeed: UInt64, fitReplications: Int, count: Int, checkReplications: Int, sources: [String]
  ) -> [UInt64] {
    var taken = sources.map { source in
      Set((0..<fitReplications).map { StreamKey(masterSeed: fitSeed, replication: UInt64($0), source: source).gslSeed })
    }
    var out: [UInt64] = []
    var j: UInt64 = 0
    while out.count < count {
      let s = candidate(fitSeed, j)
      j += 1
      guard s != fitSeed, !out.contains(s) else { continue }
      let own = sources.map { source in
        (0..<checkReplications).map { StreamKey(masterSeed: s, replication: UInt64($0), source: source).gslSeed }
      }
      guard zip(own, taken).allSatisfy({ seeds, used in seeds.allSatisfy { !used.contains($0) } }) else { continue }
      for k in taken.indices { taken[k].formUnion(own[k]) }
      out.append(s)
    }
    return out
  }

  /// Whether replications `0 ..< a` of seed `s` and `0 ..< b` of seed `t` share a stream
  /// seed for some source of `sources`.
  public static func overlap(_ s: UInt64, _ a: Int, _ t: UInt64, _ b: Int, sources: [String]) -> Bool {
    sources.contains { source in
      func key(_ seed: UInt64, _ r: Int) -> UInt {
        StreamKey(masterSeed: seed, replication: UInt64(r), source: source).gslSeed
      }
      let first = Set((0..<a).map { key(s, $0) })
      return (0..<b).contains { first.contains(key(t, $0)) }
    }
  }
}

/// Spearman's rank correlation of `x` and `y`: Pearson's correlation of their ranks, tied
/// values sharing the average of their ranks. NaN when fewer than two pairs or when one
/// side has every value equal (no order to compare).
public func spearman(_ x: [Double], _ y: [Double]) -> Double {
  precondition(x.count == y.count, "spearman: unequal lengths")
  guard x.count >= 2 else { return .nan }
  let rx = averageRanks(x), ry = averageRanks(y)
  let mx = rx.reduce(0, +) / Double(rx.count), my = ry.reduce(0, +) / Double(ry.count)
  var sxy = 0.0, sxx = 0.0, syy = 0.0
  for (a, b) in zip(rx, ry) {
    sxy += (a - mx) * (b - my)
    sxx += (a - mx) * (a - mx)
    syy += (b - my) * (b - my)
  }
  guard sxx > 0, syy > 0 else { return .nan }
  return sxy / (sxx * syy).squareRoot()
}

/// Ranks from 1 (smallest), ties given the average of the ranks they span.
public func averageRanks(_ x: [Double]) -> [Double] {
  let order = x.indices.sorted { x[$0] < x[$1] }
  var ranks = [Double](repeating: 0, count: x.count)
  var i = 0
  while i < order.count {
    var j = i
    while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
    let rank = Double(i + j + 2) / 2
    for k in i...j { ranks[order[k]] = rank }
    i = j + 1
  }
  return ranks
}
