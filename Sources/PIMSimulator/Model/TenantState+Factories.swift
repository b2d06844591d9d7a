import Foundation

/// How requests, schedules and instances are made, shared by the seed and the request rules so a
/// seeded elevation looks exactly like one created through the API.
extension TenantState {
    static func targetScheduleId(kind: TargetKind, targetId: String, accessId: String?, requestId: String) -> String {
        kind == .role ? requestId : "\(targetId)_\(accessId ?? "member")_\(requestId)"
    }

    static func makeRequest(
        id: String, kind: TargetKind, action: String, status: String, principalId: String,
        targetId: String, accessId: String?, scope: String = "/", justification: String?,
        ticket: String? = nil, ticketSystem: String? = nil, start: Date?, durationSeconds: Int?,
        created: Date
    ) -> TenantRequest {
        TenantRequest(
            id: id, kind: kind, action: action, status: status,
            ask: TenantAsk(
                principalId: principalId, targetId: targetId,
                accessId: kind == .group ? (accessId ?? "member") : nil, directoryScopeId: scope,
                justification: justification, ticketNumber: ticket,
                ticketSystem: ticket == nil ? nil : (ticketSystem ?? "ServiceNow")),
            createdById: principalId,
            scheduleStart: start, expirationType: durationSeconds == nil ? nil : "afterDuration",
            durationText: durationSeconds.map { ActivationText.iso($0) }, durationSeconds: durationSeconds,
            scheduleEnd: nil,
            created: created, completed: nil, approvalId: nil,
            targetScheduleId: targetScheduleId(kind: kind, targetId: targetId, accessId: accessId, requestId: id))
    }

    /// The instance an activation request puts in force.
    func activation(for request: TenantRequest, start: Date, end: Date?) -> TenantAssignment {
        let eligibility = self.eligibility(
            kind: request.kind, principalId: request.principalId, targetId: request.targetId,
            accessId: request.accessId, scope: request.directoryScopeId, now: start)
        let instanceId =
            request.kind == .role
            ? StableID.make("instance:\(request.id)")
            : "\(request.targetId)_\(request.accessId ?? "member")_\(StableID.make("instance:\(request.id)"))"
        return TenantAssignment(
            grant: TenantGrant(
                id: instanceId, scheduleId: request.targetScheduleId ?? request.id, kind: request.kind,
                principalId: request.principalId, targetId: request.targetId, accessId: request.accessId,
                directoryScopeId: request.directoryScopeId),
            assignmentType: "Activated",
            memberType: eligibility?.memberType ?? "Direct", start: start, end: end, requestId: request.id,
            eligibilityScheduleId: eligibility?.scheduleId)
    }

    /// A permanent or time-bound direct assignment (`Assigned`).
    static func directAssignment(
        name: String, kind: TargetKind, principalId: String, targetId: String,
        accessId: String? = nil, start: Date?, end: Date?
    ) -> TenantAssignment {
        let sid = StableID.make("assigned:\(name)")
        let id = kind == .role ? sid : "\(targetId)_\(accessId ?? "member")_\(sid)"
        return TenantAssignment(
            grant: TenantGrant(
                id: id, scheduleId: id, kind: kind, principalId: principalId, targetId: targetId,
                accessId: kind == .group ? (accessId ?? "member") : nil, directoryScopeId: "/"),
            assignmentType: "Assigned", memberType: "Direct", start: start, end: end,
            requestId: nil, eligibilityScheduleId: nil)
    }

    static func eligibility(
        name: String, kind: TargetKind, principalId: String, targetId: String,
        accessId: String? = nil, scope: String = "/", start: Date, end: Date? = nil,
        memberType: String = "Direct"
    ) -> TenantEligibility {
        let schedule = StableID.make("eligibility-schedule:\(name)")
        let instance = StableID.make("eligibility:\(name)")
        return TenantEligibility(
            grant: TenantGrant(
                id: kind == .role ? instance : "\(targetId)_\(accessId ?? "member")_\(instance)",
                scheduleId: kind == .role ? schedule : "\(targetId)_\(accessId ?? "member")_\(schedule)",
                kind: kind, principalId: principalId, targetId: targetId,
                accessId: kind == .group ? (accessId ?? "member") : nil, directoryScopeId: scope),
            memberType: memberType, start: start, end: end)
    }
}

/// ISO 8601 duration text for whole seconds, written here so the tenant does not depend on the client's formatter.
enum ActivationText {
    /// Hours and minutes only (`PT24H`, `PT30M`, `PT1H30M`), as the service prints activation maximums.
    static func isoTime(_ seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        var text = "PT"
        if h > 0 { text += "\(h)H" }
        if m > 0 { text += "\(m)M" }
        if s > 0 || text == "PT" { text += "\(s)S" }
        return text
    }

    static func iso(_ seconds: Int) -> String {
        if seconds == 0 { return "PT0S" }
        let d = seconds / 86_400, h = (seconds % 86_400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        var text = "P"
        if d > 0 { text += "\(d)D" }
        if h > 0 || m > 0 || s > 0 {
            text += "T"
            if h > 0 { text += "\(h)H" }
            if m > 0 { text += "\(m)M" }
            if s > 0 { text += "\(s)S" }
        }
        return text
    }
}
