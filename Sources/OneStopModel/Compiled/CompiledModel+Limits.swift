import DESKernel

extension CompiledModel {
  /// Every count, volume and duration outside `ModelLimits`, with its location.
  ///
  /// Checked before anything is laid out: a ten-thousand-year horizon or a billion
  /// desks must be refused before the calendar or the desk tables are built, and every
  /// sum here saturates instead of overflowing (a desk count of 2^63-1 beside another
  /// desk once trapped in the total). Swift callers building a `ModelConfiguration` by
  /// hand get the same protection as scenario files.
  static func limitProblems(_ c: ModelConfiguration) -> [ConfigurationProblem] {
    var check = LimitCheck(c: c)
    check.sizes()
    check.staff()
    check.durations()
    check.volumes()
    return check.out
  }

  /// The passes of `limitProblems`, collecting into `out`.
  struct LimitCheck {
    let c: ModelConfiguration
    var out: [ConfigurationProblem] = []
    let top = ProblemLocation(.configuration)

    mutating func problem(_ at: ProblemLocation, _ text: ProblemText) { out.append(ConfigurationProblem(at, text)) }

    mutating func atMost(_ at: ProblemLocation, _ value: Int, _ limit: Int, _ what: ProblemText) {
      if value > limit { problem(at, "expected at most \(limit) \(what), got \(value)") }
    }

    /// Saturating sum: inputs are untrusted.
    static func add(_ a: inout Int, _ b: Int) {
      a = a.addingReportingOverflow(Swift.max(0, b)).overflow ? .max : a + Swift.max(0, b)
    }

    /// Seasons and open intervals of the hours of the entity at `at`.
    mutating func schedule(_ s: OpeningSchedule?, _ at: ProblemLocation) {
      guard let s else { return }
      atMost(at.with(.hours, .seasons), s.seasons.count, ModelLimits.seasons, "seasons")
      for week in [s.base] + s.seasons.map(\.hours)
      where week.days.contains(where: { $0.intervals.count > ModelLimits.intervalsPerDay }) {
        problem(at.with(.hours), "expected at most \(ModelLimits.intervalsPerDay) open intervals a day")
        break
      }
    }

    /// Mean and spread of a duration, at most `max` in `unit`.
    mutating func distribution(_ d: Distribution?, _ at: ProblemLocation, max: Double, unit: String) {
      guard let d else { return }
      let mean = d.mean, sd = d.variance.squareRoot()
      // A relative slack: a lognormal of mean 10000h and cv 10 computes its mean back as
      // 10000.00000000001.
      let slack = 1 + 1e-9
      if !mean.isFinite || !sd.isFinite || mean > max * slack || sd > ModelLimits.cv * max * slack {
        let short = CompiledModel.short
        problem(
          at,
          """
          expected a mean of at most \(short(max)) \(unit) and a cv of at most \(short(ModelLimits.cv)), got mean \
          \(short(mean)), sd \(short(sd))
          """
        )
      }
    }

    /// The horizon, the numbers of entities and of dated entries.
    mutating func sizes() {
      let horizon = c.end.dayNumber - c.start.dayNumber
      if horizon > ModelLimits.horizonDays {
        problem(
          top.with(.end),
          """
          the run from \(c.start) to \(c.end) lasts \(horizon) days; at most \(ModelLimits.horizonDays) (ten years) \
          are supported
          """
        )
      }
      atMost(top.with(.levels), c.levels.count, ModelLimits.levels, "levels")
      atMost(top.with(.units), c.units.count, ModelLimits.units, "units (after \(key: .count) is expanded)")
      atMost(
        top.with(.agencies), c.agencies.count, ModelLimits.agencies, "agencies (after \(key: .atLevel) is expanded)")
      atMost(top.with(.procedures), c.procedures.count, ModelLimits.procedures, "procedures")
      atMost(
        top.with(.demand), c.demand.count, ModelLimits.demandEntries,
        "demand entries (after \(key: .atLevel) is expanded)")
      let pairs = c.units.count.multipliedReportingOverflow(by: c.procedures.count)
      if pairs.overflow || pairs.partialValue > ModelLimits.unitProcedurePairs {
        problem(
          top.with(.procedures),
          """
          units × procedures must be at most \(ModelLimits.unitProcedurePairs), got \(c.units.count) × \
          \(c.procedures.count)
          """
        )
      }
      for (field, dates) in [
        (ConfigurationField.extraDaysOff, c.calendar.extraDaysOff), (.extraWorkingDays, c.calendar.extraWorkingDays),
      ] {
        atMost(.init(.calendar, field), dates.count, ModelLimits.datedEntries, "dates")
      }
    }

