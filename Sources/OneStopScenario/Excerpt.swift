/// Short, escaped quotations of what a file contains, for error messages.
///
/// Why: a message echoes what it found, and what it found can be a one-megabyte value
/// (echoed once per unit it once was), a line of a file that is not a scenario at all,
/// or bytes that move a terminal's cursor. Every quotation of file content goes through
/// `excerpt`, and every message and key path through `bounded`, so error text stays
/// short whatever the input.
enum Excerpt {
  /// Characters of a value quoted in a message.
  static let valueLength = 40
  /// Characters of a whole message and of a key path.
  static let messageLength = 600
  static let pathLength = 160

  /// `text` with control and non-printing characters escaped (`\n`, `\u{1B}`), cut
  /// after `limit` characters with the full length noted.
  static func excerpt(_ text: String, limit: Int = valueLength) -> String {
    var out = ""
    var taken = 0
    for ch in text.unicodeScalars {
      if taken == limit {
        return out + "… (\(text.utf8.count) bytes)"
      }
      out += escaped(ch)
      taken += 1
    }
    return out
  }

  /// `text` escaped and cut at `limit` characters (messages, key paths).
  static func bounded(_ text: String, limit: Int) -> String {
    var out = ""
    var taken = 0
    for ch in text.unicodeScalars {
      if taken == limit { return out + "…" }
      out += escaped(ch)
      taken += 1
    }
    return out
  }

  private static func escaped(_ c: Unicode.Scalar) -> String {
    switch c {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default:
      let v = c.value
      if v < 0x20 || (0x7F...0x9F).contains(v) || c.properties.generalCategory == .format
        || c.properties.generalCategory == .unassigned || c.properties.generalCategory == .privateUse
      {
        return "\\u{\(String(v, radix: 16, uppercase: true))}"
      }
      return String(c)
    }
  }
}
