#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a benchmark costs the machine besides time.
public enum ResourceUsage {
  /// Peak resident memory of this process in MiB (`ru_maxrss`: KiB on Linux, bytes on macOS).
  public static var peakResidentMiB: Double {
    var usage = rusage()
    #if os(Linux)
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return Double(usage.ru_maxrss) / 1024
    #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
    return Double(usage.ru_maxrss) / (1024 * 1024)
    #endif
  }
}
