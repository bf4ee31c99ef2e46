/// A citizen's ticket at a desk (or a postal dossier waiting for the desk officer who
/// digitises it): whose dossier, why they came, since when, and what the desk decided.
struct Ticket {
  /// Why a citizen stands at a desk.
  enum Purpose: UInt8 {
    case intake, pickup, supplement, postalIntake
  }

  /// What the desk decided for an intake.
  enum Outcome: UInt8 {
    case none, accepted, incomplete, refused, guidance, onTheSpot
    /// Called but nobody answers: the holder left without notice (`noAnswer`: already
    /// gone from the desk statistics) or holds a remote ticket and is not in the hall
    /// (`noShow`). The desk loses the absent-call time.
    case noAnswer, noShow
  }

  var dossier: Int32
  var purpose: Purpose
  /// When the ticket was taken (a postal dossier: when it reached the front office).
  var issuedAt: Double
  var outcome: Outcome = .none
  /// Held by a citizen who came for an appointment (in the line of the group's plan).
  var booked = false

  /// `true` when the call found nobody (`Outcome.noAnswer`, `.noShow`).
  var isAbsent: Bool { outcome == .noAnswer || outcome == .noShow }

  /// `true` for a postal dossier: nobody waits in the hall for it.
  var isPostal: Bool { purpose == .postalIntake }
}

extension Dossier {
  /// Why the citizen of this dossier is at the desk, from the dossier's phase.
  var visitPurpose: Ticket.Purpose {
    switch phase {
    case .intake: return .intake
    case .supplement: return channelIn == .walkIn ? .supplement : .pickup
    case .processing, .resolved, .leaving: return .pickup
    }
  }
}
