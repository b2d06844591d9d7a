// swift-tools-version:6.0
// pim: just-in-time elevation on Microsoft Entra ID PIM from the terminal.
// No package dependencies: the toolchain and the system libraries ncursesw and libcurl only.
import PackageDescription

let package = Package(
    name: "pim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pim", targets: ["pim"]),
        .executable(name: "pim-bench", targets: ["pim-bench"]),
    ],
    targets: [
        // Ncursesw, the system library behind the full-screen interface (module map + shim header).
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // libcurl, driven directly by the HTTP transport (redirects off, bounded bodies, no resent writes).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // The shared vocabulary: targets, policies, drafts, durations, countdowns, sanitiser, the PIMService protocol.
        .target(name: "PIMDomain"),
        // Microsoft Graph client: endpoints as values, JSON <-> domain, errors, retries, $batch, paging, sign-in.
        .target(name: "PIMGraph", dependencies: ["PIMDomain", "CCurl"]),
        // The simulated tenant: answers Graph HTTP requests as the service does, behind the client's Transport.
        .target(name: "PIMSimulator", dependencies: ["PIMGraph", "PIMDomain"]),
        // Application state, actions, effects and the pure update function of the full-screen interface.
        .target(name: "PIMApp", dependencies: ["PIMDomain"]),
        // The tables both fronts show: each column defined once (title, width, priority, cell, JSON key).
        .target(name: "PIMTables", dependencies: ["PIMDomain"]),
        // Rendering of the application state into a grid of cells; no terminal here.
        .target(name: "PIMScreen", dependencies: ["PIMApp", "PIMDomain", "PIMTables"]),
        // The only importer of curses: flushes screens, decodes keys, restores the terminal.
        .target(name: "PIMTerminal", dependencies: ["PIMScreen", "PIMApp", "PIMDomain", "CNCursesW"]),
        // The command line: parser, commands, help, completions, man page, table and JSON output, exit codes.
        .target(name: "PIMCommandLine", dependencies: ["PIMDomain", "PIMTables"]),
        // The executable: configuration, wiring of Graph or the simulated tenant, command line or full screen.
        // A release build carries the Swift runtime and Foundation inside it: binding them at run time cost every
        // start 6-10 ms of the dynamic linker's time. Debug builds and the tests link them dynamically.
        .executableTarget(
            name: "pim",
            dependencies: ["PIMCommandLine", "PIMTerminal", "PIMApp", "PIMGraph", "PIMSimulator", "PIMDomain"],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // The benchmark: dashboard latency, requests per refresh, frame and filter time, memory, cold start.
        .executableTarget(
            name: "pim-bench", dependencies: ["PIMGraph", "PIMSimulator", "PIMApp", "PIMScreen", "PIMDomain"]),
        .testTarget(name: "PIMDomainTests", dependencies: ["PIMDomain"]),
        // The socket side of the small 127.0.0.1 HTTP servers three test targets drive pim against.
        .target(name: "LoopbackHTTP", path: "Tests/LoopbackHTTP"),
        .testTarget(
            name: "PIMGraphTests",
            dependencies: ["PIMGraph", "PIMDomain", "CCurl", "LoopbackHTTP"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PIMSimulatorTests", dependencies: ["PIMSimulator", "PIMGraph", "PIMDomain"]),
        // A small tenant at a fixed time, shared by the interface's update and screen tests.
        .target(name: "PIMAppFixtures", dependencies: ["PIMApp", "PIMDomain"], path: "Tests/PIMAppFixtures"),
        // libFuzzer entry points for the parsers that read untrusted input (see docs/fuzzing.md): test tooling,
        // so it sits beside its corpus under Tests/ and may use the fixture tenant.
        .executableTarget(
            name: "PIMFuzz",
            dependencies: [
                "PIMDomain", "PIMGraph", "PIMCommandLine", "PIMApp", "PIMScreen", "PIMTerminal", "PIMAppFixtures",
                "LoopbackHTTP",
            ],
            path: "Tests/Fuzz/PIMFuzz"
        ),
        // The in-memory PIMService the command line's and the interface's tests share.
        .target(name: "PIMTestSupport", dependencies: ["PIMDomain"], path: "Tests/PIMTestSupport"),
        .testTarget(name: "PIMAppTests", dependencies: ["PIMApp", "PIMDomain", "PIMAppFixtures", "PIMTestSupport"]),
        .testTarget(
            name: "PIMScreenTests", dependencies: ["PIMScreen", "PIMApp", "PIMDomain", "PIMAppFixtures", "PIMTables"],
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "PIMTerminalTests", dependencies: ["PIMTerminal", "PIMScreen", "PIMApp", "PIMDomain", "CNCursesW"]),
        .testTarget(
            name: "PIMCommandLineTests",
            dependencies: ["PIMCommandLine", "PIMDomain", "PIMTables", "PIMTestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["pim", "PIMFuzz", "LoopbackHTTP"], exclude: ["tmux"]),
        // The Graph client against the simulated tenant, through every flow of product.md.
        .testTarget(name: "IntegrationTests", dependencies: ["PIMGraph", "PIMSimulator", "PIMDomain", "PIMApp"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["PIMGraph", "PIMDomain", "PIMSimulator", "PIMApp", "PIMScreen", "LoopbackHTTP"]),
    ],
    swiftLanguageModes: [.v6]
)
