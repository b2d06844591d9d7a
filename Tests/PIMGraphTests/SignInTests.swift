import Foundation
import Testing
import Synchronization
@testable import PIMGraph
import PIMDomain

/// Device-code polling states, refresh, the token cache's file modes, and the other token sources.
struct SignInTests {
    static let login = URL(string: "https://login.example.test")!
    static let deviceCode = "/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"
    static let token = "/contoso.onmicrosoft.com/oauth2/v2.0/token"

    final class Prompts: Sendable {
        let seen = Mutex<[DeviceCodePrompt]>([])
        func record(_ prompt: DeviceCodePrompt) { seen.withLock { $0.append(prompt) } }
        var all: [DeviceCodePrompt] { seen.withLock { $0 } }
    }

    func signIn(
        _ graph: FakeGraph, clock: TestClock, cache: TokenCache? = nil, prompts: Prompts = Prompts()
    ) -> DeviceCodeSignIn {
        DeviceCodeSignIn(
            loginURL: Self.login, tenant: "contoso.onmicrosoft.com", scopes: GraphCloud.global.signInScopes,
            transport: graph, cache: cache, clock: clock, prompt: { prompts.record($0) })
    }

    func form(_ recorded: FakeGraph.Recorded) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: recorded.body ?? Data(), as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    func reply(_ status: Int, _ fixture: String) -> FakeGraph.Reply {
        .response(HTTPResponse(status: status, body: Fixture.data(fixture)))
    }

