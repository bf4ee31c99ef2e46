import Foundation
import OneStopIO
import Testing

/// The one guard every input file goes through (`InputFile`), and the journals' checksums.
@Suite struct InputFileTests {
  @Test func onlyRegularFilesOfTheirKindInsideTheirDirectoryWithinTheirSize() throws {
    let dir = try InputFiles.directory("guard")
    let outside = try InputFiles.directory("guard-outside")
    let secret = try InputFiles.write("secret", "secret.json", in: outside)
    let link = dir.appendingPathComponent("manifest.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: secret)
    func why(_ path: String, _ kind: InputFile.Kind, inside: String? = nil) -> String {
      do {
        _ = try InputFile.bytes(path, kind, inside: inside)
        return "read"
      } catch { return error.description }
    }
    #expect(why(link, .manifest) == "read")
    #expect(
      why(link, .manifest, inside: dir.path)
        == "\(link): a link to a file outside \(dir.path); sweep manifests are read only from inside their directory")
    #expect(why("/etc/passwd", .baseline) == "/etc/passwd: baselines are files ending in .json")
    #expect(why("/dev/null", .scenario) == "/dev/null: scenario files must be YAML files ending in .yaml or .yml")
    let fifo = dir.appendingPathComponent("fifo.jsonl").path
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(why(fifo, .journal) == "\(fifo): not a regular file; journals are regular files")
    let missing = dir.appendingPathComponent("none.json").path
    #expect(throws: InputFileError.self) { try InputFile.bytes(missing, .baseline) }
    do { _ = try InputFile.bytes(missing, .baseline) } catch { #expect(error.missing) }
    let big = dir.appendingPathComponent("big.json").path
    FileManager.default.createFile(atPath: big, contents: nil)
    let h = try #require(FileHandle(forWritingAtPath: big))
    try h.truncate(atOffset: UInt64(InputFile.Kind.baseline.maxBytes) + 1)
    try h.close()
    #expect(why(big, .baseline) == "\(big): the file has 16777217 bytes; baselines are at most 16 MiB")
  }

  @Test func aJournalLineCountsOnlyWithItsChecksum() {
    let sealed = JournalChecksum.sealed(#"{"key":"a","values":[1,2]}"#)
    #expect(sealed.hasPrefix(#"{"key":"a","values":[1,2],"checksum":""#))
    #expect(JournalChecksum.verified(Substring(sealed)) == #"{"key":"a","values":[1,2]}"#)
    let edited = sealed.replacingOccurrences(of: "[1,2]", with: "[1,3]")
    #expect(JournalChecksum.verified(Substring(edited)) == nil)
    #expect(JournalChecksum.verified(#"{"key":"a","values":[1,2]}"#) == nil)
    let (objects, damaged) = JournalChecksum.objects(
      in: sealed + "\n" + edited + "\n" + String(sealed.prefix(10)) + "\n")
    #expect(objects.count == 1 && damaged == 2)
  }
}
