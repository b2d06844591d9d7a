import Foundation

/// The parsers PIMFuzz can drive. Each `run` returns normally for any input and traps (so libFuzzer
/// records a crash) when an invariant of the parser is broken.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ActivationDuration(parsing:)`: what users type after `--duration` and in the form.
    case duration
    /// Graph response decoding, `$batch` parsing, error mapping, claims and `Retry-After` headers.
    case graphJSON = "graph-json"
    /// `Sanitizer`, `DisplayText` and `DisplayWidth`: untrusted text on its way to a terminal.
    case sanitizer
    /// The command-line parser on an argv split from the input at NUL bytes.
    case arguments
    /// The configuration file reader (`config.json`).
    case config
    /// Terminal key codes through `KeyDecoder`, the interface's `update` and `render`.
    case keys
    /// The HTTP transport reading an answer (head, chunked body, gzip/deflate/br/zstd) off a socket.
    case transport

    static let environmentKey = "PIM_FUZZ_TARGET"

    static var usage: String {
        "usage: PIMFuzz TARGET [libFuzzer options] [corpus...]\n       PIMFuzz TARGET FILE... (replay)\n"
            + "targets: \(allCases.map(\.rawValue).joined(separator: ", "))\n"
    }

    /// The target chosen on the command line, readable from the C callback (which captures nothing).
    static let current: FuzzTarget = {
        ProcessInfo.processInfo.environment[environmentKey].flatMap(FuzzTarget.init(rawValue:)) ?? .duration
    }()

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(buffer: bytes)
        switch self {
        case .duration: Self.duration(data)
        case .graphJSON: Self.graphJSON(data)
        case .sanitizer: Self.sanitizer(data)
        case .arguments: Self.arguments(data)
        case .config: Self.config(data)
        case .keys: Self.keys(data)
        case .transport: Self.transport(data)
        }
    }

    /// A file, or the regular files directly inside a directory.
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }
    }
}
