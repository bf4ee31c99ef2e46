extension CompiledModel {
  /// Dossiers a replication is expected to simulate: the annual volumes over the
  /// horizon, plus the carried-over backlog. Known before the run starts, so that a run
  /// that will take long can say so up front (a ten-year run of a large province is
  /// valid, and takes a while).
  public var expectedDossiers: Double {
    expectedVolume * Double(horizonDays) / 365 + Double(backlog.reduce(0) { $0 + Swift.max(0, $1.count) })
  }

  /// Dossiers simulated per second on one thread, measured on the bundled Tuyen Quang
  /// scenario (about 180,000 dossiers in 2.5 s): a rough figure for estimates only.
  public static let dossiersPerSecond = 70_000.0

  /// A rough wall-clock estimate for `replications` on `threads` threads.
  public func estimatedSeconds(replications: Int, threads: Int) -> Double {
    let waves = (Double(Swift.max(1, replications)) / Double(Swift.max(1, threads))).rounded(.up)
    return expectedDossiers / Self.dossiersPerSecond * waves
  }
}
