#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error as a text stream (file descriptor 2, so no C global is touched).
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    var bytes = Array(string.utf8)
    _ = bytes.count
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buf in writeFD(2, buf.baseAddress! + offset, buf.count - offset) }
      if n <= 0 { return }
      offset += n
    }
  }
}

/// `write(2)` under a name that does not clash with `TextOutputStream.write`.
@inline(__always)
func writeFD(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}

/// Writes a line to standard error.
func printError(_ text: String) {
  var stderr = StandardError()
  print(text, to: &stderr)
}
