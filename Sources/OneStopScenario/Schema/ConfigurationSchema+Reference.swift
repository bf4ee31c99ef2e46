import Foundation
import DESKernel
import OneStopModel

extension ConfigurationSchema {
  /// One section of the key reference: its path in a file and its rows.
  struct ReferenceSection {
    let path: String
    let rows: [(key: String, kind: String, value: String, doc: String)]

    init<Root>(_ path: String, _ keys: [ConfigurationKey<Root>], defaults: Root?) {
      self.path = path
      rows = keys.map { k in
        let value = k.required ? "required" : (defaults.flatMap { k.text(of: $0) }.map { "`\($0)`" } ?? "")
        let doc = k.prior.map { "\(k.doc) *Prior: \($0).*" } ?? k.doc
        return (k.key, k.kind.summary, value, doc)
      }
    }
  }

  static var referenceSections: [ReferenceSection] {
    let unit = UnitConfiguration(id: "", level: "", desks: [])
    let procedure = ProcedureConfiguration(id: "", field: "", deadline: .sameDay, steps: [])
    let step = StepConfiguration(place: .agency(""), work: try! .deterministic(0))
    return [
      ReferenceSection("(top level)", top, defaults: nil),
      ReferenceSection("calendar", calendar, defaults: CalendarSettings()),
      ReferenceSection("hours.NAME (and any `hours:` value)", hours, defaults: nil),
      ReferenceSection("units[]", ConfigurationSchema.unit, defaults: unit),
      ReferenceSection("units[].desks[]", desk, defaults: DeskGroupConfiguration(id: "", count: 1)),
      ReferenceSection(
        "units[].desks[].appointments", appointments, defaults: AppointmentConfiguration()),
      ReferenceSection("agencies[]", agency, defaults: AgencyConfiguration(id: "", unit: "", officers: 1)),
      ReferenceSection("agencies[].overtime", overtime, defaults: OvertimeConfiguration()),
      ReferenceSection("procedures[]", ConfigurationSchema.procedure, defaults: procedure),
      ReferenceSection("procedures[].steps[]", ConfigurationSchema.step, defaults: step),
      ReferenceSection("demand[]", demand, defaults: DemandConfiguration(unit: "", annualVolume: 0, mix: [])),
      ReferenceSection("demand[].split, backlog[].split", split, defaults: nil),
      ReferenceSection("behaviour", behaviour, defaults: CitizenBehaviour()),
      ReferenceSection("rules", rules, defaults: ProcessingRules()),
      ReferenceSection("backlog[]", backlog, defaults: BacklogEntry(unit: "", procedure: "", count: 0)),
      ReferenceSection("index766", index766, defaults: nil),
      ReferenceSection("index766.inputs, index766.units[]", index766Inputs, defaults: Index766Inputs()),
      ReferenceSection("index766.rules", index766Rules, defaults: Index766Rules()),
      ReferenceSection("uncertainty[]", uncertainty, defaults: nil),
    ]
  }

  /// The default of the key at `path` (a `--set` key path) as the key reference writes it
  /// (`null`, `0`, `0.95`), or nil when the reference gives none (a required key, a section
  /// without defaults, an unknown key). `staff` uses it for an option whose key the
  /// scenario does not write.
  public static func defaultText(at path: String) -> String? {
    let segments = ScenarioOverride.segments(path)
    guard case .key(let last)? = segments.last else { return nil }
    var section = ""
    var i = 0
    while i < segments.count - 1 {
      switch segments[i] {
      case .key("unit_defaults") where i == 0 && segments.count > 2:
        section = "units[]"
        i += 1  // the level (or `all`) stands for a unit
      case .key(let k): section += section.isEmpty ? k : ".\(k)"
      case .item, .all: section += "[]"
      }
      i += 1
    }
    if section.isEmpty { section = "(top level)" }
    for s in referenceSections where s.path.components(separatedBy: ", ").contains(section) {
      guard let row = s.rows.first(where: { $0.key == last }) else { return nil }
      let value = row.value.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      return value.isEmpty || value == "required" ? nil : value
    }
    return nil
  }

  /// The key reference of `docs/scenario-format.md`, generated from the tables: every
  /// key, what it holds, its default (in file syntax) and what it means; priors marked.
  public static func reference() -> String {
    var lines: [String] = []
    for section in referenceSections {
      lines.append("### `\(section.path)`")
      lines.append("")
      lines.append("| key | holds | default | meaning |")
      lines.append("|---|---|---|---|")
      for r in section.rows {
        lines.append("| `\(r.key)` | \(r.kind.replacingPipes) | \(r.value.replacingPipes) | \(r.doc.replacingPipes) |")
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// Text safe inside a Markdown table cell.
  fileprivate var replacingPipes: String {
    split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}
