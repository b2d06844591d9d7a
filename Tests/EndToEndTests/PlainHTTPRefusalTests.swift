import Foundation
import LoopbackHTTP
import Testing

/// The built binary refuses to send a token or a sign-in in clear text: `--graph-url` / `PIM_GRAPH_URL`
/// and `--login-url` / `PIM_LOGIN_URL` with plain http to anything but this machine are a usage error
/// (exit 2, one sentence) before any connection is made.
@Suite struct PlainHTTPRefusalTests {
    /// This machine's own network address (like `192.0.2.2`), where a server listens: what pim would
    /// reach in clear text if it went ahead. Names and numbers that only look local come too.
    static func hosts(address: String, port: UInt16) -> [String] {
        [
            "http://\(address):\(port)", "http://127.1:\(port)", "http://127.evil.example:\(port)",
            "http://localhost.evil.example:\(port)", "http://[::ffff:127.0.0.1]:\(port)",
        ]
    }

    /// A server on this machine's non-loopback address (0.0.0.0 when it has none).
    static func reachableServer(body: String) throws -> (LocalHTTPServer, String) {
        let address = LoopbackSocket.nonLoopbackAddress()
        return (try LocalHTTPServer(status: 200, body: body, address: address ?? "0.0.0.0"), address ?? "0.0.0.0")
    }

    @Test func plainHttpGraphURLToAnotherHostIsAUsageErrorAndNothingConnects() throws {
        let (server, address) = try Self.reachableServer(body: #"{"id":"u-1","displayName":"Test User"}"#)
        for url in Self.hosts(address: address, port: server.port) {
            for (arguments, environment) in [
                (["--graph-url", url, "whoami"], [String: String]()),
                (["whoami"], ["PIM_GRAPH_URL": url]),
            ] {
                let result = try PimBinary.run(
                    arguments, in: Sandbox(),
                    environment: environment.merging(["PIM_ACCESS_TOKEN": "clear-text-token"]) { $1 },
                    timeout: 20)
                #expect(result.code == 2, "\(url): \(result)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
                #expect(result.stderr.contains("use https"), "\(result)")
                #expect(!result.stderr.contains("clear-text-token"))
            }
        }
        #expect(server.requestCount == 0, "no connection reached the server")
    }

    @Test func plainHttpLoginURLToAnotherHostIsAUsageErrorAndNothingConnects() throws {
        let (server, address) = try Self.reachableServer(
            body:
                #"""
                {"device_code":"dev-1","user_code":"PIM-CODE","verification_uri":"https://microsoft.com/devicelogin",\#
                "interval":1,"expires_in":1}
                """#
        )
        let graph = try LocalHTTPServer(status: 200, body: "{}")
        for url in Self.hosts(address: address, port: server.port) {
            let result = try PimBinary.run(
                ["login", "--login-url", url], in: Sandbox(),
                environment: ["PIM_GRAPH_URL": graph.url], timeout: 20)
            #expect(result.code == 2, "\(url): \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
            #expect(result.stderr.contains("--login-url"), "\(result)")
            #expect(!result.stderr.contains("PIM-CODE"))
        }
        #expect(server.requestCount == 0 && graph.requestCount == 0, "no connection reached a server")
    }

    /// Test servers on this machine keep working (every other end-to-end test relies on it).
    @Test func plainHttpToThisMachineIsAccepted() throws {
        let server = try LocalHTTPServer(
            status: 200, body: #"{"id":"u-1","displayName":"Test User","userPrincipalName":"t@contoso.test"}"#)
        for url in ["http://127.0.0.1:\(server.port)", "http://localhost:\(server.port)"] {
            let result = try PimBinary.run(
                ["whoami"], in: Sandbox(), environment: ["PIM_GRAPH_URL": url, "PIM_ACCESS_TOKEN": "t"])
            #expect(result.code == 0, "\(url): \(result)")
        }
    }
}
