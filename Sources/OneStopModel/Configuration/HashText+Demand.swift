import DESKernel

// Demand, behaviour, rules, backlog and the service index, as `HashText+Configuration.swift` says.

extension DemandConfiguration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.DemandConfiguration") { w in
      w.field("unit", unit)
      w.field("annualVolume", annualVolume)
      w.field("mix") { w in
        w.list(mix) { w, m in
          w.record("") { w in
            w.field("procedure", m.procedure)
            w.field("weight", m.weight)
          }
        }
      }
      w.field("onlineShare", onlineShare)
      w.field("postalShare", postalShare)
      w.field("postalReturnShare", postalReturnShare)
      w.field("onlineReturnShare", onlineReturnShare)
      w.field("monthFactors", monthFactors)
      w.field("weekdayFactors", weekdayFactors)
      w.field("weekdayFactorPeriods") { w in
        w.list(weekdayFactorPeriods) { w, p in
          w.record("") { w in
            w.field("from", p.from)
            w.field("factors", p.factors)
          }
        }
      }
      w.field("walkInHourProfile", walkInHourProfile)
      w.field("onlineHourProfile", onlineHourProfile)
      w.field("walkInProfileFollowsCutoff", walkInProfileFollowsCutoff)
      if awayShare != 0 { w.field("awayShare", awayShare) }
    }
  }
}

extension Ramp: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.Ramp") { w in
      w.field("points") { w in
        w.list(points) { w, p in
          w.record("") { w in
            w.field("date", p.date)
            w.field("value", p.value)
          }
        }
      }
    }
  }
}

extension CitizenBehaviour: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.CitizenBehaviour") { w in
      w.field("pReturnAfterIncomplete", pReturnAfterIncomplete)
      w.field("returnDelayWorkingDays", returnDelayWorkingDays)
      w.field("pReturnAfterTurnedAway", pReturnAfterTurnedAway)
      w.field("pNeverSupplement", pNeverSupplement)
      w.field("supplementDelayWorkingDays", supplementDelayWorkingDays)
      w.field("pPickupOnDueDay", pPickupOnDueDay)
      w.field("pickupDelayWorkingDays", pickupDelayWorkingDays)
      w.field("pPickupEarly", pPickupEarly)
      w.field("guidanceTime", guidanceTime)
      w.field("pickupTime", pickupTime)
      w.field("feePaymentTime", feePaymentTime)
      w.field("onTheSpotTime", onTheSpotTime)
      w.field("digitisationTime", digitisationTime)
      w.field("wastedVisitTime", wastedVisitTime)
      w.field("postalIntakeFactor", postalIntakeFactor)
      w.field("postalIncompleteFactor", postalIncompleteFactor)
      w.field("onlineCheckTime", onlineCheckTime)
      let defaults = CitizenBehaviour()
      if let patience { w.field("patience", patience) }
      if let balkAbove { w.field("balkAbove", balkAbove) }
      if pBalk != defaults.pBalk { w.field("pBalk", pBalk) }
      if pReturnAfterLeaving != defaults.pReturnAfterLeaving { w.field("pReturnAfterLeaving", pReturnAfterLeaving) }
      if pSilentLeave != defaults.pSilentLeave { w.field("pSilentLeave", pSilentLeave) }
      if absentCallTime.description != defaults.absentCallTime.description {
        w.field("absentCallTime", absentCallTime)
      }
      if pReturnAfterQuota != defaults.pReturnAfterQuota { w.field("pReturnAfterQuota", pReturnAfterQuota) }
      if quotaReturnDelayWorkingDays.description != defaults.quotaReturnDelayWorkingDays.description {
        w.field("quotaReturnDelayWorkingDays", quotaReturnDelayWorkingDays)
      }
    }
  }
}

extension ProcessingRules: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.ProcessingRules") { w in
      w.field("onlineReceipt", onlineReceipt)
      w.field("provinceCut", provinceCut)
      w.field("cutThresholdWorkingDays", cutThresholdWorkingDays)
      w.field("interLevelHandoverWorkingDays", interLevelHandoverWorkingDays)
      w.field("apologyLeadWorkingDays", apologyLeadWorkingDays)
      w.field("apologyExtensionWorkingDays", apologyExtensionWorkingDays)
      w.field("postalInTransit", postalInTransit)
      w.field("postalOutTransit", postalOutTransit)
      w.field("postalCollectionTime", postalCollectionTime)
      w.field("leadTimeAfterSupplement", leadTimeAfterSupplement)
      w.field("officerAbsenceDays", officerAbsenceDays)
      if let apologyCompliance { w.field("apologyCompliance", apologyCompliance) }
      if lateApology != .endOfDueDay { w.field("lateApology", lateApology) }
      let defaults = ProcessingRules()
      if let annualLeaveDays { w.field("annualLeaveDays", annualLeaveDays) }
      if leaveSpellDays != defaults.leaveSpellDays { w.field("leaveSpellDays", leaveSpellDays) }
      if !leaveOutsideMonths.isEmpty { w.field("leaveOutsideMonths", leaveOutsideMonths) }
      if chargedTo != .receiving { w.field("chargedTo", chargedTo) }
    }
  }
}

extension BacklogEntry: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.BacklogEntry") { w in
      w.field("unit", unit)
      w.field("procedure", procedure)
      w.field("count", count)
      w.field("receivedFrom", receivedFrom)
      w.field("receivedThrough", receivedThrough)
      w.field("overdueShare", overdueShare)
    }
  }
}

extension Index766Configuration: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.Index766Configuration") { w in
      w.field("inputs", inputs)
      w.field("units") { w in
        w.list(units) { w, u in
          w.record("") { w in
            w.field("unit", u.unit)
            w.field("inputs", u.inputs)
          }
        }
      }
      w.field("rules", rules)
    }
  }
}

extension Index766Inputs: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.Index766Inputs") { w in
      w.field("transparencyPoints", transparencyPoints)
      w.field("onlineCataloguePoints", onlineCataloguePoints)
      w.field("paymentProcedurePoints", paymentProcedurePoints)
      w.field("digitisationOtherPoints", digitisationOtherPoints)
      w.field("petitionPoints", petitionPoints)
      w.field("syncShare", syncShare)
      w.field("eResultShare", eResultShare)
      w.field("payOnlineShareOnline", payOnlineShareOnline)
      w.field("payOnlineSharePaper", payOnlineSharePaper)
      w.field("complaintShare", complaintShare)
    }
  }
}

extension Index766Rules: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.record("OneStopModel.Index766Rules") { w in
      w.field("timelinessPoints", timelinessPoints)
      w.field("syncPoints", syncPoints)
      w.field("onlineReceivedPoints", onlineReceivedPoints)
      w.field("onlineReceivedThreshold", onlineReceivedThreshold)
      w.field("paidOnlinePoints", paidOnlinePoints)
      w.field("eResultPoints", eResultPoints)
      w.field("eResultThreshold", eResultThreshold)
      w.field("digitisedPoints", digitisedPoints)
      w.field("digitisedThreshold", digitisedThreshold)
      w.field("satisfactionPoints", satisfactionPoints)
      w.field("satisfactionThreshold", satisfactionThreshold)
      w.field("onlineReceptionHours", onlineReceptionHours)
    }
  }
}
