import ArgumentParser

/// `onestop bench`: self-benchmarks of the engine.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure the engine's speed on reference models.",
    subcommands: [BenchMMC.self, BenchProvince.self, BenchSweep.self]
  )
}
