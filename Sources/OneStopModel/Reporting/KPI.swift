/// A key indicator: its name (as in docs/results.md), its unit, and how to read it from
/// one replication. One table serves the report, the baseline check, `--replications
/// auto` and sweeps, so a KPI means the same thing everywhere.
public struct KPI: Sendable {
  public let name: String
  public let unit: KPIUnit
  public let value: @Sendable (RunResult, CompiledModel) -> Double

  public init(_ name: String, _ unit: KPIUnit, _ value: @escaping @Sendable (RunResult, CompiledModel) -> Double) {
    self.name = name
    self.unit = unit
    self.value = value
  }

  /// The KPI called `name`: one of `all`, or one of these forms of a name in the lists
  /// below: per unit `NAME@UNIT` (`desk_wait_mean@pasc`, `perUnit`), per level
  /// `NAME@level:LEVEL` (`desk_wait_p90@level:province`, `perLevel`), per deciding agency
  /// `NAME@agency:AGENCY` (`perAgency`), per field `NAME@field:FIELD` (`perField`), per
  /// month `NAME@month:YYYY-MM`, all levels or one (`NAME@month:YYYY-MM@level:LEVEL`,
  /// `perMonth`). A KPI of a unit, level, agency, field or month the model does not have is
  /// NaN; `unknownTarget(in:)` says so before a run.
  public static func named(_ name: String) -> KPI? {
    if let k = all.first(where: { $0.name == name }) { return k }
    guard let at = name.firstIndex(of: "@") else { return nil }
    let base = String(name[..<at]), unit = String(name[name.index(after: at)...])
    if unit.hasPrefix(monthPrefix) { return month(name, base: base, label: String(unit.dropFirst(monthPrefix.count))) }
    if unit.hasPrefix(fieldPrefix) { return field(name, base: base, field: String(unit.dropFirst(fieldPrefix.count))) }
    if unit.hasPrefix(agencyPrefix) {
      let agency = String(unit.dropFirst(agencyPrefix.count))
      guard !agency.isEmpty, let (kpiUnit, f) = perAgency.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else { return nil }
      return KPI(name, kpiUnit) { r, model in
        guard model.names.procedures.contains(where: { $0.owner == agency }) else { return .nan }
        return f(r, model, agency)
      }
    }
    if unit.hasPrefix(levelPrefix) {
      let level = String(unit.dropFirst(levelPrefix.count))
      guard !level.isEmpty, let (kpiUnit, f) = perLevel.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else { return nil }
      return KPI(name, kpiUnit) { r, model in
        guard let l = model.names.levels.firstIndex(of: level) else { return .nan }
        return f(r, model, l)
      }
    }
    guard !unit.isEmpty, let (kpiUnit, f) = perUnit.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else { return nil }
    return KPI(name, kpiUnit) { r, model in
      guard let u = model.names.units.firstIndex(where: { $0.id == unit }) else { return .nan }
      return f(r, model, u)
    }
  }

  /// For a per-unit KPI name, the unit id when `model` has no such unit.
  public static func unknownUnit(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let unit = String(name[name.index(after: at)...])
    if unit.hasPrefix(levelPrefix) || unit.hasPrefix(agencyPrefix) || unit.hasPrefix(monthPrefix) || unit.hasPrefix(fieldPrefix) { return nil }
    return model.names.units.contains { $0.id == unit } ? nil : unit
  }

  /// `@agency:` introduces a deciding agency in a KPI name, as the "By deciding agency"
  /// table writes it (`TNMT` for the land offices of every district, `GTVT@pasc`).
  public static let agencyPrefix = "agency:"

  /// For a per-agency KPI name whose agency decides no procedure of `model`: a message
  /// naming the agencies that do.
  public static func unknownAgency(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(agencyPrefix) else { return nil }
    let agency = String(target.dropFirst(agencyPrefix.count))
    var owners: [String] = []
    for p in model.names.procedures where !owners.contains(p.owner) { owners.append(p.owner) }
    if owners.contains(agency) { return nil }
    return "no procedure of the scenario is decided by '\(agency)' (in KPI '\(name)'); deciding agencies: \(owners.joined(separator: ", "))"
  }

