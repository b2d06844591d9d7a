import Foundation
import Testing
@testable import PIMSimulator

/// Deactivate, extend and expiry as the injected clock moves, each with its audit events.
@Suite struct LifecycleTests {
    func deactivation(role: String) -> JSONObject {
        ["action": "selfDeactivate", "principalId": IDs.ada, "roleDefinitionId": role, "directoryScopeId": "/"]
    }

    @Test func deactivateWithinFiveMinutesIsRefusedThenAllowed() async throws {
        let tenant = try makeTenant()
        let ada = RawClient(tenant)
        #expect(try await ada.post(roleRequests, activation(role: IDs.helpdeskAdmin)).status == 201)
        tenant.advanceClock(by: 120)
        let early = try await ada.post(roleRequests, deactivation(role: IDs.helpdeskAdmin))
        #expect(early.status == 400)
        #expect(early.json.errorCode == "ActiveDurationTooShort")
        #expect(early.json.errorMessage == "The Active duration is too short. Miniumum Required is 5 minutes.")
        tenant.advanceClock(by: 181)
        let reply = try await ada.post(roleRequests, deactivation(role: IDs.helpdeskAdmin))
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "Revoked")
        #expect(reply.json.str("action") == "selfDeactivate")
        #expect(
            !(try await ada.get(myActiveRoles).json.items.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin }))
        let audit = try await ada.get(
            """
            /auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '\(IDs.ada)' and activityDateTime ge \
            2026-05-28T20:26:00Z
            """
        )
        let names = audit.json.items.compactMap { $0.str("activityDisplayName") }
        #expect(names.contains("Remove member from role requested (PIM deactivate)"))
        #expect(names.contains("Remove member from role completed (PIM deactivate)"))
    }

    @Test func deactivateWithNothingActiveIsRoleAssignmentDoesNotExist() async throws {
        let ada = RawClient(try makeTenant())
        let reply = try await ada.post(roleRequests, deactivation(role: IDs.globalReader))
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "RoleAssignmentDoesNotExist")
        #expect(reply.json.errorMessage == "The Role assignment does not exist.")
    }

    @Test func activationsExpireAsTheClockMovesAndLeaveAnAuditEvent() async throws {
        let tenant = try makeTenant()
        let hana = RawClient(tenant, as: "hana")
        let path = "/roleManagement/directory/roleAssignmentScheduleInstances?$filter=assignmentType eq 'Activated'"
        let before = try await hana.get(path).json.items
        #expect(
            before.contains { $0.str("principalId") == IDs.hana && $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
        tenant.advanceClock(by: 4 * 60)
        let after = try await hana.get(path).json.items
        #expect(
            !after.contains { $0.str("principalId") == IDs.hana && $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
        #expect(after.count == before.count - 2)  // Hana's and Dana's ended within four minutes
        let audit = try await hana.get(
            """
            /auditLogs/directoryAudits?$filter=activityDisplayName eq 'Remove member from role (PIM activation \
            expired)' and activityDateTime ge 2026-05-28T20:26:40Z
            """
        )
        #expect(audit.json.items.count == 2)
        let record = try #require(audit.json.items.first)
        #expect(record.str("loggedByService") == "PIM")
        #expect(record.obj("initiatedBy")?.obj("user")?.str("displayName") == "MS-PIM")
    }

    @Test func selfExtendOnlyForTimeBoundAssignmentsExpiringSoon() async throws {
        let ada = RawClient(try makeTenant())
        var body = activation(
            role: IDs.reportsReader, justification: "Quarterly reporting continues", action: "selfExtend")
        body["scheduleInfo"] = [
            "startDateTime": "2026-06-06T20:26:40Z",
            "expiration": ["type": "afterDateTime", "endDateTime": "2026-09-06T20:26:40Z"],
        ]
        let reply = try await ada.post(roleRequests, body)
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "PendingAdminDecision")
        #expect(try await ada.post(roleRequests, body).json.errorCode == "PendingRoleAssignmentRequest")
        let activated = try await ada.post(roleRequests, activation(role: IDs.userAdmin, action: "selfExtend"))
        #expect(activated.status == 400)
        #expect(activated.json.errorCode == "InvalidRoleAssignmentRequest")
        let nothing = try await ada.post(roleRequests, activation(role: IDs.globalReader, action: "selfExtend"))
        #expect(nothing.json.errorCode == "RoleAssignmentDoesNotExist")
        let audit = try await ada.get(
            "/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Update member in PIM requested (extend)'")
        #expect(audit.json.items.count == 1)
    }

    @Test func adminExtendDecidesAPendingExtension() async throws {
        let tenant = try makeTenant()
        let ada = RawClient(tenant)
        let request = activation(role: IDs.reportsReader, justification: "Keep reporting", action: "selfExtend")
        #expect(try await ada.post(roleRequests, request).status == 201)
        let ben = RawClient(tenant, as: "ben")
        var extend = activation(role: IDs.reportsReader, duration: "P90D", principal: IDs.ada, action: "adminExtend")
        extend["justification"] = "Approved extension"
        let reply = try await ben.post(roleRequests, extend)
        #expect(reply.status == 201)
        #expect(reply.json.str("status") == "Provisioned")
        let mine = try await ada.get(
            "\(roleRequests)/filterByCurrentUser(on='principal')?$filter=action eq 'selfExtend'")
        #expect(mine.json.items.first?.str("status") == "Provisioned")
        let refused = try await ada.post(
            roleRequests, activation(role: IDs.reportsReader, duration: "P90D", action: "adminExtend"))
        #expect(refused.status == 403)
    }

    @Test func scheduledActivationIsGrantedThenCancelable() async throws {
        let tenant = try makeTenant()
        let ada = RawClient(tenant)
        var body = activation(role: IDs.helpdeskAdmin)
        body["scheduleInfo"] = [
            "startDateTime": "2026-05-28T23:00:00Z", "expiration": ["type": "afterDuration", "duration": "PT1H"],
        ]
        let reply = try await ada.post(roleRequests, body)
        #expect(reply.json.str("status") == "Granted")
        #expect(
            !(try await ada.get(myActiveRoles).json.items.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin }))
        let id = try #require(reply.json.str("id"))
        #expect(try await ada.post("\(roleRequests)/\(id)/cancel").status == 204)
        tenant.advanceClock(by: 3 * 3600)
        #expect(
            !(try await ada.get(myActiveRoles).json.items.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin }))
    }

    @Test func scheduledActivationStartsWhenItsTimeComes() async throws {
        let tenant = try makeTenant()
        let ada = RawClient(tenant)
        var body = activation(role: IDs.helpdeskAdmin)
        body["scheduleInfo"] = [
            "startDateTime": "2026-05-28T23:00:00Z", "expiration": ["type": "afterDuration", "duration": "PT1H"],
        ]
        let id = try #require(try await ada.post(roleRequests, body).json.str("id"))
        tenant.advanceClock(by: 3 * 3600)
        #expect(
            try await ada.get(myActiveRoles).json.items.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
        #expect(try await ada.get("\(roleRequests)/\(id)").json.str("status") == "Provisioned")
    }

    @Test func historyCoversThirtyDays() async throws {
        let tenant = try makeTenant(pageSize: 999)
        let ada = RawClient(tenant)
        let reply = try await ada.get(
            "/auditLogs/directoryAudits?$filter=loggedByService eq 'PIM' and activityDateTime ge 2026-04-28T00:00:00Z")
        let dates = reply.json.items.compactMap { $0.str("activityDateTime") }
        #expect(dates.count > 60)
        #expect(dates == dates.sorted(by: >))
        #expect(dates.last! < "2026-05-01")
        let mine = try await ada.get("\(roleRequests)/filterByCurrentUser(on='principal')")
        #expect(mine.json.items.count > 5)
        let carl = RawClient(tenant, as: "carl")
        #expect(try await carl.get("/auditLogs/directoryAudits").status == 403)
    }
}

