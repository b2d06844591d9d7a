import Foundation
import PIMDomain
import PIMTables

/// The rows of `--output json`, documented in docs/cli-output.md. Keys are part of the contract:
/// add new ones, never rename.
enum JSONRows {
    /// `role`, `group` or `azure`.
    static func kind(_ kind: TargetKind) -> String { kind.family.word }

    /// `fields` with the values of the columns of `definition` that are JSON fields: a column gives
    /// the value of a key the row already has in place, and adds a key it does not have at the end.
    static func withColumns<Row>(
        _ fields: [(String, JSONValue)], _ definition: TableDefinition<Row>, _ row: Row,
        now: Date
    ) -> [(String, JSONValue)] {
        var fields = fields
        let context = ColumnContext(now: now, time: { _ in "" }, dateTime: { _ in "" })
        for (key, value) in definition.jsonFields(row, context: context) {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                fields[index].1 = json(value)
            } else {
                fields.append((key, json(value)))
            }
        }
        return fields
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .int(let number): number.map { .int($0) } ?? .null
        case .date(let date): .date(date)
        }
    }

    /// The fields every target row starts with. `id` is the role definition or group id; for an Azure
    /// role it is the row's own id (`rowId`: the eligibility schedule id, else the active instance's
    /// name), since one role definition is held at many scopes.
    static func targetFields(_ target: ElevationTarget, rowId: String? = nil) -> [(String, JSONValue)] {
        let isAzure = target.kind.family == .azure
        return [
            ("kind", .string(kind(target.kind))),
            ("name", .string(target.displayName)),
            ("id", .string(isAzure ? (rowId ?? target.id.resourceId) : target.id.resourceId)),
            ("access", .string(target.kind.groupAccessId)),
            ("scope", .string(target.id.scope)),
            ("scopeName", .string(target.scopeLabel)),
            ("tier", .string(target.tier.label)),
            ("tierLevel", .int(target.tier.rawValue)),
        ]
    }

    /// The keys only an Azure role's rows carry, after the common ones: the full scoped
    /// `roleDefinitionId`, `scopeType` and `memberType` (`Direct`, `Group`, `Inherited`). Nothing for
    /// a directory role or a group, whose rows keep their shape.
    static func azureTargetFields(_ target: ElevationTarget, memberType: MemberType?) -> [(String, JSONValue)] {
        guard target.kind.family == .azure else { return [] }
        return [("roleDefinitionId", .string(target.id.resourceId))] + azureScopeFields(target)
            + [("memberType", .string(memberType.map(Self.memberType)))]
    }

    /// `scopeType` of an Azure role's scope (`managementGroup`, `subscription`, `resourceGroup`,
    /// `resource`); nothing for other kinds.
    static func azureScopeFields(_ target: ElevationTarget) -> [(String, JSONValue)] {
        guard target.kind.family == .azure else { return [] }
        return [("scopeType", .string(AzureScope(target.id.scope ?? "/").kind.rawValue))]
    }

    /// The readable scope and its type of an Azure role a request is for; nothing for other kinds.
    static func azureRequestFields(_ target: ElevationTarget) -> [(String, JSONValue)] {
        guard target.kind.family == .azure else { return [] }
        return [("scopeName", .string(target.scopeLabel))] + azureScopeFields(target)
    }

    /// ARM's spelling of how the principal holds it.
    static func memberType(_ type: MemberType) -> String {
        switch type {
        case .direct: "Direct"
        case .group: "Group"
        case .inherited: "Inherited"
        case .other(let value): value
        }
    }

    static func policy(_ policy: ActivationPolicy?) -> JSONValue {
        guard let policy else { return .null }
        return .object([
            ("maxDuration", .string(policy.maxDuration?.iso8601)),
            ("requiresJustification", .bool(policy.requiresJustification)),
            ("requiresTicket", .bool(policy.requiresTicket)),
            ("requiresMfa", .bool(policy.requiresStepUp)),
            ("authenticationContext", .string(policy.authenticationContext)),
            ("requiresApproval", .bool(policy.requiresApproval)),
        ])
    }

    /// One row of `pim roles`.
    static func role(_ entry: RoleEntry, now: Date) -> JSONValue {
        var fields = targetFields(entry.target, rowId: entry.eligibility?.id ?? entry.active?.id)
        fields += azureTargetFields(entry.target, memberType: entry.eligibility?.memberType ?? entry.active?.memberType)
        fields.append(("state", .string(Tables.jsonState(entry.state))))
        fields.append(("startDateTime", .date(entry.scheduledStart ?? entry.active?.start)))
        fields.append(("endDateTime", .date(entry.active?.end)))
        fields.append(("remainingSeconds", entry.active?.remaining(at: now).map { .int(max(0, Int($0))) } ?? .null))
        fields.append(("assignmentType", .string(entry.active.map { assignmentType($0.assignmentType) })))
        fields.append(("eligibilityEndDateTime", .date(entry.eligibility?.end)))
        fields.append(
            (
                "pendingRequest",
                entry.pendingRequest.map { request in
                    .object([("id", .string(request.id)), ("status", .string(request.status.graphValue))])
                } ?? .null
            ))
        fields.append(("policy", policy(entry.policy)))
        if entry.target.kind.family == .group { fields.append(("confers", confers(entry))) }
        return .object(withColumns(fields, Tables.roles, entry, now: now))
    }

    /// What a group gives, with the keys a row uses for the same things (`scope` the id, `scopeName` as a
    /// person reads it, `kind`, `state`); `null` when it could not be read, so a script can tell "gives
    /// nothing" from "unknown".
    static func confers(_ entry: RoleEntry) -> JSONValue {
        if entry.confersUnread && entry.confers.isEmpty { return .null }
        return .array(
            entry.confers.map { role in
                .object([
                    ("name", .string(role.name)), ("scope", .string(role.scopeId)),
                    ("scopeName", .string(role.scopeName)), ("kind", .string(role.family.word)),
                    ("state", .string(role.holding.rawValue)),
                ])
            })
    }

    static func assignmentType(_ type: AssignmentType) -> String {
        switch type {
        case .activated: "activated"
        case .assigned: "assigned"
        case .other(let value): value
        }
    }

    static func principal(_ principal: Principal?) -> JSONValue {
        guard let principal else { return .null }
        return .object([
            ("id", .string(principal.id)), ("displayName", .string(principal.displayName)),
            ("userPrincipalName", .string(principal.userPrincipalName)),
        ])
    }

    static func ticket(_ ticket: TicketInfo?) -> [(String, JSONValue)] {
        [("ticketNumber", .string(ticket?.number)), ("ticketSystem", .string(ticket?.system))]
    }

    /// One request (`requests`, `activate`, `extend`, `deactivate`, `cancel`). `state` is product.md's
    /// `active` (granted and not ended) or `eligible`; `requestState` says more: `pending`, `active` or
    /// `closed` (refused, cancelled, ended).
    static func request(_ request: ElevationRequest, now: Date, extra: [(String, JSONValue)] = []) -> JSONValue {
        let end = request.expectedEnd(now: now)
        let requestState: String
        if request.status.isPending {
            requestState = "pending"
        } else if !request.wasRefused,
            request.action == .selfActivate || request.action == .selfExtend,
            (end.map { $0 > now } ?? true)
        {
            requestState = "active"
        } else {
            requestState = "closed"
        }
        let state = requestState == "active" ? "active" : "eligible"
        var fields: [(String, JSONValue)] = [
            ("id", .string(request.id)),
            ("status", .string(request.status.graphValue)),
            ("action", .string(request.action.graphValue)),
            ("kind", .string(kind(request.target.kind))),
            ("name", .string(request.target.displayName)),
            ("targetId", .string(request.target.id.resourceId)),
            ("access", .string(request.target.kind.groupAccessId)),
            ("scope", .string(request.target.id.scope)),
        ]
        fields += azureRequestFields(request.target)
        fields += [
            ("state", .string(state)),
            ("requestState", .string(requestState)),
            ("principal", principal(request.principal)),
            ("justification", .string(request.justification)),
        ]
        fields += ticket(request.ticket)
        fields += [
            ("duration", .string(request.duration?.iso8601)),
            ("startDateTime", .date(request.start)),
            ("endDateTime", .date(end)),
            ("createdDateTime", .date(request.createdAt)),
            ("completedDateTime", .date(request.completedAt)),
            ("approvalId", .string(request.approvalId)),
            ("reviewedBy", principal(request.review?.reviewer)),
            ("reviewJustification", .string(request.review?.justification)),
            ("reviewedDateTime", .date(request.review?.reviewedAt)),
        ]
        return .object(withColumns(fields, Tables.requests, request, now: now) + extra)
    }

    /// One active elevation (`elevations`).
    static func elevation(_ assignment: ActiveAssignment, now: Date) -> JSONValue {
        var fields = targetFields(assignment.target, rowId: assignment.id)
        fields += azureTargetFields(assignment.target, memberType: assignment.memberType)
        fields.append(("state", .string("active")))
        fields.append(("endDateTime", .date(assignment.end)))
        fields.append(("remainingSeconds", assignment.remaining(at: now).map { .int(max(0, Int($0))) } ?? .null))
        fields.append(("startDateTime", .date(assignment.start)))
        fields.append(("assignmentType", .string(assignmentType(assignment.assignmentType))))
        fields.append(("principal", principal(assignment.principal)))
        fields.append(("assignmentId", .string(assignment.id)))
        return .object(withColumns(fields, Tables.elevations, assignment, now: now))
    }

    /// One request waiting for my decision (`approvals`).
    static func approval(_ item: ApprovalItem, now: Date) -> JSONValue {
        let request = item.request
        var fields: [(String, JSONValue)] = [
            ("id", .string(request.id)),
            ("status", .string(request.status.graphValue)),
            ("kind", .string(kind(request.target.kind))),
            ("name", .string(request.target.displayName)),
            ("targetId", .string(request.target.id.resourceId)),
            ("access", .string(request.target.kind.groupAccessId)),
            ("scope", .string(request.target.id.scope)),
        ]
        fields += azureRequestFields(request.target)
        fields += [
            ("tier", .string(request.target.tier.label)),
            ("tierLevel", .int(request.target.tier.rawValue)),
            // Not active until approved: product.md's `state` for the target is `eligible`.
            ("state", .string("eligible")),
            ("requestState", .string("pending")),
            ("requester", principal(request.principal)),
            ("justification", .string(request.justification)),
        ]
        fields += ticket(request.ticket)
        fields += [
            ("duration", .string(request.duration?.iso8601)),
            ("createdDateTime", .date(request.createdAt)),
            ("waitedSeconds", item.waited(at: now).map { .int(max(0, Int($0))) } ?? .null),
            // A pending request has no end yet; what it asks for is `duration`.
            ("endDateTime", .null),
            ("approvalId", .string(request.approvalId ?? item.approval?.id)),
            ("approveCommand", .string("pim approve \(request.id) --justification \"…\"")),
        ]
        return .object(withColumns(fields, Tables.approvals, item, now: now))
    }

    /// One audit event (`history`). `kind`, `state` and `endDateTime` keep product.md's row shape:
    /// an event ends nothing and leaves no state of its own, so those two are `eligible` and null.
    static func audit(_ event: AuditEvent) -> JSONValue {
        .object(
            withColumns(
                [
                    ("kind", .string(auditKind(event.category))),
                    ("state", .string("eligible")),
                    ("endDateTime", .null),
                    ("id", .string(event.id)),
                    ("date", .date(event.date)),
                    ("activity", .string(event.activity)),
                    ("result", .string(event.result)),
                    ("resultReason", .string(event.resultReason)),
                    ("category", .string(event.category)),
                    ("name", .string(event.targetName)),
                    ("targetId", .string(event.targetId)),
                    ("initiatedBy", principal(event.initiatedBy)),
                    ("requestId", .string(event.requestId)),
                    ("reviewedBy", principal(event.review?.reviewer)),
                    ("reviewJustification", .string(event.review?.justification)),
                    ("reviewedDateTime", .date(event.review?.reviewedAt)),
                ], Tables.auditHistory, event, now: event.date))
    }

    /// `role` for the RoleManagement category, `group` for GroupManagement, `azure` for
    /// ResourceManagement (PIM for Azure resources), else null.
    static func auditKind(_ category: String?) -> String? {
        switch category?.lowercased() {
        case "rolemanagement": "role"
        case "groupmanagement": "group"
        case "resourcemanagement": "azure"
        default: nil
        }
    }
}