  /// KPIs that also exist per deciding agency, as `NAME@agency:AGENCY` (the keys of the
  /// "By deciding agency" table).
  public static let perAgency: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, String) -> Double)] = [
    ("received", .dossiers, { r, m, a in Double(r.total { _, p, _ in m.names.procedures[p].owner == a }.received) }),
    ("received_new", .dossiers, { r, m, a in Double(r.total { _, p, _ in m.names.procedures[p].owner == a }.receivedNew) }),
    ("online_share_of_received", .percent, { r, m, a in
      let all = r.total { _, p, _ in m.names.procedures[p].owner == a }.receivedNew
      return all > 0 ? 100 * Double(r.total { _, p, c in m.names.procedures[p].owner == a && c == .online }.receivedNew) / Double(all) : 0
    }),
    ("resolved_overdue", .dossiers, { r, m, a in Double(r.total { _, p, _ in m.names.procedures[p].owner == a }.resolvedOverdue) }),
    ("in_progress_end", .dossiers, { r, m, a in Double(r.total { _, p, _ in m.names.procedures[p].owner == a }.inProgressEnd) }),
    ("on_time_rate_of_received", .percent, { r, m, a in 100 * r.total { _, p, _ in m.names.procedures[p].owner == a }.onTimeRateOfReceived }),
    ("overdue_rate_of_received", .percent, { r, m, a in 100 * r.total { _, p, _ in m.names.procedures[p].owner == a }.overdueRateOfReceived }),
  ]

  /// `@level:` introduces a level in a KPI name (unit ids may not clash with it).
  public static let levelPrefix = "level:"

  /// For a per-level KPI name whose level `model` does not have: a message naming the
  /// known levels (levels are data, any number).
  public static func unknownLevel(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(levelPrefix) else { return nil }
    let level = String(target.dropFirst(levelPrefix.count))
    if model.names.levels.contains(level) { return nil }
    return "the scenario has no level '\(level)' (in KPI '\(name)'); its levels are \(model.names.levels.joined(separator: ", "))"
  }

  /// KPIs that also exist per level of the receiving unit, as `NAME@level:LEVEL`. Waits
  /// are the level's own (quantiles from the level's histogram, not an average of units).
  public static let perLevel: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] = [
    ("received", .dossiers, { r, m, l in Double(r.total { u, _, _ in m.units[u].level == l }.received) }),
    ("received_walk_in", .dossiers, { r, m, l in Double(r.total { u, _, c in m.units[u].level == l && c == .walkIn }.receivedNew) }),
    ("first_contacts_walk_in", .visits, { r, m, l in Double(r.total { u, _, c in m.units[u].level == l && c == .walkIn }.arrivals) }),
    ("online_share_of_received", .percent, { r, m, l in
      let all = r.total { u, _, _ in m.units[u].level == l }.receivedNew
      return all > 0 ? 100 * Double(r.total { u, _, c in m.units[u].level == l && c == .online }.receivedNew) / Double(all) : 0
    }),
    ("on_time_rate_of_received", .percent, { r, m, l in 100 * r.total { u, _, _ in m.units[u].level == l }.onTimeRateOfReceived }),
    ("on_time_rate_of_resolved", .percent, { r, m, l in 100 * r.total { u, _, _ in m.units[u].level == l }.onTimeRateOfResolved }),
    ("resolved_overdue", .dossiers, { r, m, l in Double(r.total { u, _, _ in m.units[u].level == l }.resolvedOverdue) }),
    ("desk_wait_mean", .minutes, { r, _, l in r.levels[l].waits.mean / 60 }),
    ("desk_wait_p50", .minutes, { r, _, l in r.levels[l].waits.p50 / 60 }),
    ("desk_wait_p90", .minutes, { r, _, l in r.levels[l].waits.p90 / 60 }),
    ("desk_wait_p99", .minutes, { r, _, l in r.levels[l].waits.p99 / 60 }),
    ("served_same_day", .percent, { r, m, l in 100 * r.servedSameDay { m.units[$0].level == l } }),
    ("tickets", .visits, { r, m, l in Double(r.tickets(level: l, model: m)) }),
    ("turned_away", .visits, { r, m, l in Double(m.units.indices.reduce(0) { $0 + (m.units[$1].level == l ? r.units[$1].turnedAway : 0) }) }),
  ]

  /// KPIs that also exist per unit, as `NAME@UNIT`.
  public static let perUnit: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] = [
    ("received", .dossiers, { r, _, u in Double(r.total { uu, _, _ in uu == u }.received) }),
    ("resolved_overdue", .dossiers, { r, _, u in Double(r.total { uu, _, _ in uu == u }.resolvedOverdue) }),
    ("on_time_rate_of_received", .percent, { r, _, u in 100 * r.total { uu, _, _ in uu == u }.onTimeRateOfReceived }),
    ("overdue_rate_of_received", .percent, { r, _, u in 100 * r.total { uu, _, _ in uu == u }.overdueRateOfReceived }),
    ("desk_wait_mean", .minutes, { r, _, u in r.units[u].waits.mean / 60 }),
    ("desk_wait_p50", .minutes, { r, _, u in r.units[u].waits.quantile(0.5) / 60 }),
    ("desk_wait_p90", .minutes, { r, _, u in r.units[u].waits.quantile(0.9) / 60 }),
    ("desk_wait_p99", .minutes, { r, _, u in r.units[u].waits.quantile(0.99) / 60 }),
    ("served_same_day", .percent, { r, _, u in 100 * r.servedSameDay { $0 == u } }),
    ("tickets", .visits, { r, _, u in Double(r.units[u].ticketsIssued) }),
    ("turned_away", .visits, { r, _, u in Double(r.units[u].turnedAway) }),
    ("sent_home", .visits, { r, _, u in Double(r.units[u].sentHome) }),
    ("desk_queue_length", .citizens, { r, _, u in r.queueLengths[u] }),
    ("busy_desk_staff", .staff, { r, model, u in r.busyDesks(model: model)[u] }),
  ]

  /// Every KPI, in report order.
  public static let all: [KPI] = [
    KPI("received", .dossiers) { r, _ in Double(r.total().received) },
    KPI("received_new", .dossiers) { r, _ in Double(r.total().receivedNew) },
    KPI("carried_over", .dossiers) { r, _ in Double(r.total().carriedOver) },
    KPI("resolved_on_time", .dossiers) { r, _ in Double(r.total().resolvedOnTime) },
    KPI("resolved_overdue", .dossiers) { r, _ in Double(r.total().resolvedOverdue) },
    KPI("in_progress_end", .dossiers) { r, _ in Double(r.total().inProgressEnd) },
    KPI("carried_over_overdue", .dossiers) { r, _ in Double(r.total().carriedOverOverdue) },
    KPI("withdrawn", .dossiers) { r, _ in Double(r.total().withdrawn) },
    KPI("refused", .dossiers) { r, _ in Double(r.total().refused) },
    KPI("abandoned", .dossiers) { r, _ in Double(r.total().abandoned) },
    KPI("on_time_rate_of_received", .percent) { r, _ in 100 * r.total().onTimeRateOfReceived },
    KPI("on_time_rate_of_resolved", .percent) { r, _ in 100 * r.total().onTimeRateOfResolved },
    KPI("overdue_rate_of_received", .percent) { r, _ in 100 * r.total().overdueRateOfReceived },
    KPI("apologies", .letters) { r, _ in Double(r.total().apologies) },
    KPI("supplement_requests", .dossiers) { r, _ in Double(r.total().supplementRequests) },
    KPI("desk_wait_mean", .minutes) { r, _ in r.allWaits.mean / 60 },
    KPI("desk_wait_p50", .minutes) { r, _ in r.allWaits.quantile(0.5) / 60 },
    KPI("desk_wait_p90", .minutes) { r, _ in r.allWaits.quantile(0.9) / 60 },
    KPI("desk_wait_p99", .minutes) { r, _ in r.allWaits.quantile(0.99) / 60 },
    KPI("served_same_day", .percent) { r, _ in 100 * r.servedSameDay { _ in true } },
    KPI("visits_per_dossier", .visits) { r, _ in r.totals.visitsPerReturnedDossier.mean },
    KPI("turned_away", .visits) { r, _ in Double(r.totals.turnedAway) },
    KPI("sent_home", .visits) { r, _ in Double(r.totals.sentHome) },
    KPI("wasted_pickup_visits", .visits) { r, _ in Double(r.totals.wastedPickupVisits) },
    KPI("desk_utilisation", .percent) { r, _ in
      let busy = r.deskGroups.reduce(0) { $0 + $1.busySeconds }, open = r.deskGroups.reduce(0) { $0 + $1.openSeconds }
      return open > 0 ? 100 * busy / open : 0
    },
    KPI("desk_queue_length", .citizens) { r, _ in
      r.units.reduce(0) { $0 + $1.queueLength }
    },
    KPI("busy_desk_staff", .staff) { r, model in
      r.busyDesks(model: model).reduce(0, +)
    },
    KPI("busy_officers", .officers) { r, model in
      r.busyOfficers(model: model).enumerated().filter { !model.stations[$0.offset].isOnlineIntake }.reduce(0) { $0 + $1.element }
    },
    KPI("desk_overtime", .hours) { r, _ in r.deskGroups.reduce(0) { $0 + $1.overtimeSeconds } / 3600 },
    KPI("officer_utilisation", .percent) { r, model in
      let busy = zip(model.stations, r.stations).filter { !$0.0.isOnlineIntake }.reduce(0) { $0 + $1.1.busySeconds }
      let open = zip(model.stations, r.stations).filter { !$0.0.isOnlineIntake }.reduce(0) { $0 + $1.1.availableSeconds }
      return open > 0 ? 100 * busy / open : 0
    },
    KPI("postal_in", .dossiers) { r, _ in Double(r.totals.postalIn) },
    KPI("postal_out", .results) { r, _ in Double(r.totals.postalOut) },
    KPI("online_in", .dossiers) { r, _ in Double(r.totals.onlineIn) },
    KPI("online_share_of_received", .percent) { r, _ in
      let t = r.total()
      return t.receivedNew > 0 ? 100 * Double(r.totals.onlineIn) / Double(t.receivedNew) : 0
    },
    KPI("days_to_resolve_walk_in", .days) { r, _ in r.totals.endToEndDays[0].mean },
    KPI("days_to_resolve_postal", .days) { r, _ in r.totals.endToEndDays[1].mean },
    KPI("days_to_resolve_online", .days) { r, _ in r.totals.endToEndDays[2].mean },
    KPI("events", .events) { r, _ in Double(r.events) },
  ]
}

extension RunResult {
  /// Mean number of desks busy at each unit during the unit's opening hours.
  public func busyDesks(model: CompiledModel) -> [Double] {
    var busy = [Double](repeating: 0, count: model.units.count)
    for (g, group) in model.deskGroups.enumerated() { busy[group.unit] += deskGroups[g].busySeconds }
    return busy.indices.map { units[$0].openSeconds > 0 ? busy[$0] / units[$0].openSeconds : 0 }
  }

  /// Mean number of officers busy at each station during its working hours.
  public func busyOfficers(model: CompiledModel) -> [Double] {
    model.stations.indices.map { k in
      let hours = stations[k].availableSeconds / Double(max(model.stations[k].officers, 1))
      return hours > 0 ? stations[k].busySeconds / hours : 0
    }
  }

  /// Mean number waiting for a desk at each unit during its opening hours.
  public var queueLengths: [Double] {
    units.map(\.queueLength)
  }
}
