/// One part of the service index's score card (Decision 766) as a measure: its name in
/// the table of measures, its unit and its value from a score and the counts it came from.
public struct Index766Part: Sendable {
  public let name: String
  public let unit: KPIUnit
  public let value: @Sendable (Index766Score, Index766Counts) -> Double

  init(_ name: String, _ unit: KPIUnit, _ value: @escaping @Sendable (Index766Score, Index766Counts) -> Double) {
    self.name = name
    self.unit = unit
    self.value = value
  }
}

extension Measure {
  /// The measure of index part `p`: over the statistics period (all months reported, as
  /// the portal scores a year), for the province, a level and a unit; not pooled, NaN when
  /// the scenario has no `index766`.
  init(index766 p: Index766Part) {
    self.init(
      p.name, p.unit,
      total: { r, m in r.index766Value(p, model: m) { _ in true } },
      level: { r, m, l in r.index766Value(p, model: m) { m.units[$0].level == l } },
      unit: { r, m, u in r.index766Value(p, model: m) { $0 == u } }, pooled: false)
  }
}

extension RunResult {
  /// Index counts of the units `include` selects over month slots `months` (one period:
  /// the dossiers ended in any of its months, and those open at its end).
  public func index766Counts(months: Range<Int>, model: CompiledModel, units include: (Int) -> Bool) -> Index766Counts {
    let n = model.units.count
    var total = Index766Counts()
    for k in months {
      var month = Index766Counts()
      for u in 0..<n where include(u) && k * n + u < index766.count { month.add(index766[k * n + u]) }
      total.extend(with: month)
    }
    return total
  }

  /// The score card of the units `include` selects over month slots `months`: a unit's
  /// with its own inputs; a group's from its pooled counts with the mean of its units'
  /// inputs (docs/results.md). nil when the scenario has no `index766`.
  public func index766Score(
    months: Range<Int>, model: CompiledModel, units include: (Int) -> Bool
  )
    -> (Index766Score, Index766Counts)?
  {
    guard let index = model.index766 else { return nil }
    let counts = index766Counts(months: months, model: model, units: include)
    let chosen = model.units.indices.filter(include)
    guard !chosen.isEmpty else { return nil }
    let inputs = chosen.count == 1 ? index.inputs[chosen[0]] : Index766Inputs.mean(chosen.map { index.inputs[$0] })
    return (Index766Score(counts, inputs: inputs, rules: index.rules), counts)
  }

  /// Part `p` over the statistics period for the units `include` selects; NaN without
  /// an index.
  func index766Value(_ p: Index766Part, model: CompiledModel, units include: (Int) -> Bool) -> Double {
    let months = RunMonths(model)
    guard
      let (score, counts) = index766Score(
        months: months.firstReported(model)..<months.count, model: model,
        units: include)
    else { return .nan }
    return p.value(score, counts)
  }
}

extension Index766Inputs {
  /// The mean of each input over `all` (a level's or the province's inputs).
  static func mean(_ all: [Index766Inputs]) -> Index766Inputs {
    var m = Index766Inputs()
    let n = Double(max(all.count, 1))
    func avg(_ k: KeyPath<Index766Inputs, Double>) -> Double {
      guard let first = all.first?[keyPath: k], all.contains(where: { $0[keyPath: k] != first }) else {
        return all.first?[keyPath: k] ?? 0
      }
      return all.reduce(0) { $0 + $1[keyPath: k] } / n
    }
    m.transparencyPoints = avg(\.transparencyPoints)
    m.onlineCataloguePoints = avg(\.onlineCataloguePoints)
    m.paymentProcedurePoints = avg(\.paymentProcedurePoints)
    m.digitisationOtherPoints = avg(\.digitisationOtherPoints)
    m.petitionPoints = avg(\.petitionPoints)
    m.syncShare = avg(\.syncShare)
    m.eResultShare = avg(\.eResultShare)
    m.payOnlineShareOnline = avg(\.payOnlineShareOnline)
    m.payOnlineSharePaper = avg(\.payOnlineSharePaper)
    m.complaintShare = avg(\.complaintShare)
    return m
  }
}
