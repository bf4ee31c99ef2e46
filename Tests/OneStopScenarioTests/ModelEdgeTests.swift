import Foundation
@testable import OneStopScenario
import Testing

/// The edge between the model and the scenario file, checked rather than hoped for: the
/// model knows no file, so no `Sources/OneStopModel` file names a key of the scenario
/// file or the schema types; the scenario layer alone spells keys.
///
/// A key is named when a string literal is one (`"ticket_cutoff"`), holds a snake-case
/// key as a word (`"ticket_cutoff must ..."`), or a key path with a key as one of its
/// segments (`"units[*].transfer_cutoff"`, `"units[\(i)]"`). Literals are read with
/// comments skipped and interpolations cut out; a plain word of prose that happens to be
/// a one-word key (`"expected at most 5 officers"`) is prose, not a key.
@Suite struct ModelEdgeTests {
  static let model = KeySchemaTests.root.appendingPathComponent("Sources/OneStopModel")

  /// Every key name of the schema, all sections.
  static var keys: Set<String> {
    let s = ConfigurationSchema.self
    return Set(
      s.top.keyNames() + s.calendar.keyNames() + s.behaviour.keyNames() + s.rules.keyNames()
        + s.hours.keyNames() + s.unit.keyNames() + s.desk.keyNames() + s.agency.keyNames() + s.procedure.keyNames()
        + s.step.keyNames() + s.demand.keyNames() + s.backlog.keyNames() + s.split.keyNames()
        + s.overtime.keyNames() + s.appointments.keyNames())
  }

  /// Whole literals the model may hold although they spell a one-word key: English words
  /// of its own messages and names, by file.
  static let prose: [String: Set<String>] = [
    // Nouns of the size limits: "expected at most 20 levels, got 25".
    "CompiledModel+Limits.swift": ["seasons", "levels", "procedures", "officers", "steps", "hours"],
    // The channels' names in traces and reports.
    "CompiledModel.swift": ["postal", "online"],
    // The labels of the behaviour's mirror (its Swift property names: the scenario's hash).
    "CitizenBehaviour.swift": ["patience"],
    // The labels of the unit's mirror, likewise (one-word properties share the keys' names).
    "UnitConfiguration.swift": ["id", "name", "level", "parent", "hours", "desks", "digitisation"],
    // The labels of the agency's mirror (its Swift property names: the scenario's hash).
    "AgencyConfiguration.swift": ["id", "name", "unit", "officers", "hours", "discipline", "overtime"],
    // The labels of the procedure's and the demand entry's mirrors, likewise.
    "ProcedureConfiguration.swift": ["id", "name", "field", "deadline", "steps"],
    "DemandConfiguration.swift": ["unit", "mix"],
    // The labels of the configuration's mirror (its Swift property names: the scenario's hash).
    "ModelConfiguration.swift": [
      "name", "start", "end", "calendar", "levels", "fields", "units", "agencies", "procedures", "demand", "behaviour",
      "rules", "backlog", "index766",
    ],
    // The labels of the desk group's mirror (its Swift property names: the scenario's hash).
    "DeskGroupConfiguration.swift": ["id", "count", "fields", "hours", "staff", "quota", "appointments"],
    // The hash text's labels: the mirrors' labels above, written without `Mirror` (the
    // configuration's Swift property names and enum cases, which share words with the keys).
    "HashText.swift": ["overtime", "agency", "nearest"],
    "HashText+Demand.swift": ["unit", "mix", "procedure", "patience", "count", "units", "rules"],
    "HashText+Configuration.swift": [
      "name", "start", "end", "calendar", "levels", "fields", "units", "agencies", "procedures", "demand", "behaviour",
      "rules", "backlog", "index766", "vietnam", "id", "level", "parent", "hours", "desks", "digitisation", "seasons",
      "count", "staff", "quota", "appointments", "overbooking", "lateness", "grace", "unit", "officers", "discipline",
      "overtime", "evening", "saturday", "field", "deadline", "steps", "work", "appraisal",
    ],
    // The trace's event name (`no_show`, a remote ticket's), not the appointments' key.
    "Trace.swift": ["no_show"],
    // The columns of `pools-months.csv` (`overtime_hours`), not the agency's key.
    "PoolMonths.swift": ["overtime"],
    // A result column's JSON key (`summary.json`'s monthly `online_share`), not the demand's key.
    "ReplicationSummary+Columns.swift": ["online_share"],
  ]

  /// The string literals of Swift source `text`, each as its pieces of text between
  /// interpolations (escapes read as a space), comments skipped; literals inside an
  /// interpolation are literals too.
  static func literals(in text: String) -> [[String]] {
    var scanner = LiteralScanner(Array(text))
    scanner.code(inInterpolation: false)
    return scanner.found
  }

  /// The keys of `keys` a literal names (see the suite's comment), besides `allowed`
  /// whole literals.
  static func namedKeys(_ pieces: [String], keys: Set<String>, allowed: Set<String> = []) -> [String] {
    if pieces.count == 1, keys.contains(pieces[0]) { return allowed.contains(pieces[0]) ? [] : [pieces[0]] }
    var out: [String] = []
    for piece in pieces {
      let tokens = piece.split { !($0.isLetter || $0.isNumber || "_.[]*".contains($0)) }
      // A full stop ends a sentence ("... the count."); a dot within a word joins a path.
      for token in tokens.map({ $0.hasSuffix(".") ? $0.dropLast() : $0 }) {
        let segments = token.split { ".[]*".contains($0) }.map(String.init)
        let isPath = token.contains("[") || token.contains(".")
        out += segments.filter { keys.contains($0) && (isPath || $0.contains("_")) }
      }
    }
    return out
  }

