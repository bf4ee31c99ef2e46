import DESKernel
import OneStopModel

/// One replication of the synthetic province (`SyntheticProvince`), timed: compile and
/// simulate, with the result for a sanity check (conservation, dossier counts).
public struct ProvinceBenchmark: Sendable {
  public var years = 1
  public var annualDossiers = 178_173.0
  public var seed: UInt64 = 1

  public init() {}

  /// One timed run.
  public struct Measurement: Sendable {
    public let model: CompiledModel
    public let result: RunResult
    public let compileSeconds: Double
    public let simulateSeconds: Double

    public var eventsPerSecond: Double { simulateSeconds > 0 ? Double(result.events) / simulateSeconds : 0 }

    /// Stations sorted by utilisation, busiest first (for tuning the synthetic province).
    public func busiest(_ limit: Int = 12) -> [(station: String, utilisation: Double, waitDays: Double)] {
      let all = model.stations.indices.map { s in
        (model.names.stations[s].id, result.stationUtilisation[s], result.stations[s].waits.mean / 86_400)
      }
      return Array(all.sorted { $0.1 > $1.1 }.prefix(limit))
    }
  }

  public func run() throws -> Measurement {
    let config = SyntheticProvince.make(annualDossiers: annualDossiers, years: years)
    let clock = ContinuousClock()
    let t0 = clock.now
    let model = try CompiledModel(config)
    let t1 = clock.now
    let result = OneStopSimulation.run(model, seed: seed)
    let t2 = clock.now
    return Measurement(
      model: model, result: result, compileSeconds: (t1 - t0).seconds, simulateSeconds: (t2 - t1).seconds)
  }
}