    /// Desks and officers, per group and station and in all, and their hours.
    mutating func staff() {
      var desks = 0, officers = 0
      for (i, u) in c.units.enumerated() {
        let at = ProblemLocation(.unit(i))
        schedule(u.hours, at)
        atMost(at.with(.onlineIntakeOfficers), u.onlineIntakeOfficers, ModelLimits.officersPerStation, "officers")
        Self.add(&officers, Swift.min(u.onlineIntakeOfficers, ModelLimits.officersPerStation + 1))
        for (k, g) in u.desks.enumerated() {
          let desk = ProblemLocation(.deskGroup(unit: i, index: k))
          atMost(desk.with(.count), g.count, ModelLimits.desksPerGroup, "desks in a group")
          Self.add(&desks, Swift.min(g.count, ModelLimits.desksPerGroup + 1))
          schedule(g.hours, desk)
          if let s = g.lunchStagger, s > Int(ModelLimits.deskSeconds) {
            problem(desk.with(.lunchStagger), "expected at most 24h, got \(s) s")
          }
          if !(g.serviceTimeFactor <= 100) {
            problem(desk.with(.serviceTimeFactor), "expected at most 100, got \(g.serviceTimeFactor)")
          }
        }
      }
      atMost(top.with(.units), desks, ModelLimits.desks, "desks in all")
      for (i, a) in c.agencies.enumerated() {
        atMost(.init(.agency(i), .officers), a.officers, ModelLimits.officersPerStation, "officers")
        Self.add(&officers, Swift.min(a.officers, ModelLimits.officersPerStation + 1))
        schedule(a.hours, .init(.agency(i)))
      }
      atMost(top.with(.agencies), officers, ModelLimits.officers, "officers in all")
    }

    /// Deadlines, steps and every duration.
    mutating func durations() {
      for (i, p) in c.procedures.enumerated() {
        let at = ProblemLocation(.procedure(i))
        switch p.deadline {
        case .workingDays(let n): atMost(at.with(.deadline), n, ModelLimits.deadlineWorkingDays, "working days")
        case .calendarDays(let n): atMost(at.with(.deadline), n, ModelLimits.deadlineWorkingDays, "calendar days")
        case .workingHours(let h) where !(h <= ModelLimits.deadlineWorkingHours):
          problem(
            at.with(.deadline),
            "expected at most \(Int(ModelLimits.deadlineWorkingHours)) working hours, got \(CompiledModel.short(h))")
        default: break
        }
        atMost(at.with(.steps), p.steps.count, ModelLimits.stepsPerProcedure, "steps")
        if !(0...ModelLimits.supplementRequests).contains(p.maxSupplementRequests) {
          problem(
            at.with(.maxSupplementRequests),
            "expected 0 to \(ModelLimits.supplementRequests), got \(p.maxSupplementRequests)")
        }
        distribution(p.intakeTime, at.with(.intakeTime), max: ModelLimits.deskSeconds, unit: "seconds")
        for (k, s) in p.steps.enumerated() {
          distribution(s.work, .init(.step(procedure: i, index: k), .work), max: ModelLimits.workHours, unit: "hours")
          distribution(
            s.leadTime, .init(.step(procedure: i, index: k), .leadTime), max: ModelLimits.delayWorkingDays,
            unit: "working days")
        }
      }
      let b = c.behaviour
      let desk: [(ConfigurationField, Distribution)] = [
        (.guidanceTime, b.guidanceTime), (.pickupTime, b.pickupTime),
        (.feePaymentTime, b.feePaymentTime), (.onTheSpotTime, b.onTheSpotTime), (.digitisationTime, b.digitisationTime),
        (.wastedVisitTime, b.wastedVisitTime), (.onlineCheckTime, b.onlineCheckTime),
      ]
      for (field, d) in desk {
        distribution(d, .init(.behaviour, field), max: ModelLimits.deskSeconds, unit: "seconds")
      }
      if let patience = b.patience {
        distribution(patience, .init(.behaviour, .patience), max: ModelLimits.deskSeconds, unit: "seconds")
      }
      let delays: [(ConfigurationField, Distribution)] = [
        (.returnDelayWorkingDays, b.returnDelayWorkingDays),
        (.supplementDelayWorkingDays, b.supplementDelayWorkingDays),
        (.pickupDelayWorkingDays, b.pickupDelayWorkingDays),
      ]
      for (field, d) in delays {
        distribution(d, .init(.behaviour, field), max: ModelLimits.delayWorkingDays, unit: "working days")
      }
      distribution(
        c.rules.postalInTransit, .init(.rules, .postalInTransit), max: ModelLimits.delayWorkingDays,
        unit: "working days")
      distribution(
        c.rules.postalOutTransit, .init(.rules, .postalOutTransit), max: ModelLimits.delayWorkingDays,
        unit: "working days")
      if !(b.postalIntakeFactor <= 100) {
        problem(
          .init(.behaviour, .postalIntakeFactor),
          "expected at most 100, got \(CompiledModel.short(b.postalIntakeFactor))")
      }
      let r = c.rules
      let days: [(ConfigurationField, Int)] = [
        (.cutThresholdWorkingDays, r.cutThresholdWorkingDays),
        (.interLevelHandoverWorkingDays, r.interLevelHandoverWorkingDays),
        (.apologyLeadWorkingDays, r.apologyLeadWorkingDays),
        (.apologyExtensionWorkingDays, r.apologyExtensionWorkingDays),
      ]
      for (field, v) in days where !(0...Int(ModelLimits.delayWorkingDays)).contains(v) {
        problem(.init(.rules, field), "expected 0 to \(Int(ModelLimits.delayWorkingDays)) working days, got \(v)")
      }
    }

