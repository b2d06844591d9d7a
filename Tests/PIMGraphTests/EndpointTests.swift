import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// Every call against the exact method, path, query and body of graph-pim-contract.md.
struct EndpointTests {
    let base = URL(string: "https://graph.microsoft.com")!

    func target(_ request: GraphRequest) -> String { FakeGraph.target(of: request.url(baseURL: base)) }

    @Test func readsUseTheContractPathsAndQueries() throws {
        let cases: [(GraphRequest, String)] = [
            (Endpoints.me(), "/v1.0/me?$select=id,displayName,userPrincipalName"),
            (
                Endpoints.Roles.myEligibilities(),
                """
                /v1.0/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')\
                ?$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType\
                &$expand=roleDefinition,directoryScope
                """
            ),
            (
                Endpoints.Roles.myEligibilitySchedules(),
                "/v1.0/roleManagement/directory/roleEligibilitySchedules/filterByCurrentUser(on='principal')"
            ),
            (
                Endpoints.Roles.myActive(),
                """
                /v1.0/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')\
                ?$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,memberType,\
                assignmentType&$expand=roleDefinition($select=id,displayName,description,templateId),\
                directoryScope
                """
            ),
            (
                Endpoints.Roles.tenantActivated(),
                """
                /v1.0/roleManagement/directory/roleAssignmentScheduleInstances?$filter=assignmentType eq \
                'Activated'&$select=id,principalId,roleDefinitionId,directoryScopeId,startDateTime,endDateTime,\
                memberType,assignmentType&$expand=principal,roleDefinition($select=id,displayName,description,\
                templateId),directoryScope
                """
            ),
            (
                Endpoints.Roles.myRequests(),
                """
                /v1.0/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')\
                ?$select=id,status,action,principalId,roleDefinitionId,directoryScopeId,createdDateTime,\
                completedDateTime,approvalId,isValidationOnly,justification,scheduleInfo,ticketInfo,createdBy
                """
            ),
            (
                Endpoints.Roles.toApprove(),
                """
                /v1.0/roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on='approver')\
                ?$filter=status eq 'PendingApproval'&$select=id,status,action,principalId,roleDefinitionId,\
                directoryScopeId,createdDateTime,completedDateTime,approvalId,isValidationOnly,justification,\
                scheduleInfo,ticketInfo,createdBy&$expand=roleDefinition,principal
                """
            ),
            (Endpoints.Roles.approval(id: "9f2b"), "/beta/roleManagement/directory/roleAssignmentApprovals/9f2b"),
            (
                Endpoints.Groups.myEligibilities(),
                """
                /v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances\
                /filterByCurrentUser(on='principal')?$expand=group
                """
            ),
            (
                Endpoints.Groups.myActive(),
                """
                /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances\
                /filterByCurrentUser(on='principal')?$expand=group
                """
            ),
            (
                Endpoints.Groups.myRequests(),
                """
                /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
                /filterByCurrentUser(on='principal')
                """
            ),
            (
                Endpoints.Groups.toApprove(),
                """
                /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests\
                /filterByCurrentUser(on='approver')?$filter=status eq 'PendingApproval'&$expand=group,principal
                """
            ),
            (
                Endpoints.Groups.approval(id: "abd3"),
                "/v1.0/identityGovernance/privilegedAccess/group/assignmentApprovals/abd3"
            ),
            (
                Endpoints.Groups.assignments(groupId: "2b5e"),
                """
                /v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances?$filter=groupId eq \
                '2b5e'&$expand=principal
                """
            ),
            (
                try Endpoints.policy(for: .role("62e9")),
                """
                /v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole' \
                and roleDefinitionId eq '62e9'&$expand=policy($expand=rules)
                """
            ),
            (
                try Endpoints.policy(for: .group("60bb", owner: true)),
                """
                /v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '60bb' and scopeType eq 'Group' and \
                roleDefinitionId eq 'owner'&$expand=policy($expand=rules)
                """
            ),
            (
                try Endpoints.policy(for: .group("60bb")),
                """
                /v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId eq '60bb' and scopeType eq 'Group' and \
                roleDefinitionId eq 'member'&$expand=policy($expand=rules)
                """
            ),
            (Endpoints.directoryAudits(since: nil), "/v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM'"),
            (
                Endpoints.directoryAudits(since: Date(timeIntervalSince1970: 1_767_225_600)),
                """
                /v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM' and activityDateTime ge \
                2026-01-01T00:00:00Z
                """
            ),
        ]
        for (request, expected) in cases {
            #expect(request.method == "GET")
            #expect(request.body == nil)
            #expect(target(request) == expected)
        }
    }

