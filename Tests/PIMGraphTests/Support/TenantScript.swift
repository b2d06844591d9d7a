import Foundation
@testable import PIMGraph

/// Canned answers for a signed-in requester: one eligible role, one eligible group, nothing active yet.
enum TenantScript {
    static let me =
        #"""
        {"id":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11","displayName":"Ada Admin","userPrincipalName":"ada@contoso.com"}
        """#
    static let roleId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
    static let groupId = "2b5ed229-4072-478d-9504-a047ebd4b07d"

    static let eligibleRoles = """
        {"value":[{"@odata.type":"#microsoft.graph.unifiedRoleEligibilityScheduleInstance","id":"e1",\
        "principalId":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",
          "roleDefinitionId":"\(roleId)","directoryScopeId":"/","appScopeId":null,\
        "startDateTime":"2026-01-05T09:00:00Z","endDateTime":null,
          "memberType":"Direct","roleEligibilityScheduleId":"s1","roleDefinition":{"id":"\(roleId)",\
        "displayName":"Global Reader","templateId":"\(roleId)"}}]}
        """
    static let eligibleGroups = """
        {"value":[{"id":"g1","startDateTime":"2026-01-01T00:00:00Z","endDateTime":null,"memberType":"direct",\
        "principalId":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",
          "accessId":"member","groupId":"\(groupId)","eligibilityScheduleId":"gs1","group":{"id":"\(groupId)",\
        "displayName":"pag_Tier0.Break-glass"}}]}
        """
    static let empty = #"{"value":[]}"#
    static let activatedGroupMembers = """
        {"value":[{"id":"\(groupId)_member_1","principalId":"u9","startDateTime":"2026-01-06T07:00:00Z",\
        "endDateTime":"2026-01-06T09:00:00Z",
          "assignmentType":"Activated","accessId":"member","groupId":"\(groupId)","memberType":"Direct"},
         {"id":"\(groupId)_member_2","principalId":"u8","startDateTime":null,"endDateTime":null,
          "assignmentType":"Assigned","accessId":"member","groupId":"\(groupId)","memberType":"Direct"}]}
        """
    static let tenantRoles = """
        {"value":[{"id":"a9","principalId":"u7","roleDefinitionId":"\(roleId)","directoryScopeId":"/",\
        "startDateTime":"2026-01-06T07:30:00Z",
          "endDateTime":"2026-01-06T11:30:00Z","assignmentType":"Activated","memberType":"Direct",
          "principal":{"id":"u7","displayName":"Bo Helpdesk"},"roleDefinition":{"id":"\(roleId)",\
        "displayName":"Global Reader"}}]}
        """

    static let rolePolicyTarget =
        """
        /v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' and \
        roleDefinitionId eq '\(roleId)'&$expand=policy($expand=rules)
        """
    static let groupPolicyTarget =
        """
        /v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '\(groupId)' and scopeType eq 'Group' and \
        roleDefinitionId eq 'member'&$expand=policy($expand=rules)
        """

    /// My eligible roles, first page.
    static let eligibleRolesPath = """
        /v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')\
        ?$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType\
        &$expand=roleDefinition,directoryScope
        """

    /// Role requests waiting for my approval.
    static let pendingRoleApprovalsPath = """
        /v1.0/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')\
        ?$filter=status eq 'PendingApproval'&$select=id,status,action,principalId,roleDefinitionId,\
        directoryScopeId,createdDateTime,completedDateTime,approvalId,isValidationOnly,justification,scheduleInfo,\
        ticketInfo,createdBy&$expand=roleDefinition,principal
        """

    /// Routes for a full dashboard load.
    static let reviewDefinitionsPath = """
        /v1.0/identityGovernance/accessReviews/definitions/filterByCurrentUser(on='reviewer')?$select=id,displayName,\
        status,scope,settings,stageSettings,descriptionForReviewers
        """

    static func dashboard(_ graph: FakeGraph) {
        graph.on("GET", "/v1.0/me?$select=id,displayName,userPrincipalName", json: me)
        // Ada reviews nothing: the access review series come back empty.
        graph.on("GET", reviewDefinitionsPath, json: #"{"value":[]}"#)
        graph.on("GET", eligibleRolesPath, json: eligibleRoles)
        graph.on(
            "GET",
            """
            /v1.0/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')\
            ?$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType,\
            assignmentType&$expand=roleDefinition($select=id,displayName,description,templateId),\
            directoryScope
            """,
            json: empty)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances\
            /filterByCurrentUser(on='principal')?$expand=group
            """,
            json: eligibleGroups)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances\
            /filterByCurrentUser(on='principal')?$expand=group
            """,
            json: empty)
        graph.on(
            "GET",
            """
            /v1.0/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')\
            ?$select=id,status,action,principalId,roleDefinitionId,directoryScopeId,createdDateTime,completedDateTime,\
            approvalId,isValidationOnly,justification,scheduleInfo,ticketInfo,createdBy
            """,
            fixture: "roles.roleAssignmentScheduleRequests.filterByCurrentUser-principal.GET.200.json")
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
            /filterByCurrentUser(on='principal')
            """,
            json: empty)
        graph.on(
            "GET",
            pendingRoleApprovalsPath,
            fixture: "roles.roleAssignmentScheduleRequests.filterByCurrentUser-approver-pendingApproval.GET.200.json")
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
            /filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'&$expand=group,principal
            """,
            json: empty)
        graph.on(
            "GET",
            """
            /v1.0/roleManagement/directory/roleAssignmentScheduleInstances?$filter=assignmentType eq \
            'Activated'&$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType,\
            assignmentType&$expand=principal,roleDefinition($select=id,displayName,description,templateId),\
            directoryScope
            """,
            json: tenantRoles)
        graph.on(
            "GET",
            """
            /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances?$filter=groupId eq \
            '\(groupId)'&$expand=principal
            """,
            json: activatedGroupMembers)
        graph.on(
            "GET", rolePolicyTarget,
            fixture: "policies.roleManagementPolicyAssignments.directoryRole-expandPolicyRules.GET.200.json")
        graph.on(
            "GET", groupPolicyTarget,
            fixture: "policies.roleManagementPolicyAssignments.group-owner-expandPolicyRules.GET.200.json")
    }

    static func service(
        _ graph: FakeGraph, clock: TestClock = TestClock(), tokens: FakeTokens = FakeTokens(),
        retry: RetryPolicy = .standard
    ) -> GraphPIMService {
        GraphPIMService(
            configuration: GraphConfiguration(baseURL: URL(string: graph.base)!, retryPolicy: retry),
            transport: graph, tokens: tokens, clock: clock)
    }
}
