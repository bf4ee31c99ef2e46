import Foundation
import OneStopModel

extension HTMLReport {
  /// The run's title and description, the sentence that states the result, the KPI cards
  /// (with the busiest centre's desk wait) and the fit against the source report.
  static func headlineSections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var body: [String] = []
    body.append(
      """
      <h2 class=\"run\" data-scenario=\"\(esc(d.scenario))\">\(esc(d.title(l))) · \(esc(l.label("period"))) \
      \(esc(l.period(d.start, d.end)))</h2>
      """
    )
    let description = d.description(l)
    if !description.isEmpty { body.append("<p class=\"description\">\(esc(description))</p>") }
    body.append("<p class=\"lead\">\(esc(d.leadSentence(l)))</p>")
    // KPI cards: the noise interval, and with --uncertainty the interval of noise and parameters.
    func total(_ key: String, _ text: (ReportData.Estimate) -> String) -> String {
      guard let t = d.uncertainty?.kpis[key]?.total else { return "" }
      let low = text(ReportData.Estimate(mean: t.low, low: t.low, high: t.low))
      let high = text(ReportData.Estimate(mean: t.high, low: t.high, high: t.high))
      return "<div class=\"ci total\">\(esc(l.label("ci_total"))): \(esc(low)) – \(esc(high))</div>"
    }
    let ci = l.label("ci") + (d.uncertainty == nil ? "" : " (\(l.label("ci_noise")))")
    func card(_ key: String, _ text: (ReportData.Estimate) -> String) -> String {
      guard let e = d.kpis[key] else { return "" }
      let figure =
        d.targets.first { $0.kpi == key }.map {
          """
          <div class=\"report\">\(esc(l.label("report_figure"))): \
          \(esc(text(ReportData.Estimate(mean: $0.value, low: $0.value, high: $0.value))))</div>
          """
        } ?? ""
      return
        """
        <div class=\"card\" data-kpi=\"\(esc(key))\"><div class=\"big\">\(esc(text(e)))</div><div \
        class=\"what\">\(esc(l.label(key)))</div><div class=\"ci\">\(esc(ci)): \
        \(esc(text(ReportData.Estimate(mean: e.low, low: e.low, high: e.low)))) – \
        \(esc(text(ReportData.Estimate(mean: e.high, low: e.high, high: e.high))))</div>\
        \(total(key, text))\(figure)</div>
        """
    }
    var centre = ""
    if let w = d.busiestCentre {
      centre =
        """
        <div class=\"card\" data-kpi=\"desk_wait_mean@unit:\(esc(w.unit))\"><div class=\"big\">\
        \(esc(l.measure(w.mean.mean, unit: "min")))</div><div class=\"what\">\(esc(l.label("centre_wait"))) \
        \(esc(d.names.unit(w.unit, l)))</div><div class=\"ci\">\(esc(l.label("p90"))): \
        \(esc(l.measure(w.p90.mean, unit: "min")))</div><div class=\"ci\">\(esc(ci)): \
        \(esc(l.number(w.mean.low, decimals: 1))) – \(esc(l.number(w.mean.high, decimals: 1)))</div></div>
        """
    }
    body.append(
      "<section class=\"cards\">"
        + card(Measure.onTimeRateOfReceived.name) { l.percent($0.mean) }
        + card(Measure.overdueRateOfReceived.name) { l.percent($0.mean) }
        + centre
        + card(Measure.inProgressEnd.name) { l.number($0.mean) }
        + card(Measure.apologies.name) { l.number($0.mean) }
        + card(Measure.received.name) { l.number($0.mean) }
        + "</section>")
    return body + fitSections(d, l)
  }

  /// The simulated figures against the source report's (calibration targets).
  static func fitSections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var body: [String] = []
    let fit = d.targets.compactMap { t in d.estimate(t.kpi).map { (t, $0) } }
    if !fit.isEmpty || d.calibration != nil {
      var t =
        """
        \(d.calibration.map { "<p class=\"calibration\">\(esc($0.sentence(l)))</p>" } ?? "")<table \
        id=\"fit\"><thead><tr><th>\(esc(l.label("indicator")))</th><th>\(esc(l.label("role")))</th><th>\
        \(esc(l.label("report_figure")))</th><th>\
        \(esc(l.label("simulated")))</th><th>\(esc(l.label("ci")))</th><th>\(esc(l.label("tolerance")))</th><th>\
        \(esc(l.label("within")))</th><th>\(esc(l.label("note")))</th></tr></thead><tbody>
        """
      for (target, e) in fit {
        let within = target.within(e)
        // Each KPI with the decimals of its unit of measure.
        let base = String(target.kpi.prefix { $0 != "@" })
        let decimals = l.decimals(kpi: base, unit: d.kpiUnits[base] ?? "dossiers")
        t +=
          """
          <tr data-kpi=\"\(esc(target.kpi))\"><td>\(esc(d.names.kpi(target.kpi, l)))</td><td>\
          \(esc(l.label("role." + target.role)))</td><td \
          class=\"n\">\(esc(target.written { l.number($0, decimals: decimals) }))</td><td \
          class=\"n\">\(l.number(e.mean, decimals: decimals))</td><td \
          class=\"n\">\(l.number(e.low, decimals: decimals)) – \(l.number(e.high, decimals: decimals))</td><td \
          class=\"n\">± \(l.number(target.tolerance, decimals: decimals))</td><td \
          class=\"\(within ? "met" : "notmet")\">\(esc(l.label(within ? "yes" : "no")))</td><td>\
          \(esc(target.source(l)))</td></tr>
          """
      }
      body.append(
        "<section id=\"against-report\"><h2>\(esc(l.label("against_report")))</h2>\(t)</tbody></table></section>")
    }
    return body
  }

  /// By level, by agency (overdue chart) and the units with the longest desk waits.
  static func breakdownSections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var body: [String] = []
    // By level.
    body.append(
      """
      <section \
      id=\"by-level\"><h2>\(esc(l.label("by_level")))</h2>\
      \(table(rows: d.byLevel, first: l.label("level"), l) { l.word($0) })</section>
      """
    )
    // By agency: chart of overdue, then the table.
    let agencies = d.byAgency.sorted { $0.overdue.mean > $1.overdue.mean }
    let chart = ReportCharts.bars(
      title: l.label("overdue_chart"),
      items: agencies.filter { $0.overdue.mean > 0 }.map {
        (d.names.agency($0.key, l), $0.overdue.mean, $0.overdue.low, $0.overdue.high)
      },
      format: { l.number($0) }, unit: l.label("dossiers"))
    body.append(
      """
      <section \
      id=\"by-agency\"><h2>\(esc(l.label("by_agency")))</h2>\
      \(chart)\(table(rows: agencies, first: l.label("agency"), l) { d.names.agency($0, l) })</section>
      """
    )
    let waits = d.longestWaits
    if !waits.isEmpty {
      let wchart = ReportCharts.bars(
        title: l.label("waits_chart"),
        items: waits.map { (d.names.unit($0.unit, l), $0.mean.mean, $0.mean.low, $0.mean.high) },
        format: { l.number($0, decimals: 1) }, unit: l.label("minutes"))
      var t =
        """
        <table><caption>\(esc(l.label("table")))</caption><thead><tr><th>\(esc(l.label("unit")))</th><th>\
        \(esc(l.label("level")))</th><th>\(esc(l.label("mean")))</th><th>\
        \(esc(l.label("ci")))</th><th>\(esc(l.label("p90")))</th></tr></thead><tbody>
        """
      for w in waits {
        t +=
          """
          <tr data-key=\"\(esc(w.unit))\"><td>\(esc(d.names.unit(w.unit, l)))</td><td>\(esc(l.word(w.level)))</td><td \
          class=\"n\">\(l.number(w.mean.mean, decimals: 1))</td><td \
          class=\"n\">\(l.number(w.mean.low, decimals: 1)) – \(l.number(w.mean.high, decimals: 1))</td><td \
          class=\"n\">\(l.number(w.p90.mean, decimals: 1))</td></tr>
          """
      }
      body.append(
        "<section id=\"desk-waits\"><h2>\(esc(l.label("desk_waits")))</h2>\(wchart)\(t)</tbody></table></section>")
    }
    return body
  }

  /// The monthly series, all levels together.
  static func monthSections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var body: [String] = []
    // Monthly series, all levels together.
    let all = d.months.filter { $0.level == "all" }
    if !all.isEmpty {
      let names = [
        l.label("received_new"), l.label("resolved_on_time"), l.label("resolved_overdue"), l.label("in_progress"),
      ]
      let mchart = ReportCharts.lines(
        title: l.label("months_chart"), months: all.map { l.date($0.month) },
        series: [
          (names[0], all.map(\.receivedNew.mean)), (names[1], all.map(\.onTime.mean)),
          (names[2], all.map(\.overdue.mean)), (names[3], all.map(\.inProgress.mean)),
        ],
        format: { l.number($0) }, unit: l.label("dossiers"))
      var t =
        "<table><caption>\(esc(l.label("table")))</caption><thead><tr><th>\(esc(l.label("month")))</th>"
        + names.map { "<th class=\"n\">\(esc($0))</th>" }.joined()
        + "<th class=\"n\">\(esc(l.label("online_share")))</th></tr></thead><tbody>"
      for m in all {
        t +=
          """
          <tr><td>\(esc(l.date(m.month)))</td><td class=\"n\">\(l.number(m.receivedNew.mean))</td><td \
          class=\"n\">\(l.number(m.onTime.mean))</td><td class=\"n\">\(l.number(m.overdue.mean))</td><td \
          class=\"n\">\(l.number(m.inProgress.mean))</td><td \
          class=\"n\">\(l.number(m.onlineShare.mean, decimals: 1))</td></tr>
          """
      }
      body.append("<section id=\"months\"><h2>\(esc(l.label("months")))</h2>\(mchart)\(t)</tbody></table></section>")
    }
    return body
  }

  /// Utilisation of back offices and desks, and the hour-of-day profiles.
  static func capacitySections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var body: [String] = []
    // Utilisation of back offices and the hour-of-day profile (from the CSV files of the run).
    let busiest = d.stations.filter { $0.kind == "agency" && $0.utilisation.isFinite }.sorted {
      $0.utilisation > $1.utilisation
    }.prefix(15)
    if !busiest.isEmpty {
      body.append(
        utilisationSection(
          id: "utilisation", title: l.label("utilisation"), headers: [l.label("agency"), l.label("officers")],
          rows: busiest.map { ([d.names.agency($0.name, l), String($0.officers)], $0.utilisation) }, l))
    }
    if let pools = poolMonthsSection(d, l) { body.append(pools) }
    if let index = index766Section(d, l) { body.append(index) }
    let desks = d.deskUse.filter { $0.utilisation.isFinite && $0.utilisation > 0 }.sorted {
      $0.utilisation > $1.utilisation
    }.prefix(15)
    if !desks.isEmpty {
      body.append(
        utilisationSection(
          id: "desk-use", title: l.label("desk_use"),
          headers: [l.label("unit"), l.label("level")],
          rows: desks.map { ([d.names.unit($0.unit, l), l.word($0.level)], $0.utilisation) }, l))
    }
    // The hour-of-day profile by level: the provincial centre's, not only the pooled one.
    let hoursWithTickets = Array(Set(d.levelHours.filter { $0.tickets > 0 }.map(\.hour))).sorted()
    if !hoursWithTickets.isEmpty {
      var levels: [String] = []
      for h in d.levelHours where !levels.contains(h.level) { levels.append(h.level) }
      let series = levels.map { level in
        (
          l.word(level),
          hoursWithTickets.map { hour in
            d.levelHours.first { $0.level == level && $0.hour == hour }.map { $0.tickets > 0 ? $0.wait : .nan } ?? .nan
          }
        )
      }
      let chart = ReportCharts.lines(
        title: l.label("hours_by_level"), months: hoursWithTickets.map { String(format: "%02d", $0) },
        series: series, format: { l.number($0, decimals: 1) }, unit: "\(l.label("hour")) → \(l.label("minutes"))")
      var t =
        "<table><caption>\(esc(l.label("table")))</caption><thead><tr><th>\(esc(l.label("hour")))</th>"
        + levels.map { "<th class=\"n\">\(esc(l.word($0)))</th>" }.joined() + "</tr></thead><tbody>"
      for (i, hour) in hoursWithTickets.enumerated() {
        t +=
          "<tr><td>\(String(format: "%02d:00", hour))</td>"
          + series.map { "<td class=\"n\">\(l.number($0.1[i], decimals: 1))</td>" }.joined() + "</tr>"
      }
      body.append(
        """
        <section \
        id=\"hours-by-level\"><h2>\(esc(l.label("hours_by_level")))</h2>\(chart)\(t)</tbody></table></section>
        """
      )
    }
    let open = d.hours.filter { $0.tickets > 0 && $0.wait.isFinite }
    if !open.isEmpty {
      let hchart = ReportCharts.bars(
        title: l.label("hours"), items: open.map { (String(format: "%02d:00", $0.hour), $0.wait, nil, nil) },
        format: { l.number($0, decimals: 1) }, unit: l.label("minutes"))
      var t =
        """
        <table><caption>\(esc(l.label("table")))</caption><thead><tr><th>\(esc(l.label("hour")))</th><th>\
        \(esc(l.label("tickets")))</th><th>\(esc(l.label("wait_mean")))</th></tr></thead><tbody>
        """
      for h in open {
        t +=
          """
          <tr><td>\(String(format: "%02d:00", h.hour))</td><td class=\"n\">\(l.number(h.tickets))</td><td \
          class=\"n\">\(l.number(h.wait, decimals: 1))</td></tr>
          """
      }
      body.append("<section id=\"hours\"><h2>\(esc(l.label("hours")))</h2>\(hchart)\(t)</tbody></table></section>")
    }
    return body
  }

  /// By field, by procedure, the assumptions and the provenance line.
  static func detailSections(_ d: ReportData, _ l: ReportLanguage) -> [String] {
    var body: [String] = []
    if !d.byField.isEmpty {
      body.append(
        """
        <section \
        id=\"by-field\"><h2>\(esc(l.label("by_field_t")))</h2>\
        \(table(rows: d.byField.sorted { $0.overdue.mean > $1.overdue.mean }, first: l.label("field"), l) {
          d.names.field($0, l)
        })</section>
        """
      )
    }
    if !d.byProcedure.isEmpty {
      body.append(
        """
        <section \
        id=\"by-procedure\"><h2>\(esc(l.label("by_procedure")))</h2>\
        \(table(rows: d.byProcedure.sorted { $0.overdue.mean > $1.overdue.mean }, first: l.label("procedure"), l) {
            d.names.procedure($0, l)
          })</section>
        """
      )
    }
    // Assumptions.
    if !d.priors.isEmpty {
      var t =
        """
        <table \
        class=\"priors\"><thead><tr><th>\(esc(l.label("key")))</th><th>\(esc(l.label("value")))</th><th>\
        \(esc(l.label("note")))</th></tr></thead><tbody>
        """
      for p in d.priors {
        t +=
          """
          <tr \
          title=\"\(esc(p.key))\"><td>\(esc(l.prior(p.key)))</td><td>\(esc(l.value(p.value)))</td><td>\
          \(esc(l.priorNote(p.note)))</td></tr>
          """
      }
      body.append("<section id=\"assumptions\"><h2>\(esc(l.label("assumptions")))</h2>\(t)</tbody></table></section>")
    }
    body.append(
      """
      <p class=\"provenance\">\(esc(l.label("footer"))) <code>\(esc(d.file))</code> · \
      \(esc(l.label("scenario_id"))) <code class=\"id\">\(esc(d.scenario))</code> · \(d.replications) \
      \(esc(l.label("replications"))) · \(esc(l.label("seed"))) \(esc(d.seed)) · \(esc(l.label("version"))) \
      \(esc(d.version)) · \(esc(l.label("hash"))) \(esc(d.hash))</p>
      """
    )
    return body
  }
}
