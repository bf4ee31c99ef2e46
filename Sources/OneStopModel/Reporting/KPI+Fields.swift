/// Per-field KPIs, `NAME@field:FIELD`: a report that speaks of a department's procedures
/// (Bình Phước's Industry and Trade: more than 90 % online) is held against every dossier
/// of the field, whoever decides it (its on-the-spot dossiers are decided at the desk).
extension KPI {
  /// `@field:` introduces one of the scenario's `fields` in a KPI name.
  public static let fieldPrefix = "field:"

  /// KPIs that also exist per field of the procedure, as `NAME@field:FIELD` (the keys of
  /// the "By field" table).
  public static let perField: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] = [
    ("received", .dossiers, { r, m, f in Double(r.total { _, p, _ in m.procedures[p].field == f }.received) }),
    ("received_new", .dossiers, { r, m, f in Double(r.total { _, p, _ in m.procedures[p].field == f }.receivedNew) }),
    ("resolved_overdue", .dossiers, { r, m, f in Double(r.total { _, p, _ in m.procedures[p].field == f }.resolvedOverdue) }),
    ("on_time_rate_of_received", .percent, { r, m, f in 100 * r.total { _, p, _ in m.procedures[p].field == f }.onTimeRateOfReceived }),
    ("on_time_rate_of_resolved", .percent, { r, m, f in 100 * r.total { _, p, _ in m.procedures[p].field == f }.onTimeRateOfResolved }),
    ("online_share_of_received", .percent, { r, m, f in
      let all = r.total { _, p, _ in m.procedures[p].field == f }.receivedNew
      return all > 0 ? 100 * Double(r.total { _, p, c in m.procedures[p].field == f && c == .online }.receivedNew) / Double(all) : 0
    }),
  ]

  /// The field KPI `base@field:field`, NaN for a field the model does not have.
  static func field(_ name: String, base: String, field: String) -> KPI? {
    guard !field.isEmpty, let (unit, f) = perField.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else { return nil }
    return KPI(name, unit) { r, model in
      guard let k = model.names.fields.firstIndex(of: field) else { return .nan }
      return f(r, model, k)
    }
  }

  /// For a per-field KPI whose field `model` does not have: a message naming its fields.
  public static func unknownField(_ name: String, in model: CompiledModel) -> String? {
    guard let at = name.firstIndex(of: "@") else { return nil }
    let target = String(name[name.index(after: at)...])
    guard target.hasPrefix(fieldPrefix) else { return nil }
    let field = String(target.dropFirst(fieldPrefix.count))
    if model.names.fields.contains(field) { return nil }
    return "the scenario has no field '\(field)' (in KPI '\(name)'); its fields are \(model.names.fields.joined(separator: ", "))"
  }
}
