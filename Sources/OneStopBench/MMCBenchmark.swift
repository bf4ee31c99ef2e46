import DESKernel
import ReferenceModels

/// The M/M/c reference queue of `scripts/bench-peers.sh`, timed: c servers, Poisson
/// arrivals, exponential services, FIFO, from empty until `customers` have been served.
public struct MMCBenchmark: Sendable {
  public var servers = 8
  /// Arrivals and services per minute (λ and μ).
  public var arrivalRate = 7.2
  public var serviceRate = 1.0
  public var customers = 1_000_000
  public var seed: UInt64 = 1

  public init() {}

  /// One timed run.
  public struct Measurement: Sendable {
    public let customers: Int
    /// Minutes.
    public let meanWait: Double
    public let probabilityOfWaiting: Double
    public let events: UInt64
    /// Seconds in the simulation loop.
    public let seconds: Double
    /// Erlang C's answer, nil for an unstable queue (utilisation >= 1).
    public let theory: (meanWait: Double, probabilityOfWaiting: Double)?

    public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
  }

  /// Runs the queue once; every customer is served (checked) so the time covers the work.
  public func run() throws -> Measurement {
    let config = GGcQueue.Configuration(
      interarrival: try .exponential(rate: arrivalRate), service: try .exponential(rate: serviceRate),
      servers: servers, customers: customers)
    let clock = ContinuousClock()
    var engine: Engine<GGcQueue>?
    let elapsed = clock.measure { engine = GGcQueue.simulate(config, seed: seed) }
    let model = engine!.model
    precondition(model.departed == customers, "benchmark did not serve every customer")
    let theory = QueueingTheory.mmc(servers: servers, arrivalRate: arrivalRate, serviceRate: serviceRate)
    return Measurement(
      customers: model.departed, meanWait: model.waits.mean, probabilityOfWaiting: model.probabilityOfWaiting,
      events: engine!.eventsProcessed, seconds: elapsed.seconds,
      theory: theory.map { ($0.meanWait, $0.probabilityOfWaiting) })
  }
}

extension Duration {
  /// The duration in seconds.
  public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
