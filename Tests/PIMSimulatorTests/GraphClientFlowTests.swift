import Foundation
import PIMDomain
import PIMGraph
import Synchronization
import Testing
@testable import PIMSimulator

/// One clock for the tenant and the Graph client: waiting advances it instead of sleeping.
final class SharedClock: GraphClock {
    private let current = Mutex(testStart)
    func now() -> Date { current.withLock { $0 } }
    func sleep(seconds: Double) async throws { advance(by: seconds) }
    func advance(by seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The product's flows driven through the real Graph client (`GraphPIMService`) against the tenant:
/// whatever the client sends, the tenant judges as the service would.
@Suite struct GraphClientFlowTests {
    struct World {
        let clock = SharedClock()
        let tenant: SimulatedTenant

        init() throws {
            let clock = self.clock
            tenant = try SimulatedTenant(configuration: SimulatorConfiguration(stateFile: nil, now: { clock.now() }))
        }

        func service(_ persona: String = "ada") -> GraphPIMService {
            GraphPIMService(
                configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
                transport: tenant, tokens: tenant.signIn(as: persona), clock: clock)
        }
    }

    func target(_ name: String, in dashboard: Dashboard) throws -> ElevationTarget {
        try #require(dashboard.eligibilities.first { $0.target.displayName == name }?.target)
    }

    func refusal(_ body: () async throws -> Void) async -> PIMError? {
        do { try await body(); return nil } catch { return error as? PIMError }
    }

    @Test func dashboardLoadsEverySectionForEachPersona() async throws {
        let world = try World()
        let ada = try await world.service().loadDashboard(.everything)
        #expect(ada.failures.isEmpty)
        #expect(ada.me.displayName == "Ada Admin")
        #expect(ada.eligibilities.count == 23)
        #expect(ada.active.contains { $0.target.displayName == "User Administrator" })
        #expect(!ada.elevations.isEmpty)
        #expect(!ada.history.isEmpty)
        let ben = try await world.service("ben").loadDashboard(.everything)
        #expect(ben.approvals.count == 5)
    }

    @Test func activateWithAndWithoutApprovalThenApproveAndDeny() async throws {
        let world = try World()
        let ada = world.service()
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        let helpdesk = try await ada.activate(
            ActivationRequest(
                target: try target("Helpdesk Administrator", in: dashboard), justification: "INC-7", ticket: nil,
                duration: .hours(1)))
        #expect(helpdesk.request.status == .provisioned)
        let security = try await ada.activate(
            ActivationRequest(
                target: try target("Security Administrator", in: dashboard), justification: "INC-8", ticket: nil,
                duration: .hours(1)))
        #expect(security.request.status == .pendingApproval)
        #expect(!security.notices.isEmpty)  // signed in again with MFA
        let ca = try await ada.activate(
            ActivationRequest(
                target: try target("Conditional Access Administrator", in: dashboard), justification: "INC-9",
                ticket: nil,
                duration: .hours(1)))
        #expect(ca.request.status == .pendingApproval)

        let ben = world.service("ben")
        let waiting = try await ben.pendingApprovals()
        let securityItem = try #require(waiting.first { $0.request.id == security.request.id })
        let caItem = try #require(waiting.first { $0.request.id == ca.request.id })
        try await ben.decide(securityItem, .approve, justification: "Approved for INC-8")
        try await ben.decide(caItem, .deny, justification: "Use the change window")
        let twice = await refusal { try await ben.decide(securityItem, .approve, justification: "again") }
        #expect(twice?.kind == .alreadyDecided)

        let mine = try await ada.myRequests()
        #expect(mine.first { $0.id == security.request.id }?.status == .provisioned)
        #expect(mine.first { $0.id == ca.request.id }?.status == .denied)
        let active = try await ada.loadDashboard(.rolesOnly).active
        #expect(active.contains { $0.target.displayName == "Security Administrator" })
        #expect(!active.contains { $0.target.displayName == "Conditional Access Administrator" })

        let audit = try await ada.auditHistory(AuditQuery(since: testStart, tenantWide: true))
        let names = Set(audit.map(\.activity))
        #expect(
            names.isSuperset(of: [
                "Add member to role requested (PIM activation)",
                "Add member to role completed (PIM activation)",
                "Add member to role approval requested (PIM activation)",
                "Add member to role request approved (PIM activation)",
                "Add member to role request denied (PIM activation)",
            ]))
    }

    /// A request that stopped waiting is named for what became of it, read back from Graph: not
    /// "decided by someone else" when the requester cancelled it or the same approver decided it
    /// from another window.
    @Test func aRequestThatStoppedWaitingSaysWhatBecameOfIt() async throws {
        let world = try World()
        let ada = world.service()
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        let security = try await ada.activate(
            ActivationRequest(
                target: try target("Security Administrator", in: dashboard), justification: "INC-8", ticket: nil,
                duration: .hours(1)))
        let ca = try await ada.activate(
            ActivationRequest(
                target: try target("Conditional Access Administrator", in: dashboard), justification: "INC-9",
                ticket: nil,
                duration: .hours(1)))
        let ben = world.service("ben")
        let waiting = try await ben.pendingApprovals()
        let securityItem = try #require(waiting.first { $0.request.id == security.request.id })
        let caItem = try #require(waiting.first { $0.request.id == ca.request.id })

        // The requester cancels while Ben reads it.
        try await ada.cancel(security.request)
        let cancelled = await refusal { try await ben.decide(securityItem, .approve, justification: "ok") }
        #expect(cancelled?.kind == .alreadyDecided)
        #expect(cancelled?.outcome == "cancelled by the requester")
        #expect(
            cancelled?.event
                == "Request \(security.request.id) was already cancelled by the requester: nothing is left to decide.")

        // Ben denies in one window, then approves the stale copy in another (another process).
        try await ben.decide(caItem, .deny, justification: "Use the change window")
        let parts = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC")!, from: world.clock.now())
        let at = String(format: "%02d:%02d UTC", parts.hour!, parts.minute!)
        let otherWindow = world.service("ben")
        let again = await refusal { try await otherWindow.decide(caItem, .approve, justification: "ok") }
        #expect(again?.kind == .alreadyDecided)
        #expect(again?.outcome == "denied by you at \(at)")

        // By id, as `pim approve ID` asks once the request has left the list.
        let byId = await otherWindow.whyNotWaiting(requestId: ca.request.id)
        #expect(byId?.outcome == "denied by you at \(at)")
        #expect(await otherWindow.whyNotWaiting(requestId: "no-such-request") == nil)

        // A group's request, by id: read from the groups' requests and approvals.
        let group = try await ada.activate(
            ActivationRequest(
                target: try target("itops-sysadmin-prod-requireapproval", in: dashboard), justification: "INC-10",
                ticket: nil,
                duration: .hours(1)))
        #expect(group.request.status == .pendingApproval)
        #expect(await ben.whyNotWaiting(requestId: group.request.id) == nil, "still waiting")
        try await ada.cancel(group.request)
        let groupCancelled = await ben.whyNotWaiting(requestId: group.request.id)
        #expect(groupCancelled?.kind == .alreadyDecided)
        #expect(groupCancelled?.outcome == "cancelled by the requester")
    }

