/// A dimension along which results are reported (the provincial reports' definitions).
public enum ReportDimension: String, Sendable, CaseIterable {
  /// Administrative level of the receiving unit.
  case level
  /// The receiving unit.
  case unit
  /// The agency that decides the procedure (its last step; a kind such as "TNMT" when
  /// the step goes to the nearest agency of that kind).
  case agency
  case field
  case procedure
  /// Channel in: walk-in, postal, online.
  case channel
}

extension RunResult {
  /// Counters summed by `dimension`, keys in the model's order (levels top first,
  /// units, agencies by first appearance, fields, procedures, channels).
  public func breakdown(by dimension: ReportDimension, model: CompiledModel) -> [(key: String, counters: CellCounters)]
  {
    var keys: [String] = []
    var index: [String: Int] = [:]
    var sums: [CellCounters] = []
    func slot(_ key: String) -> Int {
      if let k = index[key] { return k }
      index[key] = keys.count
      keys.append(key)
      sums.append(CellCounters())
      return keys.count - 1
    }
    // Fix the order first, so empty keys still appear where expected.
    switch dimension {
    case .level: model.names.levels.forEach { _ = slot($0) }
    case .unit: model.names.units.forEach { _ = slot($0.id) }
    case .agency: model.names.procedures.forEach { _ = slot($0.owner) }
    case .field: model.names.fields.forEach { _ = slot($0) }
    case .procedure: model.names.procedures.forEach { _ = slot($0.id) }
    case .channel: ChannelIn.allCases.forEach { _ = slot($0.description) }
    }
    for u in 0..<unitCount {
      for p in 0..<procedureCount {
        for c in ChannelIn.allCases {
          let key: String
          switch dimension {
          case .level: key = model.names.levels[model.units[u].level]
          case .unit: key = model.names.units[u].id
          case .agency: key = model.names.procedures[p].owner
          case .field: key = model.names.fields[model.procedures[p].field]
          case .procedure: key = model.names.procedures[p].id
          case .channel: key = c.description
          }
          sums[slot(key)].add(cells[cellIndex(unit: u, procedure: p, channel: c)])
        }
      }
    }
    return zip(keys, sums).map { ($0, $1) }
  }

  /// Desk utilisation of each unit: busy desk time over open desk time.
  public func deskUtilisation(model: CompiledModel) -> [Double] {
    model.units.map { u in
      let busy = u.deskGroups.reduce(0.0) { $0 + deskGroups[$1].busySeconds }
      let open = u.deskGroups.reduce(0.0) { $0 + deskGroups[$1].openSeconds }
      return open > 0 ? busy / open : 0
    }
  }

  /// Officer utilisation of each station (online intake and agencies).
  public var stationUtilisation: [Double] { stations.map(\.utilisation) }
}
