/// Running mean and variance of observations in O(1) memory.
///
/// Sums are kept relative to the first observation (the "shifted data" algorithm,
/// Chan, Golub and LeVeque 1983), which keeps the variance accurate when the mean is
/// large compared with the spread, and needs no division per observation (Welford's
/// update needs one, which costs a tenth of an M/M/c event).
public struct Tally: Sendable, Equatable {
  @usableFromInline var _count: Int = 0
  @usableFromInline var _shift: Double = 0
  @usableFromInline var _sum: Double = 0
  @usableFromInline var _sumSquares: Double = 0
  @usableFromInline var _min: Double = .infinity
  @usableFromInline var _max: Double = -.infinity

  /// An empty tally.
  public init() {}

  /// Number of observations.
  @inlinable public var count: Int { _count }
  /// Smallest observation (+inf when empty).
  @inlinable public var min: Double { _min }
  /// Largest observation (-inf when empty).
  @inlinable public var max: Double { _max }

  /// Adds one observation.
  @inlinable @inline(__always)
  public mutating func add(_ x: Double) {
    if _count == 0 { _shift = x }
    _count &+= 1
    let d = x - _shift
    _sum += d
    _sumSquares += d * d
    _min = x < _min ? x : _min
    _max = x > _max ? x : _max
  }

  /// Mean of the observations (0 when empty).
  public var mean: Double { _count > 0 ? _shift + _sum / Double(_count) : 0 }

  /// Sample variance (n − 1 denominator); 0 with fewer than two observations.
  public var variance: Double {
    guard _count > 1 else { return 0 }
    let n = Double(_count)
    return Swift.max(0, (_sumSquares - _sum * _sum / n) / (n - 1))
  }

  /// Merges another tally, as if its observations had been added here.
  public mutating func merge(_ other: Tally) {
    guard other._count > 0 else { return }
    guard _count > 0 else { self = other; return }
    // Re-express the other's sums relative to this tally's shift.
    let delta = other._shift - _shift
    let m = Double(other._count)
    _sumSquares += other._sumSquares + 2 * delta * other._sum + m * delta * delta
    _sum += other._sum + m * delta
    _count += other._count
    _min = Swift.min(_min, other._min)
    _max = Swift.max(_max, other._max)
  }

  /// Sample standard deviation.
  public var standardDeviation: Double { variance.squareRoot() }

  /// Sum of the observations.
  public var sum: Double { _shift * Double(_count) + _sum }
}

/// The time average of a piecewise-constant quantity, such as a queue length or the
/// number of busy servers: ∫ x(t) dt / elapsed.
public struct TimeWeighted: Sendable, Equatable {
  @usableFromInline var _value: Double
  @usableFromInline var _start: SimTime
  @usableFromInline var _lastChange: SimTime
  @usableFromInline var _integral: Double = 0
  @usableFromInline var _max: Double

  /// Starts observing at `start` with `value`.
  public init(start: SimTime = 0, value: Double = 0) {
    _value = value
    _start = start
    _lastChange = start
    _max = value
  }

  /// Current value.
  @inlinable public var value: Double { _value }
  /// When observation started.
  @inlinable public var start: SimTime { _start }
  /// Largest value seen.
  @inlinable public var max: Double { _max }

  /// Records that the quantity becomes `newValue` at `now` (>= the last change).
  @inlinable
  public mutating func set(_ newValue: Double, at now: SimTime) {
    _integral += _value * (now - _lastChange)
    _lastChange = now
    _value = newValue
    if newValue > _max { _max = newValue }
  }

  /// ∫ x(t) dt from `start` to `now`.
  public func integral(upTo now: SimTime) -> Double {
    _integral + _value * (now - _lastChange)
  }

  /// The time average over [`start`, `now`] (the current value when no time passed).
  public func average(upTo now: SimTime) -> Double {
    let elapsed = now - _start
    return elapsed > 0 ? integral(upTo: now) / elapsed : _value
  }

  /// Forgets the history before `now` (the end of a warm-up), keeping the current value.
  public mutating func reset(at now: SimTime) {
    _start = now
    _lastChange = now
    _integral = 0
    _max = _value
  }
}
