/// The replication's self-checks: the property tests and `bench province` read them, and a
/// correct run has no violation and zero in both counters.
public struct RunChecks: Sendable {
  /// Dossiers still open at the end (in intake, processing, or waiting for pick-up).
  public let openDossiers: Int
  /// Services that started while the desk was closed; zero in a correct run.
  public let servicesOutsideSchedule: Int
  /// Dossiers resolved before they were received; zero in a correct run.
  public let resolvedBeforeReceived: Int
  /// Conservation failures, one line each; empty when every dossier is accounted for.
  public let conservationViolations: [String]
}
