import OneStopModel

extension ConfigurationSchema {
  /// `index766:`: the service index of Decision 766/QĐ-TTg (results `index766.csv`).
  public static var index766: [ConfigurationKey<Index766Configuration>] {
    [
      .custom("inputs", .other("mapping"), doc: "Every unit's inputs, unless `units` gives its own (below)."),
      .custom("units", .other("list"), doc: "Units with their own inputs: `unit` and any key of `inputs`."),
      .custom("rules", .other("mapping"), doc: "Point values and thresholds of the portal's formulas (below)."),
    ]
  }

  /// `index766.inputs` and each item of `index766.units`.
  public static var index766Inputs: [ConfigurationKey<Index766Inputs>] {
    func points(
      _ key: String, _ path: WritableKeyPath<Index766Inputs, Double>, _ max: Double, _ doc: String
    )
      -> ConfigurationKey<Index766Inputs>
    {
      ConfigurationKey(key, .number(min: 0, max: max, what: "points"), .number(path), doc: doc)
    }
    return [
      points(
        "transparency_points", \.transparencyPoints, 12,
        "CKMB 1.1-1.3: procedures published on time, public, complete (of 12)."),
      points(
        "online_catalogue_points", \.onlineCataloguePoints, 12,
        "DVCTT: the online-catalogue points (3.1, 3.2, full-process row; of 12 less `online_received_points`)."),
      points(
        "payment_procedure_points", \.paymentProcedurePoints, 4,
        "TTTT: fees integrated and procedures with an online payment (of 4)."),
      points(
        "digitisation_other_points", \.digitisationOtherPoints, 12,
        "MDSH: reuse, citizen data store, population database, e-certified copies (of 12)."),
      points(
        "petition_points", \.petitionPoints, 12, "MDHL 5.2-5.3: petitions on time and their satisfaction (of 12)."),
      ConfigurationKey(
        "sync_share", .probability, .number(\.syncShare),
        doc: "Share of dossiers synchronised to the national portal (CKMB 1.4, DVCTT 3.3).",
        prior: "no source: all synchronised"),
      ConfigurationKey(
        "e_result_share", .probability, .number(\.eResultShare),
        doc: "Share of results returned on paper also issued electronically (MDSH 4.1).", prior: "no source: none"),
      ConfigurationKey(
        "pay_online_share_online", .probability, .number(\.payOnlineShareOnline),
        doc: "Share of fee-bearing online dossiers paid online (TTTT 3.6).", prior: "no source: none"),
      ConfigurationKey(
        "pay_online_share_paper", .probability, .number(\.payOnlineSharePaper),
        doc: "Share of fee-bearing walk-in and postal dossiers paid online (TTTT 3.6).", prior: "no source: none"),
      ConfigurationKey(
        "complaint_share", .probability, .number(\.complaintShare),
        doc: "Share of dossiers with a petition or a \"dislike\" (MDHL 5.4).", prior: "no source: none"),
    ]
  }

  /// `index766.rules`: the portal's point values and thresholds.
  public static var index766Rules: [ConfigurationKey<Index766Rules>] {
    func value(
      _ key: String, _ path: WritableKeyPath<Index766Rules, Double>, _ max: Double, _ doc: String
    )
      -> ConfigurationKey<Index766Rules>
    {
      ConfigurationKey(key, .number(min: 0, max: max, what: "a value"), .number(path), doc: doc)
    }
    return [
      value("timeliness_points", \.timelinessPoints, 20, "TDGQ 2.1: points for dossiers on time."),
      value("sync_points", \.syncPoints, 6, "CKMB 1.4: points for synchronised dossiers."),
      value("online_received_points", \.onlineReceivedPoints, 12, "DVCTT 3.3: points for the online share."),
      value("online_received_threshold", \.onlineReceivedThreshold, 1, "DVCTT 3.3: share for full marks."),
      value("paid_online_points", \.paidOnlinePoints, 10, "TTTT 3.6: points for dossiers paid online."),
      value("e_result_points", \.eResultPoints, 22, "MDSH 4.1: points for electronic results."),
      value("e_result_threshold", \.eResultThreshold, 1, "MDSH 4.1: share for full marks."),
      value("digitised_points", \.digitisedPoints, 22, "MDSH 4.2: points for digitised dossiers."),
      value(
        "digitised_threshold", \.digitisedThreshold, 1,
        "MDSH 4.2: share for full marks (the API checker: 1; the formula document: 0.8)."),
      value("satisfaction_points", \.satisfactionPoints, 18, "MDHL 5.4: points for satisfaction with dossiers."),
      value("satisfaction_threshold", \.satisfactionThreshold, 1, "MDHL 5.4: share for full marks."),
      value(
        "online_reception_hours", \.onlineReceptionHours, 200,
        "Working hours an online dossier may wait for acceptance before it is a late reception."),
    ]
  }
}
