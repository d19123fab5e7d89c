// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wsplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wsplan", targets: ["wsplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        /// Reads `.xlsx` request lists (a ZIP of XML parts).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        /// GLPK's C API, from Debian's `libglpk-dev` (no pkg-config file: the module map links it).
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        /// Solver-agnostic mixed-integer programs: variables, rows, a `Solver` protocol.
        .target(name: "Optimization"),
        /// Runs GLPK calls under an error hook, so GLPK's fatal errors come back instead of aborting.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        /// The only target that touches GLPK.
        .target(name: "GLPKBackend", dependencies: ["CGLPK", "CGLPKGuard", "Optimization"]),
        /// The planning domain: calendar, travel cost, rules, the formulation, plans, the checker.
        .target(name: "Planning", dependencies: ["Optimization"]),
        /// Files in and out: scenarios (YAML/CSV), the gazetteer, plan.json, calendar.csv.
        .target(
            name: "PlanningIO",
            dependencies: ["Planning", .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources/places.csv"), .copy("Resources/school-holidays.csv"),
                        .copy("Resources/germany-states.json")]
        ),
        /// `wsplan serve`: the office's web app over a scenario folder (Hummingbird 2, server-side HTML).
        .target(
            name: "WSPlanDesk",
            dependencies: ["Planning", "PlanningIO", "GLPKBackend", .product(name: "Yams", package: "Yams"),
                           .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "wsplan",
            dependencies: [
                "Optimization", "Planning", "PlanningIO", "GLPKBackend", "WSPlanDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"]),
        .testTarget(name: "GLPKBackendTests", dependencies: ["GLPKBackend", "CGLPKGuard", "Optimization"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Optimization"]),
        /// Test helpers shared by the test targets (German Excel's reading of a CSV).
        .target(name: "CSVTestSupport", path: "Tests/CSVTestSupport"),
        .testTarget(name: "PlanningIOTests", dependencies: ["PlanningIO", "Planning", "CSVTestSupport",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "WSPlanDeskTests", dependencies: [
            "WSPlanDesk", "Planning", "PlanningIO", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "wsplanTests", dependencies: ["wsplan", "Planning", "PlanningIO", "GLPKBackend", "CSVTestSupport"]),
    ]
)
