import DESKernel
import OneStopModel
import Testing
import TestSupport

/// The KPI forms target files use for a report's breakdowns: per month (a mid-year
/// figure), per field, per deciding agency and per level with channels. Each adds up to the
/// run's totals, and a name that almost makes a KPI says what is wrong.
@Suite struct KPIFormsTests {
  func value(_ name: String, _ r: RunResult, _ m: CompiledModel) -> Double {
    guard let k = KPI.named(name) else {
      Issue.record("no KPI \(name)")
      return .nan
    }
    return k.value(r, m)
  }

  @Test(arguments: [2, 7] as [UInt64])
  func monthsFieldsAndAgenciesAddUp(seed: UInt64) throws {
    let model = try CompiledModel(ProvinceFixtures.random(seed: seed))
    let r = OneStopSimulation.run(model, seed: seed)
    let months = RunMonths(model)
    let reported = Array(months.labels.dropFirst(months.firstReported(model)))
    #expect(!reported.isEmpty)
    let t = r.total()
    for base in ["received_new", "resolved_on_time", "resolved_overdue", "online_in"] {
      let sum = reported.reduce(0.0) { $0 + value("\(base)@month:\($1)", r, model) }
      let byLevel = reported.reduce(0.0) { s, m in
        model.names.levels.reduce(s) { $0 + value("\(base)@month:\(m)@level:\($1)", r, model) }
      }
      #expect(sum == value(base, r, model), "\(base): months add to \(sum)")
      #expect(byLevel == sum, "\(base): months by level add to \(byLevel)")
    }
    #expect(value("in_progress_end@month:\(reported.last!)", r, model) == Double(t.inProgressEnd))
    let share = value("online_share_of_received@month:\(reported.last!)", r, model)
    #expect(share >= 0 && share <= 100)

    var owners: [String] = []
    for p in model.names.procedures where !owners.contains(p.owner) { owners.append(p.owner) }
    for base in ["received", "received_new", "resolved_overdue"] {
      #expect(
        model.names.fields.reduce(0.0) { $0 + value("\(base)@field:\($1)", r, model) } == value(base, r, model),
        "\(base) by field")
      #expect(
        owners.reduce(0.0) { $0 + value("\(base)@agency:\($1)", r, model) } == value(base, r, model),
        "\(base) by agency")
    }
    // The online share of each field, agency and level, weighted by its new dossiers, is the run's.
    for (form, keys) in [("field", model.names.fields), ("agency", owners), ("level", model.names.levels)] {
      let online = keys.reduce(0.0) { s, k in
        let new = form == "level" ? levelNew(k, r, model) : value("received_new@\(form):\(k)", r, model)
        return s + value("online_share_of_received@\(form):\(k)", r, model) / 100 * new
      }
      #expect(
        abs(online - Double(r.totals.onlineIn)) < 1e-6 * max(1, Double(r.totals.onlineIn)),
        "online by \(form): \(online) vs \(r.totals.onlineIn)")
    }
    let walkIn = model.names.levels.reduce(0.0) { $0 + value("received_walk_in@level:\($1)", r, model) }
    #expect(walkIn == Double(r.total { _, _, c in c == .walkIn }.receivedNew))
    let first = model.names.levels.reduce(0.0) { $0 + value("first_contacts_walk_in@level:\($1)", r, model) }
    #expect(first == Double(r.total { _, _, c in c == .walkIn }.arrivals) && first >= walkIn)
  }

  func levelNew(_ level: String, _ r: RunResult, _ m: CompiledModel) -> Double {
    let l = m.names.levels.firstIndex(of: level)!
    return Double(r.total { u, _, _ in m.units[u].level == l }.receivedNew)
  }

  @Test func namesThatAlmostMakeAKPISayWhy() throws {
    #expect(KPI.named("online_share_of_received@month:2020-09") != nil)
    #expect(KPI.named("online_share_of_received@month:2020-09@level:district") != nil)
    #expect(KPI.named("online_share_of_received@month:2020-9") == nil)
    #expect(KPI.problem("online_share_of_received@month:2020-13")?.contains("@month:YYYY-MM") == true)
    #expect(KPI.problem("online_share_of_received@month:2020-09@unit:x")?.contains("not a month") == true)
    #expect(KPI.problem("on_time_rate_of_resolved@month:2020-09")?.contains("monthly KPIs") == true)
    #expect(KPI.problem("desk_wait_mean@field:land")?.contains("per-field KPIs") == true)
    #expect(KPI.problem("received@field:land") == nil)
    let model = try CompiledModel(ProvinceFixtures.random(seed: 3))
    #expect(KPI.unknownTarget("received@field:no-such-field", in: model)?.contains("its fields are") == true)
    #expect(KPI.unknownTarget("received_new@month:1999-01", in: model)?.contains("reports no month 1999-01") == true)
    #expect(
      KPI.unknownTarget("received_new@month:\(RunMonths(model).labels.last!)@level:nowhere", in: model)?.contains(
        "no level 'nowhere'") == true)
    #expect(KPI.unknownUnit("received_new@month:1999-01", in: model) == nil)
    #expect(KPI.named("received_new@month:1999-01")!.value(OneStopSimulation.run(model, seed: 3), model).isNaN)
  }
}
