import OneStopCalibrate
import OneStopStaff

extension Calibrate {
  /// Prints each fitted parameter's range, the values the fit cannot tell apart from the
  /// best (`FittedRange`: candidates within 3.84 of the best objective), and returns them.
  func printFittedRanges(_ search: CalibrationSearch, _ parameters: [CalibrationParameter]) -> [FittedRange] {
    guard let ranges = FittedRange.ranges(search.candidates, parameters: parameters) else { return [] }
    let accepted = ranges.first?.accepted ?? 0, all = ranges.first?.candidates ?? 0
    print(
      "Fitted ranges (\(accepted) of \(plural(all, "candidate")) within \(fmt(FittedRange.threshold, 2)) of the best "
        + "weighted misfit; docs/calibration.md):")
    let width = max(40, (parameters.map(\.key.count).max() ?? 0) + 2)
    for (p, r) in zip(parameters, ranges) {
      let clipped = [r.low == p.low ? "low" : nil, r.high == p.high ? "high" : nil].compactMap { $0 }
      print(
        "  " + pad(p.key, width) + r.text(p)
          + (clipped.isEmpty ? "" : "   (at the --param \(clipped.joined(separator: " and ")) bound)"))
    }
    print("")
    return ranges
  }

  /// The `uncertainty:` section of `calibrated.yaml`: one `fitted: true` entry per fitted
  /// parameter with its range and how it was found. A variant's entries replace its base's
  /// of the same key, so the base's other ranges stay in force.
  func uncertaintyLines(_ parameters: [CalibrationParameter], ranges: [FittedRange]) -> [String] {
    guard ranges.count == parameters.count, !ranges.isEmpty else { return [] }
    let r0 = ranges[0]
    let source =
      "onestop calibrate \(targets): candidates within \(fmt(FittedRange.threshold, 2)) of the best weighted "
      + "misfit (\(r0.accepted) of \(r0.candidates))"
    var lines = ["uncertainty:"]
    for (p, r) in zip(parameters, ranges) {
      lines.append("  - key: \(StaffVariant.quote(p.key))")
      lines.append("    range: \(StaffVariant.quote(r.text(p)))")
      lines.append("    source: \(StaffVariant.quote(source))")
      lines.append("    fitted: true")
    }
    return lines
  }
}
