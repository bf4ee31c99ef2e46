import DESKernel

extension CompiledModel {
  /// Every count, volume and duration outside `ModelLimits`, with its key path.
  ///
  /// Checked before anything is laid out: a ten-thousand-year horizon or a billion
  /// desks must be refused before the calendar or the desk tables are built, and every
  /// sum here saturates instead of overflowing (a desk count of 2^63-1 beside another
  /// desk once trapped in the total). Swift callers building a `ModelConfiguration` by
  /// hand get the same protection as scenario files.
  static func limitProblems(_ c: ModelConfiguration) -> [ConfigurationProblem] {
    var out: [ConfigurationProblem] = []
    func problem(_ path: String, _ message: String) { out.append(ConfigurationProblem(path, message)) }
    func atMost(_ path: String, _ value: Int, _ limit: Int, _ what: String) {
      if value > limit { problem(path, "expected at most \(limit) \(what), got \(value)") }
    }
    /// Saturating sum: inputs are untrusted.
    func add(_ a: inout Int, _ b: Int) { a = a.addingReportingOverflow(Swift.max(0, b)).overflow ? .max : a + Swift.max(0, b) }

    let horizon = c.end.dayNumber - c.start.dayNumber
    if horizon > ModelLimits.horizonDays {
      problem("end", "the run from \(c.start) to \(c.end) lasts \(horizon) days; at most \(ModelLimits.horizonDays) (ten years) are supported")
    }
    atMost("levels", c.levels.count, ModelLimits.levels, "levels")
    atMost("units", c.units.count, ModelLimits.units, "units (after count is expanded)")
    atMost("agencies", c.agencies.count, ModelLimits.agencies, "agencies (after at_level is expanded)")
    atMost("procedures", c.procedures.count, ModelLimits.procedures, "procedures")
    atMost("demand", c.demand.count, ModelLimits.demandEntries, "demand entries (after at_level is expanded)")
    let pairs = c.units.count.multipliedReportingOverflow(by: c.procedures.count)
    if pairs.overflow || pairs.partialValue > ModelLimits.unitProcedurePairs {
      problem("procedures", "units × procedures must be at most \(ModelLimits.unitProcedurePairs), got \(c.units.count) × \(c.procedures.count)")
    }
    for (key, dates) in [("extra_days_off", c.calendar.extraDaysOff), ("extra_working_days", c.calendar.extraWorkingDays)] {
      atMost("calendar.\(key)", dates.count, ModelLimits.datedEntries, "dates")
    }

    var desks = 0, officers = 0
    func schedule(_ s: OpeningSchedule?, _ path: String) {
      guard let s else { return }
      atMost("\(path).seasons", s.seasons.count, ModelLimits.seasons, "seasons")
      for week in [s.base] + s.seasons.map(\.hours) where week.days.contains(where: { $0.intervals.count > ModelLimits.intervalsPerDay }) {
        problem(path, "expected at most \(ModelLimits.intervalsPerDay) open intervals a day")
        break
      }
    }
    for (i, u) in c.units.enumerated() {
      let path = "units[\(i)]"
      schedule(u.hours, "\(path).hours")
      atMost("\(path).online_intake_officers", u.onlineIntakeOfficers, ModelLimits.officersPerStation, "officers")
      add(&officers, Swift.min(u.onlineIntakeOfficers, ModelLimits.officersPerStation + 1))
      for (k, g) in u.desks.enumerated() {
        atMost("\(path).desks[\(k)].count", g.count, ModelLimits.desksPerGroup, "desks in a group")
        add(&desks, Swift.min(g.count, ModelLimits.desksPerGroup + 1))
        schedule(g.hours, "\(path).desks[\(k)].hours")
        if let s = g.lunchStagger, s > Int(ModelLimits.deskSeconds) {
          problem("\(path).desks[\(k)].lunch_stagger", "expected at most 24h, got \(s) s")
        }
        if !(g.serviceTimeFactor <= 100) { problem("\(path).desks[\(k)].service_time_factor", "expected at most 100, got \(g.serviceTimeFactor)") }
      }
    }
    atMost("units", desks, ModelLimits.desks, "desks in all")
    for (i, a) in c.agencies.enumerated() {
      atMost("agencies[\(i)].officers", a.officers, ModelLimits.officersPerStation, "officers")
      add(&officers, Swift.min(a.officers, ModelLimits.officersPerStation + 1))
      schedule(a.hours, "agencies[\(i)].hours")
    }
    atMost("agencies", officers, ModelLimits.officers, "officers in all")

    func distribution(_ d: Distribution?, _ path: String, max: Double, unit: String) {
      guard let d else { return }
      let mean = d.mean, sd = d.variance.squareRoot()
      // A relative slack: a lognormal of mean 10000h and cv 10 computes its mean back as
      // 10000.00000000001.
      let slack = 1 + 1e-9
      if !mean.isFinite || !sd.isFinite || mean > max * slack || sd > ModelLimits.cv * max * slack {
        problem(path, "expected a mean of at most \(Self.short(max)) \(unit) and a cv of at most \(Self.short(ModelLimits.cv)), got mean \(Self.short(mean)), sd \(Self.short(sd))")
      }
    }
    for (i, p) in c.procedures.enumerated() {
      let path = "procedures[\(i)]"
      switch p.deadline {
      case .workingDays(let n): atMost("\(path).deadline", n, ModelLimits.deadlineWorkingDays, "working days")
      case .workingHours(let h) where !(h <= ModelLimits.deadlineWorkingHours):
        problem("\(path).deadline", "expected at most \(Int(ModelLimits.deadlineWorkingHours)) working hours, got \(Self.short(h))")
      default: break
      }
      atMost("\(path).steps", p.steps.count, ModelLimits.stepsPerProcedure, "steps")
      if !(0...ModelLimits.supplementRequests).contains(p.maxSupplementRequests) {
        problem("\(path).max_supplement_requests", "expected 0 to \(ModelLimits.supplementRequests), got \(p.maxSupplementRequests)")
      }
      distribution(p.intakeTime, "\(path).intake_time", max: ModelLimits.deskSeconds, unit: "seconds")
      for (k, s) in p.steps.enumerated() {
        distribution(s.work, "\(path).steps[\(k)].work", max: ModelLimits.workHours, unit: "hours")
        distribution(s.leadTime, "\(path).steps[\(k)].lead_time", max: ModelLimits.delayWorkingDays, unit: "working days")
      }
    }
    let b = c.behaviour
    for (key, d) in [("guidance_time", b.guidanceTime), ("pickup_time", b.pickupTime), ("fee_payment_time", b.feePaymentTime),
      ("on_the_spot_time", b.onTheSpotTime), ("digitisation_time", b.digitisationTime), ("wasted_visit_time", b.wastedVisitTime),
      ("online_check_time", b.onlineCheckTime)]
    {
      distribution(d, "behaviour.\(key)", max: ModelLimits.deskSeconds, unit: "seconds")
    }
    for (key, d) in [("return_delay", b.returnDelayWorkingDays), ("supplement_delay", b.supplementDelayWorkingDays),
      ("pickup_delay", b.pickupDelayWorkingDays)]
    {
      distribution(d, "behaviour.\(key)", max: ModelLimits.delayWorkingDays, unit: "working days")
    }
    distribution(c.rules.postalInTransit, "rules.postal_in_transit", max: ModelLimits.delayWorkingDays, unit: "working days")
    distribution(c.rules.postalOutTransit, "rules.postal_out_transit", max: ModelLimits.delayWorkingDays, unit: "working days")
    if !(b.postalIntakeFactor <= 100) { problem("behaviour.postal_intake_factor", "expected at most 100, got \(Self.short(b.postalIntakeFactor))") }
    let r = c.rules
    for (key, v) in [("cut_threshold", r.cutThresholdWorkingDays), ("inter_level_handover", r.interLevelHandoverWorkingDays),
      ("apology_lead", r.apologyLeadWorkingDays), ("apology_extension", r.apologyExtensionWorkingDays)]
    where !(0...Int(ModelLimits.delayWorkingDays)).contains(v) {
      problem("rules.\(key)", "expected 0 to \(Int(ModelLimits.delayWorkingDays)) working days, got \(v)")
    }

    var volume = 0.0
    for (i, d) in c.demand.enumerated() {
      let path = "demand[\(i)]"
      if !(d.annualVolume <= ModelLimits.annualVolume) {
        problem("\(path).annual_volume", "expected at most \(Int(ModelLimits.annualVolume)) dossiers a year, got \(Self.short(d.annualVolume))")
      }
      volume += Swift.min(Swift.max(d.annualVolume, 0), ModelLimits.annualVolume * 2)
      func factors(_ xs: [Double], _ key: String) {
        if let x = xs.first(where: { $0 != 0 && !ModelLimits.factorRange.contains($0) }) {
          problem("\(path).\(key)", "expected factors of 0 or from \(ModelLimits.factorRange.lowerBound) to \(Int(ModelLimits.factorRange.upperBound)), got \(Self.short(x))")
        }
      }
      factors(d.monthFactors, "month_factors")
      factors(d.weekdayFactors, "weekday_factors")
      factors(d.walkInHourProfile, "walk_in_hour_profile")
      factors(d.onlineHourProfile, "online_hour_profile")
      atMost("\(path).weekday_factors_from", d.weekdayFactorPeriods.count, ModelLimits.rampPoints, "periods")
      for (k, p) in d.weekdayFactorPeriods.enumerated() { factors(p.factors, "weekday_factors_from[\(k)].factors") }
      for (key, ramp) in [("online_share", d.onlineShare), ("postal_share", d.postalShare)] {
        atMost("\(path).\(key)", ramp.points.count, ModelLimits.rampPoints, "dated shares")
      }
      for (k, m) in d.mix.enumerated() where m.weight != 0 && !ModelLimits.weightRange.contains(m.weight) {
        problem("\(path).mix[\(k)].weight", "expected a weight of 0 or from \(ModelLimits.weightRange.lowerBound) to \(Int(ModelLimits.weightRange.upperBound)), got \(Self.short(m.weight))")
      }
    }
    if volume > ModelLimits.totalAnnualVolume {
      problem("demand", "expected at most \(Int(ModelLimits.totalAnnualVolume)) new dossiers a year in all, got \(Self.short(volume))")
    }
    var backlog = 0
    for (i, e) in c.backlog.enumerated() {
      atMost("backlog[\(i)].count", e.count, ModelLimits.backlogCount, "dossiers")
      add(&backlog, Swift.min(e.count, ModelLimits.backlogCount + 1))
      if let from = e.receivedFrom, c.start.dayNumber - from.dayNumber > ModelLimits.backlogAgeDays {
        problem("backlog[\(i)].received_from", "expected at most \(ModelLimits.backlogAgeDays) days before the start (\(c.start)), got \(from)")
      }
    }
    atMost("backlog", backlog, ModelLimits.totalBacklog, "carried-over dossiers in all")
    return out
  }

  /// A number for a message: whole numbers without a fraction, others in Swift's
  /// shortest form; never a trap (a mean of 1e23 h once crashed the printing).
  static func short(_ x: Double) -> String {
    if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }
}
