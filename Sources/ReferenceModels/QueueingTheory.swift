/// Closed-form results of queueing theory that the simulator is checked against.
public enum QueueingTheory {
  /// Erlang's B formula (loss probability of M/M/c/c) for offered load `a` = λ/μ, by the
  /// stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
  public static func erlangB(servers c: Int, offeredLoad a: Double) -> Double {
    var b = 1.0
    if c > 0 {
      for k in 1...c { b = a * b / (Double(k) + a * b) }
    }
    return b
  }

  /// Steady-state measures of M/M/c (Erlang C).
  public struct MMc: Sendable, Equatable {
    /// Probability that an arrival waits.
    public let probabilityOfWaiting: Double
    /// Mean wait in queue, Wq.
    public let meanWait: Double
    /// Mean time in system, W = Wq + 1/μ.
    public let meanSojourn: Double
    /// Mean queue length, Lq = λ·Wq.
    public let meanQueueLength: Double
    /// Mean number in system, L = λ·W.
    public let meanInSystem: Double
    /// Server utilisation ρ = λ/(cμ).
    public let utilisation: Double
  }

  /// Erlang C for `c` servers, arrival rate `lambda`, service rate `mu` per server.
  /// Requires λ < cμ: C = B / (1 − ρ(1 − B)), Wq = C / (cμ − λ).
  public static func mmc(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> MMc? {
    let a = lambda / mu
    let rho = a / Double(c)
    guard c >= 1, lambda > 0, mu > 0, rho < 1 else { return nil }
    let b = erlangB(servers: c, offeredLoad: a)
    let pw = b / (1 - rho * (1 - b))
    let wq = pw / (Double(c) * mu - lambda)
    let w = wq + 1 / mu
    return MMc(
      probabilityOfWaiting: pw, meanWait: wq, meanSojourn: w,
      meanQueueLength: lambda * wq, meanInSystem: lambda * w, utilisation: rho)
  }

  /// Pollaczek-Khinchine mean wait of M/G/1: Wq = λ·E[S²] / (2(1 − ρ)), with
  /// E[S²] = Var[S] + E[S]², ρ = λ·E[S] < 1.
  public static func pollaczekKhinchineWait(
    arrivalRate lambda: Double, serviceMean: Double, serviceVariance: Double
  ) -> Double? {
    let rho = lambda * serviceMean
    guard lambda > 0, serviceMean > 0, rho < 1 else { return nil }
    return lambda * (serviceVariance + serviceMean * serviceMean) / (2 * (1 - rho))
  }
}
