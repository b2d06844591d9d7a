import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// Azure resource roles on the command line: listed beside directory roles and groups, named as
/// `azure:ROLE[@SCOPE]` or with `--scope`, and missing with one plain sentence when no Azure Resource
/// Manager token could be had.
@Suite struct AzureCommandTests {
    static let ben = Principal(id: "u-ben", displayName: "Ben Okafor", userPrincipalName: "ben@contoso.test")

    static func tenant(_ configure: (inout FakeService.State) -> Void = { _ in }) -> FakeService {
        FakeService(now: testNow) { state in
            FakeService.seedAzure(&state)
            state.active.append(
                ActiveAssignment(
                    id: "inst-owner-dev", target: FakeService.ownerDev, principal: state.me,
                    start: testNow.addingTimeInterval(-1200), end: testNow.addingTimeInterval(2400)))
            configure(&state)
        }
    }

    static let noToken = PIMError(
        .signInRequired, "Azure roles need an Azure Resource Manager token, and none could be had",
        step: .getAzureAccess(.noToken))

    static let noTokenSentence =
        """
        Azure roles need an Azure Resource Manager token, and none could be had: run `az login` (Azure CLI) or set \
        PIM_ARM_ACCESS_TOKEN to see them; directory roles and groups work as usual.
        """

    static func occurrences(of text: String, in output: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    // MARK: pim roles

    @Test func rolesKindAzureTableMatchesTheSnapshot() async throws {
        let result = await run(["roles", "--kind", "azure"], service: Self.tenant())
        #expect(result.code == 0, "\(result.stderr)")
        try Snapshot.expect(result.stdout, matches: "roles-azure.txt")
    }

    @Test func rolesKindAzureJSONMatchesTheSnapshotAndCarriesTheAzureKeys() async throws {
        let result = await run(["roles", "--kind", "azure", "-o", "json"], service: Self.tenant())
        #expect(result.code == 0, "\(result.stderr)")
        try Snapshot.expect(result.stdout, matches: "roles-azure.json")
        let rows = try #require(json(result.stdout) as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0["kind"] as? String == "azure" })
        let owner = try #require(rows.first)
        #expect(owner["name"] as? String == "Owner")
        #expect(owner["state"] as? String == "active")
        #expect(owner["endDateTime"] as? String == "2026-11-23T12:40:00Z")
        let app = try #require(rows.first { $0["scopeName"] as? String == "Prod-Payments / app-rg" })
        #expect(app["scope"] as? String == FakeService.appResourceGroup)
        #expect(app["scopeType"] as? String == "resourceGroup")
        #expect(app["memberType"] as? String == "Direct")
        #expect(
            app["id"] as? String == FakeService.azureEligibilityId("el-contrib-app", at: FakeService.appResourceGroup))
        #expect(app["roleDefinitionId"] as? String == FakeService.contributorAppRG.id.resourceId)
        #expect(app["access"] is NSNull)
        let vault = try #require(rows.first { $0["name"] as? String == "Key Vault Administrator" })
        #expect(vault["scopeType"] as? String == "resource")
        #expect(vault["memberType"] as? String == "Group")
        let policy = try #require(vault["policy"] as? [String: Any])
        #expect(policy["authenticationContext"] as? String == "c2")
        let reader = try #require(rows.first { $0["name"] as? String == "Reader" })
        #expect(reader["scopeType"] as? String == "managementGroup")
        #expect(reader["memberType"] as? String == "Inherited")
    }