/// A role-assignable group that is itself eligible: its active members activate the role for themselves.
@Suite struct InheritedEligibilityTests {
    @Test func activeGroupMembersSeeAndActivateTheGroupsRoles() async throws {
        let tenant = try makeTenant()
        let sam = RawClient(tenant, as: "sam")
        let eligible = try await sam.get(myEligibleRoles).json.items
        let reader = try #require(
            eligible.first { $0.str("roleDefinitionId") == "5d6b6bb7-de71-4623-b4af-96380a352509" })
        #expect(reader.str("memberType") == "Group")
        #expect(reader.str("principalId") == Persona.sam.objectId)
        var body = activation(role: "5d6b6bb7-de71-4623-b4af-96380a352509", principal: Persona.sam.objectId)
        body["justification"] = "Phishing triage"
        let reply = try await sam.post(roleRequests, body)
        #expect(reply.status == 201)
        let active = try await sam.get(myActiveRoles).json.items
        #expect(
            active.first { $0.str("roleDefinitionId") == "5d6b6bb7-de71-4623-b4af-96380a352509" }?.str("memberType")
                == "Group")
        tenant.advanceClock(by: 8 * 3600)
        #expect(!(try await sam.get(myEligibleRoles).json.items.contains { $0.str("memberType") == "Group" }))
        let late = try await sam.post(
            roleRequests, activation(role: "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", principal: Persona.sam.objectId))
        #expect(late.json.errorMessage?.contains("EligibilityRule") == true)
    }
}
