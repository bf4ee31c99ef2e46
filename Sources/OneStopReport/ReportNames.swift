import Foundation

/// The names a report shows for the ids of a run: units (a unit the scenario left unnamed,
/// like a generated commune `lam-binh-4`, reads "Xã 4 – Lam Binh"), deciding agencies (the
/// catalogue's kind in Vietnamese, the scenario's name in English, then its unit),
/// procedures (the scenario's names) and scoped KPI names (`desk_wait_p90@unit:pasc`).
public struct ReportNames: Sendable {
  /// Per unit id: its name as the scenario writes it (the id when it has none), its level
  /// and its parent's id.
  public var units: [String: (name: String, level: String, parent: String)] = [:]
  /// Per station (agency pool) id: its name as the scenario writes it.
  public var stations: [String: String] = [:]
  /// Per procedure id: its name.
  public var procedures: [String: String] = [:]
  /// Per language (`vi`, `en`), the scenario's names by scoped key (`unit:pasc`,
  /// `agency:TNMT@pasc`, `procedure:ID`, `desk:pasc/land`): `summary.json`'s `names`,
  /// written when the scenario gives `name_vi`. They come first, in the page's language.
  public var localized: [String: [String: String]] = [:]

  public init() {}

  /// The scenario's name of `key` in `l`, if it gives one.
  func local(_ key: String, _ l: ReportLanguage) -> String? { localized[l.rawValue]?[key] }

  /// A unit's name.
  public func unit(_ id: String, _ l: ReportLanguage) -> String {
    if let name = local("unit:" + id, l) { return name }
    guard let u = units[id] else { return id }
    if u.name != id && !u.name.isEmpty { return u.name }
    let level = l.word(u.level)
    if !u.parent.isEmpty, id.hasPrefix(u.parent + "-") {
      return "\(level) \(id.dropFirst(u.parent.count + 1)) – \(unit(u.parent, l))"
    }
    return level == u.level ? id : "\(level) \(id)"
  }

  /// A deciding agency or pool (`TNMT`, `GTVT@pasc`, `UBNDX@lam-binh-3`): in Vietnamese the
  /// catalogue's name of its kind, in English the scenario's name when it has one, then
  /// the unit it works at.
  public func agency(_ key: String, _ l: ReportLanguage) -> String {
    let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
    let kind = parts.first ?? key
    if let name = local("agency:" + key, l), name != key {
      // A name the pools of a level share ("Chi cục Thuế") needs its unit; a pool's own
      // name ("Sở Tư pháp") does not.
      guard parts.count == 2, shared(name, l) else { return name }
      let place = unit(parts[1], l)
      return name.contains(place) ? name : "\(name) – \(place)"
    }
    let own = stations[key].flatMap { $0 == key || $0.isEmpty ? nil : $0 }
    let base = l == .vi ? (l.agencyKind(kind) ?? own ?? kind) : (own ?? l.agencyKind(kind) ?? kind)
    guard parts.count == 2 else { return base }
    // A scenario name of a pool often names its unit already ("online intake, Lam Binh").
    if own != nil && l != .vi { return base }
    return "\(base) – \(unit(parts[1], l))"
  }

  /// Whether more than one agency has the name `name` in `l`.
  func shared(_ name: String, _ l: ReportLanguage) -> Bool {
    (localized[l.rawValue] ?? [:]).lazy.filter { $0.key.hasPrefix("agency:") && $0.value == name }.prefix(2).count > 1
  }

  /// A field's name: the scenario's (`name_vi` in Vietnamese), else the catalogue's word.
  public func field(_ id: String, _ l: ReportLanguage) -> String { local("field:" + id, l) ?? l.word(id) }

  /// A procedure's name (in `l` when the scenario gives one in `l`).
  public func procedure(_ id: String, _ l: ReportLanguage? = nil) -> String {
    if let l, let name = local("procedure:" + id, l) { return name }
    return procedures[id].flatMap { $0.isEmpty ? nil : $0 } ?? id
  }

  /// A KPI with its scopes: "Thời gian chờ tại quầy, phân vị 90 – Provincial … Centre".
  public func kpi(_ name: String, _ l: ReportLanguage) -> String {
    let parts = name.components(separatedBy: "@")
    var out = l.kpi(parts[0])
    var i = 1
    while i < parts.count {
      let part = parts[i]
      guard let colon = part.firstIndex(of: ":") else {
        // A bare unit (`desk_wait_p90@pasc`).
        if !part.isEmpty { out += " – " + unit(part, l) }
        i += 1
        continue
      }
      let kind = String(part[..<colon])
      var value = String(part[part.index(after: colon)...])
      // An agency id holds an `@` of its own (`@agency:GTVT@pasc`).
      if kind == "agency", i + 1 < parts.count, !parts[i + 1].contains(":") {
        value += "@" + parts[i + 1]
        i += 1
      }
      out += " – " + scope(kind, value, l)
      i += 1
    }
    return out
  }

  /// A scenario key (`units[desk-hall].desks[desks].count`): its catalogue label, then
  /// what its indices name (the unit, the agency, the desk group).
  public func parameter(_ key: String, _ l: ReportLanguage) -> String {
    let label = l.prior(key)
    var named: [String] = []
    var rest = Substring(key), lastUnit = ""
    while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
      let list = rest[..<open].split(separator: ".").last.map(String.init) ?? ""
      let index = String(rest[rest.index(after: open)..<close])
      if index != "*" && Int(index) == nil {
        switch list {
        case "units": named.append(unit(index, l)); lastUnit = index
        case "agencies": named.append(agency(index, l))
        case "procedures":
          let name = procedure(index, l)
          named.append(name == index ? l.word(index) : name)
        case "desks": named.append(local("desk:\(lastUnit)/\(index)", l) ?? l.word(index))
        default: named.append(l.word(index))
        }
      }
      rest = rest[rest.index(after: close)...]
    }
    return named.isEmpty ? label : "\(label) – \(named.joined(separator: ", "))"
  }

  func scope(_ kind: String, _ value: String, _ l: ReportLanguage) -> String {
    switch kind {
    case "level", "channel": return l.word(value)
    case "field": return field(value, l)
    case "agency": return agency(value, l)
    case "unit": return unit(value, l)
    case "under": return (l == .vi ? "các đơn vị thuộc " : "units under ") + unit(value, l)
    case "procedure": return procedure(value, l)
    case "month": return l.date(value)
    case "desk":
      let p = value.split(separator: "/", maxSplits: 1).map(String.init)
      guard p.count == 2 else { return unit(value, l) }
      if let name = local("desk:" + value, l) { return "\(unit(p[0], l)), \(name)" }
      // "quầy Đất đai", but not "quầy Quầy chung" when the group's word says it already.
      let group = l.word(p[1]), desk = l == .vi ? "quầy" : "desk"
      return "\(unit(p[0], l)), " + (group.lowercased().hasPrefix(desk) ? group : "\(desk) \(group)")
    default: return value
    }
  }
}
