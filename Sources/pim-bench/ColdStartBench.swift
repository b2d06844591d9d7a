import Foundation

/// `pim --demo roles --output json` from spawn to exit, with its state isolated: an empty
/// `XDG_STATE_HOME`/`XDG_CONFIG_HOME`/`HOME` and `PIM_SIM_STATE=memory` (no state file read or written).
struct ColdStartBench {
    let spawns: Int

    func run() throws -> [Double] {
        let pim = Spawn.sibling("pim")
        guard FileManager.default.isExecutableFile(atPath: pim) else {
            throw BenchError("There is no pim next to pim-bench (\(pim)): build both with `swift build -c release`.")
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pim-bench-home-\(getpid())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "PIM_SIM_STATE": "memory", "LANG": "C.UTF-8",
        ]
        let arguments = ["--demo", "roles", "--output", "json"]
        // The first run checks the answer (and warms the page cache, as any second start would find it).
        let first = try Spawn.run(executable: pim, arguments: arguments, environment: environment, captureOutput: true)
        guard first.status == 0, let data = first.output.data(using: .utf8),
            (try? JSONSerialization.jsonObject(with: data)) is [Any]
        else {
            throw BenchError(
                "pim --demo roles --output json exited \(first.status) without a JSON list; run it by hand to see why.")
        }
        return try (0..<spawns).map { _ in
            try Spawn.run(executable: pim, arguments: arguments, environment: environment, captureOutput: false)
                .milliseconds
        }
    }
}
