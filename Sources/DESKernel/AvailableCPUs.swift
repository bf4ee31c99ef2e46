#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of CPUs this process may actually use: the CPUs in its affinity mask
/// (`taskset`, `numactl`, Slurm's `--cpus-per-task`), further limited by a cgroup CPU
/// quota (`docker --cpus`, Kubernetes limits, systemd `CPUQuota=`): cgroup v2
/// `cpu.max` along the process's own cgroup path, or cgroup v1 `cpu.cfs_quota_us` /
/// `cpu.cfs_period_us`. A quota of 1.5 CPUs counts as 2. Never less than 1.
/// `sysconf(_SC_NPROCESSORS_ONLN)` counts the machine's CPUs, not the process's.
public enum AvailableCPUs {
  public static var count: Int {
    var n = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    if let a = affinityCount() { n = min(n, a) }
    if let q = quotaCPUs() { n = min(n, q) }
    return max(1, n)
  }

  /// CPUs in the affinity mask (what `sched_getaffinity` returns), read from the
  /// `Cpus_allowed_list` line of /proc/self/status (`0-3,8`); nil when unknown.
  public static func affinityCount(status: String = "/proc/self/status") -> Int? {
    guard let text = readSmall(status, limit: 1 << 16),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
    else { return nil }
    return cpuListCount(String(line.dropFirst("Cpus_allowed_list:".count)))
  }

  /// The number of CPUs in a kernel CPU list such as `0-3,8,10-11`; nil when malformed.
  public static func cpuListCount(_ list: String) -> Int? {
    var n = 0
    for part in list.trimmedBlank().replacingTabs().split(separator: ",") {
      let ends = part.split(separator: "-")
      if ends.count == 1, Int(ends[0]) != nil {
        n += 1
      } else if ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), b >= a {
        n += b - a + 1
      } else {
        return nil
      }
    }
    return n > 0 ? n : nil
  }

  /// The cgroup CPU quota rounded up to whole CPUs, nil when there is none.
  public static func quotaCPUs(root: String = "/sys/fs/cgroup", selfCgroup: String = "/proc/self/cgroup") -> Int? {
    var best: Int?
    func take(_ quota: Double, _ period: Double) {
      guard quota > 0, period > 0 else { return }
      let cpus = max(1, Int((quota / period).rounded(.up)))
      best = min(best ?? cpus, cpus)
    }
    // cgroup v2: "0::/path"; every ancestor's cpu.max limits the process.
    let lines = (readSmall(selfCgroup) ?? "").split(separator: "\n")
    if let v2 = lines.first(where: { $0.hasPrefix("0::") }) {
      var path = String(v2.dropFirst(3))
      while true {
        if let text = readSmall(root + (path == "/" ? "" : path) + "/cpu.max") {
          let f = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
          if f.count >= 2, f[0] != "max", let q = Double(f[0]), let p = Double(f[1]) { take(q, p) }
        }
        if path == "/" || path.isEmpty { break }
        path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if path.isEmpty { path = "/" }
      }
    }
    // cgroup v1.
    for dir in [root + "/cpu", root + "/cpu,cpuacct"] {
      if let q = readSmall(dir + "/cpu.cfs_quota_us").flatMap({ Double($0.trimmedBlank()) }),
        let p = readSmall(dir + "/cpu.cfs_period_us").flatMap({ Double($0.trimmedBlank()) })
      {
        take(q, p)
      }
    }
    return best
  }

  /// A small text file (at most 4 KiB), nil when unreadable.
  static func readSmall(_ path: String, limit: Int = 4096) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: limit)
    var total = 0
    while total < limit {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, limit - total) }
      if n <= 0 { break }
      total += n
    }
    guard total > 0 else { return nil }
    return String(decoding: buffer[0..<total], as: UTF8.self)
  }
}

extension String {
  fileprivate func replacingTabs() -> String { String(self.map { $0 == "\t" ? " " : $0 }).trimmedBlank() }

  fileprivate func trimmedBlank() -> String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\n" || c == "\t" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\n" || c == "\t" { s.removeLast() }
    return String(s)
  }
}
