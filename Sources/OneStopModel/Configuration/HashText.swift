import DESKernel

/// Writes the text `String(describing:)` gives a `ModelConfiguration` (the text a
/// scenario's hash is taken of), byte for byte, without reflection.
///
/// Why: the standard library prints a struct through `Mirror`, and every value it meets
/// through dynamic casts to the printing protocols; for a province of 168 units that was
/// 335 M instructions, 40 % of a one-day run, paid again in each of a national study's
/// processes. The writer follows the same rules: the top value's type unqualified, every
/// value inside it as `debugPrint` writes it (a struct as `OneStopModel.Type(label:
/// value, ...)`, an enum case as `OneStopModel.Type.case`, a string quoted and escaped, an
/// optional as `Optional(...)` or `nil`, an array as `[a, b]`, a tuple as `(label: value)`),
/// and the same fields as the types' `customMirror`s. `HashTextTests` holds it against
/// `String(describing:)` for every bundled scenario and for every optional part set.
public struct HashTextWriter {
  /// The UTF-8 bytes written so far (appending to bytes costs a third of appending to a
  /// `String`, and the hash reads bytes).
  private var bytes: [UInt8] = []
  /// No field written yet in the innermost struct or tuple.
  private var first = true

  /// An empty text with room for `capacity` bytes.
  public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// The text written so far.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// 64-bit FNV-1a of the text's UTF-8 bytes: `StreamKey.fnv1a(text)`, without the text.
  public var fnv1a: UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBufferPointer { buffer in
      for byte in buffer {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
      }
    }
    return hash
  }

  /// Appends text as it is.
  public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// A struct (`type` as printed, qualified or not) or, with an empty `type`, a tuple:
  /// `type(` then the fields `body` writes, separated by `, `, then `)`.
  mutating func record(_ type: String, _ body: (inout HashTextWriter) -> Void) {
    raw(type)
    raw("(")
    let outer = first
    first = true
    body(&self)
    first = outer
    raw(")")
  }

  /// One `label: value` of the innermost record.
  mutating func field<T: HashTextWritable>(_ label: String, _ value: T) {
    if !first { raw(", ") }
    first = false
    raw(label)
    raw(": ")
    value.write(to: &self)
  }

  /// One `label: ` of the innermost record, its value written by `body`.
  mutating func field(_ label: String, _ body: (inout HashTextWriter) -> Void) {
    if !first { raw(", ") }
    first = false
    raw(label)
    raw(": ")
    body(&self)
  }

  /// `[a, b]`, each element written by `element` (an array of tuples).
  mutating func list<T>(_ items: [T], _ element: (inout HashTextWriter, T) -> Void) {
    raw("[")
    for (k, x) in items.enumerated() {
      if k > 0 { raw(", ") }
      element(&self, x)
    }
    raw("]")
  }

  /// A case without payload of an enum of the model (`OneStopModel.ClosingRule.serveAll`).
  mutating func enumCase(_ type: String, _ name: String) {
    raw("OneStopModel.")
    raw(type)
    raw(".")
    raw(name)
  }
}

/// A value the hash text contains, written as `debugPrint` would write it.
public protocol HashTextWritable {
  /// Appends the value's text.
  func write(to w: inout HashTextWriter)
}

extension String: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(debugDescription) }
}

extension Double: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(debugDescription) }
}

extension Int: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(String(self)) }
}

extension Bool: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(self ? "true" : "false") }
}

extension Optional: HashTextWritable where Wrapped: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    switch self {
    case .some(let x):
      w.raw("Optional(")
      x.write(to: &w)
      w.raw(")")
    case .none: w.raw("nil")
    }
  }
}

extension Array: HashTextWritable where Element: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.raw("[")
    for (k, x) in enumerated() {
      if k > 0 { w.raw(", ") }
      x.write(to: &w)
    }
    w.raw("]")
  }
}

// Values that print their own `description`.

extension CivilDate: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(description) }
}

extension TimeOfDay: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(description) }
}

extension OpenInterval: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(description) }
}

extension DailyHours: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(description) }
}

extension Distribution: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(description) }
}

extension AppointmentConfiguration.WalkInPolicy: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.raw(description) }
}

// Enums printed by case name.

extension ClosingRule: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.enumCase("ClosingRule", self == .serveAll ? "serveAll" : "sendHome")
  }
}

extension StaffType: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    let name: String
    switch self {
    case .civilServant: name = "civilServant"
    case .postalContractor: name = "postalContractor"
    case .agencyOfficer: name = "agencyOfficer"
    }
    w.enumCase("StaffType", name)
  }
}

extension QueueDiscipline: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.enumCase("QueueDiscipline", self == .fifo ? "fifo" : "earliestDeadline")
  }
}

extension SaturdayCompensation: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.enumCase("SaturdayCompensation", self == .overtime ? "overtime" : "timeOff")
  }
}

extension DecidingUnit: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.enumCase("DecidingUnit", self == .home ? "home" : "receiving")
  }
}

extension OnlineMode: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.enumCase("OnlineMode", rawValue) }
}

extension SupplementClock: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.enumCase("SupplementClock", rawValue) }
}

extension ChargedUnit: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.enumCase("ChargedUnit", rawValue) }
}

extension LateApology: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    w.enumCase("LateApology", self == .endOfDueDay ? "endOfDueDay" : "noLetter")
  }
}

extension OnlineReceipt: HashTextWritable {
  public func write(to w: inout HashTextWriter) { w.enumCase("OnlineReceipt", rawValue) }
}

extension Deadline: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    switch self {
    case .sameDay: w.enumCase("Deadline", "sameDay")
    case .workingDays(let n): payload(&w, "workingDays", n)
    case .workingHours(let h): payload(&w, "workingHours", h)
    case .calendarDays(let n): payload(&w, "calendarDays", n)
    }
  }

  private func payload<T: HashTextWritable>(_ w: inout HashTextWriter, _ name: String, _ value: T) {
    w.enumCase("Deadline", name)
    w.raw("(")
    value.write(to: &w)
    w.raw(")")
  }
}

extension StepPlace: HashTextWritable {
  public func write(to w: inout HashTextWriter) {
    switch self {
    case .agency(let id):
      w.enumCase("StepPlace", "agency")
      w.raw("(")
      id.write(to: &w)
    case .nearest(let kind):
      w.enumCase("StepPlace", "nearest")
      w.raw("(")
      kind.write(to: &w)
    }
    w.raw(")")
  }
}