    @Test func eachPolicyRuleIsRefusedWithItsRule() async throws {
        let world = try World()
        let ada = world.service()
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        let justification = await refusal {
            _ = try await ada.activate(
                ActivationRequest(
                    target: try target("User Administrator", in: dashboard),
                    justification: nil, ticket: nil, duration: .hours(1)))
        }
        #expect(justification?.graphCode == "RoleAssignmentExists")  // already active in the seed
        let ticket = await refusal {
            _ = try await ada.activate(
                ActivationRequest(
                    target: try target("Exchange Administrator", in: dashboard),
                    justification: "x", ticket: nil, duration: .hours(1)))
        }
        #expect(ticket?.kind == .refused)
        #expect(ticket?.failedRules == [.ticketing])
        let expiration = await refusal {
            _ = try await ada.activate(
                ActivationRequest(
                    target: try target("Teams Administrator", in: dashboard),
                    justification: "x", ticket: nil, duration: .hours(2)))
        }
        #expect(expiration?.failedRules == [.expiration])
        let missing = await refusal {
            _ = try await ada.activate(
                ActivationRequest(
                    target: try target("Helpdesk Administrator", in: dashboard),
                    justification: nil, ticket: nil, duration: .hours(1)))
        }
        #expect(missing?.failedRules == [.justification])
        let pending = await refusal {
            _ = try await ada.activate(
                ActivationRequest(
                    target: try target("Privileged Role Administrator", in: dashboard),
                    justification: "x", ticket: TicketInfo(number: "CHG-1"), duration: .hours(1)))
        }
        #expect(pending?.graphCode == "PendingRoleAssignmentRequest")
    }

