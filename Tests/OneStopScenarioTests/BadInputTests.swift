import Foundation
import OneStopModel
@testable import OneStopScenario
import Testing
import TestSupport
import DESKernel

/// One fixture per class of bad input a fuzzer once turned into a crash, a hang or a
/// memory blow-up (issue 15), each with its exact message: every one must now be a
/// located, short error, or a valid run.
@Suite struct BadInputTests {
  static let fixtures = ScenarioErrorTests.fixtures.appendingPathComponent("bad-input")

  /// The problems of the minimal fixture with `edit` applied, as `F:line:column: path: message`.
  func issues(_ edit: (String) -> String) -> [String] {
    let text = edit(try! String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)-bad.yaml")
      .path
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return problems(path).map { $0.replacingOccurrences(of: path, with: "F") }
  }

  /// The problems of the file at `path` (empty when it is valid), as the CLI prints them.
  func problems(_ path: String) -> [String] {
    do {
      _ = try Scenario.load(path: path)
      return []
    } catch {
      return error.issues.map(\.description)
    }
  }

  func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

  // MARK: - Crashes (Swift traps) that are now located errors

  @Test func workingDaysPastTheCalendar() {
    #expect(
      issues { $0.replacingOccurrences(of: "deadline: 15wd", with: "deadline: 100000wd") } == [
        """
          F:28:15: procedures[0].deadline: expected same-day, working days (1wd to 1000wd), calendar days \
          (1d to 1000d) or working hours (up to \
          10000wh), found '100000wd'
          """
      ])
  }

  @Test func aDeadlineThatOverflows() {
    #expect(
      issues { $0.replacingOccurrences(of: "deadline: 15wd", with: "deadline: 9223372036854775807wd") } == [
        """
          F:28:15: procedures[0].deadline: expected same-day, working days (1wd to 1000wd), calendar days \
          (1d to 1000d) or working hours (up to \
          10000wh), found '9223372036854775807wd'
          """
      ])
  }

  @Test func aLeadTimePastTheCalendar() {
    #expect(
      issues { $0.replacingOccurrences(of: "lead_time: 3wd", with: "lead_time: 100000000") } == [
        "F:30:76: procedures[0].steps[0].lead_time: expected a duration of at most 1000wd, found '100000000'"
      ])
  }

  @Test func officersBeyond32Bits() {
    #expect(
      issues { $0.replacingOccurrences(of: "officers: 2}", with: "officers: 2147483648}") } == [
        """
          F:23:41: agencies[0].officers: expected a number of officers <= 10000 (the documented maximum), found \
          2147483648
          """
      ])
  }

  @Test func aDeskCountThatOverflowsTheSum() {
    #expect(
      issues {
        $0.replacingOccurrences(
          of: "      - {id: d, count: 2}",
          with: "      - {id: d, count: 9223372036854775807}\n      - {id: e, count: 1}")
      } == [
        """
          F:15:24: units[0].desks[0].count: expected a number of desks <= 1000 (the documented maximum), found \
          9223372036854775807
          """
      ])
  }

  @Test func allMixWeightsZero() {
    #expect(
      issues { $0.replacingOccurrences(of: "mix: {land: 1, birth: 1}", with: "mix: {land: 0, birth: 0}") } == [
        "F:39:53: demand[1].mix: the weights must not all be zero"
      ])
  }

  @Test func aLognormalWithAHugeCV() {
    #expect(
      issues {
        $0.replacingOccurrences(
          of: "work: {lognormal: {mean: 2h, cv: 0.5}}", with: "work: {lognormal: {mean: 2h, cv: 1e308}}")
      } == [
        "F:30:58: procedures[0].steps[0].work.lognormal.cv: expected a number in [0, 10], found 1e+308"
      ])
  }

  @Test func aLognormalWithAHugeMean() {
    #expect(
      issues {
        $0.replacingOccurrences(
          of: "work: {lognormal: {mean: 2h, cv: 0.5}}", with: "work: {lognormal: {mean: 1e308, cv: 0.5}}")
      } == [
        "F:30:50: procedures[0].steps[0].work.lognormal.mean: expected a duration of at most 10000h, found '1e308'"
      ])
  }

  @Test func aWorkMeanTooLongToPrint() {
    #expect(
      issues { $0.replacingOccurrences(of: "work: {lognormal: {mean: 2h, cv: 0.5}}", with: "work: 1e23h") } == [
        "F:30:31: procedures[0].steps[0].work: expected a duration of at most 10000h, found '1e23h'"
      ])
  }

  @Test func aUnitTemplateCountOfAMillion() {
    #expect(
      issues { $0.replacingOccurrences(of: "    count: 2\n", with: "    count: 1000000\n") } == [
        "F:17:12: units[1].count: expected a number of units <= 5000 (the documented maximum), found 1000000"
      ])
  }

  @Test func anAnnualVolumeOfABillion() {
    #expect(
      issues { $0.replacingOccurrences(of: "annual_volume: 3000", with: "annual_volume: 1e9") } == [
        "F:38:41: demand[0].annual_volume: expected a number of dossiers per year in [0, 10000000], found 1000000000"
      ])
  }

  @Test func tenMillionDesks() {
    #expect(
      issues { $0.replacingOccurrences(of: "{id: d, count: 1}", with: "{id: d, count: 10000000}") } == [
        "F:21:24: units[1].desks[0].count: expected a number of desks <= 1000 (the documented maximum), found 10000000"
      ])
  }

  @Test func officersWrittenAsAFloat() {
    #expect(
      issues { $0.replacingOccurrences(of: "officers: 2}", with: "officers: 1e8}") } == [
        "F:23:41: agencies[0].officers: expected a number of officers, found '1e8'"
      ])
  }

  @Test func aBacklogCountOf2To63() {
    #expect(
      issues {
        $0.replacingOccurrences(
          of: "demand:", with: "backlog:\n  - {unit: top, procedure: land, count: 9223372036854775807}\ndemand:")
      } == [
        """
          F:38:41: backlog[0].count: expected a number of dossiers <= 1000000 (the documented maximum), found \
          9223372036854775807
          """
      ])
  }

  @Test func aSubnormalMonthFactor() {
    #expect(
      issues {
        $0.replacingOccurrences(
          of: "online_share: 0.2}", with: "online_share: 0.2, month_factors: [1, 1, 1e-320, 1, 1, 1, 1, 1, 1, 1, 1, 1]}"
        )
      } == [
        "F:38:104: demand[0].month_factors[2]: expected 0 or a factor from 0.001 to 1000, found '1e-320'"
      ])
  }

  @Test func aRunOfAThousandYears() {
    #expect(
      issues { $0.replacingOccurrences(of: "end: 2022-04-01", with: "end: 3022-04-01") } == [
        "F:4:6: end: the run from 2022-03-01 to 3022-04-01 lasts 365273 days; at most 3653 (ten years) are supported"
      ])
  }

  // MARK: - Valid inputs that once trapped at run time

  /// A mix weight of 0 beside a positive one is allowed (no stream for that group):
  /// it once hit a `try!` on "empirical weights must not all be zero".
  @Test func aZeroMixWeightBesideAPositiveOneRuns() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)-mix.yaml")
      .path
    let text = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8)
      .replacingOccurrences(of: "mix: {land: 1, birth: 1}", with: "mix: {land: 0, birth: 1}")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (_, model) = try Scenario.load(path: path)
    let result = OneStopSimulation.run(model, seed: 1)
    #expect(result.checks.conservationViolations.isEmpty)
  }

  /// Every day off (working-day arithmetic finds no working day in the calendar) and
  /// the longest deadline: due dates land past the calendar's end instead of trapping.
  @Test func aCalendarWithNoWorkingDayRuns() throws {
    let days = (0..<900).map { CivilDate(iso: "2022-01-01")!.adding(days: $0).description }.joined(separator: ", ")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)-off.yaml")
      .path
    let text = try String(contentsOfFile: ScenarioErrorTests.minimal, encoding: .utf8)
      .replacingOccurrences(
        of: "end: 2022-04-01", with: "end: 2022-04-01\ncalendar: {vietnam: false, extra_days_off: [\(days)]}"
      )
      .replacingOccurrences(of: "deadline: 15wd", with: "deadline: 1000wd")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (_, model) = try Scenario.load(path: path)
    let result = OneStopSimulation.run(model, seed: 1)
    #expect(result.checks.conservationViolations.isEmpty)
  }

  /// The calendar's arithmetic is total: any count of working days from any day.
  @Test func workingDayArithmeticPastTheRangeNeverTraps() {
    let cal = WorkCalendar(first: 19_000, last: 19_010, daysOff: [], workingWeekendDays: [])
    let far = cal.addingWorkingDays(Int.max, to: 19_005)
    #expect(far > cal.lastDay && far <= cal.lastDay + WorkCalendar.farFuture * 2)
    #expect(cal.addingWorkingDays(5, to: 30_000) > 30_000)
    #expect(cal.workingDays(after: 19_000, through: 40_000) > 0)
    // Beyond the range, Monday to Friday count: 5 working days span a week.
    #expect(cal.addingWorkingDays(5, to: cal.lastDay + 100) == cal.lastDay + 107)
  }

  /// A configuration built in Swift gets the same bounds: a desk count of Int.max beside
  /// another desk once overflowed the total.
  @Test func aHandBuiltConfigurationIsBoundedToo() {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: 1, perHour: 1, serviceMinutes: 5, days: 7)
    config.units[0].desks.append(DeskGroupConfiguration(id: "e", count: .max))
    config.agencies[0].officers = Int(Int32.max) + 1
    config.procedures[0].steps[0].work = try! Distribution.lognormal(mean: 1e300, cv: 1)
    #expect {
      _ = try CompiledModel(config)
    } throws: { error in
      let text = "\(error)"
      return text.contains("units[0].desks[1].count: expected at most 1000 desks in a group, got 9223372036854775807")
        && text.contains("agencies[0].officers: expected at most 10000 officers, got 2147483648")
        && text.contains("procedures[0].steps[0].work: expected a mean of at most 10000 hours")
    }
  }

  // MARK: - Memory blow-ups and hangs

  @Test func aYAMLAliasBombIsRefused() {
    #expect(
      problems(fixture("alias-bomb.yaml")) == [
        """
          \(fixture("alias-bomb.yaml")): more than 1000000 values once YAML aliases are expanded; scenario files are \
          limited to 1000000
          """
      ])
  }

  @Test func anAliasUsedAsAKeyIsRefusedBeforeParsing() {
    #expect(ScenarioLoader.aliasKeyProblem("a: &x [1, 2]\n*x : 3\n") == "line 2: a YAML alias (*x) cannot be a key")
    #expect(ScenarioLoader.aliasKeyProblem("a: &x [1, 2]\nb: *x\nc: '2 * 3'\n") == nil)
  }

  @Test func aFileOfMillionsOfItemsIsRefusedBeforeParsing() {
    let text = "scenario: x\nfoo: [" + String(repeating: "1,", count: 600_000) + "1]\n"
    var message = ""
    do { _ = try ScenarioLoader.parse(text, file: "flat.yaml") } catch { message = error.description }
    #expect(
      message == "flat.yaml: the file has more than 500000 lines and list items; scenario files are limited to 500000")
  }

  @Test func aFileOver16MiBIsRefusedUnread() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)-big.yaml")
      .path
    FileManager.default.createFile(atPath: path, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(ScenarioFile.maxBytes + 1))  // sparse: nothing is written
    try handle.close()
    #expect(problems(path) == ["\(path): the file has 16777217 bytes; scenario files are at most 16 MiB"])
  }

  /// 10,000 levels and 10,000 units, each the parent of the next: refused at once on
  /// their counts (the parent-cycle walk was once quadratic in the depth).
  @Test func aTenThousandLevelHierarchyIsRefusedQuickly() {
    let n = 10_000
    let clock = ContinuousClock()
    let start = clock.now
    let found = issues { text in
      var t = text.replacingOccurrences(
        of: "levels: [province, commune]", with: "levels: [\((0..<n).map { "l\($0)" }.joined(separator: ", "))]")
      let units = (0..<n).map {
        "  - {id: u\($0), level: l\($0), parent: \($0 == 0 ? "null" : "u\($0 - 1)"), desks: [{id: d, count: 1}]}"
      }
      let a = t.range(of: "units:\n")!, b = t.range(of: "agencies:")!
      t.replaceSubrange(a.lowerBound..<b.lowerBound, with: "units:\n" + units.joined(separator: "\n") + "\n")
      return t
    }
    #expect(clock.now - start < .seconds(20))
    #expect(found.contains("F:5:9: levels: expected at most 16 levels, got 10000"))
    #expect(found.contains("F:11:3: units: expected at most 5000 units (after count is expanded), got 10000"))
  }

  // MARK: - Errors that flooded

  /// A 1 MB value under unit_defaults, shared by every commune: one short message.
  @Test func aMegabyteValueIsQuotedOnceAndShort() {
    let found = issues {
      $0.replacingOccurrences(
        of: "units:\n",
        with: "unit_defaults:\n  commune: {hours: \"\(String(repeating: "A", count: 1_000_000))\"}\nunits:\n")
    }
    #expect(
      found == [
        """
          F:11:20: unit_defaults.commune.hours: unknown opening hours 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…\
           (1000000 bytes)'; \
          define it under hours:
          """
      ])
  }

  @Test func controlCharactersAreEscapedInMessages() {
    let found = issues {
      $0.replacingOccurrences(of: "closing_rule", with: "x").replacingOccurrences(
        of: "    level: commune", with: "    level: commune\n    closing_rule: \"\\e[2Jserve\"")
    }
    #expect(
      found == [
        "F:19:19: units[1].closing_rule: expected one of serve-all, send-home, found '\\u{1B}[2Jserve'"
      ])
  }

  @Test func duplicateKeysGiveTheLineAndNotTheFile() {
    #expect(
      problems(fixture("duplicate-keys.yaml")) == [
        """
          \(fixture("duplicate-keys.yaml")):3:1: duplicate key 'start' in one mapping (first written here); each key \
          may appear once
          """
      ])
  }

  @Test func aThousandMistakesAreCappedAtTwoHundredLines() {
    let found = issues {
      $0 + "\nbehaviour:\n" + (0..<1000).map { "  bad_key_\($0): 1" }.joined(separator: "\n") + "\n"
    }
    #expect(found.count == ScenarioReader.maxIssues + 1)
    #expect(found.last == "F: 800 more problems not listed; fix the ones above first")
  }

  // MARK: - Security: extends reads scenario files only, and never quotes others

  @Test func extendsRefusesFilesThatAreNotYAML() {
    #expect(
      problems(fixture("extends-passwd.yaml")) == [
        """
          \(fixture("extends-passwd.yaml")):2:10: extends: cannot use '../../../../../../../../etc/passwd' as a base \
          scenario: scenario files must be YAML files ending in .yaml or .yml
          """
      ])
    #expect(problems("/etc/passwd") == ["/etc/passwd: scenario files must be YAML files ending in .yaml or .yml"])
    #expect(
      problems("/proc/self/environ") == [
        "/proc/self/environ: scenario files must be YAML files ending in .yaml or .yml"
      ])
  }

  @Test func aBaseThatIsNotAScenarioIsNotQuoted() {
    let found = problems(fixture("extends-secret.yaml"))
    #expect(
      found == [
        """
          \(fixture("secret.yaml")):1:1: not a scenario: none of its 1 keys is a scenario key (scenario:, start:, \
          units:, ...)
          """
      ])
    #expect(!found.joined().contains("saltsalt"))
  }

  @Test func linksAndFIFOsNamedYAMLAreRefused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("link.yaml").path, fifo = dir.appendingPathComponent("fifo.yaml").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/etc/hostname")
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(problems(link) == ["\(link): a link to a file that is not a .yaml or .yml file"])
    #expect(problems(fifo) == ["\(fifo): not a regular file; scenario files are regular .yaml or .yml files"])
  }
}
