import DESKernel
import OneStopModel

/// Province configurations built in code: the shape of a Tuyên Quang-sized province
/// (1 provincial centre, 7 districts, 138 communes, about 180,000 dossiers a year) for
/// benchmarks and tests. Staffing and times are priors (no field data in the source reports), not a
/// calibration; the calibrated scenarios are files under `scenarios/`.
public enum SyntheticProvince {
  /// A province with `districts` districts of `communesPerDistrict` communes, receiving
  /// `annualDossiers` new dossiers a year over `years` years from `start`.
  public static func make(
    districts: Int = 7, communesPerDistrict: [Int]? = nil, annualDossiers: Double = 178_173,
    start: CivilDate = CivilDate(year: 2022, month: 1, day: 1)!, years: Int = 1, backlog: Int = 2_116,
    onlineShare: Double = 0.35, postalShare: Double = 0.04
  ) -> ModelConfiguration {
    let communeCounts = communesPerDistrict ?? distribute(138, over: districts)
    let fields = ["land", "transport", "business", "justice", "civil-status", "social", "construction", "other"]
    let (units, agencies) = offices(communeCounts)
    let volumes = demand(
      communeCounts, annualDossiers: annualDossiers, onlineShare: onlineShare, postalShare: postalShare)
    let backlogEntries: [BacklogEntry] =
      backlog > 0
      ? [
        BacklogEntry(
          unit: "province", procedure: "land-certificate", count: backlog / 2,
          receivedFrom: start.adding(days: -40), receivedThrough: start.adding(days: -1)),
        BacklogEntry(
          unit: "district-1", procedure: "land-transfer", count: backlog - backlog / 2,
          receivedFrom: start.adding(days: -14), receivedThrough: start.adding(days: -1)),
      ] : []
    var calendar = CalendarSettings()
    calendar.allowUnbundledYears = true
    return ModelConfiguration(
      name: "synthetic province", start: start,
      end: CivilDate(year: start.year + years, month: start.month, day: start.day)!,
      calendar: calendar, levels: ["province", "district", "commune"], fields: fields, units: units, agencies: agencies,
      procedures: procedures, demand: volumes, backlog: backlogEntries)
  }

  /// The provincial centre, `communeCounts.count` districts and their communes, each with
  /// its desks, and the agencies behind them.
  static func offices(_ communeCounts: [Int]) -> ([UnitConfiguration], [AgencyConfiguration]) {
    let hours = OpeningSchedule.standardOffice
    let districts = communeCounts.count
    var units: [UnitConfiguration] = []
    var agencies: [AgencyConfiguration] = []
    units.append(
      UnitConfiguration(
        id: "province", name: "Provincial PASC", level: "province", hours: hours,
        ticketCutoff: TimeOfDay(hours: 16, minutes: 30),
        desks: [
          DeskGroupConfiguration(id: "land", count: 4, fields: ["land"]),
          DeskGroupConfiguration(id: "transport", count: 2, fields: ["transport"]),
          DeskGroupConfiguration(id: "business", count: 2, fields: ["business"]),
          DeskGroupConfiguration(id: "justice", count: 2, fields: ["justice"]),
          DeskGroupConfiguration(id: "general", count: 3, fields: ["social", "construction", "other", "civil-status"]),
        ], onlineIntakeOfficers: 3, digitisationFrom: CivilDate(year: 2022, month: 6, day: 1)))
    agencies += [
      AgencyConfiguration(id: "TNMT@province", name: "Natural Resources & Environment", unit: "province", officers: 20),
      AgencyConfiguration(id: "GTVT@province", name: "Transport", unit: "province", officers: 7),
      AgencyConfiguration(id: "KHDT@province", name: "Planning & Investment", unit: "province", officers: 4),
      AgencyConfiguration(id: "TUPHAP@province", name: "Justice", unit: "province", officers: 5),
      AgencyConfiguration(id: "OTHER@province", name: "Other departments", unit: "province", officers: 5),
    ]
    for d in 0..<districts {
      let did = "district-\(d + 1)"
      units.append(
        UnitConfiguration(
          id: did, level: "district", parent: "province", hours: hours, ticketCutoff: TimeOfDay(hours: 16, minutes: 30),
          desks: [
            DeskGroupConfiguration(id: "land", count: 3, fields: ["land", "construction"]),
            DeskGroupConfiguration(id: "general", count: 3, fields: []),
          ], onlineIntakeOfficers: 1, digitisationFrom: CivilDate(year: 2022, month: 12, day: 1)))
      agencies += [
        AgencyConfiguration(id: "TNMT@\(did)", unit: did, officers: 7),
        AgencyConfiguration(id: "LDTBXH@\(did)", unit: did, officers: 3),
        AgencyConfiguration(id: "TUPHAP@\(did)", unit: did, officers: 1),
        AgencyConfiguration(id: "QLDT@\(did)", unit: did, officers: 2),
      ]
      for c in 0..<communeCounts[d] {
        let cid = "commune-\(d + 1)-\(c + 1)"
        units.append(
          UnitConfiguration(
            id: cid, level: "commune", parent: did, hours: hours, desks: [DeskGroupConfiguration(id: "desk", count: 1)],
            onlineIntakeOfficers: 1, digitisationFrom: CivilDate(year: 2023, month: 6, day: 1)))
        agencies.append(AgencyConfiguration(id: "UBND@\(cid)", unit: cid, officers: 1))
      }
    }
    return (units, agencies)
  }

