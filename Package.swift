// swift-tools-version:6.0
//
// onestop: a discrete-event simulator of Vietnam's one-stop public-service centres.
//
// Build flags (pass with `-Xswiftc -D<FLAG>`):
//
// - `ONESTOP_INTERNAL_CHECKS`: after every event-queue mutation, verify the heap
//   property and the cancellation table. Costs O(n) per operation, so it turns the
//   kernel from O(log n) into O(n) per event; use it while debugging the kernel or a
//   model, never for benchmarks. Off by default.
//
// The kernel and the reference models are compiled with optimisation even in debug
// builds (`optimisedInDebug`): the theory tests push millions of events through them,
// and unoptimised generic code is 30-50 times slower. Models and tests stay debuggable.
import PackageDescription

let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
  name: "onestop",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "onestop", targets: ["onestop"]),
    .library(name: "DESKernel", targets: ["DESKernel"]),
    .library(name: "OneStopModel", targets: ["OneStopModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
  ],
  targets: [
    // GNU GSL through pkg-config; the shim exposes GSL globals Swift 6 cannot import.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
    ),
    // libxlsxwriter from the system (Debian libxlsxwriter-dev): Excel workbooks.
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
    ),
    // zlib from the system (Debian zlib1g-dev, which libxlsxwriter-dev depends on): traces
    // written compressed when their name ends in .gz.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // Generic kernel: clock, event queue, random streams, distributions, server pools.
    // Knows nothing of dossiers, desks or files.
    .target(
      name: "DESKernel",
      dependencies: ["CGSL"],
      swiftSettings: optimisedInDebug
    ),
    // The one-stop model: units on any number of levels, desks, channels, back offices,
    // working-day deadlines and cutoffs. Driven by Swift configuration values.
    .target(
      name: "OneStopModel",
      dependencies: ["DESKernel", .product(name: "Histogram", package: "hdrhistogram-swift")],
      swiftSettings: optimisedInDebug
    ),
    // Scenario files: YAML with line numbers, extends and overrides, validation that
    // collects every error, and the build into a ModelConfiguration.
    .target(
      name: "OneStopScenario",
      dependencies: ["OneStopIO", "OneStopModel", "DESKernel", .product(name: "Yams", package: "Yams")]
    ),
    // Result files: atomic writes, journals, JSON through `Encodable` and CSV fields, with
    // the one number format of every file onestop writes. Knows no model.
    .target(
      name: "OneStopIO",
      dependencies: []
    ),
    // The result files' schemas, shared by the writers (the CLI, sweeps) and the report:
    // one row type per table, its keys and columns from the table of measures.
    .target(
      name: "OneStopResults",
      dependencies: ["OneStopIO", "OneStopModel"]
    ),
    // Parameter sweeps: the manifest (plan), running rows and chunks with atomic,
    // resumable row results, and the order-independent merge.
    .target(
      name: "OneStopSweep",
      dependencies: ["OneStopIO", "OneStopResults", "OneStopScenario", "OneStopModel", "DESKernel"]
    ),
    // The whole country: the national tables, the per-province scenario generator, the
    // national study (province x block of replications) and its merge.
    .target(
      name: "OneStopNational",
      dependencies: ["OneStopIO", "OneStopScenario", "OneStopModel", "OneStopSweep", "DESKernel"]
    ),
    // Staffing plans: the targets, candidate plans run on common random numbers, the
    // greedy search (minimum cost, best use of a budget) and the plan as a variant file.
    .target(
      name: "OneStopStaff",
      dependencies: ["OneStopIO", "OneStopScenario", "OneStopModel", "DESKernel"]
    ),
    // Reports for people who decide: one self-contained HTML page (inline SVG charts,
    // Vietnamese or English) from a run's result directory.
    .target(
      name: "OneStopReport",
      dependencies: ["OneStopIO", "OneStopResults"]
    ),
    // Calibration: parameters fitted to a report's figures (a Latin hypercube screen, then
    // Nelder-Mead) on common random numbers, with a plausibility bound on utilisation.
    .target(
      name: "OneStopCalibrate",
      dependencies: ["OneStopIO", "OneStopScenario", "OneStopModel", "DESKernel"]
    ),
    // Sensitivity estimators, knowing no model: Morris elementary effects and Sobol indices
    // (Saltelli 2010 first order, Jansen total) on designs from Sobol's sequence or GSL
    // streams, with bootstrap intervals.
    .target(
      name: "Sensitivity",
      dependencies: ["DESKernel", "CGSL"],
      swiftSettings: optimisedInDebug
    ),
    // Sensitivity studies of a scenario: parameters from --param or the printed priors,
    // design points as scenario variants on common random numbers, a resumable journal.
    .target(
      name: "OneStopSensitivity",
      dependencies: ["Sensitivity", "OneStopIO", "OneStopResults", "OneStopScenario", "OneStopStaff", "OneStopModel", "DESKernel"]
    ),
    // Reference queues (G/G/c) and the closed-form results they are checked against.
    .target(
      name: "ReferenceModels",
      dependencies: ["DESKernel"],
      swiftSettings: optimisedInDebug
    ),
    // Benchmarks, kept out of the product library: the synthetic province (a Tuyen
    // Quang-sized model built in code) and the measurements behind `onestop bench`.
    .target(
      name: "OneStopBench",
      dependencies: ["OneStopModel", "DESKernel", "ReferenceModels"],
      swiftSettings: optimisedInDebug
    ),
    // Excel workbooks of the result tables (`--xlsx`): one sheet per table, typed numbers,
    // the report's Vietnamese or English headers.
    .target(
      name: "OneStopWorkbook",
      dependencies: ["CXLSXWriter", "OneStopReport"]
    ),
    // The command-line tool: wires the libraries together, nothing more.
    .executableTarget(
      name: "onestop",
      dependencies: [
        "DESKernel",
        "OneStopModel",
        "OneStopScenario",
        "OneStopBench",
        "OneStopCalibrate",
        "OneStopIO",
        "OneStopReport",
        "OneStopResults",
        "OneStopSensitivity",
        "OneStopStaff",
        "OneStopSweep",
        "OneStopWorkbook",
        "CZlib",
        "OneStopNational",
        "ReferenceModels",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Analytic queueing formulas and statistical helpers shared by the tests.
    .target(
      name: "TestSupport",
      dependencies: ["CGSL", "DESKernel", "OneStopModel", "ReferenceModels"],
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "DESKernelTests",
      dependencies: ["DESKernel", "TestSupport"]
    ),
    // Calendars, schedules, deadlines, cutoffs, supplements, closing rules, the
    // validation ladder and property tests over random provinces.
    .testTarget(
      name: "OneStopModelTests",
      dependencies: ["DESKernel", "OneStopBench", "OneStopModel", "ReferenceModels", "TestSupport"]
    ),
    // Scenario files: one broken fixture per kind of error, extends and --set, fuzzing,
    // and every bundled scenario (the Tuyen Quang calibration bounds included).
    .testTarget(
      name: "OneStopScenarioTests",
      dependencies: ["OneStopScenario", "OneStopModel", "DESKernel", "ReferenceModels", "TestSupport"],
      exclude: ["Fixtures"]
    ),
    // The built command-line tool: help, errors, exit codes, result files.
    .testTarget(
      name: "CLITests",
      dependencies: ["OneStopIO", "OneStopModel", "DESKernel", "TestSupport"]
    ),
    // The national tables, generator and study: byte-identical regeneration, located
    // errors in the tables, the national merge against hand-computed sums.
    .testTarget(
      name: "NationalTests",
      dependencies: ["OneStopNational", "OneStopScenario", "OneStopModel", "OneStopSweep"]
    ),
    // Staffing plans: Erlang C answers, an exhaustive grid, infeasible bounds, fresh seeds.
    .testTarget(
      name: "OneStopStaffTests",
      dependencies: ["OneStopStaff", "OneStopScenario", "OneStopModel", "ReferenceModels"]
    ),
    // Reports: number and date formats in both languages, a page built from a summary.
    .testTarget(
      name: "InputTests",
      dependencies: ["OneStopIO", "OneStopScenario", "OneStopSweep", "OneStopModel", "TestSupport"]
    ),
    .testTarget(
      name: "OneStopReportTests",
      dependencies: ["OneStopReport", "OneStopModel"],
      exclude: ["Fixtures"]
    ),
    // Calibration search: the Latin hypercube and Nelder-Mead on known functions; every
    // bundled scenario against its target file (the CI check of the match with the reports).
    .testTarget(
      name: "OneStopCalibrateTests",
      dependencies: ["OneStopCalibrate", "OneStopScenario", "OneStopModel", "DESKernel"]
    ),
    // Sensitivity estimators on functions with known indices (Ishigami, Sobol's G).
    .testTarget(
      name: "SensitivityTests",
      dependencies: ["Sensitivity"]
    ),
    // Sensitivity studies on scenarios: what drives the M/M/c queue's wait, and what cannot.
    .testTarget(
      name: "OneStopSensitivityTests",
      dependencies: ["OneStopSensitivity", "OneStopScenario", "OneStopModel", "Sensitivity"]
    ),
    // The simulator against Erlang C, Pollaczek-Khinchine and Little's law.
    .testTarget(
      name: "TheoryTests",
      dependencies: ["DESKernel", "ReferenceModels", "TestSupport"]
    ),
  ]
)
