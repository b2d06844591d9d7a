import Foundation

/// Thirty days of PIM history: activations that ran out, deactivations, approvals, denials and
/// cancellations, as requests (for "my requests") and audit records (for the audit log).
enum TenantHistory {
    static func add(to state: inout TenantState, now: Date, extraEvents: Int) {
        var rng = SplitMix64(seed: 2026)
        let actors: [(Persona, [(TargetKind, String, String?)])] = TenantSeed.roleEligibilities.map { persona, roles in
            let groups = TenantSeed.groupEligibilities.first { $0.0 == persona }?.1 ?? []
            return (persona, roles.map { (.role, $0, nil) } + groups.map { (.group, $0.0, Optional($0.1)) })
        }
        let reasons = [
            "INC-4821: investigate sign-in anomalies", "CHG-2210: quarterly access review clean-up",
            "Mailbox restore for legal hold", "INC-4977: conditional access lock-out",
            "CHG-2233: deploy the new compliance baseline", "Break-fix: sync errors in Entra Connect",
            "INC-5012: restore deleted app registration", "Monthly patch window",
        ]
        for day in stride(from: 30, through: 1, by: -1) {
            let events = 2 + Int(rng.next() % 4)
            for n in 0..<events {
                let (persona, targets) = actors[Int(rng.next() % UInt64(actors.count))]
                let (kind, target, access) = targets[Int(rng.next() % UInt64(targets.count))]
                let created = now.addingTimeInterval(
                    -Double(day) * 86_400 + Double(8 * 3600 + Int(rng.next() % 36_000)))
                let policy = state.policy(kind: kind, targetId: target, accessId: access)
                let duration = min(policy?.maximumDurationSeconds ?? 3600, [3600, 7200, 14_400][Int(rng.next() % 3)])
                let ticket = (policy?.requiresTicket ?? false) ? "CHG-\(2000 + day * 7 + n)" : nil
                var request = TenantState.makeRequest(
                    id: StableID.make("history:\(day):\(n)"), kind: kind, action: "selfActivate", status: "Provisioned",
                    principalId: persona.objectId, targetId: target, accessId: access,
                    justification: reasons[Int(rng.next() % UInt64(reasons.count))], ticket: ticket,
                    start: created, durationSeconds: duration, created: created)
                replay(&request, in: &state, policy: policy, roll: rng.nextUnit(), created: created, duration: duration)
            }
        }
        addScaleEvents(to: &state, now: now, count: extraEvents)
    }

    /// Plays one request's life into requests and audit records.
    private static func replay(
        _ request: inout TenantRequest, in state: inout TenantState, policy: TenantPolicy?,
        roll: Double, created: Date, duration: Int
    ) {
        typealias A = TenantState.Activity
        let who = request.principalId
        state.recordAudit(
            A.activationRequested, operationType: "Add", auditType: "ActivateRequest", request: request,
            initiatorId: who, at: created)
        var start = created
        if policy?.requiresApproval == true {
            request.approvalId = request.id
            state.recordAudit(
                A.approvalRequested, operationType: "Add", auditType: "ApprovalRequested", request: request,
                initiatorId: who, at: created)
            let decided = created.addingTimeInterval(600)
            // Past decisions were shared between two approvers, so an auditor's --user filter has a choice.
            let approvers = (policy?.approverIds ?? TenantSeed.approvers) + [Persona.hana.objectId]
            let pick = approvers[Int(request.id.utf8.last ?? 0) % approvers.count]
            let approver = pick == who ? approvers.first { $0 != who } ?? pick : pick  // not one's own request
            var step = TenantApprovalStep(
                id: StableID.make("step:\(request.id)"), status: "Completed", reviewResult: "Approved",
                reviewedById: approver, reviewedDateTime: decided, justification: "Approved as requested",
                approverIds: approvers)
            if roll < 0.2 {
                step.reviewResult = "Denied"
                step.justification = "Use the standard change window"
                request.status = "Denied"
                request.completed = decided
                request.approval = step
                state.recordAudit(
                    A.denied, operationType: "Add", auditType: "ApprovalDenied", request: request,
                    initiatorId: approver, at: decided)
                state.requests.append(request)
                return
            }
            if roll < 0.3 {
                request.status = "Canceled"
                request.completed = created.addingTimeInterval(300)
                step.status = "Completed"
                step.reviewResult = "NotReviewed"
                step.justification = ""
                step.reviewedById = nil
                step.reviewedDateTime = nil
                request.approval = step
                state.recordAudit(
                    A.canceled, operationType: "Add", auditType: "CancelRequest", request: request,
                    initiatorId: who, at: request.completed!)
                state.requests.append(request)
                return
            }
            request.approval = step
            state.recordAudit(
                A.approved, operationType: "Add", auditType: "ApprovalApproved", request: request,
                initiatorId: approver, at: decided)
            start = decided
        }
        request.completed = start
        state.requests.append(request)
        state.recordAudit(
            A.activationCompleted, operationType: "Add", auditType: "ActivatedRole", request: request,
            initiatorId: who, at: start)
        if roll > 0.7 {
            let end = start.addingTimeInterval(Double(duration) / 2)
            var off = TenantState.makeRequest(
                id: StableID.make("history-off:\(request.id)"), kind: request.kind, action: "selfDeactivate",
                status: "Revoked",
                principalId: who, targetId: request.targetId, accessId: request.accessId, justification: nil,
                start: nil, durationSeconds: nil, created: end)
            off.completed = end
            state.requests.append(off)
            state.recordAudit(
                A.deactivateRequested, operationType: "Delete", auditType: "DeactivateRequest", request: off,
                initiatorId: who, at: end)
            state.recordAudit(
                A.deactivateCompleted, operationType: "Delete", auditType: "RemoveActivatedRole", request: off,
                initiatorId: who, at: end)
        } else {
            state.recordAudit(
                A.expired, operationType: "Delete", auditType: "RemoveActivatedRole", request: request,
                initiatorId: nil, at: start.addingTimeInterval(Double(duration)))
        }
    }

    /// `PIM_SIM_SCALE`: extra audit records (completed activations by the main persona) over 30 days.
    private static func addScaleEvents(to state: inout TenantState, now: Date, count: Int) {
        guard count > 0 else { return }
        state.audit.reserveCapacity(state.audit.count + count)
        let roles = RoleCatalog.all
        for i in 0..<count {
            let role = roles[i % roles.count]
            let when = now.addingTimeInterval(-30 * 86_400 + Double(i) * (30 * 86_400 - 3600) / Double(count))
            let request = TenantState.makeRequest(
                id: StableID.make("scale-history:\(i)"), kind: .role, action: "selfActivate", status: "Provisioned",
                principalId: Persona.ada.objectId, targetId: role.id, accessId: nil,
                justification: "Routine maintenance",
                start: when, durationSeconds: 3600, created: when)
            state.recordAudit(
                TenantState.Activity.activationCompleted, operationType: "Add", auditType: "ActivatedRole",
                request: request, initiatorId: Persona.ada.objectId, at: when)
        }
    }
}
