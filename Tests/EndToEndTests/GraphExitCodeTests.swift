import Foundation
import Testing

/// The built binary against "Graph" on 127.0.0.1: the exit codes for network, sign-in and service
/// failures (6, 3, 5), with one sentence on stderr naming what to do.
@Suite struct GraphExitCodeTests {
    let sandbox = Sandbox()

    @Test func closedPortIsANetworkFailure() throws {
        let port = try LocalHTTPServer.closedPort()
        let result = try PimBinary.run(
            ["roles"], in: sandbox,
            environment: ["PIM_GRAPH_URL": "http://127.0.0.1:\(port)", "PIM_ACCESS_TOKEN": "test-token"])
        #expect(result.code == 6, "\(result)")
        #expect(result.stderr.hasPrefix("pim: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("test-token"))
        #expect(result.stdout.isEmpty)
    }

    @Test func noTokenAndNoTerminalNeedsSignIn() throws {
        let server = try LocalHTTPServer(status: 200, body: "{}")
        let result = try PimBinary.run(["roles"], in: sandbox, environment: ["PIM_GRAPH_URL": server.url])
        #expect(result.code == 3, "\(result)")
        #expect(result.stderr.contains("pim login"))
        #expect(server.requestCount == 0, "nothing is sent without a token")
    }

