/// The elementary-effects measures of one input: Morris's mean μ and standard deviation σ
/// of the effects, and Campolongo et al.'s μ*, the mean of their absolute values.
///
/// How to read them: μ* large means the input moves the output (μ alone can hide effects
/// of opposite signs that cancel); σ large next to μ* means the effect depends on where
/// the other inputs stand (interactions) or is not linear. An input with μ* = 0 never
/// moved the output anywhere in the design.
public struct MorrisEffect: Sendable, Equatable {
  /// Mean of the elementary effects.
  public let mu: Double
  /// Mean of their absolute values (Campolongo, Cariboni and Saltelli 2007).
  public let muStar: Double
  /// Their standard deviation (denominator r - 1; 0 with one walk).
  public let sigma: Double
  /// A bootstrap 95 % interval of μ*, resampling the walks (nil with fewer than 2).
  public let muStarInterval: BootstrapInterval?
  /// The effects used (walks with a non-finite output left out).
  public let effects: [Double]

  /// The measures of every input of `design` from the model's `outputs`, one per point of
  /// the design in its order.
  ///
  /// An elementary effect is (y after the move - y before) / Δ, with the sign of the move:
  /// in output units per unit of the input's range (the whole range is 1). A move whose
  /// outputs are not both finite gives no effect.
  /// - Complexity: O(r k) plus the bootstrap, O(resamples × r k).
  public static func estimate(
    _ design: MorrisDesign, outputs: [Double], resamples: Int = 1000, seed: UInt64 = 1
  ) -> [MorrisEffect] {
    precondition(outputs.count == design.runs, "one output per point of the design")
    let k = design.inputs
    var effects = Array(repeating: [Double](repeating: .nan, count: design.trajectories), count: k)
    for (t, walk) in design.steps.enumerated() {
      for (m, step) in walk.enumerated() {
        let before = outputs[t * (k + 1) + m]
        let after = outputs[t * (k + 1) + m + 1]
        effects[step.input][t] = (after - before) / (step.up ? design.delta : -design.delta)
      }
    }
    let intervals = BootstrapInterval.percentile(
      rows: design.trajectories, outputs: k, resamples: resamples, seed: seed, name: "morris/bootstrap"
    ) { rows in
      effects.map { e in meanAbsolute(rows.lazy.map { e[$0] }) }
    }
    return (0..<k).map { i in
      let e = effects[i].filter(\.isFinite)
      let mu = e.isEmpty ? .nan : e.reduce(0, +) / Double(e.count)
      let muStar = meanAbsolute(e)
      let sigma = e.count > 1 ? (e.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(e.count - 1)).squareRoot() : 0
      return MorrisEffect(mu: mu, muStar: muStar, sigma: sigma, muStarInterval: intervals[i], effects: e)
    }
  }

  private static func meanAbsolute<S: Sequence>(_ values: S) -> Double where S.Element == Double {
    var sum = 0.0
    var n = 0
    for v in values where v.isFinite {
      sum += abs(v)
      n += 1
    }
    return n == 0 ? .nan : sum / Double(n)
  }
}
