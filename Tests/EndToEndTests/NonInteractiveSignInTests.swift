import Foundation
import LoopbackHTTP
import Testing

/// Without a terminal nobody can enter a device code: a cached sign-in whose refresh token is refused,
/// or a step-up the service asks for, ends at once with exit 3 and the sentence naming `pim login`,
/// instead of printing a code and polling for a quarter of an hour. `pim login` still signs in.
@Suite struct NonInteractiveSignInTests {
    /// The identity platform refuses every refresh token; Graph is `LoginHintsTests.answer`, and an
    /// activation is refused with an authentication-context challenge.
    static func answer(_ request: RawRequest) -> (status: Int, body: String) {
        if request.path.hasSuffix("/token") {
            let form = String(decoding: request.body ?? Data(), as: UTF8.self)
            if form.contains("grant_type=refresh_token") {
                return (
                    400,
                    #"{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired."}"#
                )
            }
            return (
                200, #"{"access_token":"token-2","refresh_token":"refresh-2","token_type":"Bearer","expires_in":3600}"#
            )
        }
        if request.path.hasSuffix("/devicecode") {
            return (
                200,
                #"""
                {"device_code":"dev-1","user_code":"PIM-CODE","verification_uri":"https://microsoft.com/devicelogin",\#
                "interval":1,"expires_in":600}
                """#
            )
        }
        if request.method == "POST", request.path.hasSuffix("roleAssignmentScheduleRequests") {
            return (
                400,
                #"""
                {"error":{"code":"RoleAssignmentRequestAcrsValidationFailed",\#
                "message":"The role requires an authentication context: \#
                claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue\#
                %2C%22value%22%3A%22c1%22%7D%7D%7D"}}
                """#
            )
        }
        return LoginHintsTests.answer(request)
    }

    /// A cached sign-in for the local "identity platform", keyed as `DeviceCodeSignIn` keys it.
    static func cacheSignIn(in sandbox: Sandbox, expired: Bool) throws {
        let directory = sandbox.root + "/cache/pim"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let expiresAt = expired ? 0 : Date().addingTimeInterval(3000).timeIntervalSinceReferenceDate
        let key = "127.0.0.1|organizations|14d82eec-204b-4c2f-b7e8-296a70dab67e"
        let json = #"{"\#(key)":{"accessToken":"token-1","refreshToken":"refresh-1","expiresAt":\#(expiresAt)}}"#
        #expect(
            FileManager.default.createFile(
                atPath: directory + "/tokens.json", contents: Data(json.utf8),
                attributes: [.posixPermissions: 0o600]))
    }

    @Test func aRefusedRefreshTokenWithoutATerminalAsksForPimLogin() throws {
        let sandbox = Sandbox()
        try Self.cacheSignIn(in: sandbox, expired: true)
        let server = try RoutingHTTPServer(route: Self.answer)
        defer { server.stop() }
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url]
        let result = try PimBinary.run(["roles"], in: sandbox, environment: env)
        #expect(result.code == 3, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        #expect(result.stderr.contains("pim login"), "\(result)")
        #expect(!result.stderr.contains("PIM-CODE"), "no device code is shown: \(result)")
        #expect(!server.requests.contains { $0.path.hasSuffix("/devicecode") }, "no device-code flow starts")
        #expect(
            server.requests.contains {
                String(decoding: $0.body ?? Data(), as: UTF8.self).contains("grant_type=refresh_token")
            })

        // pim login itself still runs the device-code flow without a terminal.
        let login = try PimBinary.run(["login"], in: sandbox, environment: env)
        #expect(login.code == 0, "\(login)")
        #expect(login.stderr.contains("PIM-CODE"))
    }

    @Test func aStepUpDuringActivateWithoutATerminalAsksForPimLogin() throws {
        let sandbox = Sandbox()
        try Self.cacheSignIn(in: sandbox, expired: false)
        let server = try RoutingHTTPServer(route: Self.answer)
        defer { server.stop() }
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url]
        let result = try PimBinary.run(
            ["activate", "Global Reader", "--justification", "incident 42"], in: sandbox, environment: env)
        #expect(result.code == 3, "\(result)")
        #expect(result.stderr.contains("pim login"), "\(result)")
        #expect(!result.stderr.contains("PIM-CODE"), "no device code is shown: \(result)")
        #expect(!server.requests.contains { $0.path.hasSuffix("/devicecode") }, "no device-code flow starts")
        #expect(server.requests.contains { $0.method == "POST" && $0.path.hasSuffix("roleAssignmentScheduleRequests") })
    }
}
