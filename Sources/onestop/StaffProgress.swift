import Foundation
import OneStopStaff
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `staff`'s progress on standard error: the plans evaluated and replications run so far,
/// the plan being run, and the time left at most ("12 plans run, 50 replications; plan 13:
/// replication 2/4, about 3 s left for it; 35 s so far, at most about 9 min left"), then
/// each plan's line when done. The running line shows only when standard error is a
/// terminal; the plan lines always (they are the log). How the time left is estimated:
/// `StaffTimeLeft`.
final class StaffProgress: Sendable {
  private struct State {
    var planStart: ContinuousClock.Instant?
    var plans = 0
    var shown = false
    /// The current plan's replications done so far.
    var done = 0
    var estimate = StaffTimeLeft()
  }

  private let started = ContinuousClock.now
  private let state = Mutex(State())

  private static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// The search is about to take a step: at most `steps` are left, at `plansPerStep` plans
  /// of `replications` replications each.
  func bound(steps: Int, plansPerStep: Double, replications: Int) {
    state.withLock {
      $0.estimate.stepsLeft = steps
      $0.estimate.plansPerStep = plansPerStep
      $0.estimate.replicationsPerPlan = replications
    }
  }

  /// Replication `done` of `total` of the current plan finished.
  func replication(_ done: Int, of total: Int) {
    guard isatty(2) != 0 else { return }
    let now = ContinuousClock.now
    let s = state.withLock { s -> State in
      if s.planStart == nil {
        s.planStart = now
        s.plans += 1
      }
      s.shown = true
      s.done = done
      return s
    }
    let t = Self.seconds(now - s.planStart!), all = Self.seconds(now - started)
    let left = done > 0 ? t / Double(done) * Double(total - done) : 0
    var line = "\(s.plans - 1) plans run, \(s.estimate.replications + done) replications; plan \(s.plans): "
    line += "replication \(done)/\(total), about \(StaffTimeLeft.duration(left)) left for it; "
    line += "\(StaffTimeLeft.duration(all)) so far"
    if let most = s.estimate.secondsLeft(done: done, running: t) {
      line += ", at most about \(StaffTimeLeft.duration(most)) left"
    }
    var e = StandardError()
    print("\r\u{1B}[K" + line, terminator: "", to: &e)
  }

  /// A log line (a plan evaluated, a search step): clears the running line first.
  func line(_ text: String) {
    let now = ContinuousClock.now
    let shown = state.withLock { s -> Bool in
      let was = s.shown
      if let start = s.planStart {
        s.estimate.replications += s.done
        s.estimate.seconds += Self.seconds(now - start)
      }
      s.shown = false
      s.planStart = nil
      s.done = 0
      return was
    }
    var e = StandardError()
    print((shown ? "\r\u{1B}[K" : "") + text, to: &e)
  }
}
