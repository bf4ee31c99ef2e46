import DESKernel
import ArgumentParser
import OneStopIO
import OneStopModel

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

  static var defaultCompletionKind: CompletionKind { .list(["auto"]) }
}

/// Options shared by every command that runs replications (`run`, `compare`, `check`).
struct ReplicationOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      """
        Replications, or 'auto' to add replications until every --precision target is met (default: the scenario's \
        `replications`; for check, the baseline's).
        """,
      valueName: "n|auto"))
  var replications: ReplicationCount?

  @Option(
    parsing: .unconditional,
    help: "Master seed, 0 to 2^53 - 1 (default: the scenario's `seed`; for check, the baseline's).",
    transform: parseSeed)
  var seed: UInt64?

  @Option(
    parsing: .unconditional,
    help: "Threads for replications (default: the CPUs this process may use). Results do not depend on it.")
  var threads: Int?

  func validate() throws {
    if case .fixed(let n) = replications { try checkReplications(n, min: 1) }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    if let seed, seed > maxSeed { throw ValidationError(seedRangeMessage("--seed", seed)) }
  }

  /// Threads to use: --threads, else the CPUs this process may use (affinity, cgroup quota).
  var threadCount: Int { threads ?? AvailableCPUs.count }
}

/// 2^53 - 1: every seed onestop writes is at most this, so JSON readers (jq, JavaScript,
/// R, Excel) read it exactly and the printed seed reproduces the run.
let maxSeed: UInt64 = JSONText.largestExactInteger

/// Reads a seed option (`parsing: .unconditional`, so `--seed -1` reaches it rather than
/// reading as a missing value): a whole number from 0 to 2^53 - 1.
func parseSeed(_ text: String) throws -> UInt64 {
  if text.isEmpty { throw ValidationError("empty; a seed is a whole number from 0 to 2^53 - 1") }
  if text.hasPrefix("-") { throw ValidationError("a seed cannot be negative; give a whole number from 0 to 2^53 - 1") }
  guard let v = UInt64(text) else { throw ValidationError("a seed is a whole number from 0 to 2^53 - 1") }
  return v
}

/// `--replications n`: from `min` to `ModelLimits.replications` (10,000), the most a
/// scenario may ask for.
func checkReplications(_ n: Int, min: Int, option: String = "--replications", why: String = "") throws {
  if n < min { throw ValidationError("\(option) must be at least \(min)\(why), got \(n).") }
  if n > ModelLimits.replications {
    throw ValidationError("\(option) must be at most \(ModelLimits.replications), got \(n).")
  }
}

func seedRangeMessage(_ what: String, _ seed: UInt64) -> String {
  "\(what) must be from 0 to \(maxSeed) (2^53 - 1, the largest integer every JSON reader reads exactly), got \(seed)."
}
