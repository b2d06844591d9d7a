import Foundation
import PIMDomain

extension ARMRoleService {
    /// Reads the approval fresh (Z10), picks the stage assigned to me and in progress, and PATCHes the
    /// decision at its id (Z11). A stage already closed, or a 409, is `.alreadyDecided` with who decided.
    public func decide(
        _ item: ApprovalItem, _ decision: ApprovalDecision, justification: String, principalId: String? = nil
    ) async throws {
        remember(principalId)
        guard let approvalId = item.request.approvalId ?? item.approval?.id else {
            throw PIMError(
                .notFound, "Request \(Sanitizer.sanitize(item.request.id)) has no approval to decide",
                step: .refresh(.mayBeGone))
        }
        let approval = try await readApproval(approvalId)
        guard let stage = approval.openStageForMe else {
            if approval.stages.contains(where: {
                $0.reviewResult != .notReviewed || $0.status.caseInsensitiveCompare("Completed") == .orderedSame
            }) {
                throw alreadyDecided(item.request, status: nil, approval: approval, from: nil)
            }
            throw PIMError(
                .forbidden, "No open approval stage of this request is assigned to you", step: .refresh(.notYours))
        }
        let patch = ARMEndpoints.review(
            approvalId: approvalId, stageId: stage.id, decision: decision, justification: justification)
        do { _ = try await client.sendWrite(patch) } catch let error as PIMError {
            let mapped = ARMErrorMapper.decided(error)
            guard mapped.kind == .alreadyDecided else { throw mapped }
            let latest = try? await readApproval(approvalId)
            throw alreadyDecided(item.request, status: nil, approval: latest, from: mapped)
        }
    }

    /// Who I am, as Graph told the caller: what "approved by you" is judged by.
    func remember(_ principalId: String?) {
        guard let principalId, !principalId.isEmpty else { return }
        state.update { $0.principalId = principalId }
    }

    func readApproval(_ id: String) async throws -> Approval {
        try client.decode(ARMApprovalDTO.self, from: try await client.send(ARMEndpoints.approval(id: id))).approval
    }

    /// Looks for the id among the requests I may approve and my own; nil when ARM does not know it or it
    /// still waits.
    public func whyNotWaiting(requestId: String, principalId: String? = nil) async -> PIMError? {
        remember(principalId)
        let started = clock.now()
        guard
            let responses = try? await batch.send([
                .init(name: "approverRequests", request: ARMEndpoints.requests(.asApprover)),
                .init(name: "myRequests", request: ARMEndpoints.requests(.asRequestor)),
            ])
        else { return nil }
        let names = state.read(\.names)
        var found: ElevationRequest?
        for name in ["approverRequests", "myRequests"] {
            guard let list = try? await list(ARMRequestDTO.self, name, in: responses, started: started).get() else {
                continue
            }
            if let match = list.first(where: { $0.name.caseInsensitiveCompare(requestId) == .orderedSame }) {
                found = match.request(names: names)
                break
            }
        }
        guard let found, !found.status.isPending else { return nil }
        let approval = found.approvalId == nil ? nil : try? await readApproval(found.approvalId!)
        return alreadyDecided(found, status: found.status, approval: approval, from: nil)
    }

    /// The `.alreadyDecided` error in words: who decided and when, or what became of the request.
    func alreadyDecided(
        _ request: ElevationRequest, status: RequestStatus?, approval: Approval?, from original: PIMError?
    ) -> PIMError {
        var error = original ?? PIMError(.alreadyDecided, "")
        error.kind = .alreadyDecided
        let id = Sanitizer.sanitize(request.id)
        if let words = DecidedOutcome.words(status: status, approval: approval, me: state.read(\.principalId)) {
            error.outcome = words
            error.event = "Request \(id) was already \(words): nothing is left to decide."
            error.step = .none
        } else {
            error.event = "Request \(id) was already decided by someone else"
            error.step = .refresh(.decidedElsewhere)
        }
        return error
    }
}
