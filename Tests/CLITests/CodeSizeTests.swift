import Foundation
import Testing

/// The layout rules of the codebase, checked rather than hoped for: no source or test file
/// over 400 lines or with a line over 120 columns (`scripts/format.sh` lays them out), no
/// function (or initialiser, subscript, accessor block) over 80 lines, a doc comment on
/// every public type.
///
/// Function bodies are measured by brace depth from the line that declares them, with
/// string literals and line comments removed first; it is a lexical count, good enough
/// for our code (no braces inside multi-line string literals of a declaration's body
/// would fool it by more than a line).
@Suite struct CodeSizeTests {
  static let sources = CLITests.root.appendingPathComponent("Sources")

  static let tests = CLITests.root.appendingPathComponent("Tests")

  /// A line's code: string literals emptied, a `//` comment dropped (a lexical cut, good
  /// enough for our code). `PartEdgeTests` reads files through it too.
  static func code(_ line: String) -> String {
    var s = line.replacing(try! Regex(#""(\\.|[^"\\])*""#), with: "\"\"")
    if let c = s.range(of: "//") { s = String(s[..<c.lowerBound]) }
    return s
  }

  static func swiftFiles(in root: URL = sources) throws -> [URL] {
    let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = e?.nextObject() as? URL {
      if url.pathExtension == "swift" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// Lines of each function-like declaration longer than `limit`: (file, line, length).
  static func longBodies(in text: String, limit: Int) -> [(line: Int, length: Int)] {
    let lines = text.components(separatedBy: "\n")
    let declaration = try! Regex(
      #"^\s*(@[\w()_]+\s+)*((public|private|fileprivate|internal|static|class|mutating|nonmutating|override|"#
        + #"final|nonisolated|convenience|required)\s+)*(func\s|init[?!]?\s*[(<]|subscript\s*[(<]|deinit\b)"#
    )
    var found: [(Int, Int)] = []
    for i in lines.indices where lines[i].firstMatch(of: declaration) != nil {
      var depth = 0, started = false, j = i
      while j < lines.count {
        let l = Self.code(lines[j])
        let opens = l.filter { $0 == "{" }.count, closes = l.filter { $0 == "}" }.count
        depth += opens - closes
        if opens > 0 { started = true }
        if started && depth <= 0 { break }
        // A declaration without a body (a protocol requirement) ends at its line.
        if !started && j > i + 8 { break }
        j += 1
      }
      if started && j - i + 1 > limit { found.append((i + 1, j - i + 1)) }
    }
    return found
  }

  @Test func noSourceFileIsOverFourHundredLines() throws {
    for url in try Self.swiftFiles() + Self.swiftFiles(in: Self.tests) {
      let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").count - 1
      #expect(lines <= 400, "\(url.path.replacingOccurrences(of: CLITests.root.path + "/", with: "")): \(lines) lines")
    }
  }

  /// Counted in UTF-8 bytes, the strictest measure (a Vietnamese letter with its marks is one
  /// column in an editor but up to four bytes), so that byte-counting tools agree.
  @Test func noLineIsOverOneHundredTwentyColumns() throws {
    for url in try Self.swiftFiles() + Self.swiftFiles(in: Self.tests) {
      let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
      let name = url.path.replacingOccurrences(of: CLITests.root.path + "/", with: "")
      for (i, line) in lines.enumerated() where line.utf8.count > 120 {
        Issue.record("\(name):\(i + 1): \(line.utf8.count) bytes")
      }
    }
  }

  @Test func noFunctionIsOverEightyLines() throws {
    for url in try Self.swiftFiles() {
      for (line, length) in Self.longBodies(in: try String(contentsOf: url, encoding: .utf8), limit: 80) {
        Issue.record("\(url.path.replacingOccurrences(of: Self.sources.path + "/", with: "")):\(line): \(length) lines")
      }
    }
  }

  /// The measure itself: a 90-line function is found, an 80-line one and a protocol
  /// requirement are not.
  @Test func theMeasureFindsALongFunctionAndOnlyIt() {
    let body = (0..<88).map { "    let x\($0) = \"{\" // }" }.joined(separator: "\n")
    let long = "struct S {\n  func long() {\n\(body)\n  }\n}\n"
    #expect(Self.longBodies(in: long, limit: 80).map(\.length) == [90])
    let short =
      "protocol P {\n  func f()\n}\nstruct T {\n  init(x: Int) {\n"
      + (0..<78).map { "    _ = \($0)" }.joined(separator: "\n") + "\n  }\n}\n"
    #expect(Self.longBodies(in: short, limit: 80).isEmpty)
  }

  /// Public types (struct, enum, class, protocol, actor, typealias) whose declaration has no
  /// `///` comment on the line above it (attribute lines such as `@frozen` in between are
  /// skipped): (line, name).
  static func undocumentedPublicTypes(in text: String) -> [(line: Int, name: String)] {
    let lines = text.components(separatedBy: "\n")
    let declaration = try! Regex(
      #"^\s*(@[\w()_.]+\s+)*(public|open)\s+((final|indirect)\s+)*(struct|enum|class|protocol|actor|typealias)\s+(\w+)"#
    )
    var found: [(Int, String)] = []
    for i in lines.indices {
      guard let match = lines[i].firstMatch(of: declaration), let name = match.output[6].substring else { continue }
      var j = i - 1
      while j >= 0, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("@") { j -= 1 }
      if j < 0 || !lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
        found.append((i + 1, String(name)))
      }
    }
    return found
  }

  @Test func everyPublicTypeHasADocComment() throws {
    for url in try Self.swiftFiles() {
      for (line, name) in Self.undocumentedPublicTypes(in: try String(contentsOf: url, encoding: .utf8)) {
        Issue.record(
          """
            \(url.path.replacingOccurrences(of: Self.sources.path + "/", with: "")):\(line): public type \(name) has \
            no /// comment
            """
        )
      }
    }
  }

  /// The doc-comment check finds a bare public type (nested too) and accepts a documented
  /// one with an attribute between the comment and the declaration; an internal type or a
  /// plain `//` comment does not count as documentation.
  @Test func theDocCommentCheckFindsBareTypesOnly() {
    let text = """
      /// Documented.
      @frozen
      public struct A {
        public enum B { case x }
        // Not a doc comment.
        public final class C {}
        /// Documented.
        public typealias D = Int
        struct E {}
      }
      public protocol F {}
      """
    #expect(Self.undocumentedPublicTypes(in: text).map(\.name) == ["B", "C", "F"])
    #expect(Self.undocumentedPublicTypes(in: text).map(\.line) == [4, 6, 11])
  }
}
