import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// Approvers: listing with approvals (beta for roles, v1.0 for groups) and deciding.
struct ApprovalTests {
    static let roleApproval =
        "/beta/roleManagement/directory/roleAssignmentApprovals/9f2b5ddb-a50e-44a1-a6f4-f616322262ea"
    static let groupApproval = "/v1.0/identityGovernance/privilegedAccess/group/assignmentApprovals/12345"

    func graph() -> FakeGraph {
        let graph = FakeGraph()
        TenantScript.dashboard(graph)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
            /filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'&$expand=group,principal
            """,
            fixture: "groups.assignmentScheduleRequests.filterByCurrentUser-principal-pendingApproval.GET.200.json")
        graph.on(
            "GET", Self.roleApproval,
            json: Fixture.string("roles.beta.roleAssignmentApprovals.GET.200.json")
                .replacingOccurrences(of: "<request-ID-GUID>", with: "9f2b5ddb-a50e-44a1-a6f4-f616322262ea")
                .replacingOccurrences(of: "<approval-step-ID-GUID>", with: "step-1"))
        graph.on("GET", Self.groupApproval, fixture: "groups.assignmentApprovals.GET.200.json")
        return graph
    }

    @Test func pendingApprovalsComeWithTheirApprovalsOldestFirst() async throws {
        let graph = graph()
        let items = try await TenantScript.service(graph).pendingApprovals()
        #expect(items.map(\.request.id) == ["9f2b5ddb-a50e-44a1-a6f4-f616322262ea", "12345"])
        #expect(items[0].approval?.openStageForMe?.id == "step-1")
        #expect(items[1].approval?.openStageForMe?.id == "d4fa4045-4716-436d-aec5-57b0a713f095")
        #expect(graph.recorded.contains { $0.target == "/beta/$batch" })
        #expect(graph.recorded.contains { $0.target == Self.roleApproval && $0.insideBatch })
    }

    func item(_ graph: FakeGraph, group: Bool) async throws -> ApprovalItem {
        let items = try await TenantScript.service(graph).pendingApprovals()
        return items.first { $0.request.target.kind.isGroup == group }!
    }

    @Test func approvingARolePatchesTheBetaStep() async throws {
        let graph = graph()
        let service = TenantScript.service(graph)
        graph.on("PATCH", "\(Self.roleApproval)/steps/step-1", .response(HTTPResponse(status: 204)))
        try await service.decide(try await item(graph, group: false), .approve, justification: "Trusted User")
        let patch = try #require(graph.recorded("PATCH").first)
        #expect(patch.target == "\(Self.roleApproval)/steps/step-1")
        #expect(jsonObject(patch.body) == ["reviewResult": "Approve", "justification": "Trusted User"])
    }

    @Test func denyingAGroupPatchesTheV1Stage() async throws {
        let graph = graph()
        graph.on(
            "PATCH", "\(Self.groupApproval)/stages/d4fa4045-4716-436d-aec5-57b0a713f095",
            .response(HTTPResponse(status: 204)))
        try await TenantScript.service(graph).decide(
            try await item(graph, group: true), .deny, justification: "not now")
        let patch = try #require(graph.recorded("PATCH").first)
        #expect(patch.target == "\(Self.groupApproval)/stages/d4fa4045-4716-436d-aec5-57b0a713f095")
        #expect(jsonObject(patch.body) == ["reviewResult": "Deny", "justification": "not now"])
    }

    @Test func aConflictMeansSomeoneElseDecided() async throws {
        let graph = graph()
        graph.on(
            "PATCH", "\(Self.groupApproval)/stages/d4fa4045-4716-436d-aec5-57b0a713f095", status: 409,
            json: #"{"error":{"code":"Conflict","message":"already approved"}}"#)
        do {
            try await TenantScript.service(graph).decide(
                try await item(graph, group: true), .approve, justification: "ok")
            Issue.record("expected already decided")
        } catch let error as PIMError {
            #expect(error.kind == .alreadyDecided)
            #expect(error.description.contains("already decided"))
        }
    }

    @Test func aClosedStageIsAlreadyDecidedWithoutPatching() async throws {
        let graph = graph()
        let item = try await item(graph, group: true)
        graph.on(
            "GET", Self.groupApproval,
            json:
                #"""
                {"id":"12345","stages":[{"id":"s","status":"Completed","assignedToMe":true,\#
                "reviewResult":"Approved"}]}
                """#
        )
        await #expect(throws: PIMError.self) {
            try await TenantScript.service(graph).decide(item, .approve, justification: "ok")
        }
        #expect(graph.recorded("PATCH").isEmpty)
    }
}
