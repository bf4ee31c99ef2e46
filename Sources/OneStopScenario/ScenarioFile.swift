import Foundation
import OneStopIO

/// Reading scenario text from disk, treating it as untrusted data.
///
/// Why: a scenario names other files (`extends`, a sweep's `base:`), and a file can be
/// shared, downloaded or fuzzed. So only regular files whose name (and, through a
/// symbolic link, whose target) ends in `.yaml` or `.yml` are read, at most
/// `maxBytes` of them, and the text's size in values is bounded before the YAML
/// library builds its tree (an 8-million-item list once took 1.5 GB and half a minute).
/// A device, a FIFO, `/etc/shadow` or `/proc/self/environ` is refused before a byte is
/// read, so no message can quote it.
public enum ScenarioFile {
  /// Largest scenario file read.
  public static let maxBytes = InputFile.Kind.scenario.maxBytes
  /// Most lines and commas in a file (each can start a value), and most values after
  /// YAML aliases are expanded (a "billion laughs" file of 1 KB expands to gigabytes).
  public static let maxLines = 500_000
  public static let maxNodes = 1_000_000
  /// Extensions a scenario file may have.
  public static let extensions = ["yaml", "yml"]

  /// Why a file cannot be read as a scenario, or nil when it can (`InputFile`'s rules).
  static func refusal(_ path: String) -> String? { InputFile.refusal(path, .scenario) }

  /// The text of `path`, or the problem that stops it being read.
  public static func read(_ path: String) throws(ScenarioErrors) -> String {
    do { return try InputFile.text(path, .scenario) } catch {
      throw ScenarioErrors(issues: [ScenarioIssue(file: path, line: 0, column: 0, path: "", message: error.reason)])
    }
  }

  /// A problem with the size of `text` in lines and commas, before it is parsed.
  static func sizeProblem(_ text: String) -> String? {
    var count = 0
    for b in text.utf8 where b == 0x0A || b == 0x2C {
      count += 1
      if count > maxLines {
        return "the file has more than \(maxLines) lines and list items; scenario files are limited to \(maxLines)"
      }
    }
    return nil
  }
}