    @Test func queriesArePercentEncodedWithoutBreakingOptions() throws {
        let url = try Endpoints.policy(for: .role("62e9")).url(baseURL: base).absoluteString
        #expect(
            url
                == """
                https://graph.microsoft.com/v1.0/policies/roleManagementPolicyAssignments\
                ?$filter=scopeId%20eq%20'/'%20and%20scopeType%20eq%20'DirectoryRole'\
                %20and%20roleDefinitionId%20eq%20'62e9'&$expand=policy($expand%3Drules)
                """
        )
        let components = URLComponents(string: url)!
        #expect(components.queryItems?.map(\.name) == ["$filter", "$expand"])
        #expect(components.queryItems?.last?.value == "policy($expand=rules)")
    }

    @Test func quotesInIdsAreDoubledInFilters() {
        #expect(Endpoints.Groups.assignments(groupId: "o'brien").queryValue("$filter") == "groupId eq 'o''brien'")
    }

    @Test func roleActivationBodyFollowsTheSchema() throws {
        let spec = ScheduleRequestSpec(
            action: .selfActivate, target: .role("f2ef992c-3afb-46b9-b7cf-a126ee74c451"),
            principalId: "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",
            justification: "INC-4821: investigate sign-in anomalies",
            ticket: TicketInfo(number: "INC-4821", system: "ServiceNow"),
            schedule: .afterDuration(start: Date(timeIntervalSince1970: 1_767_686_400), .hours(4)))
        let request = try Endpoints.scheduleRequest(spec)
        #expect(request.method == "POST")
        #expect(target(request) == "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests")
        #expect(
            jsonObject(request.body)
                == jsonObject(
                    """
                    {"action":"selfActivate","principalId":"5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",
                     "roleDefinitionId":"f2ef992c-3afb-46b9-b7cf-a126ee74c451","directoryScopeId":"/",
                     "justification":"INC-4821: investigate sign-in anomalies",
                     "scheduleInfo":{"startDateTime":"2026-01-06T08:00:00Z","expiration":{"type":"afterDuration",\
                    "duration":"PT4H"}},
                     "ticketInfo":{"ticketNumber":"INC-4821","ticketSystem":"ServiceNow"}}
                    """))
    }

    @Test func validationOnlyIsSentOnlyWhenAsked() throws {
        var spec = ScheduleRequestSpec(
            action: .selfActivate, target: .role("r"), principalId: "p",
            schedule: .afterDuration(start: Date(timeIntervalSince1970: 0), .minutes(90)))
        #expect(jsonObject(try Endpoints.scheduleRequest(spec).body)?["isValidationOnly"] == nil)
        spec.validationOnly = true
        #expect(jsonObject(try Endpoints.scheduleRequest(spec).body)?["isValidationOnly"] as? Bool == true)
        #expect(
            (jsonObject(try Endpoints.scheduleRequest(spec).body)?["scheduleInfo"] as? NSDictionary)?["expiration"]
                as? NSDictionary
                == ["type": "afterDuration", "duration": "PT1H30M"])
    }

    @Test func roleDeactivationMatchesTheComposedFixture() throws {
        let spec = ScheduleRequestSpec(
            action: .selfDeactivate, target: .role("8424c6f0-a189-499e-bbd0-26c1753c96d4"),
            principalId: "071cc716-8147-4397-a5ba-b2105951cc0b")
        #expect(
            jsonObject(try Endpoints.scheduleRequest(spec).body)
                == jsonObject(
                    Fixture.data("roles.roleAssignmentScheduleRequests.selfDeactivate.POST.request.composed.json")))
    }

    @Test func groupActivationAndDeactivationBodies() throws {
        let activate = ScheduleRequestSpec(
            action: .selfActivate, target: .group("2b5ed229-4072-478d-9504-a047ebd4b07d"),
            principalId: "3cce9d87-3986-4f19-8335-7ed075408ca2", justification: "Activate assignment.",
            schedule: .afterDuration(start: Date(timeIntervalSince1970: 1_675_842_180), .hours(2)))
        let request = try Endpoints.scheduleRequest(activate)
        #expect(target(request) == "/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests")
        let expected =
            jsonObject(Fixture.data("groups.assignmentScheduleRequests.selfActivate.POST.request.json"))!.mutableCopy()
            as! NSMutableDictionary
        expected["scheduleInfo"] = [
            "startDateTime": "2023-02-08T07:43:00Z", "expiration": ["type": "afterDuration", "duration": "PT2H"],
        ]
        #expect(jsonObject(request.body) == expected)

        let deactivate = ScheduleRequestSpec(
            action: .selfDeactivate, target: .group("2b5ed229-4072-478d-9504-a047ebd4b07d"),
            principalId: "3cce9d87-3986-4f19-8335-7ed075408ca2")
        #expect(
            jsonObject(try Endpoints.scheduleRequest(deactivate).body)
                == jsonObject(
                    Fixture.data("groups.assignmentScheduleRequests.selfDeactivate.POST.request.composed.json")))
        let owner = ScheduleRequestSpec(action: .selfDeactivate, target: .group("g", owner: true), principalId: "p")
        #expect(jsonObject(try Endpoints.scheduleRequest(owner).body)?["accessId"] as? String == "owner")
    }

    @Test func selfExtendSendsAnEndDate() throws {
        let spec = ScheduleRequestSpec(
            action: .selfExtend, target: .role("r"), principalId: "p", justification: "more time",
            schedule: .afterDateTime(start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3600)))
        #expect(
            jsonObject(try Endpoints.scheduleRequest(spec).body)
                == jsonObject(
                    """
                    {"action":"selfExtend","principalId":"p","roleDefinitionId":"r","directoryScopeId":"/",\
                    "justification":"more time",
                     "scheduleInfo":{"startDateTime":"1970-01-01T00:00:00Z","expiration":{"type":"afterDateTime",\
                    "endDateTime":"1970-01-01T01:00:00Z"}}}
                    """))
    }

    @Test func cancelsPostWithoutBody() throws {
        let role = try Endpoints.cancel(requestId: "b7d0", kind: .directoryRole)
        #expect(role.method == "POST" && role.body == nil)
        #expect(target(role) == "/v1.0/roleManagement/directory/roleAssignmentScheduleRequests/b7d0/cancel")
        let group = try Endpoints.cancel(requestId: "6aac", kind: .groupMember)
        #expect(
            target(group) == "/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleRequests/6aac/cancel")
    }

    @Test func reviewsPatchStepsInBetaAndStagesInV1() {
        let role = Endpoints.Roles.review(
            approvalId: "a1", stageId: "s1", decision: .approve,
            justification: "Trusted User")
        #expect(role.method == "PATCH")
        #expect(target(role) == "/beta/roleManagement/directory/roleAssignmentApprovals/a1/steps/s1")
        #expect(
            jsonObject(role.body)
                == jsonObject(Fixture.data("roles.beta.roleAssignmentApprovals.steps.PATCH.request.json")))
        let group = Endpoints.Groups.review(approvalId: "a2", stageId: "s2", decision: .approve, justification: "OK")
        #expect(target(group) == "/v1.0/identityGovernance/privilegedAccess/group/assignmentApprovals/a2/stages/s2")
        #expect(
            jsonObject(group.body) == jsonObject(Fixture.data("groups.assignmentApprovals.stages.PATCH.request.json")))
        let deny = Endpoints.Groups.review(approvalId: "a2", stageId: "s2", decision: .deny, justification: "no")
        #expect(jsonObject(deny.body)?["reviewResult"] as? String == "Deny")
    }

    @Test func batchBodyHoldsRelativeUrlsAndInnerBodies() throws {
        let spec = ScheduleRequestSpec(action: .selfDeactivate, target: .role("r"), principalId: "p")
        let body = try GraphClient.batchBody([
            .init(id: "me", request: Endpoints.me()),
            .init(id: "w", request: try Endpoints.scheduleRequest(spec)),
        ])
        let requests = jsonObject(body)?["requests"] as? [NSDictionary]
        #expect(requests?.count == 2)
        #expect(requests?[0] == ["id": "me", "method": "GET", "url": "/me?$select=id,displayName,userPrincipalName"])
        #expect(requests?[1]["headers"] as? NSDictionary == ["Content-Type": "application/json"])
        #expect((requests?[1]["body"] as? NSDictionary)?["action"] as? String == "selfDeactivate")
        #expect(Endpoints.batch(body).url(baseURL: base).absoluteString == "https://graph.microsoft.com/v1.0/$batch")
    }
}
