/// What kind of onestop input a YAML file is, from its top-level keys: a command given the
/// wrong kind says so and names the command that reads it, instead of listing every key
/// it does not know ("unknown key 'sweep'; did you mean 'seed'?").
public enum InputKind: Sendable, Equatable {
  case scenario, sweep, targets

  /// The kind of the file at `path`, or `nil` when it cannot be read or parsed (the
  /// command's own reading then reports why) or its keys say nothing.
  public static func of(path: String) -> InputKind? {
    guard let text = try? ScenarioFile.read(path), let root = try? ScenarioLoader.parse(text, file: path),
      case .mapping(let pairs) = root.kind
    else { return nil }
    let keys = Set(pairs.map(\.key))
    if keys.contains("sweep") || keys.isSuperset(of: ["base", "parameters"]) { return .sweep }
    if keys.contains("targets") && !keys.contains("units") { return .targets }
    if keys.contains("units") || keys.contains("procedures") || keys.contains("extends") { return .scenario }
    return nil
  }

  /// Why `path`, of this kind, is not what a command expecting `expected` reads, and what
  /// reads it; `nil` when it is the expected kind.
  public func mismatch(_ path: String, expected: InputKind) -> String? {
    guard self != expected else { return nil }
    let (what, hint): (String, String)
    switch self {
    case .scenario: (what, hint) = ("a scenario file (it has units or procedures)", "run it with `onestop run \(path)`")
    case .sweep:
      what = "a sweep file (it has `parameters:` and `base:`)"
      hint = "plan it with `onestop sweep plan \(path) --out DIR`"
    case .targets: (what, hint) = ("a target file (it has `targets:`)", "check it with `onestop calibrate \(path)`")
    }
    switch expected {
    case .scenario: return "\(path): \(what), not a scenario file; \(hint)"
    case .sweep: return "\(path): \(what), not a sweep file; \(hint)"
    case .targets:
      return "\(path): \(what), not a target file; \(hint). calibrate takes a target file that names its "
        + "scenario (for example scenarios/targets/tuyen-quang-2022.yaml)"
    }
  }
}
