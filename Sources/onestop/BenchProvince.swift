import ArgumentParser
import OneStopBench
import OneStopIO
import OneStopModel

/// `onestop bench province`: one replication of a Tuyên Quang-sized synthetic province.
struct BenchProvince: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "province",
    abstract: "Time one replication of a Tuyen Quang-sized province (1 centre, 7 districts, 138 communes).",
    discussion: """
      The province is built in code (SyntheticProvince, in the OneStopBench target): about 180,000 new dossiers a year \
      over walk-in, postal and online channels, back offices at three levels, the 2022 calendar. Its staffing and \
      service times are priors, not a calibration: use it to measure speed and memory, not to answer policy questions.
      """
  )

  @Option(help: "Simulated years (from 2022-01-01).")
  var years = 1

  @Option(help: "New dossiers per year (default: 178173, Tuyen Quang 2022).")
  var dossiers: Double?

  @Option(help: "Master seed of the random streams.")
  var seed: UInt64 = 1

  @Flag(help: "Write one JSON object to stdout instead of the table.")
  var json = false

  @Flag(help: "Also list the busiest back offices.")
  var verbose = false

  func validate() throws {
    guard years >= 1 else { throw ValidationError("--years must be at least 1, got \(years).") }
    if let dossiers {
      guard dossiers >= 0 && dossiers.isFinite else {
        throw ValidationError("--dossiers must be >= 0, got \(dossiers).")
      }
    }
  }

  func run() throws {
    var bench = ProvinceBenchmark()
    (bench.years, bench.annualDossiers, bench.seed) = (years, dossiers ?? 178_173, seed)
    let m = try bench.run()
    let result = m.result, total = result.total(), waits = result.allWaits
    if json {
      /// One benchmark line (scripts/bench-province.sh reads it).
      struct Line: Encodable {
        let model = "synthetic-province"
        let years: Int
        let seed: UInt64
        let received, resolved_on_time, resolved_overdue, in_progress_end: Int
        let events: UInt64
        let compile_seconds, seconds, events_per_second, mean_wait_min, peak_rss_mib: Double
        let conservation_ok: Bool
      }
      print(
        JSONText.encode(
          Line(
            years: years, seed: seed, received: total.received, resolved_on_time: total.resolvedOnTime,
            resolved_overdue: total.resolvedOverdue, in_progress_end: total.inProgressEnd, events: result.events,
            compile_seconds: m.compileSeconds, seconds: m.simulateSeconds, events_per_second: m.eventsPerSecond,
            mean_wait_min: waits.mean / 60,
            peak_rss_mib: ResourceUsage.peakResidentMiB, conservation_ok: result.checks.conservationViolations.isEmpty),
          expand: 0), terminator: "")
      return
    }
    print(
      """
        synthetic province, \(m.model.units.count) units, \(m.model.stations.count) stations, \(years) year(s), seed \
        \(seed)
        """
    )
    print("received             \(total.received) (\(total.receivedNew) new + \(total.carriedOver) carried over)")
    print("resolved on time     \(total.resolvedOnTime)")
    print("resolved overdue     \(total.resolvedOverdue)")
    print("in progress at end   \(total.inProgressEnd)")
    print(
      """
        mean desk wait       \((waits.mean / 60).formatted(digits: 1)) min (p90 \
        \((waits.quantile(0.9) / 60).formatted(digits: 1)))
        """
    )
    print("events               \(result.events)")
    print("compile seconds      \(m.compileSeconds.formatted(digits: 3))")
    print("simulation seconds   \(m.simulateSeconds.formatted(digits: 3))")
    print("events per second    \((m.eventsPerSecond / 1e6).formatted(digits: 2)) million")
    print("peak memory          \(ResourceUsage.peakResidentMiB.formatted(digits: 1)) MiB")
    let violations = result.checks.conservationViolations
    print("conservation         \(violations.isEmpty ? "ok" : "\(violations.count) violations")")
    for v in result.checks.conservationViolations.prefix(8) { print("  " + v) }
    if verbose {
      for b in m.busiest() {
        print(
          "  \(b.station): utilisation \(b.utilisation.formatted(digits: 2)), wait \(b.waitDays.formatted(digits: 1)) d"
        )
      }
    }
  }
}
