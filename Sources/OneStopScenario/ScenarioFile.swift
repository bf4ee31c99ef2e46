import Foundation

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
  public static let maxBytes = 16 << 20
  /// Most lines and commas in a file (each can start a value), and most values after
  /// YAML aliases are expanded (a "billion laughs" file of 1 KB expands to gigabytes).
  public static let maxLines = 500_000
  public static let maxNodes = 1_000_000
  /// Extensions a scenario file may have.
  public static let extensions = ["yaml", "yml"]

  /// Why a file cannot be read as a scenario, or nil when it can.
  static func refusal(_ path: String) -> String? {
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    guard extensions.contains(ext) else {
      return "scenario files must be YAML files ending in .yaml or .yml"
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      return errno == ENOENT ? "cannot read the file (does it exist?)" : "cannot read the file (\(String(cString: strerror(errno))))"
    }
    guard info.st_mode & S_IFMT == S_IFREG else { return "not a regular file; scenario files are regular .yaml or .yml files" }
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    guard extensions.contains(target.pathExtension.lowercased()) else {
      return "a link to a file that is not a .yaml or .yml file"
    }
    guard Int(info.st_size) <= maxBytes else { return "the file has \(info.st_size) bytes; scenario files are at most 16 MiB" }
    return nil
  }

  /// The text of `path`, or the problem that stops it being read.
  public static func read(_ path: String) throws(ScenarioErrors) -> String {
    func fail(_ message: String) -> ScenarioErrors {
      ScenarioErrors(issues: [ScenarioIssue(file: path, line: 0, column: 0, path: "", message: message)])
    }
    if let why = refusal(path) { throw fail(why) }
    // O_NONBLOCK: if the file was swapped for a FIFO since the check, open must not
    // wait for a writer; fstat below refuses it.
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else { throw fail("cannot read the file (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw fail("not a regular file; scenario files are regular .yaml or .yml files") }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= maxBytes {
      let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw fail("cannot read the file (\(String(cString: strerror(errno))))") }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    guard bytes.count <= maxBytes else { throw fail("the file is larger than 16 MiB; scenario files are at most 16 MiB") }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw fail("the file is not UTF-8 text") }
    return text
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
