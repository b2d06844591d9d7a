import Foundation
import LoopbackHTTP
import Testing

/// `pim login --tenant T` remembers the account it signed in with: the next commands use it without
/// `--tenant`, `--tenant` picks another account, `whoami` says which one is in use and `pim logout`
/// forgets it.
@Suite struct RememberedAccountTests {
    /// `pim login --tenant contoso.test` in `sandbox` against one local identity platform and Graph.
    static func loginToContoso(in sandbox: Sandbox) throws -> (server: RoutingHTTPServer, env: [String: String]) {
        let server = try RoutingHTTPServer(route: LoginHintsTests.answer)
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url]
        let login = try PimBinary.run(["login", "--tenant", "contoso.test"], in: sandbox, environment: env)
        #expect(login.code == 0, "\(login)")
        return (server, env)
    }

    @Test func theTenantOfTheLoginIsUsedUntilLogout() throws {
        let sandbox = Sandbox()
        let (server, env) = try Self.loginToContoso(in: sandbox)
        defer { server.stop() }
        #expect(
            server.requests.contains { $0.path.contains("/contoso.test/oauth2/v2.0/token") },
            "signed in to the tenant given")

        let whoami = try PimBinary.run(["whoami", "-o", "json"], in: sandbox, environment: env)
        #expect(whoami.code == 0, "the signed-in tenant is remembered: \(whoami)")
        let object = whoami.json as? [String: Any]
        #expect(object?["tenant"] as? String == "contoso.test", "\(whoami.stdout)")
        #expect(object?["account"] as? String == "test@contoso.test in contoso.test", "\(whoami.stdout)")

        let table = try PimBinary.run(["whoami"], in: sandbox, environment: env)
        #expect(table.code == 0, "\(table)")
        #expect(
            table.stdout.contains("test@contoso.test in contoso.test"),
            "whoami names the account in use: \(table.stdout)")

        let other = try PimBinary.run(["whoami", "--tenant", "fabrikam.test"], in: sandbox, environment: env)
        #expect(other.code == 3, "\(other)")
        #expect(other.stderr.contains("not signed in to fabrikam.test"), "\(other.stderr)")
        #expect(other.stderr.contains("pim login --tenant fabrikam.test"), "\(other.stderr)")

        let same = try PimBinary.run(["whoami", "--tenant", "CONTOSO.test"], in: sandbox, environment: env)
        #expect(same.code == 0, "--tenant picks the account whatever its case: \(same)")

        let logout = try PimBinary.run(["logout"], in: sandbox, environment: env)
        #expect(logout.code == 0, "\(logout)")
        #expect(logout.stdout.contains("Signed out of test@contoso.test in contoso.test"), "\(logout.stdout)")
        let after = try PimBinary.run(["whoami"], in: sandbox, environment: env)
        #expect(after.code == 3, "logout forgets the account: \(after)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/cache/pim/accounts.json"))
    }

    @Test func theAccountsFileIsPrivate() throws {
        let sandbox = Sandbox()
        let (server, _) = try Self.loginToContoso(in: sandbox)
        defer { server.stop() }
        let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.root + "/cache/pim/accounts.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