    @Test func repeated503IsAServiceError() throws {
        let body = #"{"error":{"code":"ServiceUnavailable","message":"Service unavailable"}}"#
        let server = try LocalHTTPServer(status: 503, headers: ["Retry-After": "0"], body: body)
        let result = try PimBinary.run(
            ["--verbose", "whoami"], in: sandbox,
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "test-token"])
        #expect(result.code == 5, "\(result)")
        let lines = result.stderr.split(separator: "\n")
        #expect(
            lines.filter { $0.hasPrefix("GET /v1.0/me") && $0.contains(" 503 ") }.count == server.requestCount,
            "one --verbose line per exchange")
        #expect(server.requestCount > 1, "retried before giving up")
        #expect(lines.last?.hasPrefix("pim: ") == true)
        #expect(!result.stderr.contains("test-token"))
        // Tenants find pim's calls in their logs by its name.
        #expect(
            server.requests.allSatisfy { $0.lowercased().contains("\r\nuser-agent: pim/") },
            "\(server.requests.first ?? "")")
    }

    @Test func unauthorizedTokenIsASignInProblem() throws {
        let body =
            #"""
            {"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}
            """#
        let server = try LocalHTTPServer(status: 401, body: body)
        let result = try PimBinary.run(
            ["whoami"], in: sandbox,
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "expired"])
        #expect(result.code == 3, "\(result)")
    }

    /// The Azure CLI's token lacks the PIM write scopes: Graph's observed answer. pim names `pim login` (exit 3).
    @Test func missingScopeNamesLogin() throws {
        let body =
            #"""
            {"error":{"code":"UnknownError","message":"{\"errorCode\":\"PermissionScopeNotGranted\",\#
            \"message\":\"Authorization failed due to missing permission scope \#
            RoleAssignmentSchedule.ReadWrite.Directory,RoleManagement.ReadWrite.Directory.\",\#
            \"instanceAnnotations\":[]}","innerError":{"date":"2023-05-10T19:44:10",\#
            "request-id":"0f5bca39-214e-43c4-8f69-f17db718101c"}}}
            """#
        let server = try LocalHTTPServer(status: 403, body: body)
        let result = try PimBinary.run(
            ["whoami"], in: sandbox,
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "az-token"])
        #expect(result.code == 3, "\(result)")
        #expect(result.stderr.contains("pim login"))
    }

    @Test func forbiddenForTheUserIsRefused() throws {
        let body =
            #"""
            {"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the \#
            operation."}}
            """#
        let server = try LocalHTTPServer(status: 403, body: body)
        let result = try PimBinary.run(
            ["history", "--all"], in: sandbox,
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "token"])
        #expect(result.code == 4, "\(result)")
        #expect(result.stderr.hasPrefix("pim: "))
    }

    @Test func logoutWithoutTokensAndWhoamiEverywhere() throws {
        let logout = try PimBinary.run(["logout"], in: sandbox)
        #expect(logout.code == 0, "\(logout)")
    }
}

@Suite struct OtherFailureTests {
    /// An answer that is neither success nor a documented failure is "other" (exit 1).
    @Test func unexpectedStatusIsAnOtherFailure() throws {
        let server = try LocalHTTPServer(status: 300, body: "{}")
        let result = try PimBinary.run(
            ["whoami"], in: Sandbox(),
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "test-token"])
        #expect(result.code == 1, "\(result)")
        #expect(result.stderr.hasPrefix("pim: "))
    }
}

/// `pim login` (device code), the token cache, `whoami` from the cache and `pim logout`, against an
/// identity platform and Graph played by one local server.
@Suite struct LoginTests {
    @Test func loginCachesPrivatelyAndLogoutDeletes() throws {
        let sandbox = Sandbox()
        let body =
            #"""
            {"device_code":"dev-1","user_code":"PIM-CODE","verification_uri":"https://microsoft.com/devicelogin",\#
            "interval":1,"expires_in":600,"access_token":"cached-token","refresh_token":"refresh-1",\#
            "token_type":"Bearer","id":"u-1","displayName":"Test User","userPrincipalName":"test@contoso.test"}
            """#
        let server = try LocalHTTPServer(status: 200, body: body)
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url, "PIM_TENANT": "contoso.test"]
        let login = try PimBinary.run(["login"], in: sandbox, environment: env)
        #expect(login.code == 0, "\(login)")
        #expect(login.stderr.contains("PIM-CODE"))
        #expect(login.stdout.contains("Signed in"))
        #expect(!login.stdout.contains("cached-token") && !login.stderr.contains("cached-token"))

        let directory = sandbox.root + "/cache/pim"
        let attributes = try FileManager.default.attributesOfItem(atPath: directory)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let mode =
                try FileManager.default.attributesOfItem(atPath: directory + "/" + file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }

        let who = try PimBinary.run(["whoami", "-o", "json"], in: sandbox, environment: env)
        #expect(who.code == 0, "\(who)")
        #expect((who.json as? [String: Any])?["displayName"] as? String == "Test User")

        // What a dashboard load remembers about the account goes with the tokens.
        let hints = directory + "/dashboard-hints-graph_contoso.json"
        #expect(FileManager.default.createFile(atPath: hints, contents: Data("{}".utf8)))
        let logout = try PimBinary.run(["logout"], in: sandbox, environment: env)
        #expect(logout.code == 0)
        #expect(logout.stdout.contains("Signed out"))
        #expect(!FileManager.default.fileExists(atPath: hints))
        let after = try PimBinary.run(["whoami"], in: sandbox, environment: env)
        #expect(after.code == 3, "\(after)")
        #expect(after.stderr.contains("pim login"))
    }

    /// `pim login --audit` also asks for the scopes `pim history --all` needs, and keeps asking on refresh.
    @Test func loginWithAuditAsksForTheAuditScopes() throws {
        let sandbox = Sandbox()
        let body =
            #"""
            {"device_code":"dev-1","user_code":"PIM-CODE","verification_uri":"https://microsoft.com/devicelogin",\#
            "interval":1,"expires_in":600,"access_token":"cached-token","refresh_token":"refresh-1",\#
            "token_type":"Bearer","id":"u-1","displayName":"Test User","userPrincipalName":"test@contoso.test"}
            """#
        let server = try LocalHTTPServer(status: 200, body: body)
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url, "PIM_TENANT": "contoso.test"]
        let plain = try PimBinary.run(["login"], in: sandbox, environment: env)
        #expect(plain.code == 0, "\(plain)")
        let plainForm = server.requests.first { $0.contains("/devicecode") } ?? ""
        #expect(!plainForm.contains("AuditLog.Read.All"))

        let audit = try PimBinary.run(["login", "--audit"], in: sandbox, environment: env)
        #expect(audit.code == 0, "\(audit)")
        let auditForm = server.requests.last { $0.contains("/devicecode") } ?? ""
        #expect(auditForm.contains("AuditLog.Read.All"), "\(auditForm)")
        #expect(auditForm.contains("Directory.Read.All"))
    }
}
