import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `staff`'s progress on standard error: the plan being run ("plan 7: replication 2/4,
/// about 3 s left for it"), then its line when done with the plans run and the time so far.
/// The running line shows only on a terminal; the plan lines always (they are the log).
final class StaffProgress: Sendable {
  private let started = ContinuousClock.now
  /// The instant the current plan's first replication was reported, and plans begun.
  private let state = Mutex<(planStart: ContinuousClock.Instant?, plans: Int, shown: Bool)>((nil, 0, false))

  private static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// Replication `done` of `total` of the current plan finished.
  func replication(_ done: Int, of total: Int) {
    guard isatty(2) != 0 else { return }
    let now = ContinuousClock.now
    let (start, plans) = state.withLock { s -> (ContinuousClock.Instant, Int) in
      if s.planStart == nil {
        s.planStart = now
        s.plans += 1
      }
      s.shown = true
      return (s.planStart!, s.plans)
    }
    let t = Self.seconds(now - start), all = Self.seconds(now - started)
    let left = done > 0 ? t / Double(done) * Double(total - done) : 0
    var e = StandardError()
    print(
      "\r\u{1B}[Kplan \(plans): replication \(done)/\(total), about \(Int(left.rounded())) s left for it; "
        + "\(Int(all.rounded())) s so far",
      terminator: "", to: &e)
  }

  /// A log line (a plan evaluated, a search step): clears the running line first.
  func line(_ text: String) {
    let shown = state.withLock { s -> Bool in
      let was = s.shown
      s.shown = false
      s.planStart = nil
      return was
    }
    var e = StandardError()
    print((shown ? "\r\u{1B}[K" : "") + text, to: &e)
  }
}
