import Foundation
import OneStopScenario
import OneStopStaff

extension Staff {
  /// The decision variables of `--vary` (every desk group and agency when none is given),
  /// with the costs of `--cost`.
  func makeVariables(_ root: YNode) throws(StaffError) -> [StaffVariable] {
    var specs: [(key: String, low: Int?, high: Int?, values: [String]?)] = []
    if vary.isEmpty {
      specs = StaffVariable.discover(in: root).map { ($0, nil, nil, nil) }
      if specs.isEmpty {
        throw StaffError("the scenario has no desk group counts or agency officers to vary; name keys with --vary")
      }
    } else {
      for v in vary {
        guard let eq = v.firstIndex(of: "=") else {
          specs.append((v, nil, nil, nil))
          continue
        }
        let key = String(v[..<eq]), text = String(v[v.index(after: eq)...])
        let values: [String]?
        do { values = try StaffVariable.optionValues(text) } catch {
          throw StaffError("--vary '\(v)': \(error.description)")
        }
        if let values {
          specs.append((key, nil, nil, values))
          continue
        }
        let bounds = text.components(separatedBy: "..")
        guard bounds.count == 2, let lo = Int(bounds[0]), let hi = Int(bounds[1]), lo >= 0, hi >= lo else {
          throw StaffError(
            """
            --vary '\(v)': expected KEY=LOW..HIGH with integers 0 <= LOW <= HIGH, e.g. \
            agencies[TNMT@pasc].officers=5..20, or a list of values KEY=V1,V2,... or KEY=LOW..HIGH:STEP
            """
          )
        }
        specs.append((key, lo, hi, nil))
      }
    }
    var out: [StaffVariable] = []
    var seen = Set<String>()
    for (key, lo, hi, values) in specs {
      if let why = ScenarioOverride.keyProblem(key) { throw StaffError("--vary '\(key.prefix(120))': \(why)") }
      guard seen.insert(key).inserted else { throw StaffError("--vary '\(key)': given twice; give each key once") }
      if let values {
        out.append(StaffVariable.option(key: key, values: values, in: root))
        continue
      }
      guard let current = StaffKeyPath.integer(key, in: root) else {
        let known = StaffVariable.discover(in: root)
        let hint = suggestion(for: key, in: known)
        throw StaffError(
          """
          --vary '\(key)': the scenario has no integer at this key\(hint.map { " (did you mean '\($0)'?)" } ?? ""); \
          for an option give its values, KEY=V1,V2,...
          """)
      }
      // Without bounds a key only grows: targets on some units would otherwise let the
      // cheapest plan cut every pool they do not watch (--allow-cuts lets it).
      let low = lo ?? (allowCuts ? 1 : current), high = hi ?? max(2 * current + 2, low)
      guard current >= 0 else { throw StaffError("--vary '\(key)': the current value \(current) is negative") }
      out.append(StaffVariable(key: key, low: low, high: high, cost: 1, current: current))
    }
    try applyCosts(&out)
    return out
  }

  /// `--cost KEY=COST` (per person of a count, per step of an option) or, for an option,
  /// `--cost KEY=C1,C2,...` (one cost per listed value).
  func applyCosts(_ out: inout [StaffVariable]) throws(StaffError) {
    for c in costs {
      guard let eq = c.firstIndex(of: "=") else { throw StaffError("--cost '\(c)': expected KEY=COST") }
      let key = String(c[..<eq])
      guard let i = out.firstIndex(where: { $0.key == key }) else {
        let hint = suggestion(for: key, in: out.map(\.key)).map { "did you mean '\($0)'? " } ?? ""
        throw StaffError(
          """
          --cost '\(c)': '\(key)' is not a variable of this search (\(hint)variables: \
          \(out.map(\.key).joined(separator: ", ")))
          """
        )
      }
      let numbers = c[c.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false).map {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
      let option = out[i].isOption
      guard numbers.allSatisfy({ $0 != nil && $0!.isFinite && ($0! > 0 || (option && $0! >= 0)) }) else {
        throw StaffError(
          option
            ? "--cost '\(c)': expected KEY=COST (per step along the values) or KEY=C1,C2,... with costs >= 0"
            : "--cost '\(c)': expected KEY=COST with a positive cost per person")
      }
      if numbers.count == 1 {
        out[i].cost = numbers[0]!
        continue
      }
      let listed = (out[i].choices ?? []).compactMap { $0 }.count
      guard option, numbers.count == listed else {
        throw StaffError(
          option
            ? "--cost '\(c)': \(numbers.count) costs for \(listed) values; give one cost per value of --vary"
            : "--cost '\(c)': a list of costs is for an option (--vary KEY=V1,V2,...); a count has one cost per person"
        )
      }
      out[i].choiceCosts = numbers.map { $0! }
    }
  }

  /// Builds the base scenario with every value of every option, so that an unknown key or
  /// a value of the wrong type is reported before the search, naming the key and the value.
  func checkOptions(_ variables: [StaffVariable], evaluator: StaffEvaluator) throws(StaffError) {
    let current = variables.map(\.current)
    for (i, v) in variables.enumerated() where v.isOption {
      for j in v.low...v.high where j != v.current {
        var x = current
        x[i] = j
        if let problem = evaluator.problem(x) {
          throw StaffError("--vary '\(v.key)': the value '\(v.text(j))' does not fit the scenario:\n\(problem)")
        }
      }
    }
  }
}
