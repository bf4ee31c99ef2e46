/// The design of a variance-based (Sobol) sensitivity analysis: two independent N × k
/// matrices A and B of points in the unit cube, and for each input i the matrix AB_i,
/// which is A with column i taken from B (Saltelli et al. 2010,
/// doi:10.1016/j.cpc.2009.09.018, section 3).
///
/// The model runs on every row of A, B and the k matrices AB_i: N (k + 2) runs. A and B
/// are the two halves of 2k-dimensional points of Sobol's sequence (up to 20 inputs) or of
/// a named GSL stream (`UnitPoints`), so the design is the same whenever it is built again.
public struct SobolDesign: Sendable {
  /// Inputs (k).
  public let inputs: Int
  /// Rows of each matrix (N).
  public let rows: Int
  /// Where the points came from.
  public let source: UnitPoints.Source
  /// Matrix A, row by row.
  public let a: [[Double]]
  /// Matrix B, row by row.
  public let b: [[Double]]

  /// Model runs the design needs: N (k + 2).
  public var runs: Int { rows * (inputs + 2) }

  /// A design of `rows` rows over `inputs` inputs.
  ///
  /// - Parameters:
  ///   - source: `.sobol` (the default) falls back to the stream above 20 inputs.
  ///   - seed: the stream's seed (the Sobol sequence has none).
  public init(inputs: Int, rows: Int, source: UnitPoints.Source = .sobol, seed: UInt64 = 1) {
    precondition(inputs >= 1 && rows >= 2, "a Sobol design needs at least one input and two rows")
    self.inputs = inputs
    self.rows = rows
    self.source = UnitPoints.source(preferred: source, dimensions: 2 * inputs)
    let base = UnitPoints.points(rows, dimensions: 2 * inputs, source: source, seed: seed, name: "sobol/design")
    a = base.map { Array($0[0..<inputs]) }
    b = base.map { Array($0[inputs...]) }
  }

  /// Point `p` of the design, in run order: the rows of A, then B, then AB_1 ... AB_k.
  public func point(_ p: Int) -> [Double] {
    precondition(p >= 0 && p < runs, "point \(p) is outside the design")
    let matrix = p / rows
    let row = p % rows
    switch matrix {
    case 0: return a[row]
    case 1: return b[row]
    default:
      var x = a[row]
      x[matrix - 2] = b[row][matrix - 2]
      return x
    }
  }

  /// Every point, in run order.
  public var points: [[Double]] { (0..<runs).map(point) }
}
