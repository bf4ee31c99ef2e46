import DESKernel
import OneStopModel

/// The unit a duration key is read in and stored in: a bare number in a file means this
/// unit, and `12m`, `1.5h` or `3wd` are converted to it.
///
/// Why here: the key schema (`ConfigurationKey`) states each key's unit, the reader
/// converts with it and the printed priors write values back in it, so that a printed
/// value can be pasted into `--set` unchanged.
public enum DurationUnit: Sendable, Equatable {
  /// Desk times: stored in seconds; `90s`, `12m`, `1.5h`.
  case seconds
  /// Officer work: stored in hours; `45m`, `1.5h`.
  case hours
  /// Delays, lead times and transit: stored in working days; `3wd`.
  case workingDays

  /// The longest duration of this kind (`ModelLimits`), in the stored unit, and how it
  /// is written.
  public var maximum: (value: Double, text: String) {
    switch self {
    case .seconds: return (ModelLimits.deskSeconds, "24h")
    case .hours: return (ModelLimits.workHours, "\(Int(ModelLimits.workHours))h")
    case .workingDays: return (ModelLimits.delayWorkingDays, "\(Int(ModelLimits.delayWorkingDays))wd")
    }
  }

  /// How a value of this unit is written in a file (`6m`, `1.5h`, `3wd`).
  public func text(_ value: Double) -> String {
    // Without float noise first: a lognormal's mean of 6 min computes back as 360.00000000000006 s.
    let value = Double(ConfigurationText.number(value)) ?? value
    switch self {
    case .workingDays: return ConfigurationText.number(value) + "wd"
    case .hours:
      let minutes = value * 60
      if value != value.rounded() && minutes == minutes.rounded() { return ConfigurationText.number(minutes) + "m" }
      return ConfigurationText.number(value) + "h"
    case .seconds:
      if value != 0 && value.truncatingRemainder(dividingBy: 3600) == 0 {
        return ConfigurationText.number(value / 3600) + "h"
      }
      if value != 0 && value.truncatingRemainder(dividingBy: 60) == 0 {
        return ConfigurationText.number(value / 60) + "m"
      }
      return ConfigurationText.number(value) + "s"
    }
  }
}
