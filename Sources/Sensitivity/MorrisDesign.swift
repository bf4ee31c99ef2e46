import DESKernel

/// A design of Morris's elementary-effects screening: `trajectories` one-at-a-time walks
/// through the unit cube, each moving every input once by ±Δ on a grid of `levels` levels
/// (Morris 1991, doi:10.1080/00401706.1991.10484804; Campolongo, Cariboni and Saltelli
/// 2007, doi:10.1016/j.envsoft.2006.10.004).
///
/// A walk starts at a base point whose coordinates are grid levels `l / (p - 1)` with
/// `l < p / 2`, so that the point moved by Δ = p / (2 (p - 1)) stays on the grid; each
/// input then starts at the base level or Δ above it (a coin), and the inputs move in a
/// random order. Every walk has k + 1 points, so the design costs r (k + 1) model runs.
/// The randomness comes from the GSL stream `morris/design` under the seed: the same
/// arguments give the same design.
public struct MorrisDesign: Sendable {
  /// One move of a walk: which input moved, and whether it went up by Δ or down.
  public struct Step: Sendable, Equatable {
    /// The input that moved (0-based).
    public let input: Int
    /// `true` when it moved from its lower to its upper level.
    public let up: Bool
  }

  /// Inputs (k).
  public let inputs: Int
  /// Walks (r).
  public let trajectories: Int
  /// Grid levels (p), even.
  public let levels: Int
  /// The step Δ = p / (2 (p - 1)), in the unit cube.
  public let delta: Double
  /// The points to run, walk after walk: point `m` of walk `t` is `points[t * (k + 1) + m]`.
  public let points: [[Double]]
  /// Per walk, its k moves: move `m` goes from point `m` to point `m + 1`.
  public let steps: [[Step]]

  /// Model runs the design needs: r (k + 1).
  public var runs: Int { trajectories * (inputs + 1) }

  /// A design of `trajectories` walks over `inputs` inputs on a grid of `levels` levels.
  /// - Precondition: inputs >= 1, trajectories >= 1, levels even and >= 2.
  public init(inputs: Int, trajectories: Int, levels: Int = 4, seed: UInt64) {
    precondition(inputs >= 1 && trajectories >= 1, "a Morris design needs at least one input and one walk")
    precondition(levels >= 2 && levels % 2 == 0, "a Morris design needs an even number of levels")
    self.inputs = inputs
    self.trajectories = trajectories
    self.levels = levels
    let delta = Double(levels) / (2 * Double(levels - 1))
    self.delta = delta
    let stream = RandomStream(masterSeed: seed, source: "morris/design")
    var points: [[Double]] = []
    var steps: [[Step]] = []
    points.reserveCapacity(trajectories * (inputs + 1))
    for _ in 0..<trajectories {
      var x = (0..<inputs).map { _ in Double(stream.uniformInt(below: levels / 2)) / Double(levels - 1) }
      var up = [Bool](repeating: true, count: inputs)
      for i in 0..<inputs where stream.uniform() < 0.5 {
        x[i] += delta
        up[i] = false
      }
      // Fisher-Yates on the order in which the inputs move.
      var order = Array(0..<inputs)
      for i in stride(from: inputs - 1, to: 0, by: -1) {
        order.swapAt(i, stream.uniformInt(below: i + 1))
      }
      points.append(x)
      var walk: [Step] = []
      for i in order {
        x[i] += up[i] ? delta : -delta
        points.append(x)
        walk.append(Step(input: i, up: up[i]))
      }
      steps.append(walk)
    }
    self.points = points
    self.steps = steps
  }

  /// The walks `chosen` of `pool`, in that order.
  init(pool: MorrisDesign, chosen: [Int]) {
    inputs = pool.inputs
    trajectories = chosen.count
    levels = pool.levels
    delta = pool.delta
    let n = pool.inputs + 1
    points = chosen.flatMap { pool.points[($0 * n)..<(($0 + 1) * n)] }
    steps = chosen.map { pool.steps[$0] }
  }
}
