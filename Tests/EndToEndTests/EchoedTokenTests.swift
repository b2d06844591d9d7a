import Foundation
import LoopbackHTTP
import Testing

/// A service that echoes the bearer token back (in an error message, a `request-id`, a name) does not
/// get it printed: the exact token in use is masked whatever its shape, on stderr, in `--verbose`
/// lines and in `--output json`.
@Suite struct EchoedTokenTests {
    /// Opaque (not a JWT) tokens, the shape Microsoft accounts and many proxies use.
    static let tokens = ["EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAQABAAAA+kAAAA==", "opaque-bearer-0123456789abcdef"]

    @Test(arguments: tokens)
    func aTokenEchoedInAnErrorOrARequestIdIsMasked(token: String) throws {
        let body = #"{"error":{"code":"BadRequest","message":"Token \#(token) is not valid for tenant x."}}"#
        let server = try LocalHTTPServer(status: 400, headers: ["request-id": token], body: body)
        let result = try PimBinary.run(
            ["--verbose", "whoami"], in: Sandbox(),
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": token])
        #expect(result.code == 4, "\(result)")
        #expect(server.requestCount >= 1)
        #expect(!result.stderr.contains(token) && !result.stdout.contains(token), "\(result)")
        #expect(result.stderr.contains("Token [redacted] is not valid"), "\(result)")
    }

    @Test(arguments: tokens)
    func aTokenEchoedInAnswersIsMaskedInJSONOutput(token: String) throws {
        let me = #"{"id":"u-1","displayName":"\#(token)","userPrincipalName":"t@contoso.test"}"#
        let server = try LocalHTTPServer(status: 200, headers: ["request-id": token], body: me)
        let result = try PimBinary.run(
            ["--verbose", "whoami", "-o", "json"], in: Sandbox(),
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": token])
        #expect(result.code == 0, "\(result)")
        #expect(!result.stderr.contains(token) && !result.stdout.contains(token), "\(result)")
        #expect((result.json as? [String: Any])?["displayName"] as? String == "[redacted]", "\(result.stdout)")
    }
}