    @Test func pendingThenSlowDownThenSuccess() async throws {
        let graph = FakeGraph()
        graph.on("POST", Self.deviceCode, status: 200, fixture: "auth.devicecode.POST.200.composed.json")
        graph.on(
            "POST", Self.token, reply(400, "auth.token.authorization_pending.400.composed.json"),
            .response(HTTPResponse(status: 400, body: Data(#"{"error":"slow_down"}"#.utf8))),
            reply(400, "auth.token.authorization_pending.400.composed.json"),
            reply(200, "auth.token.device_code.POST.200.json"))
        let clock = TestClock()
        let prompts = Prompts()
        let token = try await signIn(graph, clock: clock, prompts: prompts).accessToken(claims: nil)
        #expect(token.hasPrefix("eyJ0eXAiOiJKV1Qi"))
        #expect(clock.sleeps == [5, 5, 10, 10])  // interval, then +5 s after slow_down
        #expect(prompts.all.first?.userCode == "F7QK2ZP9L")
        #expect(prompts.all.first?.verificationURI == "https://microsoft.com/devicelogin")
        let start = form(graph.recorded("POST")[0])
        #expect(start["client_id"] == "14d82eec-204b-4c2f-b7e8-296a70dab67e")
        #expect(
            start["scope"]?.contains("https://graph.microsoft.com/RoleAssignmentSchedule.ReadWrite.Directory") == true)
        #expect(start["scope"]?.contains("offline_access") == true)
        #expect(start["claims"] == nil)
        let poll = form(graph.recorded("POST")[1])
        #expect(poll["grant_type"] == "urn:ietf:params:oauth:grant-type:device_code")
        #expect(poll["device_code"] == "DAQABIQEAAABVrSpeuWamRam2jAF1XRQEexampleexampleexample")
    }

    @Test func expiredCodeStops() async throws {
        let graph = FakeGraph()
        graph.on("POST", Self.deviceCode, status: 200, fixture: "auth.devicecode.POST.200.composed.json")
        graph.on("POST", Self.token, reply(400, "auth.token.expired_token.400.composed.json"))
        do {
            _ = try await signIn(graph, clock: TestClock()).accessToken(claims: nil)
            Issue.record("expected expiry")
        } catch let error as PIMError {
            #expect(error.kind == .signInRequired)
            #expect(error.description.contains("expired"))
        }
    }

    @Test func declinedSignInStops() async throws {
        let graph = FakeGraph()
        graph.on("POST", Self.deviceCode, status: 200, fixture: "auth.devicecode.POST.200.composed.json")
        graph.on(
            "POST", Self.token,
            .response(
                HTTPResponse(
                    status: 400,
                    body: Data(#"{"error":"access_denied","error_description":"AADSTS70000: denied"}"#.utf8))))
        do {
            _ = try await signIn(graph, clock: TestClock()).accessToken(claims: nil)
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.description.contains("declined"))
            #expect(graph.recorded("POST").count == 2)  // no further polling
        }
    }

    @Test func pollingStopsAtTheCodesExpiryEvenWhilePending() async throws {
        let graph = FakeGraph()
        graph.on(
            "POST", Self.deviceCode, status: 200,
            json: #"{"user_code":"U","device_code":"D","verification_uri":"https://v","expires_in":12,"interval":5}"#)
        graph.on("POST", Self.token, reply(400, "auth.token.authorization_pending.400.composed.json"))
        await #expect(throws: PIMError.self) { try await signIn(graph, clock: TestClock()).accessToken(claims: nil) }
        #expect(graph.recorded("POST").count == 3)  // devicecode + polls at 5 s and 10 s
    }

    /// A broken or hostile identity platform cannot make pim poll without pause, wait for days, or
    /// trust a token forever (numbers such as 1e300 or -5 are bounded, not trapped on).
    @Test(arguments: [
        (#""expires_in":1e300,"interval":0"#, 900, 1.0),  // not a number pim can use: the default
        (#""expires_in":-5,"interval":-3"#, 1, 1.0),
        (#""expires_in":"999999999","interval":86400"#, 1800, 60.0),
    ])
    func serviceNumbersAreBounded(fields: String, longestWait: Int, interval: Double) async throws {
        let graph = FakeGraph()
        graph.on(
            "POST", Self.deviceCode, status: 200,
            json: #"{"user_code":"U","device_code":"D","verification_uri":"https://v","# + fields + "}")
        graph.on("POST", Self.token, reply(400, "auth.token.authorization_pending.400.composed.json"))
        let clock = TestClock()
        await #expect(throws: PIMError.self) { try await signIn(graph, clock: clock).accessToken(claims: nil) }
        #expect(clock.sleeps.allSatisfy { $0 == interval })
        #expect(clock.sleeps.reduce(0, +) <= Double(longestWait) + interval)
        #expect(clock.sleeps.reduce(0, +) >= Double(longestWait) - interval)
    }

    @Test func aTokenIsNotTrustedLongerThanADay() async throws {
        let graph = FakeGraph()
        graph.on("POST", Self.deviceCode, status: 200, fixture: "auth.devicecode.POST.200.composed.json")
        graph.on(
            "POST", Self.token,
            .response(
                HTTPResponse(
                    status: 200,
                    body: Data(#"{"access_token":"t","expires_in":99999999999,"token_type":"Bearer"}"#.utf8))))
        let clock = TestClock()
        let entry = try await signIn(graph, clock: clock).signIn()
        #expect(entry.expiresAt.timeIntervalSince(clock.now()) == 86_400)
    }

    @Test func errorOnA200DeviceCodeAnswerIsReported() async throws {
        let graph = FakeGraph()
        graph.on(
            "POST", Self.deviceCode, status: 200,
            json:
                #"{"error":"invalid_client","error_description":"AADSTS700016: Application not found.\r\nTrace ID: x"}"#
        )
        do {
            _ = try await signIn(graph, clock: TestClock()).accessToken(claims: nil)
            Issue.record("expected failure")
        } catch let error as PIMError {
            #expect(error.description.contains("AADSTS700016: Application not found."))
            #expect(!error.description.contains("Trace ID"))
        }
    }

    @Test func claimsGoOnTheDeviceCodeRequest() async throws {
        let graph = FakeGraph()
        graph.on("POST", Self.deviceCode, status: 200, fixture: "auth.devicecode.POST.200.composed.json")
        graph.on("POST", Self.token, reply(200, "auth.token.device_code.POST.200.json"))
        let claims = #"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#
        _ = try await signIn(graph, clock: TestClock()).accessToken(claims: claims)
        #expect(form(graph.recorded("POST")[0])["claims"] == claims)
    }

    @Test func cachedTokensAreReusedThenRefreshed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TokenCache(directory: directory)
        let graph = FakeGraph()
        graph.on("POST", Self.deviceCode, status: 200, fixture: "auth.devicecode.POST.200.composed.json")
        graph.on("POST", Self.token, reply(200, "auth.token.device_code.POST.200.json"))
        let clock = TestClock()
        _ = try await signIn(graph, clock: clock, cache: cache).accessToken(claims: nil)

        // A new process: the cache answers without any exchange.
        let before = graph.exchanges
        _ = try await signIn(graph, clock: clock, cache: cache).accessToken(claims: nil)
        #expect(graph.exchanges == before)

        // Past expiry: one refresh-token grant, no prompt.
        clock.advance(4000)
        let prompts = Prompts()
        graph.on(
            "POST", Self.token,
            .response(
                HTTPResponse(
                    status: 200,
                    body: Data(
                        #"{"token_type":"Bearer","expires_in":3600,"access_token":"fresh","refresh_token":"rotated"}"#
                            .utf8))))
        let fresh = try await signIn(graph, clock: clock, cache: cache, prompts: prompts).accessToken(claims: nil)
        #expect(fresh == "fresh")
        #expect(prompts.all.isEmpty)
        let refresh = form(graph.recorded("POST").last!)
        #expect(refresh["grant_type"] == "refresh_token")
        #expect(refresh["refresh_token"] == "AwABAAAAvPM1KaPlrEqdFSBzjqfTGAMxZGUTdM0t4B4...")
        #expect(
            try cache.load(key: "login.example.test|contoso.onmicrosoft.com|14d82eec-204b-4c2f-b7e8-296a70dab67e")?
                .refreshToken == "rotated")

        // Logging out (`pim logout` clears the cache) forgets it.
        #expect(try cache.clear())
        let key = "login.example.test|contoso.onmicrosoft.com|14d82eec-204b-4c2f-b7e8-296a70dab67e"
        #expect(try cache.load(key: key) == nil)
    }

    @Test func tokenCacheIsPrivate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TokenCache(directory: directory)
        try cache.store(.init(accessToken: "a", refreshToken: "r", expiresAt: Date()), key: "k")
        #expect(try mode(directory.path) == 0o700)
        #expect(try mode(directory.appendingPathComponent("tokens.json").path) == 0o600)
        #expect(try cache.load(key: "k")?.refreshToken == "r")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["tokens.json"])
        #expect(try cache.clear())
        #expect(try cache.load(key: "k") == nil)
    }

    @Test func looserModesAreFixedWithAWarning() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let warnings = Mutex<[String]>([])
        let cache = TokenCache(directory: directory) { message in warnings.withLock { $0.append(message) } }
        try cache.store(.init(accessToken: "a", refreshToken: nil, expiresAt: Date()), key: "k")
        let file = directory.appendingPathComponent("tokens.json").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        _ = try cache.load(key: "k")
        #expect(try mode(file) == 0o600)
        #expect(try mode(directory.path) == 0o700)
        #expect(warnings.withLock { $0.count } == 2)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func defaultCacheDirectoryFollowsXdg() {
        #expect(
            TokenCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]).path
                == "/x/cache/pim")
        #expect(TokenCache.defaultDirectory(environment: ["HOME": "/home/a"]).path == "/home/a/.cache/pim")
    }

    @Test func staticTokenIsUsedAsIsAndCannotStepUp() async throws {
        let provider = StaticTokenProvider(token: " abc \n")
        #expect(try await provider.accessToken(claims: nil) == "abc")
        await #expect(throws: PIMError.self) { try await provider.accessToken(claims: "{}") }
    }

    @Test func azureCliTokenIsReadFromAz() async throws {
        let calls = Mutex<[[String]]>([])
        let provider = AzureCLITokenProvider(tenant: "contoso", clock: TestClock()) { arguments in
            calls.withLock { $0.append(arguments) }
            return (0, Fixture.data("auth.azcli.get-access-token.composed.json"))
        }
        #expect(try await provider.accessToken(claims: nil) == "eyJ0eXAiOiJKV1QiLCJub25jZSI6...")
        _ = try await provider.accessToken(claims: nil)
        #expect(
            calls.withLock { $0 } == [
                ["account", "get-access-token", "--resource-type", "ms-graph", "-o", "json", "--tenant", "contoso"]
            ])
        await #expect(throws: PIMError.self) { try await provider.accessToken(claims: "{}") }
        let failing = AzureCLITokenProvider { _ in (1, Data()) }
        await #expect(throws: PIMError.self) { try await failing.accessToken(claims: nil) }
    }

    /// Exit 127 is the shell's "command not found": say that az is missing, not that it is signed out.
    @Test func aMissingAzureCLIIsNamedAsMissing() async throws {
        let missing = AzureCLITokenProvider { _ in (127, Data()) }
        do {
            _ = try await missing.accessToken(claims: nil)
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.event.contains("is not installed"))
            #expect(error.step == .useAzureCLISignIn(.notInstalled))
        }
    }

    @Test func cloudsAndOverrides() {
        #expect(GraphCloud(named: "USGov-DoD")?.graphURL.absoluteString == "https://dod-graph.microsoft.us")
        #expect(GraphCloud(named: "china")?.loginURL.absoluteString == "https://login.partner.microsoftonline.cn")
        #expect(GraphCloud(named: "mars") == nil)
        let local = GraphCloud.usGov.overriding(
            graphURL: URL(string: "http://127.0.0.1:9")!, loginURL: URL(string: "http://127.0.0.1:8")!)
        #expect(local.signInScopes.first == "https://graph.microsoft.us/RoleEligibilitySchedule.Read.Directory")
        #expect(local.loginURL.absoluteString == "http://127.0.0.1:8")
    }

    @Test func verboseLinesNeverCarrySecrets() {
        let url = URL(string: "https://login.example/t/oauth2/v2.0/token?code=SECRET&refresh_token=R2&x=1")!
        let line = VerboseLogger.line(method: "POST", url: url, status: 200, milliseconds: 12, requestId: "rid-1")
        #expect(line == "POST /t/oauth2/v2.0/token?code=[redacted]&refresh_token=[redacted]&x=1 200 12ms rid-1")
        let graphLine = VerboseLogger.line(
            method: "GET", url: Endpoints.me().url(baseURL: URL(string: "https://graph.microsoft.com")!),
            status: nil, milliseconds: 3, requestId: nil, failure: "timedOut")
        #expect(graphLine == "GET /v1.0/me?$select=id,displayName,userPrincipalName failed(timedOut) 3ms -")
        let headers = Redaction.headers(["Authorization": "Bearer eyJsecret", "request-id": "r\u{1B}[2J"])
        #expect(headers["Authorization"] == "[redacted]")
        #expect(headers["request-id"] == "r[2J")
    }
}
