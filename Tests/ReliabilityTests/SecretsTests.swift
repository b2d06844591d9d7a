import Foundation
import PIMDomain
@testable import PIMGraph
import Synchronization
import Testing

/// Tokens stay secret through every fault: never in a `--verbose` line, an error message or a
/// notice, masked when a service echoes one, and kept in a private cache.
@Suite(.serialized)
struct SecretsTests {
    static let secrets = ["good-token", "fresh-token", "stale-token", "stepped-up-token"]

    func leaks(_ texts: [String]) -> [String] {
        texts.filter { text in Self.secrets.contains { text.contains($0) } }
    }

    /// Refresh after 401, a claims step-up, throttling, a server error, a stall and a reset, all
    /// with `--verbose` on: no line and no message carries a token.
    @Test func noTokenInVerboseLinesOrMessagesThroughEveryFault() async throws {
        let h = try Harness(tokens: CountingTokens(first: "stale-token", renewed: "fresh-token"))
        defer { h.stop() }
        h.graph.acceptTokens(["fresh-token", "stepped-up-token"])
        h.graph.on(
            "POST", FaultGraph.activationPath,
            .answer(401, SignInFaultTests.challengeBody, headers: ["WWW-Authenticate": SignInFaultTests.challenge]),
            .fault(.resetAfterReading, commits: true))
        h.graph.on(
            "GET", "/v1.0/auditLogs/directoryAudits",
            .answer(429, ThrottlingFaultTests.throttled, headers: ["Retry-After": "1"]), .fault(.stallAfterReading),
            .answer(500, #"{"error":{"code":"InternalServerError","message":"Boom."}}"#))
        var texts: [String] = []
        let result = try await h.service.activate(Harness.activation)
        texts += result.notices
        if let error = await pimError({ try await h.service.auditHistory(AuditQuery(tenantWide: true)) }) {
            texts.append(error.description)
            texts.append(error.description)
        }
        #expect(h.verboseLines.count >= 6)
        #expect(leaks(h.verboseLines + texts).isEmpty)
        // The tokens did travel where they belong.
        #expect(h.graph.received.contains { $0.header("Authorization") == "Bearer stepped-up-token" })
    }

    @Test func aTokenEchoedInAServiceErrorIsMasked() async throws {
        let h = try Harness()
        defer { h.stop() }
        let jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl"
        h.graph.on(
            "GET", "/v1.0/me",
            .answer(400, #"{"error":{"code":"BadRequest","message":"Token \#(jwt) is not valid for tenant x."}}"#))
        let error = try #require(await pimError { try await h.service.currentUser() })
        #expect(!error.description.contains("eyJ0eXAi"))
        #expect(error.description.contains("Token [redacted] is not valid"))
    }

    @Test func verboseLinesDropBidiAndZeroWidthFromServiceText() {
        let line = VerboseLogger.line(
            method: "GET", url: URL(string: "https://graph.example/v1.0/me")!, status: 200,
            milliseconds: 5, requestId: "rid\u{202E}1\u{200B}2\u{1B}[2J\u{9B}")
        #expect(line == "GET /v1.0/me 200 5ms rid12[2J")
    }

    /// The real sign-in provider over the real transport: a refresh and a 401-triggered renewal with
    /// `--verbose` on; the refresh grant is used once per renewal and no token reaches a line.
    @Test func deviceCodeSignInRenewsARejectedTokenOnceWithoutLogging() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-rel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let grants = Mutex<[String]>([])
        let server = try FaultServer { request in
            guard let request else { return .respond(HTTPResponse(status: 200)) }
            let form = String(decoding: request.body ?? Data(), as: UTF8.self)
            grants.withLock { $0.append(form.contains("grant_type=refresh_token") ? "refresh" : "other") }
            let n = grants.withLock { $0.count }
            return .respond(
                FaultGraph.json(
                    200,
                    #"{"access_token":"eyJ.access\#(n).sig","refresh_token":"refresh-SECRET-\#(n)","expires_in":3600}"#)
            )
        }
        defer { server.stop() }
        let log = LineLog()
        let clock = ManualClock()
        let cache = TokenCache(directory: directory)
        try cache.store(
            .init(
                accessToken: "eyJ.old.sig", refreshToken: "refresh-SECRET-0",
                expiresAt: clock.now().addingTimeInterval(-10)),
            key: "127.0.0.1|organizations|\(DeviceCodeSignIn.defaultClientId)")
        let signIn = DeviceCodeSignIn(
            loginURL: server.baseURL, scopes: ["https://graph.microsoft.com/.default"],
            transport: CurlTransport(logger: VerboseLogger { log.append($0) }),
            cache: cache, clock: clock, prompt: { _ in Issue.record("no interactive sign-in expected") })
        let first = try await signIn.accessToken(claims: nil)  // expired in the cache: refreshed
        #expect(first == "eyJ.access1.sig")
        #expect(try await signIn.accessToken(claims: nil) == first)  // still valid: no exchange
        let provider: any TokenProvider = signIn  // as GraphClient sees it
        await provider.tokenRejected(first)  // Graph said 401
        let second = try await signIn.accessToken(claims: nil)
        #expect(second == "eyJ.access2.sig")
        #expect(grants.withLock { $0 } == ["refresh", "refresh"])
        let lines = log.lines
        #expect(lines.count == 2)
        #expect(!lines.joined().contains("eyJ") && !lines.joined().contains("refresh-SECRET"))
    }

    /// The sign-in prompt is the identity platform's own text, printed to the terminal as is: a login
    /// URL that answers with escape sequences gets them shown inert.
    @Test func theDeviceCodePromptFromTheServiceIsInert() async throws {
        let server = try FaultServer { request in
            guard let request else { return .respond(HTTPResponse(status: 200)) }
            if request.path.hasSuffix("/devicecode") {
                return .respond(
                    FaultGraph.json(
                        200,
                        #"""
                        {"device_code":"dc","user_code":"AB\u001b[2JCD","verification_uri":"https://x/\u001b]52;c;\#
                        ZXZpbA==\u0007","expires_in":900,"interval":1,"message":"Open \u001b]8;;\#
                        https://evil\u001b\\this link\u001b]8;;\u001b\\ \u202Eand enter AB"}
                        """#
                    ))
            }
            return .respond(FaultGraph.json(200, #"{"access_token":"eyJ.a.b","refresh_token":"r","expires_in":3600}"#))
        }
        defer { server.stop() }
        let prompts = Mutex<[DeviceCodePrompt]>([])
        let signIn = DeviceCodeSignIn(
            loginURL: server.baseURL, scopes: ["s"], transport: CurlTransport(), cache: nil,
            clock: ManualClock(), prompt: { prompt in prompts.withLock { $0.append(prompt) } })
        try await signIn.signIn()
        let prompt = try #require(prompts.withLock { $0.first })
        for text in [prompt.message, prompt.userCode, prompt.verificationURI] {
            #expect(Sanitizer.isClean(text), "\(text)")
            #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        }
        #expect(prompt.userCode == "AB␛[2JCD")
    }

    @Test func looseCacheModesAreTightenedWithAWarningThatNamesTheFileNotTheToken() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-rel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let warnings = LineLog()
        let cache = TokenCache(directory: directory) { warnings.append($0) }
        try cache.store(
            .init(accessToken: "eyJ.cached.sig", refreshToken: "refresh-SECRET", expiresAt: Date()), key: "k")
        let file = directory.appendingPathComponent("tokens.json").path
        chmod(file, 0o664)
        chmod(directory.path, 0o775)
        #expect(try cache.load(key: "k")?.accessToken == "eyJ.cached.sig")
        #expect(try mode(file) == 0o600 && mode(directory.path) == 0o700)
        #expect(warnings.lines.count == 2)
        #expect(warnings.lines.contains { $0.contains(file) && $0.contains("664") && $0.contains("600") })
        #expect(!warnings.lines.joined().contains("SECRET") && !warnings.lines.joined().contains("eyJ"))
        // Writing again keeps the modes, leaves no temporary file, and reads back whole.
        try cache.store(.init(accessToken: "eyJ.next.sig", refreshToken: nil, expiresAt: Date()), key: "k")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["tokens.json"])
        #expect(try mode(file) == 0o600)
        #expect(try cache.load(key: "k")?.accessToken == "eyJ.next.sig")
        #expect(warnings.lines.count == 2)
    }

    @Test func aCorruptCacheIsIgnoredNotACrashAndLogoutRemovesIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-rel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = directory.appendingPathComponent("tokens.json")
        try Data(#"{"k":{"accessToken":"eyJ.half"#.utf8).write(to: file)
        chmod(file.path, 0o600)
        let cache = TokenCache(directory: directory)
        #expect(try cache.load(key: "k") == nil)
        #expect(try cache.clear())
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

/// Where tokens may be sent: `--graph-url` / `PIM_GRAPH_URL` and `--login-url` / `PIM_LOGIN_URL`.
struct EndpointTrustTests {
    /// Names that only look local (`127.evil.example`), numbers the resolver reads differently
    /// (`127.1`, octal `0177.0.0.1`) and mapped addresses are not loopback literals: refused too.
    @Test(arguments: [
        "http://graph.evil.example", "http://10.0.0.5:8080", "HTTP://Graph.Microsoft.com", "http://192.0.2.2:8080",
        "http://127.evil.example", "http://127.0.0.1.evil.example", "http://localhost.evil.example",
        "http://127.1", "http://0177.0.0.1", "http://127.0.0.256", "http://[::ffff:127.0.0.1]", "http://[::2]",
    ])
    func plainHttpToAnotherMachineIsRefused(url: String) {
        #expect(throws: PIMError.self) { try GraphCloud.resolve(graphURL: url, environment: [:]) }
        #expect(throws: PIMError.self) { try GraphCloud.resolve(environment: ["PIM_LOGIN_URL": url]) }
        do { _ = try GraphCloud.resolve(environment: ["PIM_GRAPH_URL": url]) } catch let error as PIMError {
            #expect(error.kind == .invalidInput)
            #expect(error.description.contains("would send your token unencrypted: use https"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test(arguments: [
        "http://127.0.0.1:8080", "http://127.255.3.4", "http://localhost:9", "http://LocalHost:9", "http://[::1]:80",
        "http://[0:0:0:0:0:0:0:1]:80", "https://graph.microsoft.us", "https://127.evil.example",
    ])
    func httpsAndLocalTestServersAreAccepted(url: String) throws {
        #expect(try GraphCloud.resolve(graphURL: url, environment: [:]).graphURL.absoluteString == url)
    }
}
