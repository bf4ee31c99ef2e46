import OneStopBench
import OneStopModel
import Testing
import TestSupport

/// Nonsense that type-checks is refused, with every problem and its location (written
/// with the configuration's property names: the scenario layer names the file's keys).
@Suite struct ConfigurationValidationTests {
  func problems(_ edit: (inout ModelConfiguration) -> Void) -> [String] {
    var c = SyntheticProvince.make(districts: 1, communesPerDistrict: [1], annualDossiers: 1000, backlog: 0)
    edit(&c)
    do {
      _ = try CompiledModel(c)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test func aValidConfigurationCompiles() { #expect(problems { _ in }.isEmpty) }

  @Test func unknownParentAndLevelAreNamed() {
    let p = problems {
      $0.units[1].parent = "nowhere"
      $0.units[2].level = "village"
    }
    #expect(p.contains("units[1].parent: unknown unit 'nowhere'"))
    #expect(p.contains("units[2].level: unknown level 'village'; expected one of province, district, commune"))
  }

  @Test func parentCyclesAreRefused() {
    let p = problems { $0.units[0].parent = "commune-1-1" }
    #expect(p.contains { $0.hasPrefix("units[0].parent: parent links form a cycle") })
  }

  @Test func negativeStaffIsRefused() {
    let p = problems {
      $0.agencies[0].officers = -2
      $0.units[0].desks[0].count = -1
    }
    #expect(p.contains("agencies[0].officers: expected a number of officers >= 0, got -2"))
    #expect(p.contains("units[0].desks[0].count: expected a number of desks >= 0, got -1"))
  }

  @Test func deskShiftsOutsideOpeningHoursAreRefused() {
    let p = problems {
      let late = DailyHours(intervals: [OpenInterval(open: TimeOfDay("07:00")!, close: TimeOfDay("18:30")!)])
      $0.units[0].desks[0].hours = OpeningSchedule(base: WeeklyHours(weekdays: late))
    }
    #expect(
      p.contains {
        $0.hasPrefix("units[0].desks[0].hours: desk hours 07:00-18:30 on Monday lie outside the unit's opening hours")
      })
  }

  @Test func probabilitiesMustBeProbabilitiesAndNotExceedOne() {
    let p = problems {
      $0.procedures[0].pIncomplete = 0.7
      $0.procedures[0].pGuidanceOnly = 0.5
      $0.procedures[1].pSupplement = 1.5
    }
    #expect(p.contains("procedures[0]: pIncomplete + pRefused + pGuidanceOnly must not exceed 1, got 1.21"))
    #expect(p.contains("procedures[1].pSupplement: expected a probability in [0, 1], got 1.5"))
  }

  @Test func unknownReferencesInDemandAndStepsAreNamed() {
    let p = problems {
      $0.demand[0].mix.append(("no-such-procedure", 1))
      $0.procedures[3].steps[0].place = .agency("GHOST@province")
    }
    #expect(p.contains("demand[0].mix[5]: unknown procedure 'no-such-procedure'"))
    #expect(p.contains("procedures[3].steps[0].place: unknown agency 'GHOST@province'"))
  }
}
