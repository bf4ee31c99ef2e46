import ArgumentParser

/// `--replications N` or `--replications auto`.
enum ReplicationCount: ExpressibleByArgument, Equatable {
  case fixed(Int)
  case auto

  init?(argument: String) {
    if argument == "auto" {
      self = .auto
    } else if let n = Int(argument) {
      self = .fixed(n)
    } else {
      return nil
    }
  }

  static var defaultCompletionKind: CompletionKind { .default }
}

/// Options shared by every command that runs replications (`run`, `compare`, `check`).
struct ReplicationOptions: ParsableArguments {
  @Option(help: ArgumentHelp(
    "Replications, or 'auto' (run only) to add replications until every --precision target is met (default: the scenario's `replications`; for check, the baseline's).",
    valueName: "n|auto"))
  var replications: ReplicationCount?

  @Option(help: "Master seed (default: the scenario's `seed`; for check, the baseline's).")
  var seed: UInt64?

  @Option(help: "Threads for replications (default: all cores). Results do not depend on it.")
  var threads: Int?

  func validate() throws {
    if case .fixed(let n) = replications, n < 1 { throw ValidationError("--replications must be at least 1, got \(n).") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
  }

  /// The fixed count, for commands that do not take `auto`.
  func fixedReplications(command: String) throws -> Int? {
    switch replications {
    case nil: return nil
    case .fixed(let n): return n
    case .auto: throw ValidationError("--replications auto is for `onestop run`; give `\(command)` a number.")
    }
  }
}
