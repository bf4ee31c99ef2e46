import Foundation

/// The lines of a journal (`calibration.jsonl`, `evaluations.jsonl`): each a JSON object
/// that ends with its own checksum, `..., "checksum": "<FNV-1a of the object without it>"}`,
/// as point files carry one.
///
/// Why: a journal is trusted to skip work (a resumed search reads the KPIs of a candidate
/// instead of running it), so a line edited by hand, or damaged, must not count. A line
/// without a matching checksum (edited, cut short, or from an older onestop) is skipped
/// and the candidate runs again. Not a defence against someone who recomputes it.
public enum JournalChecksum {
  /// `object` (a one-line JSON object) with its checksum added as its last key.
  public static func sealed(_ object: String) -> String {
    guard object.hasSuffix("}") else { return object }
    let body = object.dropLast()
    let separator = body.hasSuffix("{") ? "" : ","
    return body + separator + "\"checksum\":\"" + fnv1a(object) + "\"}"
  }

  /// The object of a sealed `line` without its checksum, or nil when the checksum is
  /// missing or does not match.
  public static func verified(_ line: Substring) -> String? {
    guard let range = line.range(of: "\"checksum\":\"", options: .backwards), line.hasSuffix("\"}") else { return nil }
    let sum = line[range.upperBound..<line.index(line.endIndex, offsetBy: -2)]
    var body = line[..<range.lowerBound]
    if body.hasSuffix(",") { body = body.dropLast() }
    let object = String(body) + "}"
    return fnv1a(object) == sum ? object : nil
  }

  /// FNV-1a (64 bits) of `text`, in hexadecimal.
  public static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return String(hash, radix: 16)
  }

  /// The verified objects of a journal's `text`, and how many non-empty lines were not.
  public static func objects(in text: String) -> (objects: [String], damaged: Int) {
    var out: [String] = [], damaged = 0
    for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
      if let o = verified(line) { out.append(o) } else { damaged += 1 }
    }
    return (out, damaged)
  }
}
