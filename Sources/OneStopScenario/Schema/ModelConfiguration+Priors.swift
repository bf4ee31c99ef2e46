import DESKernel
import OneStopModel

/// One assumption the answer rests on that no source document fixes (no source read
/// gives it: a *prior* or *unverified* rule). Reports list them so a committee sees what was assumed.
public struct Prior: Sendable, Equatable, CustomStringConvertible {
  /// Key path, as in a scenario file and as `--set` takes it (`units[*].transfer_cutoff`
  /// sets every unit).
  public let key: String
  /// The value used, as a file writes it (`{exponential: 3wd}`, `15:00`).
  public let value: String
  /// Why it is a prior, and where the default comes from.
  public let note: String

  public var description: String { "\(key) = \(value)  (\(note))" }
}

extension ModelConfiguration {
  /// The priors this configuration relies on, with the values it uses: every key of
  /// `ConfigurationSchema` that carries a prior note, then the per-unit and per-demand
  /// priors still at their defaults.
  public func priors() -> [Prior] {
    func section<Root>(_ name: String, _ keys: [ConfigurationKey<Root>], _ root: Root) -> [Prior] {
      keys.compactMap { k in
        guard let note = k.prior, let value = k.text(of: root) else { return nil }
        return Prior(key: "\(name).\(k.key)", value: value, note: note)
      }
    }
    var out =
      section("behaviour", ConfigurationSchema.behaviour, behaviour)
      + section("rules", ConfigurationSchema.rules, rules)
      + section("calendar", ConfigurationSchema.calendar, calendar)
    let standardCutoff = TimeOfDay(hours: 15)!
    let cutoff = units.filter { $0.transferCutoff == standardCutoff }.count
    if cutoff > 0 {
      out.append(
        Prior(
          key: "units[*].transfer_cutoff", value: standardCutoff.description,
          note: "R5: Decree 61 Art. 20 text not read; \(cutoff) of \(units.count) units"))
    }
    let profile = demand.filter { $0.walkInHourProfile == DemandConfiguration.defaultWalkInProfile }.count
    if profile > 0 {
      out.append(
        Prior(
          key: "demand[*].walk_in_hour_profile",
          value: ConfigurationText.numbers(DemandConfiguration.defaultWalkInProfile),
          note: "prior, no source: morning peak, ~60 % before 11:30; \(profile) of \(demand.count) entries"))
    }
    let weekdayDefault: [Double] = [1.15, 1, 1, 1, 0.9, 1, 1]
    let weekday = demand.filter { $0.weekdayFactors == weekdayDefault }.count
    if weekday > 0 {
      out.append(
        Prior(
          key: "demand[*].weekday_factors", value: ConfigurationText.numbers(weekdayDefault),
          note: "prior, no source: Mon +15 %, Fri -10 %; \(weekday) of \(demand.count) entries"))
    }
    return out
  }
}
