/// What a model implements to be driven by `Engine`.
///
/// The engine is generic over the model, not over `any SimulationModel`, so the call to
/// `handle` is a direct (usually inlined) call and `Event` is a concrete value type,
/// typically a small enum. Dispatch happens in one `switch` in the model, never on
/// strings or closures.
public protocol SimulationModel {
  /// The payload of one event: a small value type, usually an enum of kinds and
  /// entity indices.
  associatedtype Event

  /// Reacts to `event`, which fires at `scheduler.now`.
  mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>)

  /// Starts loading what `event` will read (see `prefetch(_:)`): the engine calls it with
  /// the event that is next in line before it handles the current one. A hint: the
  /// default does nothing, and a model must not change any state in it.
  func prefetch(_ event: Event)
}

extension SimulationModel {
  /// No prefetching.
  @inlinable @inline(__always)
  public func prefetch(_ event: Event) {}
}

/// Drives a model: pops events in `(time, priority, sequence)` order and hands each to
/// the model.
public struct Engine<Model: SimulationModel>: ~Copyable {
  /// The model being simulated; read its state and statistics after a run.
  public var model: Model
  /// Clock, calendar and counters.
  public var scheduler: Scheduler<Model.Event>

  /// An engine for `model` whose clock starts at `start`; `bucketWidth` as in
  /// `Scheduler.init`.
  @inlinable
  public init(
    model: Model, start: SimTime = 0, reservingCapacity capacity: Int = 64, bucketWidth: SimTime = .infinity
  ) {
    self.model = model
    self.scheduler = Scheduler(start: start, reservingCapacity: capacity, bucketWidth: bucketWidth)
  }

  /// The current simulated time.
  @inlinable
  public var now: SimTime { scheduler.now }

  /// Events handed to the model so far.
  @inlinable
  public var eventsProcessed: UInt64 { scheduler.eventsProcessed }

  /// Processes the next event if there is one. Returns `false` when the queue is empty.
  @inlinable
  @discardableResult
  public mutating func step() -> Bool {
    guard let event = scheduler.nextEvent(before: .infinity) else { return false }
    model.handle(event.payload, scheduler: &scheduler)
    return true
  }

  /// Processes every event with time strictly before `end`, then sets the clock to
  /// `end` (see `SimTime` for why). Returns early, with the clock at the last event,
  /// when the model calls `scheduler.stop()`; the stop request is then cleared.
  @inlinable
  public mutating func run(until end: SimTime) {
    precondition(end >= scheduler.now, "run(until:) into the past: \(end) < now \(scheduler.now)")
    while let event = scheduler.nextEvent(before: end) {
      if let next = scheduler.upcoming { model.prefetch(next) }
      model.handle(event.payload, scheduler: &scheduler)
      if scheduler.stopRequested {
        scheduler._stopRequested = false
        return
      }
    }
    scheduler._now = end
  }

  /// Processes events until the queue is empty or the model calls `stop()`; the clock
  /// stays at the last event.
  @inlinable
  public mutating func run() {
    while let event = scheduler.nextEvent(before: .infinity) {
      if let next = scheduler.upcoming { model.prefetch(next) }
      model.handle(event.payload, scheduler: &scheduler)
      if scheduler.stopRequested {
        scheduler._stopRequested = false
        return
      }
    }
  }
}
