import OneStopModel
import OneStopResults

extension HTMLReport {
  /// The KPIs whose dependence a run's report states: the headline cards and the desk waits.
  static let uncertaintyHeadline = [
    Measure.onTimeRateOfReceived, .overdueRateOfReceived, .inProgressEnd, .apologies, .received, .deskWaitMean,
    .deskWaitP90,
  ].map(\.name)

  /// A run under parameter uncertainty (`run --uncertainty`): per headline KPI the sentence
  /// naming the three parameters its value depends on most (shares of its variance across
  /// the parameter sets), a chart of those shares, and the parameters with their ranges and
  /// where each range comes from.
  static func uncertaintySections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    guard let u = d.uncertainty else { return [] }
    let origins = u.origins.map { "\($0.count) \(l.label("origin." + $0.origin))" }.joined(separator: ", ")
    var html = """
      <section id="uncertainty"><h2>\(esc(l.label("uncertainty")))</h2><p class="provenance">\(u.sets) \
      \(esc(l.label("parameter_sets"))) × \(u.replications) \(esc(l.label("replications"))); \
      \(esc(l.label("ranges"))): \(esc(origins))</p>
      """
    for kpi in uncertaintyHeadline {
      guard let k = u.kpis[kpi], let sentence = u.sentence(kpi, l) else { continue }
      let keys = k.dependsMost.map(\.param).joined(separator: ",")
      html += "<p class=\"rests\" data-kpi=\"\(esc(kpi))\" data-params=\"\(esc(keys))\">\(esc(sentence))</p>"
      if !k.dependsMost.isEmpty {
        let name = SensitivityData.subject(kpi, l)
        html += tornado(
          title: "\(l.label("variance_share")): \(name)", k.dependsMost.map { ($0.param, 100 * $0.share, nil) }, l)
      }
    }
    html +=
      "<table><caption>\(esc(l.label("ranges")))</caption><thead><tr><th>\(esc(l.label("param")))</th><th>"
      + "\(esc(l.label("range")))</th><th>\(esc(l.label("origin")))</th><th>\(esc(l.label("note")))</th></tr>"
      + "</thead><tbody>"
    for p in u.parameters {
      html +=
        """
          <tr \
          title=\"\(esc(p.key))\"><td>\(esc(l.prior(p.key)))</td><td>\(esc(p.range))</td><td>\
          \(esc(l.label("origin." + p.origin)))
          """
        + "</td><td>\(esc(rangeNote(p, l)))</td></tr>"
    }
    return [html + "</tbody></table></section>"]
  }

  /// A range's note in `l`: its source (`source_vi` on a Vietnamese page), and for a default
  /// range, which has none, the catalogue's note of how it was made.
  static func rangeNote(_ p: UncertaintySummary.Parameter, _ l: ReportLanguage) -> String {
    p.source(in: l.rawValue) ?? (p.origin == "default" ? l.label("default_range_note") : "")
  }
}

extension HTMLReport {
  /// With `compare --uncertainty`: per headline KPI that has a direction, "B is better than A
  /// in 97 % of the plausible parameter sets (on-time rate ...)", in the report's language.
  static func betterSentences(_ c: CompareData, _ l: ReportLanguage) -> String {
    guard let sets = c.uncertaintySets else { return "" }
    var out = "<p class=\"provenance\">\(sets) \(esc(l.label("parameter_sets")))</p>"
    for k in headline {
      guard let d = c.differences.first(where: { $0.kpi == k }), let share = d.shareBetter, !d.sameInEverySet
      else { continue }
      out += "<p class=\"better\" data-kpi=\"\(esc(k))\">\(esc(betterSentence(kpi: k, share: share, l)))</p>"
    }
    return out
  }

  /// "The mean desk wait: B is better than A in 100 % of the plausible parameter sets."
  static func betterSentence(kpi: String, share: Double, _ l: ReportLanguage) -> String {
    "\(SensitivityData.subject(kpi, l)): B \(l.label("better_share")) \(l.percent(100 * share, decimals: 0)) "
      + "\(l.label("of_sets"))."
  }
}
