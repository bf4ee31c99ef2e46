import ArgumentParser
import OneStopBench
import OneStopIO

/// `onestop bench mmc`: the M/M/c reference model of `scripts/bench-peers.sh`, timed.
struct BenchMMC: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mmc",
    abstract: "Run the M/M/c reference queue and report its speed and its error against Erlang C.",
    discussion: """
      Simulates c servers, Poisson arrivals and exponential services, FIFO, starting empty, until the given number of \
      customers have been served. Prints the mean wait next to Erlang C's value, the number of events, and events per \
      second of the simulation loop.

      The defaults are the peer reference model (c = 8, 7.2 arrivals and 1 service per minute, utilisation 0.9, one \
      million customers). At utilisation 0.9 one run of 1M customers has a standard deviation of about 2.7 % in its \
      mean wait, so compare several seeds or longer runs before reading much into a difference.
      """
  )

  @Option(help: "Number of servers (c).")
  var servers = 8

  @Option(help: "Arrivals per minute (lambda).")
  var arrivalRate = 7.2

  @Option(help: "Services per minute per server (mu).")
  var serviceRate = 1.0

  @Option(help: "Customers to simulate.")
  var customers = 1_000_000

  @Option(help: "Master seed of the random streams.")
  var seed: UInt64 = 1

  @Flag(help: "Write one JSON object to stdout instead of the table.")
  var json = false

  func validate() throws {
    guard servers >= 1 else { throw ValidationError("--servers must be at least 1, got \(servers).") }
    guard arrivalRate > 0, arrivalRate.isFinite else {
      throw ValidationError("--arrival-rate must be a number > 0, got \(arrivalRate).")
    }
    guard serviceRate > 0, serviceRate.isFinite else {
      throw ValidationError("--service-rate must be a number > 0, got \(serviceRate).")
    }
    guard customers >= 1 else { throw ValidationError("--customers must be at least 1, got \(customers).") }
  }

  func run() throws {
    var bench = MMCBenchmark()
    (bench.servers, bench.arrivalRate, bench.serviceRate, bench.customers, bench.seed) = (
      servers, arrivalRate, serviceRate, customers, seed
    )
    let m = try bench.run()
    if json {
      /// One benchmark line (scripts/bench.sh, bench-peers.sh read it).
      struct Line: Encodable {
        let model = "M/M/c"
        let servers: Int
        let arrival_rate, service_rate: Double
        let seed: UInt64
        let customers: Int
        let mean_wait, p_wait: Double
        let events: UInt64
        let seconds, events_per_second, peak_rss_mib: Double
        let erlang_c_mean_wait, erlang_c_p_wait: Double?
      }
      print(
        JSONText.encode(
          Line(
            servers: servers, arrival_rate: arrivalRate, service_rate: serviceRate, seed: seed,
            customers: m.customers, mean_wait: m.meanWait, p_wait: m.probabilityOfWaiting, events: m.events,
            seconds: m.seconds,
            events_per_second: m.eventsPerSecond, peak_rss_mib: ResourceUsage.peakResidentMiB,
            erlang_c_mean_wait: m.theory?.meanWait,
            erlang_c_p_wait: m.theory?.probabilityOfWaiting), expand: 0), terminator: "")
      return
    }
    func fmt(_ x: Double, _ digits: Int = 6) -> String { x.formatted(digits: digits) }
    print("M/M/\(servers)  lambda = \(arrivalRate)/min  mu = \(serviceRate)/min  seed = \(seed)")
    print("customers served     \(m.customers)")
    if let theory = m.theory {
      let err = (m.meanWait - theory.meanWait) / theory.meanWait * 100
      print("mean wait            \(fmt(m.meanWait)) min   (Erlang C \(fmt(theory.meanWait)), \(fmt(err, 2)) %)")
      print("P(wait > 0)          \(fmt(m.probabilityOfWaiting))       (Erlang C \(fmt(theory.probabilityOfWaiting)))")
    } else {
      print("mean wait            \(fmt(m.meanWait)) min   (unstable queue: utilisation >= 1, no steady state)")
      print("P(wait > 0)          \(fmt(m.probabilityOfWaiting))")
    }
    print("events               \(m.events)")
    print("simulation seconds   \(fmt(m.seconds, 3))")
    print("events per second    \(fmt(m.eventsPerSecond / 1e6, 2)) million")
    print("peak memory          \(fmt(ResourceUsage.peakResidentMiB, 1)) MiB")
  }
}

extension Double {
  /// Fixed-point text with `digits` decimals, without Foundation.
  func formatted(digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<min(max(digits, 0), 15) { scale *= 10 }
    // Beyond 2^53 the scaled value is no longer a whole number below Int.max: the plain
    // description (1.7e+308) rather than a trap (any value read from a file can be this large).
    guard isFinite, abs(self) * scale < 9.0e15 else { return "\(self)" }
    let rounded = (abs(self) * scale).rounded()
    let whole = Int(rounded / scale)
    var frac = String(Int(rounded.truncatingRemainder(dividingBy: scale)))
    while frac.count < digits { frac = "0" + frac }
    let sign = self < 0 && rounded != 0 ? "-" : ""
    return digits > 0 ? "\(sign)\(whole).\(frac)" : "\(sign)\(whole)"
  }
}
