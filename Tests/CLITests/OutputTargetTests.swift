import Foundation
import Testing

/// Result files never replace what is not a regular file: a device is written
/// directly (as root, an atomic rename once turned /dev/null into a plain file), and a
/// directory is refused with a clear error.
@Suite(.serialized) struct OutputTargetTests {
  func isCharacterDevice(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
  }

  @Test func jsonToDevNullLeavesTheDevice() throws {
    let (status, _, err) = try CLITests().onestop([
      "run", "scenarios/mmc.yaml", "--quiet", "--replications", "1", "--json", "/dev/null",
    ])
    #expect(status == 0, "\(err)")
    #expect(isCharacterDevice("/dev/null"))
  }

  @Test func jsonOntoADirectoryIsRefused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let (status, _, err) = try CLITests().onestop([
      "run", "scenarios/mmc.yaml", "--quiet", "--replications", "1", "--json", dir.path,
    ])
    #expect(status != 0)
    #expect(err.contains("cannot write \(dir.path): it is a directory; refusing to replace it with a file"))
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory) && isDirectory.boolValue)
  }
}
