import DESKernel

/// One assumption the answer rests on that no source document fixes (no source read
/// gives it: a *prior* or *unverified* rule). Reports list them so a committee sees what was assumed.
public struct Prior: Sendable, Equatable, CustomStringConvertible {
  /// Key path, as in a scenario file.
  public let key: String
  /// The value used.
  public let value: String
  /// Why it is a prior, and where the default comes from.
  public let note: String

  public var description: String { "\(key) = \(value)  (\(note))" }
}

extension ModelConfiguration {
  /// The priors this configuration relies on, with the values it uses.
  public func priors() -> [Prior] {
    let b = behaviour, r = rules
    var out: [Prior] = [
      Prior(key: "behaviour.p_return_after_incomplete", value: "\(b.pReturnAfterIncomplete)", note: "no source"),
      Prior(key: "behaviour.return_delay_working_days", value: "\(b.returnDelayWorkingDays)", note: "no source"),
      Prior(key: "behaviour.p_return_after_turned_away", value: "\(b.pReturnAfterTurnedAway)", note: "no source"),
      Prior(key: "behaviour.p_never_supplement", value: "\(b.pNeverSupplement)", note: "prior, no source: 10 % never return"),
      Prior(key: "behaviour.supplement_delay_working_days", value: "\(b.supplementDelayWorkingDays)", note: "prior, no source: mean 5 wd"),
      Prior(key: "behaviour.p_pickup_on_due_day", value: "\(b.pPickupOnDueDay)", note: "prior, no source: 60 %"),
      Prior(key: "behaviour.pickup_delay_working_days", value: "\(b.pickupDelayWorkingDays)", note: "prior, no source: mean 3 wd later"),
      Prior(key: "behaviour.p_pickup_early", value: "\(b.pPickupEarly)", note: "prior, no source: 5 % come before ready"),
      Prior(key: "behaviour.guidance_time", value: "\(b.guidanceTime) s", note: "prior, no source: mean 6 min"),
      Prior(key: "behaviour.pickup_time", value: "\(b.pickupTime) s", note: "prior, no source: mean 4 min"),
      Prior(key: "behaviour.on_the_spot_time", value: "\(b.onTheSpotTime) s", note: "prior, no source: mean 30 min"),
      Prior(key: "behaviour.digitisation_time", value: "\(b.digitisationTime) s", note: "prior, no source: 3-8 min (R24)"),
      Prior(key: "behaviour.online_check_time", value: "\(b.onlineCheckTime) s", note: "prior, no source: mean 10 min"),
      Prior(key: "behaviour.postal_intake_factor", value: "\(b.postalIntakeFactor)", note: "no source"),
      Prior(key: "behaviour.postal_incomplete_factor", value: "\(b.postalIncompleteFactor)", note: "no source: the postal worker checks the list (R14)"),
      Prior(key: "rules.inter_level_handover_working_days", value: "\(r.interLevelHandoverWorkingDays)", note: "R16: unverified"),
      Prior(key: "rules.apology_lead_working_days", value: "\(r.apologyLeadWorkingDays)", note: "R11: local rules vary (0-1 day)"),
      Prior(key: "rules.apology_extension_working_days", value: "\(r.apologyExtensionWorkingDays)", note: "no source"),
      Prior(key: "rules.postal_in_transit", value: "\(r.postalInTransit) wd", note: "R14: transit times unverified"),
      Prior(key: "rules.postal_out_transit", value: "\(r.postalOutTransit) wd", note: "R14: transit times unverified"),
      Prior(key: "rules.postal_collection_time", value: "\(r.postalCollectionTime)", note: "no source"),
      Prior(key: "rules.online_receipt", value: r.onlineReceipt.rawValue, note: "R12: general rule unverified"),
      Prior(key: "rules.lead_time_after_supplement", value: "\(r.leadTimeAfterSupplement)", note: "no source"),
      Prior(key: "calendar.saturday_counts_for_deadline", value: "\(calendar.saturdayCountsForDeadline)", note: "R19: unverified"),
    ]
    let cutoff = units.filter { $0.transferCutoff == TimeOfDay(hours: 15)! }.count
    if cutoff > 0 {
      out.append(Prior(key: "units[*].transfer_cutoff", value: "15:00 (\(cutoff) of \(units.count) units)", note: "R5: Decree 61 Art. 20 text not read"))
    }
    let profile = demand.filter { $0.walkInHourProfile == DemandConfiguration.defaultWalkInProfile }.count
    if profile > 0 {
      out.append(Prior(key: "demand[*].walk_in_hour_profile", value: "default (\(profile) of \(demand.count) entries)", note: "prior, no source: morning peak, ~60 % before 11:30"))
    }
    let weekday = demand.filter { $0.weekdayFactors == [1.15, 1, 1, 1, 0.9, 1, 1] }.count
    if weekday > 0 {
      out.append(Prior(key: "demand[*].weekday_factors", value: "Mon +15 %, Fri -10 % (\(weekday) of \(demand.count) entries)", note: "prior, no source"))
    }
    return out
  }
}