    @Test func authenticationContextIsSatisfiedBySigningInAgain() async throws {
        let world = try World()
        let ada = world.service()
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        let result = try await ada.activate(
            ActivationRequest(
                target: try target("Intune Administrator", in: dashboard), justification: "Roll out", ticket: nil,
                duration: .hours(1)))
        #expect(result.request.status == .provisioned)
        #expect(result.notices.contains { $0.contains("c1") })
        let posts = world.tenant.recordedRequests().filter {
            $0.method == "POST" && $0.path.hasSuffix("roleAssignmentScheduleRequests")
        }
        #expect(posts.map(\.status) == [400, 201])
    }

    @Test func deactivateAfterFiveMinutesAndExpiryAsTheClockMoves() async throws {
        let world = try World()
        let ada = world.service()
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        _ = try await ada.activate(
            ActivationRequest(
                target: try target("Helpdesk Administrator", in: dashboard), justification: "INC-7", ticket: nil,
                duration: .hours(1)))
        var active = try #require(
            try await ada.loadDashboard(.rolesOnly).active.first { $0.target.displayName == "Helpdesk Administrator" })
        let early = await refusal { _ = try await ada.deactivate(active, justification: nil) }
        #expect(early?.kind == .refused)
        world.clock.advance(by: 301)
        active = try #require(
            try await ada.loadDashboard(.rolesOnly).active.first { $0.target.displayName == "Helpdesk Administrator" })
        let off = try await ada.deactivate(active, justification: nil)
        #expect(off.status == .revoked)

        world.clock.advance(by: 13 * 60)  // the seeded itops-sysadmin-prod-noapproval membership ends
        let later = try await ada.loadDashboard(.rolesOnly)
        #expect(!later.active.contains { $0.target.displayName == "itops-sysadmin-prod-noapproval" })
        let audit = try await ada.auditHistory(AuditQuery(since: testStart, tenantWide: true))
        #expect(audit.contains { $0.activity == "Remove member from role (PIM activation expired)" })
        #expect(audit.contains { $0.activity == "Remove member from role completed (PIM deactivate)" })
    }

    @Test func extendAndCancel() async throws {
        let world = try World()
        let ada = world.service()
        let dashboard = try await ada.loadDashboard(.rolesOnly)
        let reports = try #require(dashboard.active.first { $0.target.displayName == "Reports Reader" })
        let extended = try await ada.extend(
            reports,
            with: ActivationRequest(
                target: reports.target, justification: "Reporting continues", ticket: nil, duration: .days(30)))
        #expect(extended.request.status == .pendingAdminDecision)
        let mine = try await ada.myRequests()
        let pending = try #require(mine.first { $0.status == .pendingApproval })
        try await ada.cancel(pending)
        #expect(try await ada.myRequests().first { $0.id == pending.id }?.status == .canceled)
    }
}