    @Test func rolesListsEveryKindByDefaultAndOneWithKind() async throws {
        let service = Self.tenant()
        let all = try #require(json(await run(["roles", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(Set(all.compactMap { $0["kind"] as? String }) == ["role", "group", "azure"])
        #expect(all.count == 11)
        let directory = await run(["roles", "--kind", "role", "-o", "json"], service: service)
        let roles = try #require(json(directory.stdout) as? [[String: Any]])
        #expect(roles.count == 4)
        #expect(roles.allSatisfy { $0["kind"] as? String == "role" && $0["scopeType"] == nil })
        let groups = try #require(
            json(await run(["roles", "--kind", "group", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(groups.count == 2)
        let table = await run(["roles"], service: service)
        #expect(table.stdout.contains("azure"))
        #expect(table.stdout.contains("Prod-Payments / app-rg"))
        let typo = await run(["roles", "--kind", "azur"], service: service)
        #expect(typo.code == 2)
        #expect(typo.stderr.contains("Use one of: role, group, azure."), "\(typo.stderr)")
        let none = await run(["roles", "--kind", "azure"], service: FakeService(now: testNow))
        #expect(none.code == 0)
        #expect(none.stdout == "You have no eligible Azure roles.\n")
    }

    /// An Azure section that could not be read is an incomplete listing (exit 5, nothing on stdout);
    /// a listing of another kind does not depend on it.
    @Test func anAzureSectionThatFailedIsAnIncompleteListing() async throws {
        let service = Self.tenant { state in
            state.sectionFailures[.azureRoles] = PIMError(
                .service, "Azure Resource Manager answered with a server error (HTTP 503)", step: .tryAgainLater(.later)
            )
        }
        let roles = await run(["roles", "-o", "json"], service: service)
        #expect(roles.code == 5)
        #expect(roles.stdout.isEmpty)
        #expect(roles.stderr.contains("your Azure roles"), "\(roles.stderr)")
        let activate = await run(
            ["activate", "Exchange Administrator", "-j", "x", "-d", "1h"], service: service)
        #expect(activate.code == 5)
        #expect(service.read { $0.sent }.isEmpty)
        let directoryOnly = await run(["roles", "--kind", "role"], service: service)
        #expect(directoryOnly.code == 0)
        #expect(directoryOnly.stdout.contains("Global Administrator"))
    }

    // MARK: No Azure Resource Manager token

    @Test func withoutAnAzureTokenRolesSayWhyOnceAndListTheRest() async throws {
        let service = FakeService(now: testNow) { $0.azureUnavailable = Self.noToken }
        for arguments in [["roles"], ["roles", "-o", "json"], ["roles", "--kind", "azure"]] {
            let result = await run(arguments, service: service)
            #expect(result.code == 0)
            #expect(Self.occurrences(of: Self.noTokenSentence, in: result.stderr) == 1, "\(result.stderr)")
        }
        let table = await run(["roles"], service: service)
        #expect(table.stdout.contains("Global Administrator"))
        let directoryOnly = await run(["roles", "--kind", "group"], service: service)
        #expect(directoryOnly.stderr.isEmpty, "Azure roles are not asked for")
    }

    @Test func withoutAnAzureTokenEveryListingWithAnAzureHalfSaysWhyOnce() async throws {
        let service = FakeService(now: testNow) { $0.azureUnavailable = Self.noToken }
        for arguments in [["requests"], ["approvals"], ["elevations", "-o", "json"], ["history"]] {
            let result = await run(arguments, service: service)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
            #expect(
                Self.occurrences(of: Self.noTokenSentence, in: result.stderr) == 1, "\(arguments): \(result.stderr)")
        }
        let withAzure = await run(["requests"], service: FakeService(now: testNow))
        #expect(withAzure.stderr.isEmpty)
    }

    @Test func withoutAnAzureTokenActivatingARoleSaysWhyOnceAndAnAzureTargetNeedsSignIn() async throws {
        let service = FakeService(now: testNow) { $0.azureUnavailable = Self.noToken }
        let role = await run(["activate", "Exchange Administrator", "-j", "Fix", "-d", "1h"], service: service)
        #expect(role.code == 0, "\(role.stderr)")
        #expect(Self.occurrences(of: Self.noTokenSentence, in: role.stderr) == 1, "\(role.stderr)")
        let azure = await run(["activate", "azure:Contributor", "-j", "Fix", "-d", "1h"], service: service)
        #expect(azure.code == 3)
        #expect(azure.stderr == "pim: " + Self.noTokenSentence + "\n")
        // Whatever the service filed the reason as, an Azure TARGET without a token needs a sign-in.
        let refused = FakeService(now: testNow) { state in
            state.azureUnavailable = PIMError(
                .forbidden, "Azure Resource Manager refused the token in PIM_ARM_ACCESS_TOKEN",
                step: .getAzureAccess(.tokenRefused))
        }
        let stale = await run(["deactivate", "azure:Owner"], service: refused)
        #expect(stale.code == 3)
        #expect(Self.occurrences(of: "refused the token", in: stale.stderr) == 1, "\(stale.stderr)")
        #expect(service.read { $0.sent }.map(\.target.displayName) == ["Exchange Administrator"])
        // A name not found may be an Azure role pim cannot see: the reason is said with the refusal.
        let unseen = await run(["activate", "Contributor", "-j", "Fix", "-d", "1h"], service: service)
        #expect(unseen.code == 4)
        #expect(Self.occurrences(of: Self.noTokenSentence, in: unseen.stderr) == 1, "\(unseen.stderr)")
    }

    // MARK: TARGET

    /// Asking more time of an Azure role already active names the command that gets it, with the word
    /// that finds that role at that scope.
    @Test func anActiveAzureRoleAskedForLongerNamesTheExtendCommandWithItsScope() async throws {
        let service = Self.tenant()
        let result = await run(["activate", "azure:Owner@Dev-Sandbox", "-j", "Budget", "-d", "3h"], service: service)
        #expect(result.code == 4, "\(result.stderr)")
        #expect(result.stderr.contains("Owner at Dev-Sandbox is already active"), "\(result.stderr)")
        #expect(result.stderr.contains("run pim extend \"azure:Owner@Dev-Sandbox\" --duration 3h."), "\(result.stderr)")
        #expect(service.read { $0.sent }.isEmpty)
    }

    @Test func activateAzureRoleAtANamedScopeSendsThatTarget() async throws {
        let service = Self.tenant()
        let result = await run(
            [
                "activate", "azure:Contributor@Prod-Payments", "-j", "Deploy", "-t", "CHG-7", "--ticket-system", "SNOW",
                "-o", "json",
            ],
            service: service)
        #expect(result.code == 0, "\(result.stderr)")
        let sent = try #require(service.read { $0.sent }.first)
        #expect(sent.target.id == FakeService.contributorProd.id)
        #expect(sent.justification == "Deploy")
        #expect(sent.ticket?.number == "CHG-7")
        let object = try #require(json(result.stdout) as? [String: Any])
        #expect(object["kind"] as? String == "azure")
        #expect(object["scope"] as? String == FakeService.prodSubscription)
        #expect(object["scopeName"] as? String == "Prod-Payments")
        #expect(object["scopeType"] as? String == "subscription")
    }

    @Test func anAzureRoleAtSeveralScopesIsAmbiguousAndListsWordsToCopy() async throws {
        let service = Self.tenant()
        let result = await run(["activate", "azure:Contributor", "-j", "x", "-t", "T", "-d", "1h"], service: service)
        #expect(result.code == 2)
        #expect(
            result.stderr
                == """
                pim: "azure:Contributor" matches 2 Azure roles:
                  azure:Contributor@Prod-Payments (azure, subscription Prod-Payments)
                  "azure:Contributor@Prod-Payments / app-rg" (azure, resource group Prod-Payments / app-rg)
                Write one of these as TARGET, or add --scope SCOPE (the scope's id or name).

                """, "\(result.stderr)")
        #expect(service.read { $0.sent }.isEmpty)
        let noTicket = await run(["activate", "azure:Contributor@Prod-Payments", "-j", "x"], service: service)
        #expect(noTicket.code == 4)
        #expect(noTicket.stderr.hasPrefix("pim: Cannot activate Contributor at Prod-Payments: "), "\(noTicket.stderr)")
        // Each listed word names its row alone.
        let copied = await run(
            ["activate", "azure:Contributor@Prod-Payments / app-rg", "-j", "x", "-d", "1h"], service: service)
        #expect(copied.code == 0, "\(copied.stderr)")
        #expect(service.read { $0.sent }.last?.target.id == FakeService.contributorAppRG.id)
    }

    @Test func scopeNarrowsByIdInEitherSpellingOrByPrefixOfItsName() async throws {
        let cases: [([String], TargetID)] = [
            (["azure:Contributor", "--scope", "prod-payments / APP"], FakeService.contributorAppRG.id),
            (
                ["azure:Contributor", "--scope", FakeService.appResourceGroup.uppercased()],
                FakeService.contributorAppRG.id
            ),
            (
                ["azure:contributor@/providers/Microsoft.Subscription" + FakeService.prodSubscription],
                FakeService.contributorProd.id
            ),
            (["Contributor", "--scope", FakeService.prodSubscription + "/"], FakeService.contributorProd.id),
            (["azure:Own"], FakeService.ownerDev.id),
        ]
        for (words, expected) in cases {
            let service = Self.tenant()
            let result = await run(
                ["deactivate"] + words + ["-o", "json"], service: service)
            #expect(result.code == 0, "\(words): \(result.stderr)")
            let object = try #require(json(result.stdout) as? [String: Any], "\(words)")
            if expected == FakeService.ownerDev.id {
                #expect(service.read { $0.deactivated } == ["inst-owner-dev"])
            } else {
                #expect(object["outcome"] as? String == "notActive", "\(words)")
                #expect(object["scope"] as? String == expected.scope, "\(words)")
            }
        }
    }

    @Test func anUnknownScopeOrRoleIsNotEligibleWithWhatThereIs() async throws {
        let service = Self.tenant()
        let scope = await run(["activate", "azure:Contributor@Staging", "-j", "x", "-d", "1h"], service: service)
        #expect(scope.code == 4)
        #expect(
            scope.stderr.contains(
                """
                You are eligible for the Azure role "Contributor" at Prod-Payments, Prod-Payments / app-rg, not at \
                Staging
                """
            ), "\(scope.stderr)")
        let elsewhere = await run(["deactivate", "azure:Owner@Prod"], service: service)
        #expect(elsewhere.code == 4)
        #expect(
            elsewhere.stderr
                == """
                pim: You are eligible for the Azure role "Owner" at Dev-Sandbox, not at Prod: write one of those after \
                @ (azure:Owner@Dev-Sandbox), or leave the scope out.

                """, "\(elsewhere.stderr)")
        let role = await run(["activate", "azure:Ownr", "-j", "x", "-d", "1h"], service: service)
        #expect(role.code == 4)
        #expect(role.stderr.contains("You have no eligible Azure role matching \"azure:Ownr\"."), "\(role.stderr)")
        #expect(role.stderr.contains("Did you mean \"azure:Owner\"?"))
        let twice = await run(
            ["activate", "azure:Contributor@Prod-Payments", "--scope", FakeService.appResourceGroup, "-j", "x"],
            service: service)
        #expect(twice.code == 2)
        #expect(twice.stderr.contains("give the scope once"))
        let owner = await run(["activate", "azure:Owner", "--owner", "-j", "x"], service: service)
        #expect(owner.code == 2)
        #expect(service.read { $0.sent }.isEmpty)
    }

    /// A bare name means an Azure role only when no directory role or group has it too.
    @Test func aBareNameSharedWithAGroupIsAmbiguousAndSaysHowToWriteTheAzureOne() async throws {
        let service = Self.tenant { state in
            let group = ElevationTarget(id: .group("g-own"), displayName: "Owner")
            state.eligibilities.append(Eligibility(id: "e-own", target: group, principalId: state.me.id))
        }
        let result = await run(["deactivate", "Owner"], service: service)
        #expect(result.code == 2)
        #expect(result.stderr.contains("Owner (group member, Group, id g-own)"), "\(result.stderr)")
        #expect(result.stderr.contains("  azure:Owner (azure, subscription Dev-Sandbox)"))
        #expect(result.stderr.contains("Write azure:NAME for the Azure role"))
        #expect(service.read { $0.deactivated }.isEmpty)
        let alone = await run(["deactivate", "Owner"], service: Self.tenant())
        #expect(alone.code == 0, "\(alone.stderr)")
        #expect(alone.stdout.hasPrefix("Deactivated Owner at Dev-Sandbox: Revoked"), "\(alone.stdout)")
    }

    @Test func extendingAnInactiveAzureRoleNamesTheWordToActivateIt() async {
        let result = await run(
            ["extend", "azure:Reader", "-j", "x", "-d", "1h"], service: Self.tenant())
        #expect(result.code == 4)
        #expect(result.stderr.contains("activate it with pim activate azure:Reader instead."), "\(result.stderr)")
    }

    /// Completion offers an Azure role held at several scopes once per scope, as a word that names it.
    @Test func theNamesCacheWritesAzureWordsThatResolve() async throws {
        let home = isolatedHome()
        _ = await run(["roles"], service: Self.tenant(), environment: ["HOME": home])
        let names = await run(["__complete", "targets"], environment: ["HOME": home])
        let lines = names.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("azure:Contributor@Prod-Payments"))
        #expect(lines.contains("azure:Contributor@Prod-Payments / app-rg"))
        #expect(lines.contains("azure:Owner"))
        #expect(!lines.contains("azure:Contributor"))
        #expect(lines.contains("group:Finance Admins"))
    }

    // MARK: Other listings

    @Test func requestsApprovalsElevationsAndHistoryCarryAzureRows() async throws {
        let service = Self.tenant { state in
            let request = ElevationRequest(
                id: "5f1c3a2e-0000-4000-8000-000000000001", target: FakeService.ownerDev, action: .selfActivate,
                status: .pendingApproval, principal: state.me, createdAt: testNow.addingTimeInterval(-120),
                justification: "Rotate keys", duration: .hours(2), approvalId: "appr-az")
            state.requests = [request]
            var theirs = request
            theirs.principal = Self.ben
            state.approvals = [ApprovalItem(request: theirs)]
            state.elevations = [
                ActiveAssignment(
                    id: "inst-kv", target: FakeService.keyVaultAdmin, principal: Self.ben,
                    start: testNow.addingTimeInterval(-600), end: testNow.addingTimeInterval(600), memberType: .group)
            ]
            state.history = [
                AuditEvent(
                    id: "h-az", date: testNow, activity: "Add member to role completed (PIM activation)",
                    result: "success", category: "ResourceManagement", targetName: "Owner")
            ]
        }
        let requests = try #require(
            json(await run(["requests", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(requests.first?["kind"] as? String == "azure")
        #expect(requests.first?["scopeName"] as? String == "Dev-Sandbox")
        #expect(requests.first?["scopeType"] as? String == "subscription")
        let approvals = try #require(
            json(await run(["approvals", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(approvals.first?["kind"] as? String == "azure")
        #expect(approvals.first?["scope"] as? String == FakeService.devSubscription)
        #expect(approvals.first?["scopeName"] as? String == "Dev-Sandbox")
        let approvalsTable = await run(["approvals"], service: service)
        #expect(approvalsTable.stdout.contains("Owner"))
        #expect(approvalsTable.stdout.contains("azure"))
        #expect(approvalsTable.stdout.contains("Dev-Sandbox"), "the scope tells Azure rows apart")
        let requestsTable = await run(["requests"], service: service)
        #expect(requestsTable.stdout.contains("Dev-Sandbox"))
        let elevations = try #require(
            json(await run(["elevations", "-o", "json"], service: service).stdout) as? [[String: Any]])
        let vault = try #require(elevations.first)
        #expect(vault["kind"] as? String == "azure")
        #expect(vault["id"] as? String == "inst-kv")
        #expect(vault["scopeName"] as? String == "Prod-Payments / app-rg / kv-pay")
        #expect(vault["scopeType"] as? String == "resource")
        #expect(vault["memberType"] as? String == "Group")
        let elevationsTable = await run(["elevations"], service: service)
        #expect(elevationsTable.stdout.contains("Prod-Payments / app-rg / kv-pay"))
        let history = try #require(
            json(await run(["history", "-o", "json"], service: service).stdout) as? [[String: Any]])
        #expect(history.first?["kind"] as? String == "azure")
        // Sentences name the scope: the same role is held at several.
        let approved = await run(["approve", "5f1c3a2e-0000-4000-8000-000000000001", "-j", "ok"], service: service)
        #expect(approved.code == 0, "\(approved.stderr)")
        #expect(
            approved.stdout
                == "Approved request 5f1c3a2e-0000-4000-8000-000000000001: Ben Okafor for Owner at Dev-Sandbox.\n")
        let cancelled = await run(["cancel", "5f1c3a2e-0000-4000-8000-000000000001"], service: service)
        #expect(cancelled.stdout.contains("for Owner at Dev-Sandbox."), "\(cancelled.stderr)")
        #expect(service.read { $0.cancelled } == ["5f1c3a2e-0000-4000-8000-000000000001"])
    }

    /// The ARM token from the environment is a secret like the Graph one: masked wherever it might show.
    @Test func theAzureTokenIsNeverPrinted() async {
        let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.arm-secret-for-the-test.signature"
        let service = FakeService(now: testNow) { state in
            state.azureUnavailable = PIMError(
                .signInRequired, "Azure Resource Manager refused the token \(token)",
                step: .getAzureAccess(.tokenRefused))
        }
        let result = await run(["roles"], service: service, environment: ["PIM_ARM_ACCESS_TOKEN": token])
        #expect(result.code == 0)
        #expect(!result.stderr.contains(token))
        #expect(!result.stdout.contains(token))
    }
}
