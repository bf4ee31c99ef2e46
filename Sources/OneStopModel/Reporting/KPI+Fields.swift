/// Per-field KPIs, `NAME@field:FIELD`: a report that speaks of a department's procedures
/// (Bình Phước's Industry and Trade: more than 90 % online) is held against every dossier
/// of the field, whoever decides it (its on-the-spot dossiers are decided at the desk).
extension KPI {
  /// `@field:` introduces one of the scenario's `fields` in a KPI name.
  public static let fieldPrefix = "field:"

  /// KPIs that also exist per field of the procedure, as `NAME@field:FIELD` (the keys of
  /// the "By field" table).
  public static let perField: [(String, KPIUnit, @Sendable (RunResult, CompiledModel, Int) -> Double)] =
    Measure.all.compactMap { m in m.field.map { (m.name, m.unit, $0) } }

  /// The field KPI `base@field:field`, NaN for a field the model does not have.
  static func field(_ name: String, base: String, field: String) -> KPI? {
    guard !field.isEmpty, let (unit, f) = perField.first(where: { $0.0 == base }).map({ ($0.1, $0.2) }) else {
      return nil
    }
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
    return
      """
        the scenario has no field '\(field)' (in KPI '\(name)'); its fields are \
        \(model.names.fields.joined(separator: ", "))
        """
  }
}
