import DESKernel
import OneStopModel
import Testing

/// The one estimate of a KPI over replications, and the KPI units that format and check it.
@Suite struct EstimateTests {
  @Test func halfWidthIsStudentTOverRootN() {
    let xs = [3.0, 5, 4, 8, 6]
    let e = Estimate(xs)
    var t = Tally()
    xs.forEach { t.add($0) }
    #expect(e.mean == t.mean && e.variance == t.variance && e.count == 5)
    // t(0.975, 4) = 2.776445...
    let expected = 2.7764451051977987 * t.standardDeviation / 5.0.squareRoot()
    #expect(abs(e.halfWidth - expected) < 1e-12)
    #expect(e.high == e.mean + e.halfWidth && e.low == max(0, e.mean - e.halfWidth))
    #expect(e.oneSidedMargin < e.halfWidth)
  }

  @Test func noIntervalWithFewerThanTwoReplications() {
    let one = Estimate([7.0])
    #expect(one.mean == 7 && one.halfWidth == 0 && !one.hasInterval)
    #expect(one.oneSidedMargin == .infinity)
    #expect(Estimate([Double]()).count == 0)
  }

  @Test func theIntervalIsCutAtZero() {
    let e = Estimate([0.0, 0, 3])
    #expect(e.low == 0 && e.mean - e.halfWidth < 0)
  }

  @Test func welchAndUnpairedMatchTheirFormulas() {
    let a = Estimate([1.0, 2, 3, 4]), b = Estimate([2.0, 3, 5, 6])
    #expect(
      a.welchPValue(against: b)
        == StudentT.welchPValue(
          mean1: a.mean, variance1: a.variance, count1: 4,
          mean2: b.mean, variance2: b.variance, count2: 4))
    let se = (a.variance / 4 + b.variance / 4).squareRoot()
    #expect(Estimate.unpairedHalfWidth(a, b) == StudentT.quantile(0.975, degreesOfFreedom: 6) * se)
  }

  @Test func everyKPIHasAUnitWithFormatFloorAndSuffix() {
    // The floors `onestop check` used when units were strings.
    let floors: [String: Double] = [
      "dossiers": 10, "letters": 10, "results": 10, "visits": 0.02, "%": 0.2, "min": 0.2,
      "days": 0.1, "hours": 2, "events": 1000, "citizens": 0.05, "staff": 0.05, "officers": 0.05, "points": 0.2,
    ]
    for unit in KPIUnit.allCases { #expect(floors[unit.symbol] == unit.checkFloor, "\(unit)") }
    #expect(
      KPIUnit(rawValue: "%") == .percent && KPIUnit.minutes.columnSuffix == "_min"
        && KPIUnit.dossiers.columnSuffix == "")
    #expect(KPIUnit.dossiers.decimals == 0 && KPIUnit.percent.decimals == 2)
    #expect(KPI.named("desk_wait_p90@level:province")?.unit == .minutes)
  }
}
