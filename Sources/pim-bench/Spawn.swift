import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with `posix_spawn` (no shell, little overhead of its own) and times it from
/// spawn to exit.
enum Spawn {
    struct Outcome {
        var status: Int32
        var output: String
        var milliseconds: Double
    }

    /// This executable, to run it again as a child (the memory probe).
    static var selfPath: String { Bundle.main.executablePath ?? CommandLine.arguments[0] }

    /// A program built next to this one (`pim`).
    static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent(name).path
    }

    static func run(
        executable: String, arguments: [String], environment: [String: String],
        captureOutput: Bool
    ) throws -> Outcome {
        let outputPath =
            captureOutput
            ? FileManager.default.temporaryDirectory.appendingPathComponent(
                "pim-bench-\(getpid())-\(UUID().uuidString).out"
            ).path
            : "/dev/null"
        defer { if captureOutput { try? FileManager.default.removeItem(atPath: outputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let (pid, start) = try spawn([executable] + arguments, environment: environment, actions: &actions)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let ms = Double(Measure.nanoseconds() - start) / 1_000_000
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        return Outcome(status: exit, output: output, milliseconds: ms)
    }

    /// `posix_spawn` of `argv` (its first element the program) with `environment`, `actions` and
    /// `attributes`; the process id and the instant just before the spawn.
    static func spawn(
        _ argv: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
        attributes: UnsafePointer<posix_spawnattr_t>? = nil
    ) throws -> (pid: pid_t, startedAt: UInt64) {
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Measure.nanoseconds()
        let result = posix_spawn(&pid, argv[0], &actions, attributes, cArguments, cEnvironment)
        guard result == 0 else {
            throw BenchError(
                """
                Could not start \(argv[0]) (\(String(cString: strerror(result)))): build it with `swift build -c \
                release`.
                """
            )
        }
        return (pid, start)
    }
}
