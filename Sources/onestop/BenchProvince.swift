import ArgumentParser
import DESKernel
import OneStopModel

/// `onestop bench province`: one replication of a Tuyên Quang-sized synthetic province.
struct BenchProvince: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "province",
    abstract: "Time one replication of a Tuyen Quang-sized province (1 centre, 7 districts, 138 communes).",
    discussion: """
      The province is built in code (SyntheticProvince): about 180,000 new dossiers a year over walk-in, postal and online channels, back offices at three levels, the 2022 calendar. Its staffing and service times are priors, not a calibration: use it to measure speed and memory, not to answer policy questions.
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
    if let dossiers { guard dossiers >= 0 && dossiers.isFinite else { throw ValidationError("--dossiers must be >= 0, got \(dossiers).") } }
  }

  func run() throws {
    let config = SyntheticProvince.make(annualDossiers: dossiers ?? 178_173, years: years)
    let clock = ContinuousClock()
    let t0 = clock.now
    let model = try CompiledModel(config)
    let t1 = clock.now
    let result = OneStopSimulation.run(model, seed: seed)
    let t2 = clock.now
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    let compile = seconds(t1 - t0), simulate = seconds(t2 - t1)
    let total = result.total()
    let waits = result.allWaits
    if json {
      print("""
        {"model": "synthetic-province", "years": \(years), "seed": \(seed), "received": \(total.received), \
        "resolved_on_time": \(total.resolvedOnTime), "resolved_overdue": \(total.resolvedOverdue), \
        "in_progress_end": \(total.inProgressEnd), "events": \(result.events), "compile_seconds": \(compile), \
        "seconds": \(simulate), "events_per_second": \(Double(result.events) / simulate), \
        "mean_wait_min": \(waits.mean / 60), "peak_rss_mib": \(peakResidentMiB()), \
        "conservation_ok": \(result.conservationViolations.isEmpty)}
        """)
      return
    }
    print("synthetic province, \(model.units.count) units, \(model.stations.count) stations, \(years) year(s), seed \(seed)")
    print("received             \(total.received) (\(total.receivedNew) new + \(total.carriedOver) carried over)")
    print("resolved on time     \(total.resolvedOnTime)")
    print("resolved overdue     \(total.resolvedOverdue)")
    print("in progress at end   \(total.inProgressEnd)")
    print("mean desk wait       \((waits.mean / 60).formatted(digits: 1)) min (p90 \((waits.quantile(0.9) / 60).formatted(digits: 1)))")
    print("events               \(result.events)")
    print("compile seconds      \(compile.formatted(digits: 3))")
    print("simulation seconds   \(simulate.formatted(digits: 3))")
    print("events per second    \((Double(result.events) / simulate / 1e6).formatted(digits: 2)) million")
    print("peak memory          \(peakResidentMiB().formatted(digits: 1)) MiB")
    print("conservation         \(result.conservationViolations.isEmpty ? "ok" : "\(result.conservationViolations.count) violations")")
    for v in result.conservationViolations.prefix(8) { print("  " + v) }
    if verbose { for line in Self.busiest(model, result) { print("  " + line) } }
  }
}

extension BenchProvince {
  /// Stations sorted by utilisation, for tuning the synthetic province.
  static func busiest(_ model: CompiledModel, _ r: RunResult) -> [String] {
    model.stations.indices.map { s in
      let u = r.stationAvailableSeconds[s] > 0 ? r.stationBusySeconds[s] / r.stationAvailableSeconds[s] : 0
      return (u, "\(model.stations[s].id): utilisation \(u.formatted(digits: 2)), wait \((r.stationWaits[s].mean / 86400).formatted(digits: 1)) d")
    }.sorted { $0.0 > $1.0 }.prefix(12).map(\.1)
  }
}
