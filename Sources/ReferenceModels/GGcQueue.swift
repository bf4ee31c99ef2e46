import DESKernel

/// A G/G/c queue: renewal arrivals, i.i.d. services, `c` servers with an optional
/// capacity schedule, FIFO or earliest due first. The servers and their line are the
/// kernel's `ServerSet`, the resource the one-stop back offices and online intake are
/// made of, so the theory tests (M/M/c against Erlang C, M/D/1 against
/// Pollaczek-Khinchine) check the code dossiers go through.
///
/// It serves exactly `customers` arrivals and then stops generating new ones; the run
/// ends when the last one leaves. Statistics are reset at the end of the `warmup`
/// period, so they describe the queue after it has filled up: waits are those of the
/// services that start after the warm-up, sojourns those of customers who arrive after
/// it. Memory does not grow with `customers`: only waiting customers are stored.
public struct GGcQueue: SimulationModel {
  /// The two things that happen in a G/G/c queue, plus capacity changes.
  public enum Event {
    case arrival
    /// The service with `stamp` on `server` ends (stale when the service was cut).
    case departure(server: Int32, stamp: UInt32)
    case capacityChange
    case endOfWarmup
  }

  /// One customer while in the system.
  public struct Customer {
    /// Arrival order, from 0.
    public let index: Int
    /// Arrival time.
    public let arrival: SimTime
    /// Due instant (arrival + a relative deadline) under `.earliestDue`; else arrival.
    public let due: SimTime
  }

  /// What to simulate.
  public struct Configuration: Sendable {
    /// Time between arrivals.
    public var interarrival: Distribution
    /// Service time.
    public var service: Distribution
    /// Number of servers.
    public var servers: Int
    /// Servers on shift over time (default: all, always).
    public var schedule: CapacitySchedule?
    /// What happens to a service when its server goes off shift.
    public var offShiftRule: OffShiftRule
    /// Arrivals to generate.
    public var customers: Int
    /// Time at the start left out of the statistics: every statistic is reset then.
    public var warmup: SimTime
    /// The waiting line's order. Under `.earliestDue` each customer's due instant is its
    /// arrival plus a draw of `relativeDeadline` (the back offices' EDF line).
    public var order: WaitingOrder
    public var relativeDeadline: Distribution?

    /// Creates a configuration.
    public init(
      interarrival: Distribution, service: Distribution, servers: Int,
      schedule: CapacitySchedule? = nil, offShiftRule: OffShiftRule = .finishService,
      customers: Int, warmup: SimTime = 0, order: WaitingOrder = .fifo, relativeDeadline: Distribution? = nil
    ) {
      self.order = order
      self.relativeDeadline = relativeDeadline
      self.interarrival = interarrival
      self.service = service
      self.servers = servers
      self.schedule = schedule
      self.offShiftRule = offShiftRule
      self.customers = customers
      self.warmup = warmup
    }
  }

  public let configuration: Configuration
  // Hot copies of the configuration, so the event handlers touch only what they need.
  let interarrival: Distribution
  let service: Distribution
  let customers: Int
  let warmup: SimTime
  let arrivalStream: RandomStream
  let serviceStream: RandomStream
  let deadlineStream: RandomStream
  let hasDeadline: Bool
  let deadline: Distribution
  /// The servers and the queue.
  public private(set) var pool: ServerSet<Customer>
  /// Arrivals generated so far.
  public private(set) var arrived = 0
  /// Customers who have left.
  public private(set) var departed = 0
  /// Time in system of customers after the warm-up.
  public private(set) var sojourns = Tally()
  /// Number in system over time (from time 0, warm-up included).
  public private(set) var inSystem = TimeWeighted()

