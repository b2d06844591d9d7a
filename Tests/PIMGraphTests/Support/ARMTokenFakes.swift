import Foundation
import PIMDomain
import Synchronization

@testable import PIMGraph

/// A scripted identity platform for the ARM token tests: answers each POST through a closure over the
/// endpoint (`token`, `devicecode`) and the decoded form, and records every request.
final class FakeLogin: Transport, Sendable {
    struct Seen: Sendable {
        var url: URL
        var endpoint: String
        var form: [String: String]
    }

    typealias Answer = @Sendable (_ endpoint: String, _ form: [String: String]) -> FakeGraph.Reply
    private let answer: Mutex<Answer>
    private let seen = Mutex<[Seen]>([])

    init(_ answer: @escaping Answer) { self.answer = Mutex(answer) }

    /// Answers from now on with `answer`.
    func answer(with answer: @escaping Answer) { self.answer.withLock { $0 = answer } }

    var requests: [Seen] { seen.withLock { $0 } }
    /// The refresh-token grants seen, in order.
    var redemptions: [[String: String]] { requests.filter { $0.form["grant_type"] == "refresh_token" }.map(\.form) }
    var deviceCodeStarts: [[String: String]] { requests.filter { $0.endpoint == "devicecode" }.map(\.form) }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let form = Self.form(request.body ?? Data())
        let endpoint = request.url.lastPathComponent
        seen.withLock { $0.append(Seen(url: request.url, endpoint: endpoint, form: form)) }
        switch answer.withLock({ $0 })(endpoint, form) {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    static func form(_ body: Data) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            result[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    static func json(_ status: Int, _ text: String) -> FakeGraph.Reply {
        .response(HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8)))
    }

    /// A token answer handing out `access` (and `refresh`, when given).
    static func granted(_ access: String, refresh: String? = nil) -> FakeGraph.Reply {
        let refreshPart = refresh.map { #","refresh_token":"\#($0)""# } ?? ""
        return json(
            200,
            #"{"token_type":"Bearer","expires_in":3600,"access_token":"\#(access)"\#(refreshPart)}"#)
    }

    static let deviceCode = json(
        200,
        #"""
        {"user_code":"ARMCODE1","device_code":"arm-device-code",\#
        "verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":5}
        """#)
}

/// An account signed in with `pim login`: its Graph tokens cached in a private folder, the sign-in that
/// holds them, and ARM token providers over it.
final class SignedInAccountFixture: Sendable {
    static let login = URL(string: "https://login.example.test")!
    static let tenant = "contoso.onmicrosoft.com"
    static let graphRefreshToken = "graph-refresh-0.AXYZsecret"

    let directory: URL
    let cache: TokenCache
    let clock = TestClock()
    let login: FakeLogin
    let prompts = SignInTests.Prompts()

    init(signedIn: Bool = true, _ answer: @escaping FakeLogin.Answer) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-arm-\(UUID().uuidString)")
        cache = TokenCache(directory: directory)
        login = FakeLogin(answer)
        if signedIn {
            try cache.store(
                .init(
                    accessToken: "graph-access-token", refreshToken: Self.graphRefreshToken,
                    expiresAt: clock.now().addingTimeInterval(3600)),
                key: graphKey)
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var graphKey: String {
        TokenCache.signInKey(loginURL: Self.login, tenant: Self.tenant, clientId: DeviceCodeSignIn.defaultClientId)
    }

    var armKey: String {
        TokenCache.resourceKey(
            loginURL: Self.login, tenant: Self.tenant, clientId: DeviceCodeSignIn.defaultClientId,
            resource: GraphCloud.global.armResource)
    }

    /// The Graph sign-in a new process would build over the same cache.
    func signIn(interactive: Bool = true) -> DeviceCodeSignIn {
        let prompts = prompts
        return DeviceCodeSignIn(
            loginURL: Self.login, tenant: Self.tenant, scopes: GraphCloud.global.signInScopes, transport: login,
            cache: cache, clock: clock, interactive: interactive, prompt: { prompts.record($0) })
    }

    func account(interactive: Bool = true) -> ARMAccountTokenProvider {
        ARMAccountTokenProvider(signIn: signIn(interactive: interactive), cloud: .global)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

/// A scripted `az`: records each command line and answers with `status` and `output`.
final class FakeAzureCLI: Sendable {
    private let calls = Mutex<[[String]]>([])
    let status: Int32
    let output: String

    init(status: Int32 = 0, token: String = "az-arm-token") {
        self.status = status
        self.output = #"{"accessToken":"\#(token)","expires_on":1767700000,"tokenType":"Bearer"}"#
    }

    var runs: [[String]] { calls.withLock { $0 } }

    var runner: AzureCLITokenProvider.Runner {
        { arguments in
            self.calls.withLock { $0.append(arguments) }
            return (self.status, Data(self.output.utf8))
        }
    }

    /// az asked for the global cloud's ARM token.
    func provider(tenant: String? = SignedInAccountFixture.tenant, clock: TestClock) -> AzureCLITokenProvider {
        AzureCLITokenProvider(tenant: tenant, resource: GraphCloud.global.armResource, clock: clock, runner: runner)
    }
}
