import DESKernel

/// Values written back in scenario-file syntax: the printed priors and the key
/// reference use it, so what a run lists can be pasted into `--set` as it is.
public enum ConfigurationText {
  /// A number in its shortest form: whole numbers without a fraction, others with at
  /// most 12 significant digits (no float noise such as 0.5000000000000001).
  public static func number(_ x: Double) -> String {
    if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    // Round to 12 significant digits (no Foundation here: scale by powers of ten).
    var scale = 1e11, m = abs(x)
    while m >= 10 { m /= 10; scale /= 10 }
    while m < 1 { m *= 10; scale *= 10 }
    let rounded = (x * scale).rounded() / scale
    return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : "\(rounded)"
  }

  /// A list of numbers, `[1.15, 1, 1]`.
  public static func numbers(_ xs: [Double]) -> String { "[" + xs.map(number).joined(separator: ", ") + "]" }

  /// A distribution of durations in `unit`, as a file writes it: `6m`,
  /// `{exponential: 3wd}`, `{lognormal: {mean: 6m, cv: 0.5}}`, `{uniform: [1wd, 3wd]}`.
  /// An empirical distribution has no short form and is described instead.
  public static func distribution(_ d: Distribution, unit: DurationUnit) -> String {
    let described = d.description
    let family = described.prefix { $0 != "(" }
    // Parameters the description holds exactly (a truncated normal's mu and sigma, a
    // triangular mode), in the stored unit.
    let inner = described.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
    let numbers = inner.split(whereSeparator: { !"0123456789.e-+".contains($0) }).compactMap { Double($0) }
    func t(_ x: Double) -> String { unit.text(x) }
    switch family {
    case "deterministic": return t(d.mean)
    case "exponential": return "{exponential: \(t(d.mean))}"
    case "lognormal": return "{lognormal: {mean: \(t(d.mean)), cv: \(number(d.cv))}}"
    case "gamma":
      let shape = d.mean * d.mean / d.variance, scale = d.variance / d.mean
      return "{gamma: {shape: \(number(shape)), scale: \(t(scale))}}"
    case "normal" where numbers.count >= 2: return "{normal: {mean: \(t(numbers[0])), sd: \(t(numbers[1]))}}"
    case "uniform": return "{uniform: [\(t(d.lowerBound)), \(t(d.upperBound))]}"
    case "triangular" where numbers.count == 3:
      return "{triangular: [\(t(numbers[0])), \(t(numbers[1])), \(t(numbers[2]))]}"
    default: return described
    }
  }
}
