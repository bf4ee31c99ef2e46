import Foundation

/// Reading a file onestop did not just write itself: scenarios, sweep and target files,
/// baselines, manifests, point files, journals and the result files `report` draws.
/// Every one is untrusted data (shared, downloaded, edited by hand, or a link planted in a
/// result directory), so all of them go through this one guard.
///
/// Why one guard: a check that exists for scenario files but not for baselines is a check
/// an attacker, or a typo, simply goes around. The rules:
/// - only a regular file is read (a device, a FIFO or `/proc/self/environ` is refused
///   before a byte is read, so no message can quote it);
/// - a kind with extensions reads only files whose name, and whose target through a
///   symbolic link, has one of them;
/// - a file that belongs to a directory (a result directory's `results.csv`) must resolve
///   to a path inside that directory: a link out of it is refused;
/// - the size is checked before reading, and again while reading (the file may grow).
public enum InputFile {
  /// What a kind of input file may be.
  public struct Kind: Sendable {
    /// The kind in messages, plural: "scenario files", "baselines".
    public let name: String
    /// Extensions allowed (lower case, no dot); empty: any name.
    public let extensions: [String]
    /// Largest file read, in bytes.
    public let maxBytes: Int

    public init(name: String, extensions: [String], maxBytes: Int) {
      self.name = name
      self.extensions = extensions
      self.maxBytes = maxBytes
    }

    /// The extensions in words: ".yaml or .yml".
    var extensionText: String {
      let dotted = extensions.map { "." + $0 }
      return dotted.count > 1 ? dotted.dropLast().joined(separator: ", ") + " or " + dotted.last! : dotted.joined()
    }

    /// The size limit in words: "16 MiB", "512 KiB", "100 bytes".
    public var limitText: String {
      if maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0 { return "\(maxBytes >> 20) MiB" }
      if maxBytes >= 1 << 10 && maxBytes % (1 << 10) == 0 { return "\(maxBytes >> 10) KiB" }
      return "\(maxBytes) bytes"
    }

    /// Scenario, sweep and target files (YAML).
    public static let scenario = Kind(name: "scenario files", extensions: ["yaml", "yml"], maxBytes: 16 << 20)
    /// Baselines of `onestop check` (JSON).
    public static let baseline = Kind(name: "baselines", extensions: ["json"], maxBytes: 16 << 20)
    /// A sweep's `manifest.json` (one line per point of at most a million).
    public static let manifest = Kind(name: "sweep manifests", extensions: ["json"], maxBytes: 256 << 20)
    /// One point's result file in a sweep directory.
    public static let point = Kind(name: "point files", extensions: ["json"], maxBytes: 16 << 20)
    /// The journals of `calibrate` and `staff` (`*.jsonl`).
    public static let journal = Kind(name: "journals", extensions: ["jsonl"], maxBytes: 256 << 20)
    /// Result files `onestop report` draws (JSON, CSV).
    public static let result = Kind(name: "result files", extensions: ["json", "csv"], maxBytes: 32 << 20)
    /// A scenario's table of units (`unit_table:`, CSV): a province's few hundred rows
    /// take tens of KiB; the limit leaves room for every commune of the country.
    public static let unitTable = Kind(name: "unit tables", extensions: ["csv"], maxBytes: 8 << 20)
  }

  /// Why `path` cannot be read as a `kind` file, or nil when it can. With `directory`,
  /// the file (after links) must lie inside it.
  public static func refusal(_ path: String, _ kind: Kind, inside directory: String? = nil) -> String? {
    let allowed = kind.extensions
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    if !allowed.isEmpty && !allowed.contains(ext) {
      return kind === .scenario
        ? "scenario files must be YAML files ending in .yaml or .yml"
        : "\(kind.name) are files ending in \(kind.extensionText)"
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      return errno == ENOENT ? "cannot read the file (does it exist?)" : "cannot read the file (\(systemError()))"
    }
    guard info.st_mode & S_IFMT == S_IFREG else { return notRegular(kind) }
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    if !allowed.isEmpty && !allowed.contains(target.pathExtension.lowercased()) {
      return "a link to a file that is not a \(kind.extensionText) file"
    }
    if let directory, !isInside(path, directory) {
      return "a link to a file outside \(directory); \(kind.name) are read only from inside their directory"
    }
    guard Int(info.st_size) <= kind.maxBytes else {
      return "the file has \(info.st_size) bytes; \(kind.name) are at most \(kind.limitText)"
    }
    return nil
  }

  static func notRegular(_ kind: Kind) -> String {
    kind === .scenario
      ? "not a regular file; scenario files are regular .yaml or .yml files"
      : "not a regular file; \(kind.name) are regular files"
  }

  static func systemError() -> String { String(cString: strerror(errno)) }

  /// `true` when `path`, with every link resolved, lies inside `directory` (resolved too).
  public static func isInside(_ path: String, _ directory: String) -> Bool {
    guard let file = realPath(path), let dir = realPath(directory) else { return false }
    return file.hasPrefix(dir.hasSuffix("/") ? dir : dir + "/")
  }

  static func realPath(_ path: String) -> String? {
    guard let p = Foundation.realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// The bytes of `path`, or the reason it cannot be read (see `refusal`). `missing` is
  /// set when the file does not exist, for callers that treat that as "not yet written".
  public static func bytes(
    _ path: String, _ kind: Kind, inside directory: String? = nil
  )
    throws(InputFileError) -> [UInt8]
  {
    func fail(_ reason: String, missing: Bool = false) -> InputFileError {
      InputFileError(path: path, reason: reason, missing: missing)
    }
    var probe = stat()
    if lstat(path, &probe) != 0 && errno == ENOENT {
      throw fail("cannot read the file (does it exist?)", missing: true)
    }
    if let why = refusal(path, kind, inside: directory) { throw fail(why) }
    // O_NONBLOCK: if the file was swapped for a FIFO since the check, open must not wait
    // for a writer; fstat below refuses it.
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    guard fd >= 0 else { throw fail("cannot read the file (\(systemError()))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw fail(notRegular(kind))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(Int(info.st_size), kind.maxBytes) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= kind.maxBytes {
      let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw fail("cannot read the file (\(systemError()))") }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    guard bytes.count <= kind.maxBytes else {
      throw fail("the file is larger than \(kind.limitText); \(kind.name) are at most \(kind.limitText)")
    }
    return bytes
  }

  /// The text of `path` (UTF-8), or the reason it cannot be read.
  public static func text(
    _ path: String, _ kind: Kind, inside directory: String? = nil
  )
    throws(InputFileError) -> String
  {
    let b = try bytes(path, kind, inside: directory)
    guard let text = String(validating: b, as: UTF8.self) else {
      throw InputFileError(path: path, reason: "the file is not UTF-8 text", missing: false)
    }
    return text
  }

  /// The bytes of `path` as `Data` (for `JSONDecoder`).
  public static func data(
    _ path: String, _ kind: Kind, inside directory: String? = nil
  )
    throws(InputFileError) -> Data
  {
    Data(try bytes(path, kind, inside: directory))
  }
}

extension InputFile.Kind {
  static func === (a: InputFile.Kind, b: InputFile.Kind) -> Bool { a.name == b.name }
}

/// A file that cannot be read as its kind: the path and why, `path: reason`.
public struct InputFileError: Error, CustomStringConvertible, Sendable {
  public let path: String
  public let reason: String
  /// The file does not exist (nothing was refused).
  public let missing: Bool
  public var description: String { "\(path): \(reason)" }
}
