/// Simulated time: a plain `Double` in whatever unit the model chooses.
///
/// The kernel never interprets the unit. The one-stop model counts seconds from the
/// scenario start (local time, UTC+7, no daylight saving); the M/M/c benchmark counts
/// minutes. A `Double` holds every second of a century exactly, so no time is lost to
/// rounding over any horizon a planner will run.
///
/// ## The `run(until:)` convention
///
/// `Engine.run(until: t)` processes every event whose time is **strictly before** `t`,
/// then sets the clock to `t`. An event scheduled exactly at `t` stays in the queue and
/// runs first in the next call. SimPy, SimCpp20 and simmer all make the same choice, so a
/// horizon of "one year" means `[start, start + 1 year)`.
public typealias SimTime = Double
