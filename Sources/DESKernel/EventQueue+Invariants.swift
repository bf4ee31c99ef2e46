extension EventQueue {
  /// Verifies the heap property. Compiled to nothing unless the package is built with
  /// `-Xswiftc -DONESTOP_INTERNAL_CHECKS`, because it costs O(`count`) per call and
  /// would void the O(log n) promise of every mutation.
  @inlinable @inline(__always)
  func _checkInvariants() {
    #if ONESTOP_INTERNAL_CHECKS
    for i in 1..<Swift.max(_count, 1) {
      let parent = (i - 1) / 4
      precondition(
        !base[i].precedes(base[parent]),
        "EventQueue heap property broken at \(i) (parent \(parent))")
    }
    #endif
  }
}
