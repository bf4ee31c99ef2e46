import ArgumentParser

/// The `onestop` command: simulate one-stop public-service centres.
@main
struct OneStopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "onestop",
    abstract: "Simulate one-stop public-service centres: desk queues, back offices and legal deadlines.",
    discussion: """
      onestop is a discrete-event simulator for the people who run Vietnam's one-stop
      centres. Describe a province in a scenario file, run it, and read waiting times,
      overdue rates and utilisation.

      Examples:
        onestop bench mmc                      # the M/M/8 reference model as a self-benchmark
        onestop bench mmc --customers 10000000 --json
      """,
    version: OneStopVersion.string,
    subcommands: [Run.self, Validate.self, Bench.self]
  )
}

/// The version printed by `--version` and stored in result files.
enum OneStopVersion {
  static let string = "0.1.0"
}
