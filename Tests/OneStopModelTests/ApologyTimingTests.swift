import DESKernel
import OneStopModel
import Testing
import TestSupport

/// Apologies with Decree 61/2018 Art. 19(9)'s timing (R11): a letter at the latest
/// `apology_lead` working days before the due day, sent for a share `apology_compliance`
/// of the dossiers still in processing then; the others, if late, get a letter at the end
/// of the due day or none (`late_apology`).
@Suite struct ApologyTimingTests {
  /// One always-open desk unit, every dossier accepted and its result sent online (a
  /// letter changes nothing else), a 5-working-day deadline and one back-office step whose
  /// lead time (exponential, mean 4 working days) makes about a third of them late. With
  /// `queue`, no lead time: 4 officers get 10 % more work than they can do (exponential,
  /// mean 1.1 h each, 96 dossiers a day), so the line grows and dossiers turn late from
  /// the second month on.
  static func config(queue: Bool = false, _ edit: (inout ProcessingRules) -> Void = { _ in }) throws -> CompiledModel {
    var config = ProvinceFixtures.alwaysOpenDesks(desks: 4, perHour: 4, serviceMinutes: 10, days: 120)
    config.procedures[0].deadline = .workingDays(5)
    if queue {
      config.agencies[0].officers = 4
      config.procedures[0].steps[0].work = try .exponential(mean: 1.1)
    } else {
      config.procedures[0].steps[0].leadTime = try .exponential(mean: 4)
    }
    edit(&config.rules)
    return try CompiledModel(config)
  }

  /// Per dossier of a traced run: its letter's detail (1 on time, 2 late) and whether it
  /// was resolved overdue.
  static func letters(_ r: RunResult) -> (letter: [UInt32: Int32], overdue: Set<UInt32>, onTime: Set<UInt32>) {
    var letter: [UInt32: Int32] = [:], overdue: Set<UInt32> = [], onTime: Set<UInt32> = []
    for t in r.trace {
      switch t.event {
      case .apology: letter[t.dossier] = t.detail
      case .resolved where t.detail == 0: overdue.insert(t.dossier)
      case .resolved: onTime.insert(t.dossier)
      default: break
      }
    }
    return (letter, overdue, onTime)
  }

  /// Full compliance: every dossier in processing at the watch gets its letter then, so
  /// no letter is late and every overdue dossier had one in time.
  @Test func fullComplianceLeavesNoLateLetter() throws {
    let model = try Self.config { $0.apologyCompliance = 1 }
    let r = OneStopSimulation.run(model, seed: 4, trace: true)
    let t = r.total(), (letter, overdue, _) = Self.letters(r)
    #expect(t.resolvedOverdue > 300, "\(t.resolvedOverdue) overdue")
    #expect(t.apologiesLate == 0 && t.apologiesOnTime == t.apologies && t.apologiesOnTime >= t.resolvedOverdue)
    #expect(overdue.allSatisfy { letter[$0] == ApologyTiming.onTime.rawValue })
  }

  /// No compliance: no letter in time; every overdue dossier gets one at the end of its
  /// due day, or none with `late_apology: none`; nothing else in the run changes.
  @Test func noComplianceMakesEveryLetterLate() throws {
    let late = OneStopSimulation.run(try Self.config { $0.apologyCompliance = 0 }, seed: 4, trace: true)
    let none = OneStopSimulation.run(
      try Self.config {
        $0.apologyCompliance = 0
        $0.lateApology = .noLetter
      }, seed: 4, trace: true)
    let t = late.total(), (letter, overdue, onTime) = Self.letters(late)
    #expect(t.apologiesOnTime == 0 && t.apologiesLate == t.apologies && t.apologies >= t.resolvedOverdue)
    #expect(overdue.allSatisfy { letter[$0] == ApologyTiming.late.rawValue } && onTime.allSatisfy { letter[$0] == nil })
    #expect(none.total().apologies == 0 && none.total().resolvedOverdue == t.resolvedOverdue)
    #expect(none.trace == late.trace.filter { $0.event != .apology })
  }

  /// A share between 0 and 1: each overdue dossier had its letter in time independently
  /// with probability 0.4, so their share lies within the 99.9 % binomial interval
  /// (z = 3.29, about 2,000 overdue dossiers over 3 replications); the rest came late.
  @Test func aPartialComplianceIsBinomial() throws {
    let model = try Self.config { $0.apologyCompliance = 0.4 }
    var inTime = 0.0, overdueCount = 0.0
    for rep in 0..<3 {
      let r = OneStopSimulation.run(model, seed: 8, replication: UInt64(rep), trace: true)
      let (letter, overdue, _) = Self.letters(r)
      inTime += Double(overdue.filter { letter[$0] == ApologyTiming.onTime.rawValue }.count)
      overdueCount += Double(overdue.count)
      #expect(overdue.allSatisfy { letter[$0] != nil })
      #expect(r.total().apologiesOnTime + r.total().apologiesLate == r.total().apologies)
    }
    let halfWidth = 3.29 * (0.4 * 0.6 / overdueCount).squareRoot()
    #expect(overdueCount > 1000 && abs(inTime / overdueCount - 0.4) <= halfWidth, "\(inTime) of \(overdueCount)")
  }

  /// Without the keys the watch is the model's before R11 timing: a letter in time only
  /// when the remaining fixed delays alone end after the due date, a lower bound, so each
  /// such dossier is late indeed. A late lead time is such a delay: every overdue dossier
  /// of the first fixture is foreseen. A queue is not: in the second every letter is late,
  /// where full compliance sends every one in time.
  @Test func withoutTheKeysOnlyFixedDelaysAreForeseen() throws {
    let model = try Self.config()
    #expect(!model.rules.timesApologies)
    let r = OneStopSimulation.run(model, seed: 4, trace: true)
    let (letter, overdue, onTime) = Self.letters(r)
    #expect(overdue.count > 300 && overdue.allSatisfy { letter[$0] == ApologyTiming.onTime.rawValue })
    #expect(onTime.allSatisfy { letter[$0] == nil })
    let queued = OneStopSimulation.run(try Self.config(queue: true), seed: 4).total()
    #expect(queued.resolvedOverdue > 300 && queued.apologiesOnTime == 0)
    #expect(queued.apologiesLate >= queued.resolvedOverdue)
    let timed = OneStopSimulation.run(try Self.config(queue: true) { $0.apologyCompliance = 1 }, seed: 4).total()
    #expect(timed.apologiesLate == 0 && timed.apologiesOnTime >= timed.resolvedOverdue)
    #expect(timed.resolvedOverdue == queued.resolvedOverdue)
  }

  /// The timing keys enter the rules' description (and so the scenario hash) only when set.
  @Test func timingEntersTheDescriptionOnlyWhenSet() {
    var rules = ProcessingRules()
    let plain = String(describing: rules)
    #expect(!plain.contains("apologyCompliance") && !plain.contains("lateApology") && plain.contains("apologyLead"))
    rules.lateApology = .noLetter
    #expect(String(describing: rules).contains("lateApology"))
    rules = ProcessingRules()
    rules.apologyCompliance = 0.5
    #expect(String(describing: rules).contains("apologyCompliance: Optional(0.5)") == false)
    #expect(String(describing: rules).contains("apologyCompliance: 0.5"))
  }
}