  /// What a model file says of the file: schema types it mentions (comments included)
  /// and keys its literals name.
  static func findings(in text: String, keys: Set<String>, allowed: Set<String> = []) -> [String] {
    let types = ["ConfigurationSchema", "ConfigurationKey"].filter { text.contains($0) }
    return types + literals(in: text).flatMap { namedKeys($0, keys: keys, allowed: allowed) }
  }

  @Test func theModelModuleNamesNoFileKey() throws {
    let keys = Self.keys
    #expect(keys.count > 100 && keys.contains("ticket_cutoff") && keys.contains("monday"))
    let e = FileManager.default.enumerator(at: Self.model, includingPropertiesForKeys: nil)
    var files = 0
    while let url = e?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      files += 1
      let found = Self.findings(
        in: try String(contentsOf: url, encoding: .utf8), keys: keys,
        allowed: Self.prose[url.lastPathComponent] ?? [])
      let name = url.path.replacingOccurrences(of: Self.model.path + "/", with: "")
      #expect(found.isEmpty, "\(name) names the scenario file: \(found.joined(separator: ", "))")
    }
    #expect(files > 50, "no model sources at \(Self.model.path)")
  }

  /// The measure itself: a stray key is found as a literal, a word of a message or a key
  /// path segment, and a schema type anywhere; comments, prose and allowed words are not.
  @Test func theMeasureFindsAStrayKeyAndOnlyIt() {
    let keys: Set<String> = ["ticket_cutoff", "units", "count", "officers"]
    func found(_ code: String, allowed: Set<String> = []) -> [String] {
      Self.findings(in: code, keys: keys, allowed: allowed)
    }
    #expect(found(#"let k = "ticket_cutoff""#) == ["ticket_cutoff"])
    #expect(found(#"let k = "count""#) == ["count"])
    #expect(found(#"p("the ticket_cutoff of \(u) is late")"#) == ["ticket_cutoff"])
    #expect(found(#"let p = "units[\(i)].desks[\(k)]""#) == ["units"])
    #expect(found(#"let p = "units[*].ticket_cutoff = \(x)""#) == ["units", "ticket_cutoff"])
    #expect(found(#"let s = "\(xs.map { "\($0).count" })""#) == ["count"])
    #expect(found("let s = \"\"\"\n  units[0]\n  \"\"\"") == ["units"])
    #expect(found("// ConfigurationSchema.unit\nlet x = 1") == ["ConfigurationSchema"])
    #expect(found(#"let x = "officers""#, allowed: ["officers"]).isEmpty)
    #expect(found("/// `ticket_cutoff`, \"units[0]\"\n// \"count\"\n/* \"units[1]\" */\nlet n = 1").isEmpty)
    #expect(found(#"p("expected at most \(n) officers in all units, got \(v)")"#).isEmpty)
    #expect(found(##"let r = #"a "count" b"#"##).isEmpty)
    #expect(found(#"p("at most \(n) officers, not the count.")"#).isEmpty)
  }
}

/// Reads Swift source for its string literals: a small lexer of comments, plain,
/// multi-line and raw literals and interpolations, for `ModelEdgeTests`.
private struct LiteralScanner {
  let c: [Character]
  var i = 0
  var found: [[String]] = []

  init(_ c: [Character]) { self.c = c }

  func at(_ s: String, _ k: Int) -> Bool {
    var k = k
    for ch in s {
      guard k < c.count, c[k] == ch else { return false }
      k += 1
    }
    return true
  }

  /// Code up to the end (or, in an interpolation, up to its closing parenthesis).
  mutating func code(inInterpolation: Bool) {
    var depth = 0
    while i < c.count {
      if c[i] == "/" && at("//", i) {
        while i < c.count, c[i] != "\n" { i += 1 }
      } else if c[i] == "/" && at("/*", i) {
        i += 2
        while i < c.count, !at("*/", i) { i += 1 }
        i += 2
      } else if (c[i] == "\"" || c[i] == "#") && literal() {
        continue
      } else if c[i] == "(" {
        depth += 1
        i += 1
      } else if c[i] == ")" {
        i += 1
        if inInterpolation && depth == 0 { return }
        depth -= 1
      } else {
        i += 1
      }
    }
  }

  /// A literal starting at `i` (`"`, `"""`, `#"`), read to its end; false when `#` starts
  /// no literal (`#if`, `#filePath`).
  mutating func literal() -> Bool {
    var j = i, hashes = 0
    while j < c.count, c[j] == "#" { hashes += 1; j += 1 }
    guard j < c.count, c[j] == "\"" else { return false }
    let quotes = at("\"\"\"", j) ? 3 : 1
    let close = String(repeating: "\"", count: quotes) + String(repeating: "#", count: hashes)
    let escape = "\\" + String(repeating: "#", count: hashes)
    i = j + quotes
    var pieces: [String] = [], piece = ""
    while i < c.count, !at(close, i) {
      if at(escape, i) {
        i += escape.count
        if i < c.count, c[i] == "(" {
          pieces.append(piece)
          piece = ""
          i += 1
          code(inInterpolation: true)
        } else {
          piece.append(" ")
          i += 1
        }
      } else {
        piece.append(c[i])
        i += 1
      }
    }
    i += close.count
    found.append(pieces + [piece])
    return true
  }
}