  /// A queue whose random streams derive from `seed` and `replication`: arrivals and
  /// services draw from separate streams (`ggc/arrivals`, `ggc/service`).
  public init(_ configuration: Configuration, seed: UInt64, replication: UInt64 = 0) {
    precondition(configuration.servers >= 1, "GGcQueue needs at least one server")
    precondition(configuration.customers >= 0 && configuration.warmup >= 0)
    self.configuration = configuration
    interarrival = configuration.interarrival
    service = configuration.service
    customers = configuration.customers
    warmup = configuration.warmup
    arrivalStream = RandomStream(masterSeed: seed, replication: replication, source: "ggc/arrivals")
    serviceStream = RandomStream(masterSeed: seed, replication: replication, source: "ggc/service")
    deadlineStream = RandomStream(masterSeed: seed, replication: replication, source: "ggc/deadline")
    hasDeadline = configuration.relativeDeadline != nil
    deadline = configuration.relativeDeadline ?? (try! .deterministic(0))
    let cap = configuration.schedule?.capacity(at: 0) ?? configuration.servers
    pool = ServerSet(
      servers: Swift.max(configuration.servers, configuration.schedule?.maximum ?? 0),
      initialCapacity: cap, offShiftRule: configuration.offShiftRule, order: configuration.order)
  }

  /// Schedules the first arrival and the first capacity change; call once before running.
  public func start(_ scheduler: inout Scheduler<Event>) {
    if configuration.customers > 0 {
      scheduler.schedule(after: configuration.interarrival.sample(arrivalStream), .arrival)
    }
    scheduleNextCapacityChange(&scheduler)
    if warmup > 0 { scheduler.schedule(at: warmup, priority: .late, .endOfWarmup) }
  }

  /// Builds an engine, runs the queue to the last departure and returns it.
  public static func simulate(_ configuration: Configuration, seed: UInt64, replication: UInt64 = 0) -> Engine<GGcQueue>
  {
    var engine = Engine(model: GGcQueue(configuration, seed: seed, replication: replication))
    engine.model.start(&engine.scheduler)
    engine.run()
    return engine
  }

  public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
    let now = scheduler.now
    switch event {
    case .arrival:
      let due = hasDeadline ? now + deadline.sample(deadlineStream) : now
      let customer = Customer(index: arrived, arrival: now, due: due)
      arrived &+= 1
      inSystem.set(Double(arrived - departed), at: now)
      if arrived < customers {
        scheduler.schedule(after: interarrival.sample(arrivalStream), .arrival)
      }
      if let start = pool.arrive(customer, due: due, at: now) { begin(start, &scheduler) }

    case .departure(let server, let stamp):
      // A service cut by a capacity drop (`.returnToQueue`) left a stale departure.
      guard pool.isServing(Int(server), stamp: stamp) else { return }
      let (customer, next) = pool.complete(server: Int(server), at: now)
      departed &+= 1
      inSystem.set(Double(arrived - departed), at: now)
      if customer.arrival >= warmup { sojourns.add(now - customer.arrival) }
      if let next { begin(next, &scheduler) }

    case .capacityChange:
      let capacity = configuration.schedule?.capacity(at: now) ?? configuration.servers
      pool.setCapacity(capacity, at: now)
      while pool.popInterruption() != nil {}  // their departures are stale now
      while let start = pool.nextStart(at: now) { begin(start, &scheduler) }
      if arrived < configuration.customers || departed < arrived {
        scheduleNextCapacityChange(&scheduler)
      }

    case .endOfWarmup:
      pool.resetStatistics(at: now)
      inSystem.reset(at: now)
    }
  }

  @inline(__always)
  mutating func begin(_ start: ServerSet<Customer>.Start, _ scheduler: inout Scheduler<Event>) {
    let end = scheduler.now + service.sample(serviceStream)
    scheduler.schedule(at: end, priority: .release, .departure(server: Int32(start.server), stamp: start.stamp))
  }

  func scheduleNextCapacityChange(_ scheduler: inout Scheduler<Event>) {
    guard let schedule = configuration.schedule, let next = schedule.nextChange(after: scheduler.now) else { return }
    scheduler.schedule(at: next.at, priority: .capacity, .capacityChange)
  }

  /// Waits of the services that started after the warm-up.
  public var waits: Tally { pool.waits }

  /// Share of the services started after the warm-up that waited more than zero.
  public var probabilityOfWaiting: Double {
    pool.waits.count > 0 ? 1 - Double(pool.startsWithoutWait) / Double(pool.waits.count) : 0
  }
}
