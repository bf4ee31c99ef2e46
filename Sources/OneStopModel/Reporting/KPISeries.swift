import DESKernel

/// The values of a few KPIs in every replication, folded in replication order: what a
/// sweep point, a staffing candidate, a calibration candidate and a baseline keep. A
/// KPI value is one number per replication, so a thousand replications of a province
/// cost kilobytes, where their `RunResult`s would cost gigabytes.
public struct KPISeries: ReplicationConsumer {
  public let model: CompiledModel
  public let kpis: [KPI]
  /// Per KPI (in `kpis` order), the value of each replication folded so far.
  public private(set) var values: [[Double]]
  /// Per KPI, the running mean and variance of `values`.
  public private(set) var tallies: [Tally]
  /// Replications folded.
  public private(set) var count = 0
  /// Events processed by the replications folded.
  public private(set) var events: UInt64 = 0
  /// Conservation failures of the replications folded (empty in a correct run).
  public private(set) var violations: [String] = []

  public init(_ kpis: [KPI], model: CompiledModel) {
    self.model = model
    self.kpis = kpis
    values = Array(repeating: [], count: kpis.count)
    tallies = Array(repeating: Tally(), count: kpis.count)
  }

  public mutating func add(_ result: RunResult, replication: Int) {
    for (k, kpi) in kpis.enumerated() {
      let x = kpi.value(result, model)
      values[k].append(x)
      tallies[k].add(x)
    }
    count += 1
    events += result.events
    violations += result.checks.conservationViolations
  }

  /// The estimate of KPI `k` over the replications folded so far.
  public func estimate(_ k: Int) -> Estimate { Estimate(tallies[k]) }

  /// The values of the KPI called `name`, if it is in the series.
  public func values(of name: String) -> [Double]? {
    kpis.firstIndex { $0.name == name }.map { values[$0] }
  }
}
