import DESKernel
import OneStopModel

/// An agency template (`at_level`) whose `officers` is a total over its units, shared like
/// a volume (`split`), as read before the demand it may follow is known.
struct OfficerSplit {
  /// The agencies the template made, in the builder's list.
  var agencies: Range<Int>
  /// Officers over all of them.
  var total: Int
  /// The fewest any unit gets.
  var minimum: Int
  var rule: SplitRule
  var node: YNode
  var path: String
}

extension ScenarioBuilder {
  // MARK: - Officers shared over units

  /// Records an agency template's `split` (with its `min_officers`), to share its
  /// `officers` over its units once the demand is read (`splitOfficers`).
  func noteOfficerSplit(_ sn: YNode, _ m: [String: YNode], _ src: String, agencies: Range<Int>, total: Int) {
    guard m["at_level"] != nil else {
      r.issue(sn, "\(src).split", "a split shares officers over units: give at_level")
      return
    }
    let minimum =
      m["min_officers"].flatMap {
        r.int($0, "\(src).min_officers", min: 0, max: ModelLimits.officersPerStation, what: "a number of officers")
      } ?? 1
    guard let rule = readSplit(sn, "\(src).split", allowLike: true) else { return }
    if total < minimum * agencies.count {
      r.issue(
        m["officers"] ?? sn, "\(src).officers",
        "expected at least \(minimum * agencies.count) officers to share (min_officers \(minimum) at each of "
          + "\(agencies.count) units), found \(total)")
      return
    }
    officerSplits.append(
      OfficerSplit(agencies: agencies, total: total, minimum: minimum, rule: rule, node: sn, path: "\(src).split"))
  }

  /// `agencies` with each split template's total shared over its units: every unit gets
  /// at least the minimum, and the rest goes by the weights (largest remainder), so a
  /// district with twice the dossiers has about twice the officers.
  func splitOfficers(_ agencies: [AgencyConfiguration]) -> [AgencyConfiguration] {
    var out = agencies
    for split in officerSplits where split.agencies.upperBound <= out.count {
      let units = out[split.agencies].map(\.unit)
      guard let weights = officerWeights(split, units: units),
        let counts = Self.shareOfficers(split.total, weights: weights, minimum: split.minimum)
      else { continue }
      for (i, n) in zip(split.agencies, counts) { out[i].officers = n }
    }
    return out
  }

  /// The weight of each unit under a split's rule; nil when it cannot be had (the
  /// problem recorded).
  func officerWeights(_ split: OfficerSplit, units: [String]) -> [Double]? {
    switch split.rule {
    case .even: return units.map { _ in 1 }
    case .driver(let driver):
      return splitWeights(driver, units: units, node: split.node, path: split.path, entry: split.path)
    case .like(let id, let ln):
      guard let shares = demandShares[id] else {
        unknownDemand(id, ln, "\(split.path).like")
        return nil
      }
      var volume: [String: Double] = [:]
      for s in shares { volume[s.unit, default: 0] += s.volume }
      return units.map { volume[$0] ?? 0 }
    }
  }

  /// `total` officers over units of the given weights, each at least `minimum`: units
  /// whose share falls below the minimum get it, and the others share what is left in
  /// proportion to their weights (largest remainder). Nil when every weight is 0.
  static func shareOfficers(_ total: Int, weights: [Double], minimum: Int) -> [Int]? {
    var fixed = [Bool](repeating: false, count: weights.count)
    while true {
      let free = weights.indices.filter { !fixed[$0] }
      let left = total - minimum * (weights.count - free.count)
      let sum = free.reduce(0.0) { $0 + weights[$1] }
      guard sum > 0 else { break }
      let below = free.filter { Double(left) * weights[$0] / sum < Double(minimum) }
      if below.isEmpty { break }
      for i in below { fixed[i] = true }
    }
    let free = weights.indices.filter { !fixed[$0] }
    let left = total - minimum * (weights.count - free.count)
    var counts = [Int](repeating: minimum, count: weights.count)
    guard !free.isEmpty else { return counts }
    guard let parts = UnitSplit.largestRemainder(left, weights: free.map { weights[$0] }) else { return nil }
    for (i, n) in zip(free, parts) { counts[i] = n }
    return counts
  }
}
