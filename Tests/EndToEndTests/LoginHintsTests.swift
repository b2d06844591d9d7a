import Foundation
import LoopbackHTTP
import Testing

/// `pim login` reads the user's roles once, so the dashboard hints exist before the first `pim`:
/// the next command asks for its policies in its first (and only) batch.
@Suite struct LoginHintsTests {
    static let roleId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
    static let groupId = "9e3f5a72-8b4c-4d6e-a01f-2b3c4d5e6f33"

    /// The identity platform and Graph in one: device code, token, `/me`, and `$batch` answers in
    /// which the user is eligible for one role and one group.
    static func answer(_ request: RawRequest) -> (status: Int, body: String) {
        if request.path.hasSuffix("/devicecode") {
            return (
                200,
                #"""
                {"device_code":"dev-1","user_code":"PIM-CODE","verification_uri":"https://microsoft.com/devicelogin",\#
                "interval":1,"expires_in":600}
                """#
            )
        }
        if request.path.hasSuffix("/token") {
            return (
                200, #"{"access_token":"token-1","refresh_token":"refresh-1","token_type":"Bearer","expires_in":3600}"#
            )
        }
        if request.path == "/v1.0/me" { return (200, me) }
        guard request.path == "/v1.0/$batch",
            let object = (try? JSONSerialization.jsonObject(with: request.body ?? Data())) as? [String: Any],
            let items = object["requests"] as? [[String: Any]]
        else {
            return (404, #"{"error":{"code":"NotFound","message":"No route."}}"#)
        }
        let responses = items.map { item -> String in
            let id = item["id"] as? String ?? ""
            let url = item["url"] as? String ?? ""
            let body: String
            if id == "me" {
                body = me
            } else if url.contains("roleEligibilityScheduleInstances") {
                body = #"{"value":[\#(roleEligibility)]}"#
            } else if url.contains("group/eligibilityScheduleInstances") {
                body = #"{"value":[\#(groupEligibility)]}"#
            } else {
                body = #"{"value":[]}"#
            }
            return #"{"id":"\#(id)","status":200,"headers":{"Content-Type":"application/json"},"body":\#(body)}"#
        }
        return (200, #"{"responses":[\#(responses.joined(separator: ","))]}"#)
    }

    static let me = #"{"id":"u-1","displayName":"Test User","userPrincipalName":"test@contoso.test"}"#
    static let roleEligibility =
        #"""
        {"id":"e-1","principalId":"u-1","roleDefinitionId":"\#(roleId)","directoryScopeId":"/",\#
        "startDateTime":"2026-01-01T00:00:00Z","endDateTime":null,"memberType":"Direct",\#
        "roleDefinition":{"id":"\#(roleId)","displayName":"Global Reader","templateId":"\#(roleId)"}}
        """#
    static let groupEligibility =
        #"""
        {"id":"e-2","principalId":"u-1","groupId":"\#(groupId)","accessId":"member","memberType":"Direct",\#
        "startDateTime":"2026-01-01T00:00:00Z","endDateTime":null,"group":{"id":"\#(groupId)",\#
        "displayName":"itops-sysadmin"}}
        """#

    @Test func theFirstCommandAfterLoginAsksForEverythingInOneBatch() throws {
        let sandbox = Sandbox()
        let server = try RoutingHTTPServer(route: Self.answer)
        defer { server.stop() }
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url, "PIM_TENANT": "contoso.test"]
        let login = try PimBinary.run(["login"], in: sandbox, environment: env)
        #expect(login.code == 0, "\(login)")
        #expect(login.stdout.contains("Signed in as Test User"), "\(login.stdout)")

        let file = sandbox.root + "/cache/pim/dashboard-hints-127.0.0.1_contoso.test.json"
        let data = try #require(FileManager.default.contents(atPath: file), "no hints after login")
        let hints = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(hints["userId"] as? String == "u-1")
        #expect((hints["groups"] as? [String]) == [Self.groupId])

        let batchesBefore = server.requests.filter { $0.path == "/v1.0/$batch" }.count
        let roles = try PimBinary.run(["roles", "-o", "json"], in: sandbox, environment: env)
        #expect(roles.code == 0, "\(roles)")
        let batches = server.requests.filter { $0.path == "/v1.0/$batch" }.dropFirst(batchesBefore)
        #expect(batches.count == 1, "one round trip: \(batches.count) batches")
        let body = String(decoding: batches.first?.body ?? Data(), as: UTF8.self)
        #expect(body.contains("roleManagementPolicyAssignments"), "the policies went out in the first batch")
        #expect(body.contains(Self.groupId), "the group's policy too")
    }
}
