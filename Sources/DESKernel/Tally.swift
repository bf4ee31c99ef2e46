/// Running mean and variance of observations (Welford 1962): one pass, O(1) memory,
/// numerically stable.
public struct Tally: Sendable, Equatable {
  @usableFromInline var _count: Int = 0
  @usableFromInline var _mean: Double = 0
  @usableFromInline var _m2: Double = 0
  @usableFromInline var _min: Double = .infinity
  @usableFromInline var _max: Double = -.infinity

  /// An empty tally.
  public init() {}

  /// Number of observations.
  @inlinable public var count: Int { _count }
  /// Mean of the observations (0 when empty).
  @inlinable public var mean: Double { _mean }
  /// Smallest observation (+inf when empty).
  @inlinable public var min: Double { _min }
  /// Largest observation (-inf when empty).
  @inlinable public var max: Double { _max }

  /// Adds one observation.
  @inlinable
  public mutating func add(_ x: Double) {
    _count &+= 1
    let delta = x - _mean
    _mean += delta / Double(_count)
    _m2 += delta * (x - _mean)
    if x < _min { _min = x }
    if x > _max { _max = x }
  }

  /// Merges another tally (Chan, Golub and LeVeque 1979), as if its observations had
  /// been added here.
  public mutating func merge(_ other: Tally) {
    guard other._count > 0 else { return }
    guard _count > 0 else { self = other; return }
    let n = Double(_count + other._count)
    let delta = other._mean - _mean
    _m2 += other._m2 + delta * delta * Double(_count) * Double(other._count) / n
    _mean += delta * Double(other._count) / n
    _count += other._count
    _min = Swift.min(_min, other._min)
    _max = Swift.max(_max, other._max)
  }

  /// Sample variance (n − 1 denominator); 0 with fewer than two observations.
  public var variance: Double { _count > 1 ? _m2 / Double(_count - 1) : 0 }

  /// Sample standard deviation.
  public var standardDeviation: Double { variance.squareRoot() }

  /// Sum of the observations.
  public var sum: Double { _mean * Double(_count) }
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
