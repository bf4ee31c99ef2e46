import OneStopModel

extension ConfigurationField {
  /// The scenario file's key for the field (`ticketCutoff` is `ticket_cutoff`); a test
  /// keeps every one within `ConfigurationSchema`.
  var fileKey: String {
    switch self {
    case .warmupUntil: return "warmup_until"
    case .place: return "agency"
    case .absenceSpellDays: return "absence_spell"
    case .leaveSpellDays: return "leave_spell"
    case .weekdayFactorPeriods: return "weekday_factors_from"
    case .atLevel: return "at_level"
    case .returnDelayWorkingDays: return "return_delay"
    case .supplementDelayWorkingDays: return "supplement_delay"
    case .pickupDelayWorkingDays: return "pickup_delay"
    case .cutThresholdWorkingDays: return "cut_threshold"
    case .interLevelHandoverWorkingDays: return "inter_level_handover"
    case .apologyLeadWorkingDays: return "apology_lead"
    case .apologyExtensionWorkingDays: return "apology_extension"
    default: return Self.snakeCase(rawValue)
    }
  }

  /// `pGuidanceOnly` -> `p_guidance_only`: the file's keys are the properties' names in
  /// snake case, except the few above.
  static func snakeCase(_ name: String) -> String {
    var out = ""
    for ch in name {
      if ch.isUppercase {
        out += "_" + ch.lowercased()
      } else {
        out.append(ch)
      }
    }
    return out
  }
}

extension ProblemLocation {
  /// The key path in the scenario file's terms, e.g. `units[3].desks[0].service_time_factor`
  /// (indices are the configuration's: after `count` and `at_level` are expanded, which
  /// is how the reader recorded where each one was written).
  var keyPath: String { path(\.fileKey) }
}

extension ConfigurationProblem {
  /// The message with the file's key names.
  var fileMessage: String { text.rendered(\.fileKey) }
}
