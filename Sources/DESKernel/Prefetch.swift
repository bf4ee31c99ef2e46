import CGSL

/// Starts loading the cache line at `address` for writing, without waiting for it.
///
/// A simulation of a province keeps hundreds of thousands of records (dossiers, officers,
/// lines) and each event touches a few of them, mostly untouched for hours of simulated
/// time: the first read of each waited for memory and took a fifth of the run's time. The
/// engine shows the model the next event before it handles the current one
/// (`SimulationModel.prefetch(_:)`), so those reads overlap the current event's work.
/// A hint only: it changes no value, and a wrong guess costs a little bandwidth.
@inlinable @inline(__always)
public func prefetch(_ address: UnsafeRawPointer) {
  onestop_prefetch(address)
}
