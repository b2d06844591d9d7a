import Foundation
import PIMGraph
@testable import PIMSimulator

/// Raw HTTP against the tenant's Azure Resource Manager side as one persona, with an ARM token.
struct ARMClient {
    let tenant: SimulatedTenant
    var token: String
    var host = "https://management.azure.com"

    init(_ tenant: SimulatedTenant, as persona: String = "ada", claims: String? = nil, mfa: Bool = false) {
        self.tenant = tenant
        let signIn = tenant.signIn(as: persona, for: .azureResourceManager)
        let session = SimulatedSignIn(
            persona: signIn.persona, baselineMethods: mfa ? ["pwd", "mfa"] : ["pwd"], audience: .azureResourceManager)
        token = session.token(claims: claims)
    }

    /// `path` is appended to the host verbatim (callers write `%20` or `+` themselves where ARM needs them).
    func send(
        _ method: String, _ path: String, body: Any? = nil, headers: [String: String] = [:]
    ) async throws
        -> RawClient.Reply
    {
        var all = ["Authorization": "Bearer \(token)"]
        if body != nil { all["Content-Type"] = "application/json" }
        for (k, v) in headers { all[k] = v }
        let url = URL(string: host + path)!
        let response = try await tenant.send(
            HTTPRequest(method: method, url: url, headers: all, body: body.map(jsonData)))
        return RawClient.Reply(status: response.status, json: parseObject(response.body) ?? [:], response: response)
    }

    func get(_ path: String) async throws -> RawClient.Reply { try await send("GET", path) }

    func put(_ path: String, _ body: Any) async throws -> RawClient.Reply { try await send("PUT", path, body: body) }

    func post(_ path: String, _ body: Any? = nil) async throws -> RawClient.Reply {
        try await send("POST", path, body: body)
    }

    /// Every item of a list, following `nextLink` verbatim.
    func all(_ path: String) async throws -> [JSONObject] {
        var items: [JSONObject] = []
        var next: String? = path
        while let link = next {
            let reply = try await get(link.hasPrefix(host) ? String(link.dropFirst(host.count)) : link)
            guard reply.status == 200 else { throw ARMTestError.status(reply.status, reply.json.errorCode) }
            items += reply.json.items
            next = reply.json.str("nextLink")
        }
        return items
    }
}

enum ARMTestError: Error { case status(Int, String?) }

/// Ids of the seeded Azure estate, written out so a change to the seed shows here.
enum AZ {
    static let pim = "/providers/Microsoft.Authorization"
    static let prod = ARMSeed.prodPayments
    static let dev = ARMSeed.devSandbox
    static let shared = ARMSeed.sharedPlatform
    static let prodScope = "/subscriptions/\(prod)"
    static let devScope = "/subscriptions/\(dev)"
    static let sharedScope = "/subscriptions/\(shared)"
    static let mgScope = "/providers/Microsoft.Management/managementGroups/contoso"
    static let paymentsData = "\(prodScope)/resourceGroups/payments-data-rg"
    static let vault = "\(paymentsData)/providers/Microsoft.KeyVault/vaults/kv-payments-prod"
    static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
    static let contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c"
    static let reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
    static let uaa = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
    static let blob = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    static let keyVaultAdmin = "00482a5a-887f-4fb3-b363-3b7fe8e74483"

    static let v = "api-version=2020-10-01"
    static let eligible = "\(pim)/roleEligibilityScheduleInstances?\(v)&$filter=asTarget()"
    static let active = "\(pim)/roleAssignmentScheduleInstances?\(v)&$filter=asTarget()"

    static func role(_ guid: String, sub: String? = nil) -> String {
        (sub.map { "/subscriptions/\($0)" } ?? "") + "\(pim)/roleDefinitions/\(guid)"
    }

    static func requestPath(_ scope: String, _ name: String = UUID().uuidString.lowercased()) -> String {
        "\(scope)\(pim)/roleAssignmentScheduleRequests/\(name)?\(v)"
    }

    /// The composed activation body of the contract (justification, ticket, duration).
    static func activation(
        role: String, sub: String? = prod, duration: String = "PT4H", justification: String? = "INC-4821: restart",
        ticket: String? = "INC-4821", linked: String? = nil, principal: String = IDs.ada,
        type: String = "SelfActivate"
    ) -> JSONObject {
        var p: JSONObject = [
            "principalId": principal, "roleDefinitionId": AZ.role(role, sub: sub), "requestType": type,
            "scheduleInfo": [
                "startDateTime": "2026-05-28T20:26:40Z", "expiration": ["type": "AfterDuration", "duration": duration],
            ],
        ]
        if let justification { p["justification"] = justification }
        if let ticket { p["ticketInfo"] = ["ticketNumber": ticket, "ticketSystem": "ServiceNow"] }
        if let linked { p["linkedRoleEligibilityScheduleId"] = linked }
        return ["properties": p]
    }
}
