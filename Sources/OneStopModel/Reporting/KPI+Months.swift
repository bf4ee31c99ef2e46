/// Month-level KPIs, `NAME@month:YYYY-MM`: a report's mid-year figure (Bình Phước's online
/// share on 30 September 2020) is held against the same month of the run's monthly series
/// (`months.csv`), not against the year.
extension KPI {
  /// `@month:` introduces a calendar month in a KPI name, written `YYYY-MM`.
  public static let monthPrefix = "month:"

  /// KPIs that also exist per calendar month of the run, from the monthly series (all
  /// levels together): counts are the month's, `in_progress_end` is the month's end,
  /// `online_share_of_received` is online_in / received_new of the month, waits are of
  /// the tickets taken in the month.
  public static let perMonth: [(String, KPIUnit, @Sendable (MonthCounters) -> Double)] =
    Measure.all.compactMap { m in m.month.map { (m.name, m.unit, $0) } }

  /// `YYYY-MM` with a month 01-12, or nil.
  static func monthLabel(_ text: String) -> String? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let m = Int(parts[1]), (1...12).contains(m)
    else { return nil }
    return text
  }

  /// Splits `YYYY-MM` or `YYYY-MM@level:LEVEL` into the month and the level (nil: all).
  static func monthAndLevel(_ text: String) -> (month: String, level: String?)? {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
    guard let month = parts.first.flatMap(monthLabel), parts.count <= 2 else { return nil }
    guard parts.count == 2 else { return (month, nil) }
    guard parts[1].hasPrefix(levelPrefix), parts[1].count > levelPrefix.count else { return nil }
    return (month, String(parts[1].dropFirst(levelPrefix.count)))
  }

  /// The month KPI `base@month:label`, NaN for a month outside the run's reported months
  /// or a level the model does not have.
  static func month(_ name: String, base: String, label: String) -> KPI? {
    if let part = Measure.index766Parts.first(where: { $0.name == base }), let (month, level) = monthAndLevel(label) {
      return index766Month(name, part, month: month, level: level)
    }
    guard let (month, level) = monthAndLevel(label),
      let (unit, f) = perMonth.first(where: { $0.0 == base }).map({ ($0.1, $0.2) })
    else {
      return nil
    }
    return KPI(name, unit) { r, model in
      let months = RunMonths(model)
      guard let k = months.labels.firstIndex(of: month), k >= months.firstReported(model) else { return .nan }
      let levels = model.levelCount
      var chosen = Array(0..<levels)
      if let level {
        guard let l = model.names.levels.firstIndex(of: level) else { return .nan }
        chosen = [l]
      }
      var cell = MonthCounters()
      for l in chosen where k * levels + l < r.months.count { cell.add(r.months[k * levels + l]) }
      return f(cell)
    }
  }

  /// Why `name` is not a KPI, when it is close to one (a month written wrongly, a base
  /// that has no month or agency form): a sentence for the error message, or nil.
  public static func problem(_ name: String) -> String? {
    guard named(name) == nil, let at = name.firstIndex(of: "@") else { return nil }
    let base = String(name[..<at]), target = String(name[name.index(after: at)...])
    if let (rest, unit) = splitUnder(name) {
      if rest.contains("@" + monthPrefix) { return "@under: does not combine with @month:" }
      if unit.isEmpty || unit.contains("@") { return "write @under:UNIT with one unit id, last in the name" }
      if subtreeSelection(rest) == nil {
        return "@under:UNIT follows a KPI name, alone or with one @level:, @agency: or @field: scope"
      }
      return "'\(base)' has no subtree value; subtree KPIs: \(perSubtree.map(\.0).joined(separator: ", "))"
    }
    if target.hasPrefix(monthPrefix) {
      let label = String(target.dropFirst(monthPrefix.count))
      if monthAndLevel(label) == nil {
        return "'\(label)' is not a month: write @month:YYYY-MM, e.g. @month:2020-09, or @month:YYYY-MM@level:LEVEL"
      }
      return "'\(base)' has no monthly value; monthly KPIs: \(perMonth.map(\.0).joined(separator: ", "))"
    }
    if target.hasPrefix(agencyPrefix) {
      return "'\(base)' has no per-agency value; per-agency KPIs: \(perAgency.map(\.0).joined(separator: ", "))"
    }
    if target.hasPrefix(fieldPrefix) {
      return "'\(base)' has no per-field value; per-field KPIs: \(perField.map(\.0).joined(separator: ", "))"
    }
    if target.hasPrefix(levelPrefix) {
      return "'\(base)' has no per-level value; per-level KPIs: \(perLevel.map(\.0).joined(separator: ", "))"
    }
    return nil
  }

  /// For a month KPI whose month the run does not report (before the start, in the
  /// warm-up, after the end), or whose level the model does not have: a message naming the
  /// months or levels it does.
  public static func unknownMonth(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(monthPrefix), let (month, level) = monthAndLevel(String(target.dropFirst(monthPrefix.count)))
    else { return nil }
    if let level, !model.names.levels.contains(level) {
      return
        """
        the scenario has no level '\(level)' (in KPI '\(name)'); its levels are \
        \(model.names.levels.joined(separator: ", "))
        """
    }
    let months = RunMonths(model)
    let reported = Array(months.labels.dropFirst(months.firstReported(model)))
    if reported.contains(month) { return nil }
    let range = reported.isEmpty ? "none" : "\(reported.first!) to \(reported.last!)"
    return "the run reports no month \(month) (in KPI '\(name)'); its months are \(range)"
  }

  /// The first reason `name` cannot be read from a run of `model` (a unit, level, agency
  /// or month the scenario does not have), or nil when it can.
  public static func unknownTarget(_ name: String, in model: CompiledModel) -> String? {
    if splitUnder(name) != nil { return unknownSubtree(name, in: model) }
    if name.contains("@" + monthPrefix) { return unknownMonth(name, in: model) }
    return unknownLevel(name, in: model) ?? unknownAgency(name, in: model) ?? unknownField(name, in: model)
      ?? unknownDesk(name, in: model)
      ?? unknownUnit(name, in: model).map { "the scenario has no unit '\($0)' (in KPI '\(name)')" }
  }

  /// An index part in one month (`index766_timeliness@month:2025-08`, with a level or
  /// not): the month is the period, as on the portal's monthly pages.
  static func index766Month(_ name: String, _ part: Index766Part, month: String, level: String?) -> KPI {
    KPI(name, part.unit) { r, model in
      let months = RunMonths(model)
      guard let k = months.labels.firstIndex(of: month), k >= months.firstReported(model) else { return .nan }
      var l: Int?
      if let level {
        guard let x = model.names.levels.firstIndex(of: level) else { return .nan }
        l = x
      }
      let include: (Int) -> Bool = { l == nil || model.units[$0].level == l }
      guard let (score, counts) = r.index766Score(months: k..<(k + 1), model: model, units: include) else {
        return .nan
      }
      return part.value(score, counts)
    }
  }
}
