import Foundation
import LoopbackHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built binary against a hostile "Graph" on 127.0.0.1: a redirect to another host, a compressed
/// answer that inflates to a gigabyte. Exit 5 with one sentence, the token stays home, memory stays
/// bounded; and talking to the network leaves no folders pim does not document.
@Suite struct HostileEndpointTests {
    let sandbox = Sandbox()
    static let me =
        #"""
        {"id":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11","displayName":"Ada Admin","userPrincipalName":"ada@contoso.com"}
        """#

    @Test(arguments: [302, 307])
    func aRedirectToAnotherHostEndsInExit5AndTheTokenStaysHome(status: Int) throws {
        let elsewhere = try LocalHTTPServer(status: 200, body: Self.me)
        let graph = try LocalHTTPServer(status: status, headers: ["Location": elsewhere.url + "/v1.0/me"])
        defer { elsewhere.stop(); graph.stop() }
        let result = try PimBinary.run(
            ["whoami"], in: sandbox,
            environment: ["PIM_GRAPH_URL": graph.url, "PIM_ACCESS_TOKEN": "secret-token-4711"])
        #expect(result.code == 5, "\(result)")
        #expect(result.stderr.contains("redirect"), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stdout.contains("Ada Admin"))
        #expect(elsewhere.requests.isEmpty, "the other host was asked: \(elsewhere.requests)")
        #expect(!result.stderr.contains("secret-token-4711"))
    }

    /// 6.5 MB of gzip, chunked, inflating to 1 GiB: pim stops at its 128 MiB limit as the bytes
    /// inflate (exit 5, one sentence); its peak memory, read by wait4, stays far below the bomb.
    @Test func aCompressedBombEndsInExit5WithBoundedMemory() throws {
        let bomb = Gzip.zeros(inflatedBytes: 1 << 30)
        let head =
            """
            HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nTransfer-Encoding: \
            chunked\r\nConnection: close\r\n\r\n
            """
        let answer = Data(head.utf8) + LoopbackSocket.chunked(bomb)
        let graph = try LocalHTTPServer(raw: answer)
        defer { graph.stop() }
        var environment = sandbox.environment
        environment["PIM_GRAPH_URL"] = graph.url
        environment["PIM_ACCESS_TOKEN"] = "test-token"
        let run = try SpawnedPim.run(["whoami"], environment: environment, in: sandbox.root)
        #expect(run.code == 5, "\(run.stderr)")
        #expect(run.stderr.contains("too large to read"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.peakMegabytes < 400, "peak resident memory \(run.peakMegabytes) MB")
        #expect(graph.requests.count == 1, "asked again for an answer that cannot be read")
    }

    /// Only the documented files: no `$XDG_DATA_HOME/<folder>`, no `org.swift.foundation.URLCache`.
    @Test func talkingToGraphLeavesNoStrayFolders() throws {
        let graph = try LocalHTTPServer(status: 200, body: Self.me)
        defer { graph.stop() }
        let data = sandbox.root + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let result = try PimBinary.run(
            ["whoami"], in: sandbox,
            environment: [
                "PIM_GRAPH_URL": graph.url, "PIM_ACCESS_TOKEN": "test-token", "XDG_DATA_HOME": data,
            ])
        #expect(result.code == 0, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).isEmpty)
        let cache = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/cache")
        #expect(cache.allSatisfy { $0 == "pim" }, "\(cache)")
    }
}

/// `pim` started with posix_spawn and reaped with wait4, so its own peak resident memory is known.
enum SpawnedPim {
    struct Result {
        var code: Int32
        var stderr: String
        var peakMegabytes: Int
    }

    static func run(_ arguments: [String], environment: [String: String], in directory: String) throws -> Result {
        let errFile = directory + "/spawned-stderr-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([PimBinary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, PimBinary.path, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stderr = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        return Result(code: code, stderr: stderr, peakMegabytes: usage.ru_maxrss / 1024)
    }
}