    /// Demand volumes, factors and weights, and the backlog.
    mutating func volumes() {
      var volume = 0.0
      for (i, d) in c.demand.enumerated() {
        let at = ProblemLocation(.demand(i))
        if !(d.annualVolume <= ModelLimits.annualVolume) {
          problem(
            at.with(.annualVolume),
            """
            expected at most \(Int(ModelLimits.annualVolume)) dossiers a year, got \
            \(CompiledModel.short(d.annualVolume))
            """
          )
        }
        volume += Swift.min(Swift.max(d.annualVolume, 0), ModelLimits.annualVolume * 2)
        func factors(_ xs: [Double], _ at: ProblemLocation) {
          if let x = xs.first(where: { $0 != 0 && !ModelLimits.factorRange.contains($0) }) {
            problem(
              at,
              """
              expected factors of 0 or from \(ModelLimits.factorRange.lowerBound) to \
              \(Int(ModelLimits.factorRange.upperBound)), got \(CompiledModel.short(x))
              """
            )
          }
        }
        factors(d.monthFactors, at.with(.monthFactors))
        factors(d.weekdayFactors, at.with(.weekdayFactors))
        factors(d.walkInHourProfile, at.with(.walkInHourProfile))
        factors(d.onlineHourProfile, at.with(.onlineHourProfile))
        atMost(at.with(.weekdayFactorPeriods), d.weekdayFactorPeriods.count, ModelLimits.rampPoints, "periods")
        for (k, p) in d.weekdayFactorPeriods.enumerated() {
          factors(p.factors, .init(.weekdayPeriod(demand: i, index: k), .factors))
        }
        for (field, ramp) in [(ConfigurationField.onlineShare, d.onlineShare), (.postalShare, d.postalShare)] {
          atMost(at.with(field), ramp.points.count, ModelLimits.rampPoints, "dated shares")
        }
        for (k, m) in d.mix.enumerated() where m.weight != 0 && !ModelLimits.weightRange.contains(m.weight) {
          problem(
            .init(.mixEntry(demand: i, index: k), .weight),
            """
            expected a weight of 0 or from \(ModelLimits.weightRange.lowerBound) to \
            \(Int(ModelLimits.weightRange.upperBound)), got \(CompiledModel.short(m.weight))
            """
          )
        }
      }
      if volume > ModelLimits.totalAnnualVolume {
        problem(
          top.with(.demand),
          """
          expected at most \(Int(ModelLimits.totalAnnualVolume)) new dossiers a year in all, got \
          \(CompiledModel.short(volume))
          """
        )
      }
      var backlog = 0
      for (i, e) in c.backlog.enumerated() {
        atMost(.init(.backlog(i), .count), e.count, ModelLimits.backlogCount, "dossiers")
        Self.add(&backlog, Swift.min(e.count, ModelLimits.backlogCount + 1))
        if let from = e.receivedFrom, c.start.dayNumber - from.dayNumber > ModelLimits.backlogAgeDays {
          problem(
            .init(.backlog(i), .receivedFrom),
            "expected at most \(ModelLimits.backlogAgeDays) days before the start (\(c.start)), got \(from)")
        }
      }
      atMost(top.with(.backlog), backlog, ModelLimits.totalBacklog, "carried-over dossiers in all")
    }
  }

  /// A number for a message: whole numbers without a fraction, others in Swift's
  /// shortest form; never a trap (a mean of 1e23 h once crashed the printing).
  static func short(_ x: Double) -> String {
    if !x.isFinite { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
  }
}
