import Foundation

/// A file written through a hidden temporary next to it and renamed into place on
/// `commit()`: readers see either nothing or the whole file, never a prefix, even if
/// the process is killed while writing.
///
/// Only regular files are replaced. A target that is a device, a FIFO or a socket
/// (`--json /dev/null`, a named pipe read by another program) or `-` (standard output)
/// is written directly: renaming onto it would replace the device with a plain file
/// (as root, /dev/null itself). Any other existing non-regular target (a directory) is
/// refused with an error, never replaced.
public struct AtomicFile {
  public let path: String
  private var tmp = ""
  private var fd: Int32 = -1
  /// Writing straight to the target (device, FIFO, socket, standard output).
  private var direct = false
  private var buffer: [UInt8] = []
  private var failed = false

  /// With `durable`, the data is synced to disk before the rename (survives a power
  /// cut, not only a killed process). Sweep point files skip it: a damaged point file
  /// fails its check when read and the point simply runs again.
  public let durable: Bool

  public init(path: String, durable: Bool = true) {
    self.path = path
    self.durable = durable
  }

  /// The temporary name: hidden, unique per process, in the same directory.
  public static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    ).path
  }

  public mutating func open() throws {
    buffer.reserveCapacity(1 << 20)
    if path == "-" {
      direct = true
      fd = dup(STDOUT_FILENO)
      if fd < 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
      return
    }
    var info = stat()
    if stat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFCHR, S_IFIFO, S_IFSOCK:
        direct = true
        fd = Foundation.open(path, O_WRONLY | O_TRUNC)
        if fd < 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        return
      case S_IFDIR:
        throw WriteError(path: path, reason: "it is a directory; refusing to replace it with a file")
      default:
        throw WriteError(path: path, reason: "it exists and is not a regular file; refusing to replace it")
      }
    }
    tmp = AtomicFile.temporaryPath(for: path)
    fd = Foundation.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd < 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
  }

  public mutating func write(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  private mutating func flush() {
    var offset = 0
    while offset < buffer.count && !failed {
      let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n <= 0 { failed = true } else { offset += n }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and renames the file into place.
  public mutating func commit() throws {
    flush()
    if direct {
      let closed = close(fd) == 0
      fd = -1
      if failed || !closed { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
      return
    }
    let synced = !durable || fsync(fd) == 0
    close(fd)
    fd = -1
    guard !failed, synced, rename(tmp, path) == 0 else {
      unlink(tmp)
      throw WriteError(path: path, reason: String(cString: strerror(errno)))
    }
  }
}

/// A result file could not be written.
public struct WriteError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes `text` to `path` atomically (see `AtomicFile`).
public func writeAtomically(_ text: String, to path: String, durable: Bool = true) throws {
  var f = AtomicFile(path: path, durable: durable)
  try f.open()
  f.write(text)
  try f.commit()
}

/// Appends `line` to the journal at `path` (created when missing): the record of work done
/// that lets a search resume. A line is written whole with one `write`, so an interrupted
/// run leaves at most a last partial line, which the readers skip.
public func appendJournalLine(_ line: String, to path: String) {
  let data = Data(line.utf8)
  if let h = FileHandle(forWritingAtPath: path) {
    h.seekToEndOfFile()
    h.write(data)
    try? h.close()
  } else {
    FileManager.default.createFile(atPath: path, contents: data)
  }
}
