import ArgumentParser

/// Options shared by every command that runs replications (`run`, `compare`, `check`).
struct ReplicationOptions: ParsableArguments {
  @Option(help: "Replications (default: the scenario's `replications`, else 1; for check, the baseline's).")
  var replications: Int?

  @Option(help: "Master seed (default: the scenario's `seed`; for check, the baseline's).")
  var seed: UInt64?

  @Option(help: "Threads for replications (default: all cores). Results do not depend on it.")
  var threads: Int?

  func validate() throws {
    if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications).") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
  }
}