  /// Twelve procedures over the eight fields; work times are gamma priors (shape 2) with the
  /// given mean in hours.
  static var procedures: [ProcedureConfiguration] {
    func exp(_ hours: Double) -> Distribution { try! .gamma(shape: 2, scale: hours / 2) }
    return [
      .init(
        id: "land-certificate", field: "land", deadline: .workingDays(30),
        steps: [.init(place: .nearest("TNMT"), work: exp(3), appraisal: true)], onlineMode: .partial,
        pSupplement: 0.10),
      .init(
        id: "land-transfer", field: "land", deadline: .workingDays(10),
        steps: [.init(place: .nearest("TNMT"), work: exp(1.5), appraisal: true)], onlineMode: .partial,
        pSupplement: 0.08),
      .init(
        id: "commune-land-confirmation", field: "land", deadline: .workingDays(15),
        steps: [
          .init(place: .nearest("UBND"), work: exp(1.5), appraisal: true),
          .init(place: .nearest("TNMT"), work: exp(1.5)),
        ],
        onlineMode: .partial, pSupplement: 0.08),
      .init(
        id: "road-registration", field: "transport", deadline: .workingDays(5),
        steps: [.init(place: .agency("GTVT@province"), work: exp(1.5), appraisal: true)], onlineMode: .full),
      .init(
        id: "business-registration", field: "business", deadline: .workingDays(3),
        steps: [.init(place: .agency("KHDT@province"), work: exp(1))], onlineMode: .full, pIncomplete: 0.08),
      .init(
        id: "judicial-record", field: "justice", deadline: .workingDays(10),
        steps: [.init(place: .nearest("TUPHAP"), work: exp(1))], onlineMode: .full),
      .init(
        id: "construction-permit", field: "construction", deadline: .workingDays(15),
        steps: [.init(place: .nearest("QLDT"), work: exp(2), appraisal: true)], onlineMode: .partial),
      .init(
        id: "social-allowance", field: "social", deadline: .workingDays(10),
        steps: [
          .init(place: .nearest("UBND"), work: exp(1)),
          .init(place: .nearest("LDTBXH"), work: exp(1.5), appraisal: true),
        ],
        onlineMode: .partial),
      .init(
        id: "disability-allowance", field: "social", deadline: .workingDays(10),
        steps: [.init(place: .nearest("LDTBXH"), work: exp(1.5), appraisal: true)], onlineMode: .partial),
      .init(
        id: "birth-registration", field: "civil-status", deadline: .workingDays(3),
        steps: [.init(place: .nearest("UBND"), work: exp(0.5))], onlineMode: .full, pIncomplete: 0.06, pSupplement: 0),
      .init(
        id: "copy-certification", field: "civil-status", deadline: .sameDay, steps: [], onTheSpot: true,
        pIncomplete: 0.03, pSupplement: 0),
      .init(
        id: "other-province", field: "other", deadline: .workingDays(7),
        steps: [.init(place: .agency("OTHER@province"), work: exp(1.5))], onlineMode: .full),
    ]
  }

  /// The year's dossiers split by level (prior: province 20 %, district 30 %, commune 50 %),
  /// each unit with its procedure mix and channel shares.
  static func demand(
    _ communeCounts: [Int], annualDossiers: Double, onlineShare: Double, postalShare: Double
  ) -> [DemandConfiguration] {
    let districts = communeCounts.count
    let communes = communeCounts.reduce(0, +)
    var demand: [DemandConfiguration] = []
    func shares(_ online: Double) -> (Ramp, Ramp) { (.constant(online), .constant(postalShare)) }
    let (on, post) = shares(onlineShare)
    demand.append(
      DemandConfiguration(
        unit: "province", annualVolume: annualDossiers * 0.2,
        mix: [
          ("land-certificate", 30), ("road-registration", 20), ("business-registration", 15), ("judicial-record", 20),
          ("other-province", 15),
        ], onlineShare: on, postalShare: post, postalReturnShare: 0.1, onlineReturnShare: 0.2))
    for d in 0..<districts {
      demand.append(
        DemandConfiguration(
          unit: "district-\(d + 1)", annualVolume: annualDossiers * 0.3 / Double(districts),
          mix: [
            ("land-certificate", 25), ("land-transfer", 30), ("construction-permit", 15), ("disability-allowance", 15),
            ("judicial-record", 15),
          ], onlineShare: on, postalShare: post, postalReturnShare: 0.1, onlineReturnShare: 0.1))
      for c in 0..<communeCounts[d] {
        demand.append(
          DemandConfiguration(
            unit: "commune-\(d + 1)-\(c + 1)", annualVolume: annualDossiers * 0.5 / Double(communes),
            mix: [
              ("birth-registration", 35), ("copy-certification", 40), ("commune-land-confirmation", 10),
              ("social-allowance", 15),
            ], onlineShare: on, postalShare: post, postalReturnShare: 0.05, onlineReturnShare: 0.1))
      }
    }
    return demand
  }

  /// `total` split as evenly as possible over `parts`.
  static func distribute(_ total: Int, over parts: Int) -> [Int] {
    (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
  }
}
