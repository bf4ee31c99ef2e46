import CGSL
import DESKernel

/// Points in the unit cube [0, 1)^d, drawn from Sobol's quasi-random sequence or from a
/// named GSL stream: the raw material of every design in this module.
///
/// Why two sources: a quasi-random sequence fills the cube more evenly than independent
/// draws, so Sobol indices estimated on it converge faster (Saltelli et al. 2010, section
/// 2); GSL's `gsl_qrng_sobol` stops at 40 dimensions, and a Sobol design of k inputs needs
/// 2k, so above 20 inputs the points come from a Mersenne Twister stream seeded by name.
/// Either way the points depend only on (source, count, dimensions, seed): a design built
/// twice is the same design, on any machine and any number of threads.
public enum UnitPoints {
  /// Where the points come from.
  public enum Source: String, Sendable, Equatable {
    /// Sobol's sequence (GSL `gsl_qrng_sobol`); its first point, the origin, is skipped.
    case sobol
    /// Independent uniform draws from the GSL stream named `source` under the seed.
    case stream
  }

  /// The largest number of dimensions GSL's Sobol generator supports.
  public static let sobolMaxDimensions = 40

  /// The source used for `dimensions` when the caller asks for `preferred`: Sobol when it
  /// can, the stream otherwise.
  public static func source(preferred: Source, dimensions: Int) -> Source {
    preferred == .sobol && dimensions <= sobolMaxDimensions ? .sobol : .stream
  }

  /// `count` points of `dimensions` coordinates each.
  ///
  /// - Parameters:
  ///   - seed: the master seed of the stream (ignored by the Sobol sequence, which is
  ///     deterministic by construction).
  ///   - name: the stream's source name, so that two designs of one study draw apart.
  /// - Complexity: O(count × dimensions).
  public static func points(
    _ count: Int, dimensions: Int, source: Source, seed: UInt64, name: String
  ) -> [[Double]] {
    precondition(count >= 0 && dimensions >= 1, "points: count >= 0 and dimensions >= 1")
    switch Self.source(preferred: source, dimensions: dimensions) {
    case .sobol:
      return sobol(count, dimensions: dimensions)
    case .stream:
      let stream = RandomStream(masterSeed: seed, source: name)
      return (0..<count).map { _ in (0..<dimensions).map { _ in stream.uniform() } }
    }
  }

  private static func sobol(_ count: Int, dimensions: Int) -> [[Double]] {
    guard let q = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions)) else {
      fatalError("gsl_qrng_alloc failed for \(dimensions) dimensions")
    }
    defer { gsl_qrng_free(q) }
    var buffer = [Double](repeating: 0, count: dimensions)
    var out: [[Double]] = []
    out.reserveCapacity(count)
    var skipped = false
    while out.count < count {
      buffer.withUnsafeMutableBufferPointer { _ = gsl_qrng_get(q, $0.baseAddress) }
      // The sequence may open with the origin, which would put every A and B row's first
      // coordinates on the edge of the cube; it carries no information, so it is dropped.
      if !skipped {
        skipped = true
        if buffer.allSatisfy({ $0 == 0 }) { continue }
      }
      out.append(buffer)
    }
    return out
  }
}
