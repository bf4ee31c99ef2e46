import ArgumentParser

/// `--param KEY=LOW..HIGH` of `run --uncertainty` and `compare --uncertainty`: the ranges
/// the parameter sets are drawn over, one option shared by both commands.
struct ParameterRangeOptions: ParsableArguments {
  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "With --uncertainty: a scenario key and its range (repeatable).", valueName: "key.path=low..high"))
  var params: [String] = []

  /// Refuses ranges without `--uncertainty N`.
  func check(uncertainty: Int?) throws {
    if uncertainty == nil && !params.isEmpty { throw ValidationError("--param goes with --uncertainty N.") }
  }
}
