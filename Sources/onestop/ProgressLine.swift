import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "replication 3/10, 2.1 M events/s, about 12 s left" on standard error, rewritten in
/// place; silent when standard error is not a terminal, and for runs under a second.
final class ProgressLine: Sendable {
  private let total: Int
  private let start = ContinuousClock.now
  private let shown = Mutex(false)

  init(total: Int) { self.total = total }

  private var elapsed: Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// `total` overrides the initial total (it grows under `--replications auto`).
  func update(done: Int, events: UInt64, total: Int? = nil) {
    let total = total ?? self.total
    guard isatty(2) != 0 else { return }
    let t = elapsed
    guard t > 1 else { return }
    let rate = Double(events) / t / 1e6
    let left = done > 0 ? t / Double(done) * Double(total - done) : 0
    shown.withLock { $0 = true }
    var e = StandardError()
    print(
      "\rreplication \(done)/\(total), \(rate.formatted(digits: 1)) M events/s, about \(Int(left.rounded())) s left   ",
      terminator: "", to: &e)
  }

  /// For sweeps: "point 12/200, about 30 s left".
  func update(rows done: Int, of total: Int) {
    guard isatty(2) != 0 else { return }
    let t = elapsed
    guard t > 1 else { return }
    let left = done > 0 ? t / Double(done) * Double(total - done) : 0
    shown.withLock { $0 = true }
    var e = StandardError()
    let width = 30, filled = total > 0 ? width * done / total : 0
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    print("\r[\(bar)] point \(done)/\(total), about \(Int(left.rounded())) s left   ", terminator: "", to: &e)
  }

  func finish() {
    if shown.withLock({ $0 }) {
      var e = StandardError()
      print("", to: &e)
    }
  }
}
