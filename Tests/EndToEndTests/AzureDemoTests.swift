import Foundation
import Testing

/// Azure resource roles with the built binary against the simulated tenant (`--demo`), as a script
/// would use them: listing, activation, an ambiguous name, a refusal, approval and the helpdesk view.
@Suite struct AzureDemoTests {
    let sandbox = Sandbox()
    /// Set for every run: the demo never needs it, and it must never be printed.
    static let armToken = "eyJhbGciOiJub25lIn0.arm-secret-token-4711.sig"

    func pim(_ arguments: [String]) throws -> PimBinary.Result {
        let result = try PimBinary.run(
            ["--demo"] + arguments, in: sandbox, environment: ["PIM_ARM_ACCESS_TOKEN": Self.armToken])
        #expect(!result.stdout.contains("arm-secret-token") && !result.stderr.contains("arm-secret-token"))
        return result
    }

    static let activateContributor = [
        "activate", "azure:Contributor@Prod-Payments", "-j", "INC-1: fix the payment workers", "--ticket", "INC-1",
        "--ticket-system", "ServiceNow", "-d", "1h",
    ]

    func azureRows(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try pim(arguments + ["-o", "json"])
        #expect(result.code == 0, "\(result)")
        let rows = try #require(result.json as? [[String: Any]], "\(result)")
        return rows.filter { $0["kind"] as? String == "azure" }
    }

    @Test func azureRolesAsJSONCarryTheirScope() throws {
        let rows = try azureRows(["roles", "--kind", "azure"])
        #expect(rows.count >= 12)
        for row in rows {
            for key in [
                "kind", "name", "scope", "scopeName", "scopeType", "id", "state", "endDateTime", "policy", "memberType",
            ] {
                #expect(row.keys.contains(key), "\(key) in \(row)")
            }
        }
        let scopeTypes = Set(rows.compactMap { $0["scopeType"] as? String })
        #expect(scopeTypes.isSuperset(of: ["managementGroup", "subscription", "resourceGroup", "resource"]))
        let contributor = try #require(
            rows.first { $0["name"] as? String == "Contributor" && $0["scopeName"] as? String == "Prod-Payments" })
        #expect(contributor["state"] as? String == "eligible")
        #expect((contributor["scope"] as? String)?.hasPrefix("/subscriptions/") == true)
        let policy = try #require(contributor["policy"] as? [String: Any])
        #expect(policy["requiresTicket"] as? Bool == true)
    }

    @Test func activatingContributorShowsItActive() throws {
        let activate = try pim(Self.activateContributor)
        #expect(activate.code == 0, "\(activate)")
        #expect(activate.stdout.contains("Activated Contributor at Prod-Payments until"), "\(activate)")
        let active = try azureRows(["roles", "--active"])
        let row = try #require(
            active.first { $0["name"] as? String == "Contributor" && $0["scopeName"] as? String == "Prod-Payments" })
        #expect(row["state"] as? String == "active")
        #expect(row["endDateTime"] is String)
    }

    @Test func anAmbiguousNameIsAUsageErrorListingTheCandidates() throws {
        let result = try pim(["activate", "azure:Contributor", "-j", "INC-1", "--ticket", "INC-1", "-d", "1h"])
        #expect(result.code == 2, "\(result)")
        #expect(result.stderr.contains("azure:Contributor@Prod-Payments"), "\(result)")
        #expect(result.stderr.contains("azure:Contributor@Dev-Sandbox"), "\(result)")
    }

    @Test func aMissingTicketIsRefusedBeforeAnythingIsSent() throws {
        let result = try pim([
            "--verbose", "activate", "azure:Contributor@Prod-Payments", "-j", "INC-1: fix", "-d", "1h",
        ])
        #expect(result.code == 4, "\(result)")
        #expect(result.stderr.contains("ticket"), "\(result)")
        // The verbose log names every exchange: reads only, no schedule request.
        #expect(result.stderr.contains("POST /batch"), "\(result)")
        #expect(!result.stderr.contains("PUT "), "\(result)")
        let rows = try azureRows(["roles", "--kind", "azure"])
        let contributor = rows.first {
            $0["name"] as? String == "Contributor" && $0["scopeName"] as? String == "Prod-Payments"
        }
        #expect(contributor?["state"] as? String == "eligible")
        #expect(contributor?["pendingRequest"] is NSNull)
    }

    @Test func benApprovesAdasOwnerRequest() throws {
        let asked = try pim([
            "activate", "azure:Owner@Prod-Payments", "-j", "INC-2: rotate the payment keys", "-d", "1h", "-o", "json",
        ])
        #expect(asked.code == 0, "\(asked)")
        let request = try #require(asked.json as? [String: Any], "\(asked)")
        #expect(request["status"] as? String == "PendingApproval")
        let id = try #require(request["id"] as? String)

        let queue = try pim(["--as", "ben", "approvals", "-o", "json"])
        let rows = try #require(queue.json as? [[String: Any]], "\(queue)")
        #expect(rows.contains { $0["id"] as? String == id && $0["kind"] as? String == "azure" })
        let approve = try pim(["--as", "ben", "approve", id, "-j", "Matches the change window"])
        #expect(approve.code == 0, "\(approve)")
        #expect(approve.stdout.contains(id), "\(approve)")
        let active = try azureRows(["roles", "--active"])
        #expect(active.contains { $0["name"] as? String == "Owner" && $0["scopeName"] as? String == "Prod-Payments" })
    }

    @Test func theHelpdeskSeesAzureElevations() throws {
        #expect(try pim(Self.activateContributor).code == 0)
        let rows = try azureRows(["--as", "hana", "elevations"])
        #expect(rows.count >= 3)
        #expect(
            rows.contains {
                $0["name"] as? String == "Contributor" && $0["scopeName"] as? String == "Prod-Payments"
                    && ($0["principal"] as? [String: Any])?["displayName"] as? String == "Ada Admin"
            })
    }
}
