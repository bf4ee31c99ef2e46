import ArgumentParser

/// The `onestop` command: simulate one-stop public-service centres.
@main
struct OneStopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "onestop",
    abstract: "Simulate one-stop public-service centres: desk queues, back offices and legal deadlines.",
    discussion: """
      onestop is a discrete-event simulator for the people who run Vietnam's one-stop centres. Describe a province in \
      a scenario file, run it, and read waiting times, overdue rates and utilisation.

      Examples:
        onestop run scenarios/tuyen-quang-2022.yaml
        onestop run scenarios/tuyen-quang-2022-no-saturday.yaml
        onestop compare scenarios/tuyen-quang-2022.yaml \\
            scenarios/tuyen-quang-2022-no-saturday.yaml
        onestop validate scenarios/*.yaml
        onestop check scenarios/tuyen-quang-2022.yaml
        onestop sweep plan scenarios/sweeps/tq-desks-cutoff.yaml --out runs/tq
        onestop bench mmc

      Exit status: 0 success, 1 a check or sweep found a problem, 2 bad input (including a usage error such as an \
      unknown option or a bad value), 3 an internal check failed (a bug).

      Shell completions: onestop --generate-completion-script bash (or zsh, fish); see README.md.

      Scenario format: docs/scenario-format.md. Results: docs/results.md.
      """,
    version: OneStopVersion.string,
    subcommands: [
      Run.self, Validate.self, Compare.self, Check.self, Calibrate.self, Sweep.self, Staff.self,
      SensitivityCommand.self,
      Report.self, Bench.self, National.self,
    ]
  )

  /// As ArgumentParser's `main`, except that a usage error (unknown option, bad value,
  /// failed validation) exits with status 2, the status every command's help gives for
  /// bad input, instead of 64.
  static func main() {
    if let problem = tooManySets(Array(CommandLine.arguments.dropFirst())) {
      printError("Error: \(problem)")
      exit(withError: ExitCode(2))
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        printError(fullMessage(for: error))
        exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }
}

/// Most `--set` options on one command line. ArgumentParser removes each parsed option
/// from its argument list one at a time, so its cost grows with the square of their
/// number (10,000 took 10 s); counted here in one pass, before parsing.
let maxSetOptions = 1_000

/// Why `arguments` cannot be parsed in reasonable time, or nil.
func tooManySets(_ arguments: [String]) -> String? {
  var count = 0
  for a in arguments {
    if a == "--" { break }
    if a == "--set" || a.hasPrefix("--set=") { count += 1 }
  }
  guard count > maxSetOptions else { return nil }
  return "\(count) --set options; at most \(maxSetOptions) (put larger changes in a variant file with extends:)"
}

/// The version printed by `--version` and stored in result files.
enum OneStopVersion {
  static let string = "0.1.0"
}
