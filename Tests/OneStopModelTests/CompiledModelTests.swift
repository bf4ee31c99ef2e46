import DESKernel
import OneStopBench
import OneStopModel
import Testing

/// The compiled model is one set of tables: rows the event loop can bind without
/// reference counting, names beside them for reports, and the warm-up resolved by the
/// compiler.
@Suite struct CompiledModelTests {
  static let configuration = SyntheticProvince.make(
    districts: 2, communesPerDistrict: [2, 1], annualDossiers: 5000, backlog: 300)

  /// A row with a string or an array in it would be retained whenever a handler binds it
  /// (a tenth of the province-year before the rows were split from the names).
  @Test func everyRowTheEventLoopReadsIsPlainData() {
    #expect(_isPOD(CompiledModel.Unit.self))
    #expect(_isPOD(CompiledModel.DeskGroup.self))
    #expect(_isPOD(CompiledModel.Station.self))
    #expect(_isPOD(CompiledModel.Procedure.self))
    #expect(_isPOD(CompiledModel.Step.self))
    #expect(_isPOD(CompiledModel.Stream.self))
    #expect(_isPOD(CompiledModel.Demand.self))
    #expect(_isPOD(CompiledModel.Backlog.self))
    // The test can fail: a row with a name in it is not plain data.
    #expect(!_isPOD(CompiledModel.Names.Entity.self))
  }

  /// Names sit index for index with the rows, in the configuration's order (a lunch
  /// stagger's "ID/late" is in `KPITests`); backlog entries are resolved to indices.
  @Test func namesFollowTheTables() throws {
    let c = Self.configuration
    let m = try CompiledModel(c)
    #expect(m.names.units.map(\.id) == c.units.map(\.id))
    #expect(m.names.procedures.map(\.id) == c.procedures.map(\.id))
    #expect(m.names.levels == c.levels && m.names.fields == c.fields)
    #expect(m.names.deskGroups.count == m.deskGroups.count && m.names.stations.count == m.stations.count)
    #expect(m.names.deskGroups == c.units.flatMap { $0.desks.map(\.id) })
    for (s, station) in m.stations.enumerated() where !station.isOnlineIntake {
      #expect(c.agencies.contains { $0.id == m.names.stations[s].id && $0.officers == station.officers })
    }
    #expect(m.backlog.reduce(0) { $0 + $1.count } == c.backlog.reduce(0) { $0 + $1.count })
    for (k, b) in m.backlog.enumerated() {
      #expect(
        m.names.units[b.unit].id == c.backlog[k].unit && m.names.procedures[b.procedure].id == c.backlog[k].procedure)
    }
  }

  /// Routes and steps are flat: procedure p's route from unit u has one station per step.
  @Test func routesHaveOneStationPerStep() throws {
    let m = try CompiledModel(Self.configuration)
    var offered = 0
    for p in m.procedures.indices {
      for u in m.units.indices {
        let route = m.route(procedure: p, unit: u)
        if route.isEmpty { continue }
        offered += 1
        #expect(route.count == m.procedures[p].steps.count)
        #expect(route.allSatisfy { Int($0) < m.stations.count && !m.stations[Int($0)].isOnlineIntake })
      }
    }
    #expect(offered > 0)
  }

  /// `--warmup` is resolved by the compiler: days count from the start, a date is taken
  /// as it is, statistics never start before `countingFrom`, `0d` keeps the
  /// configuration's own date, and a date outside the run is a located problem.
  @Test func theCompilerResolvesTheWarmup() throws {
    var c = Self.configuration
    c.warmupUntil = c.start.adding(days: 5)
    let byDays = try CompiledModel(c, warmup: .days(10))
    #expect(byDays.warmupEnd == 10 * 86_400 && byDays.warmupUntil == c.start.adding(days: 10))
    let byDate = try CompiledModel(c, warmup: .until(c.start.adding(days: 20)))
    #expect(byDate.warmupEnd == 20 * 86_400)
    let floored = try CompiledModel(c, warmup: .days(10), countingFrom: c.start.adding(days: 30))
    #expect(floored.warmupEnd == 30 * 86_400)
    let kept = try CompiledModel(c, warmup: .days(0))
    #expect(kept.warmupEnd == 5 * 86_400 && kept.warmupUntil == c.warmupUntil)
    #expect(try CompiledModel(c).warmupEnd == 5 * 86_400)
    do {
      _ = try CompiledModel(c, warmup: .until(c.end.adding(days: 1)))
      Issue.record("a warm-up after the end compiled")
    } catch {
      #expect(error.problems.map(\.location) == [ProblemLocation(.configuration, .warmupUntil)])
    }
  }
}
